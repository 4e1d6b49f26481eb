"""A closed or reloaded browser tab is normal, not an error.

When a tab goes away while the app still has messages queued for it (a chart drawn in the background,
a reply to the last tap), Flet's web app tries to send them on the closed WebSocket, and the error
("WebSocket is not connected", or the server's own "ClientDisconnected") escapes to uvicorn, which
prints a traceback on the terminal. `QuietWhenClosed` is ASGI middleware (Flet is not patched): once
the client has said goodbye, sends are dropped and what the app raises about the closed socket is
logged at debug level only. Errors while the tab is open still surface as before.
"""

from __future__ import annotations

import logging

from diary.server_guard import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("diary.web")


class ClosedTabReceiveIsQuiet(logging.Filter):
    """Flet's receive loop logs a warning with a traceback when the tab left between two reads (Starlette
    then says "WebSocket is not connected"); that is a tab closing, so it goes to debug, like the rest."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING and "WebSocket is not connected" in record.getMessage():
            log.debug("the tab closed between two reads: %s", record.getMessage())
            return False
        return True


def quiet_flet_receive_loop() -> None:
    """Install the filter on Flet's web logger (once; idempotent)."""
    flet_log = logging.getLogger("flet_web.fastapi")
    if not any(isinstance(f, ClosedTabReceiveIsQuiet) for f in flet_log.filters):
        flet_log.addFilter(ClosedTabReceiveIsQuiet())


class QuietWhenClosed:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            await self.app(scope, receive, send)
            return
        closed = False

        async def watched_receive() -> Message:
            nonlocal closed
            message = await receive()
            if message["type"] == "websocket.disconnect":
                closed = True
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal closed
            if closed:
                return  # nobody is listening any more
            try:
                await send(message)
            except Exception:  # noqa: BLE001 - the server found the socket closed before we heard so
                closed = True
                raise

        try:
            await self.app(scope, watched_receive, guarded_send)
        except Exception as exc:  # noqa: BLE001
            if not closed:
                raise
            log.debug("the tab closed while the app was still sending: %s", exc)
