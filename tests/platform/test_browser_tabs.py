"""The phone app's one-owner rule (diary/platform/browser_tabs.py) with a fake of the browser's Web Locks
and BroadcastChannel: a second tab is told no, a take-over asks the owner, the owner finishes its
let-go work before the lock moves, and a tab that was let go of can take it back."""

from __future__ import annotations

import asyncio

from diary.platform.browser_tabs import TabOwnership
from tests.platform.test_seams import run as run_on_own_loop


class FakeBrowser:
    """One origin's locks and channel, shared by every tab's bridge."""

    def __init__(self):
        self.holder = None
        self.waiting: list[tuple[object, asyncio.Future]] = []
        self.listeners: list = []
        self.log: list[str] = []

    def bridge(self, tab: str) -> FakeBridge:
        return FakeBridge(self, tab)


class FakeBridge:
    def __init__(self, browser: FakeBrowser, tab: str):
        self.browser, self.tab = browser, tab

    async def acquire(self, name: str, *, wait: bool):
        browser = self.browser
        if browser.holder is not None:
            if not wait:
                return None
            granted = asyncio.get_running_loop().create_future()
            browser.waiting.append((self.tab, granted))
            await granted
        browser.holder = self.tab
        browser.log.append(f"{self.tab} owns")

        def release() -> None:
            browser.log.append(f"{self.tab} lets go")
            browser.holder = None
            if browser.waiting:
                tab, granted = browser.waiting.pop(0)
                browser.holder = tab
                granted.set_result(None)
        return release

    def listen(self, on_message):
        entry = (self.tab, on_message)
        self.browser.listeners.append(entry)
        return lambda: self.browser.listeners.remove(entry)

    def post(self, message: dict) -> None:
        for tab, listener in list(self.browser.listeners):
            if tab != self.tab:
                asyncio.get_running_loop().call_soon(listener, message)


def run(coroutine):
    """On a loop of its own thread: an end-to-end test run keeps Playwright's loop running on this one."""
    return run_on_own_loop(asyncio.wait_for(coroutine, 5))


def test_a_second_tab_is_told_no_and_takes_over_after_the_owner_has_let_go():
    async def scenario():
        browser = FakeBrowser()
        first, second = TabOwnership(browser.bridge("A")), TabOwnership(browser.bridge("B"))

        async def closing_the_diary():
            browser.log.append("A flushes and closes")
            await asyncio.sleep(0.05)
        first.when_asked_to_let_go(closing_the_diary)
        assert await first.claim(wait=False) is True
        assert await second.claim(wait=False) is False
        await second.take_over()
        assert second.owned and not first.owned
        return browser.log

    assert run(scenario()) == ["A owns", "A flushes and closes", "A lets go", "B owns"]


def test_the_lock_moves_even_when_the_let_go_work_fails_and_the_first_tab_can_take_it_back():
    async def scenario():
        browser = FakeBrowser()
        first, second = TabOwnership(browser.bridge("A")), TabOwnership(browser.bridge("B"))

        async def broken():
            raise RuntimeError("the sync failed")
        first.when_asked_to_let_go(broken)
        await first.claim(wait=False)
        await second.take_over()
        await first.take_over()  # B has no let-go work: it lets go at once
        return first.owned, second.owned, browser.log

    assert run(scenario()) == (True, False, ["A owns", "A lets go", "B owns", "B lets go", "A owns"])


def test_a_request_sent_before_the_owner_listened_is_asked_again():
    async def scenario():
        browser = FakeBrowser()
        first, second = TabOwnership(browser.bridge("A")), TabOwnership(browser.bridge("B"), ask_again=0.01)
        browser.holder = "A"  # A holds the lock but has not started listening yet
        taking = asyncio.ensure_future(second.take_over())
        await asyncio.sleep(0.03)
        browser.holder = None
        await first.claim(wait=False)  # now A listens; B's repeated request reaches it
        await taking
        return second.owned

    assert run(scenario()) is True
