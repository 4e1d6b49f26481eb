"""The phone app open in two tabs of one browser (issue 14): exactly one owns the diary; the other says
"The diary is open in another tab" and offers "Use it here", which takes it over after the owner made its
saves durable and closed it. Two tabs saving alternately, with a take-over before every save, lose no
update: every check-in either tab saved is there at the end.
"""

from __future__ import annotations

import pytest

from diary.ui import text as T

pytestmark = pytest.mark.e2e

ROUNDS = 6  # A, B, A, B, A, B: five take-overs
TODAY = "How has today been?"


def test_two_tabs_take_turns_and_lose_no_update(pwa_site, open_pwa, tmp_path):
    first = open_pwa("pwa-tab-a", tmp_path / "profile", pwa_site.url)
    first.open()
    second = first.new_tab("pwa-tab-b")
    second.goto()
    second.see(T.ELSEWHERE, timeout=90_000)
    second.see(T.ELSEWHERE_TEXT)
    second.screenshot("elsewhere")
    tabs = [first, second]
    for turn in range(ROUNDS):
        writer, other = tabs[turn % 2], tabs[1 - turn % 2]
        if turn:
            writer.tap(T.USE_HERE)
            other.see(T.TAKEN_OVER, timeout=30_000)
            writer.see(TODAY, timeout=60_000)
        writer.save_a_checkin(pain=turn + 1)
    other.screenshot("taken-over")

    last = tabs[(ROUNDS - 1) % 2]
    last.open(reload=True)  # what IndexedDB holds, read afresh
    last.tab("Settings")
    last.see(T.days_logged_and_checkins(1, ROUNDS))  # one day, every tab's check-in
    print(f"\ntwo tabs: {ROUNDS} saves, {ROUNDS - 1} take-overs, {ROUNDS} check-ins kept")
