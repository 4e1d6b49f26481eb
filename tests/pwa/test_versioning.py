"""The phone site's version (diary.pwa.versioning): written into the app's package at build time, read by
the app in the browser; the desktop has none."""

from diary.pwa import versioning


def test_the_version_is_the_release_and_the_start_of_the_build_fingerprint():
    assert versioning.version_of("0.1.0", "4be0c2a9f0" + "0" * 54) == "0.1.0+4be0c2a"


def test_the_app_reads_the_version_the_build_wrote(tmp_path):
    (tmp_path / "diary" / "pwa").mkdir(parents=True)
    written = versioning.write(tmp_path, "0.1.0+4be0c2a")
    assert versioning.current(written.parent) == "0.1.0+4be0c2a"


def test_without_a_built_site_there_is_no_version(tmp_path):
    assert versioning.current(tmp_path) is None
    (tmp_path / versioning.FILE_NAME).write_text("not json")
    assert versioning.current(tmp_path) is None
    assert versioning.current() is None  # the desktop: the source tree holds no version.json
