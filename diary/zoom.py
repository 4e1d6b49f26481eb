"""Let people zoom the app: the served page must not forbid pinch-zoom.

Flutter's web engine (inside Flet's bundled client) removes every `<meta name="viewport">` of the page
at start and adds its own, `width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no`,
which stops pinch-zoom on phones (WCAG 1.4.4, Resize text). Flet itself is not patched: `AllowZoom` is
ASGI middleware that adds a small script to the HTML page it serves, which rewrites any viewport tag
that forbids zooming to `width=device-width, initial-scale=1.0`, whenever one is added or changed.
"""

from __future__ import annotations

from diary.server_guard import ASGIApp, Message, Receive, Scope, Send

ALLOWED_VIEWPORT = "width=device-width, initial-scale=1.0"
ZOOM_SCRIPT = ("<script>/* diary: zooming stays allowed (diary/zoom.py) */(function () {"
               "var allow = function (m) { if (m.tagName === 'META' && m.name === 'viewport' && "
               "/user-scalable|maximum-scale/.test(m.content)) { m.content = '" + ALLOWED_VIEWPORT + "'; } };"
               "new MutationObserver(function (records) { records.forEach(function (r) {"
               "allow(r.target); r.addedNodes.forEach(allow); }); })"
               ".observe(document.head, {childList: true, subtree: true, attributes: true, "
               "attributeFilter: ['content']});"
               "document.querySelectorAll('meta').forEach(allow); })();</script>").encode("ascii")


def with_zoom_script(html: bytes) -> bytes:
    """The page with the script as the first thing in its head (before Flutter's own scripts run)."""
    head = html.find(b"<head>")
    if head < 0:
        return ZOOM_SCRIPT + html
    at = head + len(b"<head>")
    return html[:at] + ZOOM_SCRIPT + html[at:]


class AllowZoom:
    """ASGI middleware: HTML responses get the zoom script; everything else passes through untouched."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        body = bytearray()

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = dict((k.lower(), v) for k, v in message.get("headers", ()))
                if b"text/html" in headers.get(b"content-type", b"") and b"content-encoding" not in headers:
                    start = message  # held back until the whole page is here
                    return
                await send(message)
            elif start is not None and message["type"] == "http.response.body":
                body.extend(message.get("body", b""))
                if message.get("more_body"):
                    return
                page = with_zoom_script(bytes(body))
                headers = [(k, v) for k, v in start.get("headers", ()) if k.lower() != b"content-length"]
                await send({**start, "headers": [*headers, (b"content-length", str(len(page)).encode())]})
                await send({"type": "http.response.body", "body": page})
            else:
                await send(message)

        await self.app(scope, receive, rewrite)
