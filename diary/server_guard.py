"""The local server's lock: only the page diary opened for this launch may talk to it.

`diary` serves the app on 127.0.0.1, but a port on 127.0.0.1 is reachable by every web page open in the
browser (through the page's own JavaScript, or by DNS rebinding a name of its own to 127.0.0.1) and by
every other user of the machine. So, as Jupyter does:

- Each launch makes a fresh random token (256 bits from `secrets`) that appears only in the address diary
  prints and opens: `http://127.0.0.1:PORT/?token=…`. The first request carrying it gets an HttpOnly,
  SameSite=Strict cookie and a redirect to the same address without the token, so the token leaves the
  address bar (and the history entry the browser keeps of it).
- Every HTTP request and WebSocket needs that cookie (or the token); without it: 403, and no Flet session
  is ever made.
- The Host header must be exactly 127.0.0.1:PORT or localhost:PORT (a rebinding page sends its own name);
  a WebSocket's Origin must be the app's own origin (absent counts as foreign); an HTTP request that
  carries a foreign Origin is refused too.
- Flet's web app answers every response with `Access-Control-Allow-Origin: *`; the guard removes it, so
  no other origin may read a response even if it got one.

`ServerGuard` is plain ASGI wrapped around Flet's FastAPI app (Flet itself is not patched). It knows
nothing of Flet; tests drive it with any ASGI app.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_PARAMETER = "token"
TOKEN_BYTES = 32  # 256 bits; the issue asks for at least 128
_REFUSED = ("This is diary's own server: open it from the address diary printed when it started "
            "(the one ending in ?token=...).").encode()
_STALE = ("This address is from an earlier start of diary: open the address it printed this time.").encode()
_CROSS_ORIGIN_HEADERS = (b"access-control-allow-origin", b"access-control-allow-credentials")


@dataclass(frozen=True)
class LaunchSecrets:
    """The token shown in the address, and the cookie value it is exchanged for (both new per launch)."""

    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(TOKEN_BYTES), repr=False)
    cookie_value: str = field(default_factory=lambda: secrets.token_urlsafe(TOKEN_BYTES), repr=False)

    @property
    def cookie_name(self) -> str:
        # Browsers share cookies between the ports of one host: a name per port keeps two diaries apart.
        return f"diary-{self.port}"

    def url(self, host: str = "127.0.0.1") -> str:
        """The address to open: the only one that lets a new browser in."""
        return f"http://{host}:{self.port}/?{TOKEN_PARAMETER}={self.token}"

    def allowed_hosts(self) -> frozenset[str]:
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})


def header_values(scope: Scope, name: bytes) -> list[str]:
    """Every value the request sent for the header `name` (lower case), in order."""
    return [value.decode("latin-1") for key, value in scope.get("headers", ()) if key.lower() == name]


def _single(scope: Scope, name: bytes) -> str | None:
    """The header's value when it was sent exactly once, else None (two Host headers are an attack)."""
    values = header_values(scope, name)
    return values[0] if len(values) == 1 else None


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), expected.encode("utf-8"))


class ServerGuard:
    """ASGI middleware: lets in only requests from the page opened with this launch's token."""

    def __init__(self, app: ASGIApp, launch: LaunchSecrets):
        self.app, self.launch = app, launch
        self._hosts = launch.allowed_hosts()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind not in ("http", "websocket"):  # lifespan: Flet's start-up and shut-down
            await self.app(scope, receive, send)
            return
        host = (_single(scope, b"host") or "").lower()
        if host not in self._hosts:
            await self._refuse(kind, receive, send)
            return
        if kind == "websocket":
            await self._websocket(scope, host, receive, send)
        else:
            await self._http(scope, host, receive, send)

    async def _websocket(self, scope: Scope, host: str, receive: Receive, send: Send) -> None:
        # Browsers always send Origin on a WebSocket; only another program omits it.
        if _single(scope, b"origin") != f"http://{host}" or not self._has_cookie(scope):
            await self._refuse("websocket", receive, send)
            return
        await self.app(scope, receive, send)

    async def _http(self, scope: Scope, host: str, receive: Receive, send: Send) -> None:
        origins = header_values(scope, b"origin")
        if origins and origins != [f"http://{host}"]:
            await self._refuse("http", receive, send)
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        tokens = [value for name, value in query if name == TOKEN_PARAMETER]
        if tokens:
            if len(tokens) == 1 and _same(tokens[0], self.launch.token):
                await self._exchange(scope, query, send)
            else:
                await self._refuse("http", receive, send, body=_STALE)
            return
        if not self._has_cookie(scope):
            await self._refuse("http", receive, send)
            return
        await self.app(scope, receive, _without_cross_origin_headers(send))

    def _has_cookie(self, scope: Scope) -> bool:
        wanted = self.launch.cookie_name
        for header in header_values(scope, b"cookie"):
            for pair in header.split(";"):
                name, _, value = pair.strip().partition("=")
                if name == wanted and _same(value, self.launch.cookie_value):
                    return True
        return False

    async def _exchange(self, scope: Scope, query: list[tuple[str, str]], send: Send) -> None:
        """Trade the token for the cookie, and send the browser to the same address without the token."""
        rest = urlencode([(name, value) for name, value in query if name != TOKEN_PARAMETER])
        path = (scope.get("raw_path") or quote(scope.get("path", "/")).encode("ascii")).decode("latin-1")
        location = "/" + path.lstrip("/") + (f"?{rest}" if rest else "")  # never "//host": stay on this server
        cookie = f"{self.launch.cookie_name}={self.launch.cookie_value}; Path=/; HttpOnly; SameSite=Strict"
        await send({"type": "http.response.start", "status": 303, "headers": [
            (b"location", location.encode("latin-1", "replace")), (b"set-cookie", cookie.encode("latin-1")),
            (b"cache-control", b"no-store"), (b"referrer-policy", b"no-referrer"),
            (b"content-length", b"0")]})
        await send({"type": "http.response.body", "body": b""})

    @staticmethod
    async def _refuse(kind: str, receive: Receive, send: Send, *, body: bytes = _REFUSED) -> None:
        if kind == "websocket":
            await receive()  # websocket.connect; closing before accepting makes the server answer 403
            await send({"type": "websocket.close", "code": 1008})
            return
        await send({"type": "http.response.start", "status": 403, "headers": [
            (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
            (b"cache-control", b"no-store")]})
        await send({"type": "http.response.body", "body": body})


def _without_cross_origin_headers(send: Send) -> Send:
    """Flet adds `Access-Control-Allow-Origin: *` to every response; nothing of ours is for other origins."""

    async def filtered(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [(k, v) for k, v in message.get("headers", ())
                                              if k.lower() not in _CROSS_ORIGIN_HEADERS]}
        await send(message)

    return filtered
