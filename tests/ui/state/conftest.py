"""The screens' states are pure functions: tested once, in English (no pseudo-locale run: no screen)."""

import pytest


@pytest.fixture
def ui_locale():
    return "en"
