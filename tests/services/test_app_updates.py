"""Which version last opened a diary, and when Today says "Updated to version N" (diary.services.app_updates)."""

from diary.services.app_updates import (NOTE_KEY, OPENED_BY_KEY, VersionName, dismiss_update_note, record_opening,
                                        update_note)


def test_the_first_version_to_open_a_diary_says_nothing(diary):
    assert record_opening(diary.meta, "0.1.0+aaaaaaa") is False
    assert update_note(diary.meta) is None
    assert diary.meta.get(OPENED_BY_KEY) == "0.1.0+aaaaaaa"


def test_the_same_version_again_says_nothing(diary):
    record_opening(diary.meta, "0.1.0+aaaaaaa")
    assert record_opening(diary.meta, "0.1.0+aaaaaaa") is False
    assert update_note(diary.meta) is None


def test_a_new_release_is_named_by_its_release_on_that_start_only(diary):
    record_opening(diary.meta, "0.1.0+aaaaaaa")
    assert record_opening(diary.meta, "0.2.0+bbbbbbb") is True
    assert update_note(diary.meta) == VersionName("0.2.0")
    assert record_opening(diary.meta, "0.2.0+bbbbbbb") is False  # the next start: said once, not again
    assert update_note(diary.meta) is None and diary.meta.get(NOTE_KEY) is None


def test_a_rebuilt_site_of_the_same_release_is_named_with_its_build(diary):
    record_opening(diary.meta, "0.1.0+aaaaaaa")
    assert record_opening(diary.meta, "0.1.0+ccccccc") is True
    assert update_note(diary.meta) == VersionName("0.1.0", "ccccccc")


def test_dismissing_the_note_forgets_it_and_the_version_stays_recorded(diary):
    record_opening(diary.meta, "0.1.0+aaaaaaa")
    record_opening(diary.meta, "0.2.0+bbbbbbb")
    dismiss_update_note(diary.meta)
    assert update_note(diary.meta) is None
    assert diary.meta.get(OPENED_BY_KEY) == "0.2.0+bbbbbbb"
    dismiss_update_note(diary.meta)  # twice: nothing to forget, no error


def test_an_older_version_after_a_newer_one_is_noted_too(diary):
    """A host that went back to an older site: the note names the version now running."""
    record_opening(diary.meta, "0.2.0+bbbbbbb")
    assert record_opening(diary.meta, "0.1.0+aaaaaaa") is True
    assert update_note(diary.meta) == VersionName("0.1.0")
