"""The language in force: text modules that translate on every read (no restart), plural and context
messages, scoped languages that leave others alone, and the choice from the environment or the browser."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

from diary.cli import language_asked, main
from diary.i18n import (
    REQUEST_LANGUAGES, accept_language_tags, current_language, environment_language, in_language, system_language,
    use_language,
)
from diary.ui import text as T
from diary.ui.app import device_language
from diary.ui.clinician import text as CT
from tests.test_server_guard import run_async  # a loop of its own: an e2e test may hold this thread's


def test_a_text_constant_reads_in_the_language_of_the_moment():
    assert T.SAVE == "Save"
    use_language("sv")
    assert (T.SAVE, CT.NAV_CASELOAD, T.REGION_NAMES["lower_back"]) == ("Spara", "Patientlista", "Nedre delen av ryggen")
    use_language("en")
    assert T.SAVE == "Save"


def test_plural_and_context_messages():
    with in_language("sv"):
        assert [T.DAY_CHECKINS.format(n=n) for n in (1, 2)] == ["1 registrering", "2 registreringar"]
        assert (T.THEME_LIGHT, T.LIGHT) == ("Ljust", "Lätt")  # the theme's "Light" is not the activity's
        assert T.days_and_checkins(1, 3) == "1 dag, 3 registreringar"
    assert [T.DAY_CHECKINS.format(n=n) for n in (1, 2)] == ["1 check-in", "2 check-ins"]


def test_a_scoped_language_stays_in_its_thread():
    seen = []
    with in_language("sv"):
        worker = threading.Thread(target=lambda: seen.append(current_language()))
        worker.start()
        worker.join()
        assert current_language() == "sv"
    assert seen == ["en"] and current_language() == "en"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="sv or en"):
        use_language("de")


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "sv_SE.UTF-8"}, "sv"), ({"LC_MESSAGES": "sv_FI"}, "sv"), ({"LANGUAGE": "de:sv:en", "LANG": "C"}, "sv"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"), ({"LANG": "C.UTF-8"}, None), ({}, None),
    ({"LANG": "de_DE.UTF-8"}, None),
])
def test_the_environment_decides_as_gettext_does(environ, expected):
    assert environment_language(environ) == expected
    assert system_language(environ) == (expected or "en")


def test_the_browser_s_languages_decide_on_the_web():
    async def info():
        return SimpleNamespace(languages=["de-DE", "sv-SE", "en"], language="de-DE")

    web = SimpleNamespace(web=True, get_device_info=info)
    assert run_async(device_language(web)) == "sv"
    desktop = SimpleNamespace(web=False)
    assert run_async(device_language(desktop)) == "en"  # LANG=C.UTF-8 in the tests (tests/conftest.py)


def test_cli_messages_follow_lang_and_the_lang_option(tmp_path, capsys, monkeypatch):
    home = str(tmp_path / "home")
    assert main(["--home", home, "log", "--pain", "4", "--date", "2020-01-01"]) == 0
    assert "Saved a check-in for 2020-01-01." in capsys.readouterr().out
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert main(["--home", home, "log", "--pain", "5", "--date", "2020-01-02"]) == 0
    assert "Sparade en registrering för 2020-01-02." in capsys.readouterr().out
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main(["--home", home, "--lang", "sv", "log", "--pain", "11"]) == 2
    assert capsys.readouterr().err.startswith("diary: ")
    assert language_asked(["--home", "x", "--lang=sv", "info"]) == "sv" and language_asked(["info"]) is None


def test_cli_help_is_translated(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "sv", "--help"])
    assert "språket för meddelanden" in capsys.readouterr().out


@pytest.mark.parametrize("header, expected", [
    ("sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7", ("sv-SE", "sv", "en-US", "en")),
    ("en;q=0.8, de;q=0.9 ,sv", ("sv", "de", "en")),  # by weight, not by place
    ("de, *;q=0.5, sv;q=0, en;q=oops", ("de",)),  # no wildcard, nothing refused, nothing malformed
    ("", ()),
])
def test_accept_language_lists_the_browser_s_languages_most_preferred_first(header, expected):
    assert accept_language_tags(header) == expected


def test_the_request_s_language_answers_without_asking_the_page():
    async def never():
        raise AssertionError("the page was asked although the request said")

    async def info():
        return SimpleNamespace(languages=["sv-SE"], language="sv-SE")

    async def with_header(header, page):
        REQUEST_LANGUAGES.set(accept_language_tags(header))  # as diary.web_server does for the session's task
        return await device_language(page)

    assert run_async(with_header("de-DE,sv-SE;q=0.9", SimpleNamespace(web=True, get_device_info=never))) == "sv"
    assert run_async(with_header("en-GB", SimpleNamespace(web=True, get_device_info=never))) == "en"
    # A first language the app does not speak, alone (Chromium's reduced header): the page still decides.
    assert run_async(with_header("de-DE", SimpleNamespace(web=True, get_device_info=info))) == "sv"
    assert run_async(device_language(SimpleNamespace(web=True, get_device_info=info))) == "sv"  # no request
