"""Two tabs (or an installed app and a tab) of the phone app must never write the diary at once: each
holds its own copy of the IDBFS files in memory, and the last copy synced to IndexedDB would win, losing
the other's saves. So exactly one tab owns the diary: the one holding the Web Lock "diary-database"
(navigator.locks, which works in Python's worker and is let go by the browser when the tab closes).

Another tab asks first (`claim(wait=False)`); told no, it says so and offers "Use it here", which calls
`take_over()`: ask the owner on the BroadcastChannel "diary-owner" to let go, then wait for the lock. The
owner, asked, runs the callback given to `when_asked_to_let_go` (make every save durable, close the
diary, say so) and only then lets go, so the new owner reads IndexedDB after the last save reached it.

The browser's side (the lock, the channel) is injected, so the hand-over is tested on the desktop with
fakes (tests/platform/test_browser_tabs.py); `WebLocks` is the real one. Browser only.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

LOCK_NAME = "diary-database"
CHANNEL = "diary-owner"
ASK_AGAIN_SECONDS = 1.5  # a request is repeated until the lock comes: an owner still starting may miss one

# Resolves to a function that lets the lock go, or to null when `wait` is false and another tab holds it.
ACQUIRE_JS = """
(name, wait) => new Promise((acquired, failed) => {
  navigator.locks.request(name, wait ? {} : { ifAvailable: true }, (lock) => {
    if (!lock) { acquired(undefined); return; }
    return new Promise((release) => acquired(() => release()));
  }).catch(failed);
})
"""


class LockBridge(Protocol):
    async def acquire(self, name: str, *, wait: bool) -> Callable[[], None] | None: ...

    def listen(self, on_message: Callable[[dict], None]) -> Callable[[], None]:
        """Listen on the channel; returns a function that stops listening."""

    def post(self, message: dict) -> None: ...


class WebLocks:
    """navigator.locks and a BroadcastChannel, from Python's worker."""

    def __init__(self, channel: str = CHANNEL):
        self._channel_name = channel
        self._acquire = None

    async def acquire(self, name: str, *, wait: bool):
        from pyodide.code import run_js  # type: ignore[import-not-found]

        if self._acquire is None:
            self._acquire = run_js(ACQUIRE_JS)
        release = await self._acquire(name, wait)
        return None if release is None else (lambda: release())

    def listen(self, on_message: Callable[[dict], None]) -> Callable[[], None]:
        import js  # type: ignore[import-not-found]
        from pyodide.ffi import create_proxy  # type: ignore[import-not-found]

        channel = js.BroadcastChannel.new(self._channel_name)
        handler = create_proxy(lambda event: on_message(event.data.to_py() if hasattr(event.data, "to_py")
                                                         else {}))
        channel.onmessage = handler

        def stop() -> None:
            channel.onmessage = None
            channel.close()
            handler.destroy()
        return stop

    def post(self, message: dict) -> None:
        import js  # type: ignore[import-not-found]
        from pyodide.ffi import to_js  # type: ignore[import-not-found]

        channel = js.BroadcastChannel.new(self._channel_name)
        channel.postMessage(to_js(message, dict_converter=js.Object.fromEntries))
        channel.close()


class TabOwnership:
    """Whether this tab owns the diary, and handing it over between tabs."""

    def __init__(self, bridge: LockBridge | None = None, *, name: str = LOCK_NAME,
                 ask_again: float = ASK_AGAIN_SECONDS):
        self._bridge = bridge or WebLocks()
        self._name, self._ask_again = name, ask_again
        self._release: Callable[[], None] | None = None
        self._stop_listening: Callable[[], None] | None = None
        self._let_go: Callable[[], Awaitable[Any]] | None = None
        self._letting_go: asyncio.Future | None = None

    @property
    def owned(self) -> bool:
        return self._release is not None

    async def claim(self, *, wait: bool) -> bool:
        """Own the diary: at once if no tab owns it (wait=False: else False), or once the owner lets go."""
        if self.owned:
            return True
        release = await self._bridge.acquire(self._name, wait=wait)
        if release is None:
            return False
        self._release = release
        self._stop_listening = self._bridge.listen(self._heard)
        return True

    async def take_over(self) -> None:
        """Ask the tab that owns the diary to let go (it makes its saves durable and closes it), and own it."""
        claiming = asyncio.ensure_future(self.claim(wait=True))
        while not claiming.done():
            self._bridge.post({"let-go": self._name})
            await asyncio.wait([claiming], timeout=self._ask_again)
        await claiming

    def when_asked_to_let_go(self, callback: Callable[[], Awaitable[Any]]) -> None:
        """What to do before letting go (make every save durable, close the diary); the lock waits for it."""
        self._let_go = callback

    def _heard(self, message: dict) -> None:
        if message.get("let-go") == self._name and self.owned and self._letting_go is None:
            self._letting_go = asyncio.ensure_future(self.let_go())

    async def let_go(self) -> None:
        """Run the let-go callback, then release the lock (also when the callback failed: a tab that cannot
        close its diary must not keep the other waiting for ever; what it saved is in IndexedDB already)."""
        try:
            if self._let_go is not None:
                await self._let_go()
        finally:
            release, self._release = self._release, None
            if self._stop_listening is not None:
                self._stop_listening()
                self._stop_listening = None
            self._letting_go = None
            if release is not None:
                release()
