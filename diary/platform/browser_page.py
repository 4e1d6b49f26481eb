"""Asking the page (the window around Flet's client) from Python, which runs in a worker: only the page
has localStorage and hears the browser's install events. Both sides talk on the "diary-page"
BroadcastChannel (the page's side is in diary/pwa/site.py: START_JS and INSTALL_JS); a question carries
an id that its answer repeats. Browser only.
"""

from __future__ import annotations

import asyncio
import itertools
import time

CHANNEL = "diary-page"
_ids = itertools.count()


def tell_page(message: dict) -> None:
    """Post `message` to the page, expecting no answer."""
    import js  # type: ignore[import-not-found]

    channel = js.BroadcastChannel.new(CHANNEL)
    _post(channel, message)
    channel.close()


async def ask_page(message: dict, *, timeout: float) -> dict | None:
    """Post `message` with a fresh id and return the page's answer (the message repeating that id), or
    None when no page answered within `timeout` seconds."""
    from pyodide.ffi import create_proxy  # type: ignore[import-not-found]

    import js  # type: ignore[import-not-found]

    answered = asyncio.get_running_loop().create_future()
    asked = f"{time.perf_counter()}-{next(_ids)}"

    def heard(event) -> None:
        data = event.data.to_py()
        if isinstance(data, dict) and data.get("id") == asked and not answered.done():
            answered.set_result(data)
    channel = js.BroadcastChannel.new(CHANNEL)
    handler = create_proxy(heard)
    channel.onmessage = handler
    try:
        _post(channel, {**message, "id": asked})
        return await asyncio.wait_for(answered, timeout)
    except asyncio.TimeoutError:
        return None
    finally:
        channel.close()
        handler.destroy()


def _post(channel, message: dict) -> None:
    import js  # type: ignore[import-not-found]
    from pyodide.ffi import to_js  # type: ignore[import-not-found]

    channel.postMessage(to_js(message, dict_converter=js.Object.fromEntries))
