from datetime import date, datetime

import pytest

from diary.domain.entries import CheckIn
from diary.domain.errors import ValidationFailed
from diary.domain.regions import REGIONS, generalized_pain

AT = datetime(2026, 3, 15, 20, 0)


def make(**fields):
    return CheckIn.create(day=date(2026, 3, 15), recorded_at=AT, **fields)


class TestCheckInCreate:
    def test_keeps_answers_and_missing_items_stay_none(self):
        c = make(pain=6, stress=4, regions=["neck", "lower_back"], moderate_min=20, note="walked")
        assert (c.pain, c.stress, c.moderate_min, c.note) == (6, 4, 20, "walked")
        assert c.fatigue is None and c.light_min is None and c.sleep_hours is None
        assert c.pain_regions == frozenset({"neck", "lower_back"})

    def test_regions_keep_wpi_order_and_intensity(self):
        c = make(regions={"abdomen": 3, "jaw_left": None})
        assert list(c.regions) == ["jaw_left", "abdomen"]
        assert c.regions["abdomen"] == 3

    def test_zero_is_an_answer_not_missing(self):
        c = make(pain=0)
        assert c.pain == 0

    @pytest.mark.parametrize("bad", [11, -1, "7", 7.5, True, None.__class__])
    def test_pain_out_of_range_or_wrong_type_is_refused_with_the_allowed_values(self, bad):
        with pytest.raises(ValidationFailed, match="Pain must be a whole number from 0 to 10"):
            make(pain=bad)

    def test_activity_minutes_are_capped(self):
        with pytest.raises(ValidationFailed, match="Moderate activity must be whole minutes from 0 to 600"):
            make(moderate_min=10**6)

    def test_unknown_region_names_the_allowed_ones(self):
        with pytest.raises(ValidationFailed, match="Unknown body region 'knee'.*neck"):
            make(regions=["knee"])

    def test_no_pain_and_regions_conflict(self):
        with pytest.raises(ValidationFailed, match="not both"):
            make(regions=["neck"], no_pain=True)

    def test_empty_check_in_is_refused(self):
        with pytest.raises(ValidationFailed, match="Nothing to save yet"):
            make()

    def test_blank_note_alone_is_empty(self):
        with pytest.raises(ValidationFailed, match="Nothing to save yet"):
            make(note="   ")

    def test_flare_mark_alone_is_enough(self):
        assert make(flare=True).flare

    def test_explicit_no_pain_is_an_empty_map_not_missing(self):
        c = make(no_pain=True)
        assert c.pain_regions == frozenset()
        assert make(pain=3).pain_regions is None

    def test_empty_region_list_means_no_pain(self):
        assert make(regions=[]).pain_regions == frozenset()

    def test_note_length_limit(self):
        make(note="x" * 2000)
        with pytest.raises(ValidationFailed, match="2,001 characters long; the most allowed is 2,000"):
            make(note="x" * 2001)

    @pytest.mark.parametrize("char", ["\u202e", "\u0000", "\u0085", "\ufeff", "\ud800"])
    def test_hidden_and_control_characters_in_notes_are_refused(self, char):
        with pytest.raises(ValidationFailed, match="The note contains"):
            make(note=f"ok {char} text")

    def test_note_is_normalised_to_nfc_and_keeps_markup_verbatim(self):
        c = make(note="cafe\u0301 <img src=x onerror=alert(1)> =HYPERLINK(1)\r\nline")
        assert c.note == "caf\u00e9 <img src=x onerror=alert(1)> =HYPERLINK(1)\nline"

    def test_sleep_hours_in_quarter_hours(self):
        assert make(sleep_hours=7.5).sleep_hours == 7.5
        with pytest.raises(ValidationFailed, match="Hours slept"):
            make(sleep_hours=25)
        with pytest.raises(ValidationFailed, match="quarter hours"):
            make(sleep_hours=7.3)

    def test_impossible_and_ancient_dates(self):
        with pytest.raises(ValidationFailed, match="not a real date"):
            CheckIn.create(day="2026-02-30", recorded_at=AT, pain=3)
        with pytest.raises(ValidationFailed, match="too long ago"):
            CheckIn.create(day=date(1970, 1, 1), recorded_at=AT, pain=3)

    def test_unknown_fields_are_refused(self):
        with pytest.raises(ValidationFailed, match="Unknown item 'path'"):
            make(pain=3, path="../../etc")

    def test_changed_keeps_id_and_revalidates(self):
        c = make(pain=3)
        d = c.changed(pain=None, fatigue=2)
        assert d.id == c.id and d.pain is None and d.fatigue == 2
        with pytest.raises(ValidationFailed):
            c.changed(pain=None)


class TestRegions:
    def test_there_are_19(self):
        assert len(REGIONS) == 19 == len(set(REGIONS))

    def test_generalized_pain_needs_four_of_five_areas(self):
        assert generalized_pain({"shoulder_left", "shoulder_right", "hip_left", "hip_right", "neck", "lower_back"})
        assert not generalized_pain({"jaw_left", "jaw_right", "neck", "upper_back", "chest", "abdomen"})
