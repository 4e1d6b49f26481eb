"""The phone site's version (diary.pwa.site_version): written into the app's package at build time, read by
the app in the browser; the desktop has none."""

from diary.pwa import site_version


def test_the_version_is_the_release_and_the_start_of_the_build_fingerprint():
    assert site_version.version_of("0.1.0", "4be0c2a9f0" + "0" * 54) == "0.1.0+4be0c2a"


def test_the_app_reads_the_version_the_build_wrote(tmp_path):
    (tmp_path / "diary" / "pwa").mkdir(parents=True)
    written = site_version.write(tmp_path, "0.1.0+4be0c2a")
    assert site_version.current(written.parent) == "0.1.0+4be0c2a"


def test_without_a_built_site_there_is_no_version(tmp_path):
    assert site_version.current(tmp_path) is None
    (tmp_path / site_version.FILE_NAME).write_text("not json")
    assert site_version.current(tmp_path) is None
    assert site_version.current() is None  # the desktop: the source tree holds no site_version.json
