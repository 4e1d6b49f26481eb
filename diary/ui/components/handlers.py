"""Event handlers that call a method with fixed arguments.

Flet awaits a handler only when the handler itself is a coroutine function; a lambda that returns a
coroutine would be called and dropped. `on(action, *args)` makes a handler that awaits `action` when
it is async, so screens can write `on_click=on(self.remove, label)` for either kind.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable


def on(action: Callable, *args, **kwargs) -> Callable:
    async def handler(e=None) -> None:
        result = action(*args, **kwargs)
        if inspect.isawaitable(result):
            await result

    return handler
