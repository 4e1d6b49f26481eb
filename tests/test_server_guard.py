"""ServerGuard as plain ASGI: which requests reach the app, and what the refused ones get.

The real server (Flet's app behind the guard, a raw WebSocket client) is in tests/test_server_lock.py.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from diary.server_guard import LaunchSecrets, ServerGuard

PORT = 8600
OWN = f"http://127.0.0.1:{PORT}"


class App:
    """An app that records what reached it and answers like Flet: 200 with a wildcard CORS header."""

    def __init__(self):
        self.calls: list[dict] = []

    async def __call__(self, scope, receive, send):
        self.calls.append(scope)
        if scope["type"] == "websocket":
            await receive()
            await send({"type": "websocket.accept"})
            return
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 200, "headers": [
                (b"content-type", b"text/html"), (b"access-control-allow-origin", b"*"),
                (b"cross-origin-opener-policy", b"same-origin")]})
            await send({"type": "http.response.body", "body": b"<html>the diary</html>"})


@pytest.fixture
def launch():
    return LaunchSecrets(port=PORT)


def _cookie(launch: LaunchSecrets) -> str:
    return f"{launch.cookie_name}={launch.cookie_value}"


def run(launch, kind="http", *, path="/", query="", host=f"127.0.0.1:{PORT}", origin=None, cookie=None,
        extra_headers=()):
    """Send one request through the guard; returns (what the app saw, the messages sent back)."""
    app = App()
    headers = [] if host is None else [(b"host", host.encode())]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    if cookie is not None:
        headers.append((b"cookie", cookie.encode()))
    headers += list(extra_headers)
    scope = {"type": kind, "path": path, "raw_path": path.encode(), "query_string": query.encode(),
             "headers": headers, "root_path": ""}
    sent: list[dict] = []
    incoming = [{"type": "websocket.connect"}] if kind == "websocket" else [{"type": "http.request", "body": b""}]

    async def receive():
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    run_async(ServerGuard(app, launch)(scope, receive, send))
    return app.calls, sent


def run_async(coroutine):
    """asyncio.run in a thread of its own: Playwright's sync API may hold this thread's loop (e2e tests)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def status(sent) -> int | str:
    first = sent[0]
    return first["status"] if first["type"] == "http.response.start" else first["type"]


def headers_of(sent) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in sent[0].get("headers", ())}


class TestLaunchSecrets:
    def test_a_fresh_token_of_at_least_128_bits_every_launch(self):
        a, b = LaunchSecrets(port=PORT), LaunchSecrets(port=PORT)
        assert a.token != b.token and a.cookie_value != b.cookie_value and a.token != a.cookie_value
        assert len(a.token) >= 22  # base64url: 6 bits a character; 43 characters = 256 bits
        assert a.url() == f"http://127.0.0.1:{PORT}/?token={a.token}"

    def test_the_token_never_shows_in_repr(self, launch):
        assert launch.token not in repr(launch) and launch.cookie_value not in repr(launch)


class TestHttp:
    def test_no_token_and_no_cookie_is_refused_with_a_sentence(self, launch):
        calls, sent = run(launch)
        assert calls == [] and status(sent) == 403
        assert b"address diary printed" in sent[1]["body"]
        assert b"access-control-allow-origin" not in headers_of(sent)

    def test_the_token_is_exchanged_for_a_strict_httponly_cookie_and_leaves_the_address(self, launch):
        calls, sent = run(launch, path="/", query=f"token={launch.token}")
        assert calls == [] and status(sent) == 303
        headers = headers_of(sent)
        assert headers[b"location"] == b"/"
        cookie = headers[b"set-cookie"].decode()
        assert cookie.startswith(f"{launch.cookie_name}={launch.cookie_value};")
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
        assert launch.token not in cookie and headers[b"cache-control"] == b"no-store"

    def test_the_redirect_keeps_the_path_and_other_parameters_and_stays_on_this_server(self, launch):
        _, sent = run(launch, path="/goals", query=f"a=1&token={launch.token}&b=2")
        assert headers_of(sent)[b"location"] == b"/goals?a=1&b=2"
        _, sent = run(launch, path="//evil.example/x", query=f"token={launch.token}")
        assert headers_of(sent)[b"location"] == b"/evil.example/x"

    def test_the_cookie_lets_the_request_through_without_the_wildcard_cors_header(self, launch):
        calls, sent = run(launch, cookie=f"other=1; {_cookie(launch)}; jupyter=x")
        assert len(calls) == 1 and status(sent) == 200
        headers = headers_of(sent)
        assert b"access-control-allow-origin" not in headers
        assert headers[b"cross-origin-opener-policy"] == b"same-origin"  # Flet's other headers stay

    @pytest.mark.parametrize("query", ["token=wrong", "token=", "token={t}&token={t}"])
    def test_a_wrong_or_repeated_token_is_refused(self, launch, query):
        calls, sent = run(launch, query=query.format(t=launch.token), cookie=_cookie(launch))
        assert calls == [] and status(sent) == 403
        assert b"earlier start" in sent[1]["body"]

    @pytest.mark.parametrize("cookie", ["diary-8600=wrong", "diary-8601={v}", "diary-8600", ""])
    def test_a_wrong_cookie_or_another_port_s_cookie_is_refused(self, launch, cookie):
        calls, sent = run(launch, cookie=cookie.format(v=launch.cookie_value))
        assert calls == [] and status(sent) == 403

    @pytest.mark.parametrize("host", ["evil.example:8600", "127.0.0.1:8601", "127.0.0.1", "localhost",
                                      "0.0.0.0:8600", "[::1]:8600", "127.0.0.1:8600.evil.example", "", None])
    def test_only_the_app_s_own_host_is_served_even_with_token_or_cookie(self, launch, host):
        for request in ({"query": f"token={launch.token}"}, {"cookie": _cookie(launch)}):
            calls, sent = run(launch, host=host, **request)
            assert calls == [] and status(sent) == 403, (host, request)

    def test_localhost_is_the_app_s_own_host_too(self, launch):
        calls, sent = run(launch, host=f"localhost:{PORT}", cookie=_cookie(launch))
        assert len(calls) == 1 and status(sent) == 200

    def test_two_host_headers_are_refused(self, launch):
        calls, sent = run(launch, cookie=_cookie(launch), extra_headers=[(b"host", b"evil.example:8600")])
        assert calls == [] and status(sent) == 403

    @pytest.mark.parametrize("origin", ["http://evil.example", "http://127.0.0.1:9999", "null",
                                        f"https://127.0.0.1:{PORT}"])
    def test_a_request_from_another_origin_is_refused_even_with_the_cookie(self, launch, origin):
        calls, sent = run(launch, origin=origin, cookie=_cookie(launch))
        assert calls == [] and status(sent) == 403

    def test_the_own_origin_is_fine(self, launch):
        calls, _ = run(launch, origin=OWN, cookie=_cookie(launch))
        assert len(calls) == 1


class TestWebSocket:
    def test_the_genuine_page_gets_through(self, launch):
        calls, sent = run(launch, "websocket", path="/ws", origin=OWN, cookie=_cookie(launch))
        assert len(calls) == 1 and sent == [{"type": "websocket.accept"}]

    @pytest.mark.parametrize("case", ["foreign origin", "rebinding host", "no origin", "no cookie", "wrong cookie",
                                      "token instead of cookie", "other port origin"])
    def test_everything_else_is_closed_before_the_app_sees_it(self, launch, case):
        request = {"origin": OWN, "cookie": _cookie(launch)}
        if case == "foreign origin":
            request["origin"] = "http://evil.example"
        elif case == "rebinding host":
            request.update(host=f"evil.example:{PORT}", origin=f"http://evil.example:{PORT}")
        elif case == "no origin":
            request["origin"] = None
        elif case == "no cookie":
            request["cookie"] = None
        elif case == "wrong cookie":
            request["cookie"] = f"{launch.cookie_name}=guess"
        elif case == "token instead of cookie":
            request.update(cookie=None, query=f"token={launch.token}")
        elif case == "other port origin":
            request["origin"] = "http://127.0.0.1:9999"  # same site as the app: the cookie goes along
        calls, sent = run(launch, "websocket", path="/ws", **request)
        assert calls == [] and sent == [{"type": "websocket.close", "code": 1008}]


def test_lifespan_passes_through(launch):
    app = App()
    run_async(ServerGuard(app, launch)({"type": "lifespan"}, None, None))
    assert app.calls == [{"type": "lifespan"}]


# Zooming (diary/zoom.py): the served page never forbids pinch-zoom.
def test_the_served_page_gets_the_zoom_script_and_other_responses_pass_untouched():
    from diary.zoom import ALLOWED_VIEWPORT, AllowZoom

    async def app(scope, receive, send):
        html = scope["path"] == "/"
        body = b"<html><head><title>x</title></head></html>" if html else b"\x89PNG"
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", b"text/html; charset=utf-8" if html else b"image/png"),
            (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body[:10], "more_body": True})
        await send({"type": "http.response.body", "body": body[10:]})

    def get(path):
        sent = []

        async def send(message):
            sent.append(message)

        run_async(AllowZoom(app)({"type": "http", "path": path}, None, send))
        body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        return dict(sent[0]["headers"]), body

    headers, page = get("/")
    assert page.startswith(b"<html><head><script>") and b"MutationObserver" in page
    assert ALLOWED_VIEWPORT.encode() in page and b"user-scalable=no" not in page
    assert headers[b"content-length"] == str(len(page)).encode()
    headers, image = get("/icon.png")
    assert image == b"\x89PNG" and headers[b"content-length"] == b"4"


# A closed tab (diary/closed_tabs.py): no traceback for sends after the client left.
def test_sends_after_the_tab_closed_are_dropped_quietly_and_earlier_errors_still_surface():
    from diary.closed_tabs import QuietWhenClosed

    sent = []

    async def send(message):
        if message.get("text") == "late":
            raise RuntimeError("WebSocket is not connected. Need to call \"accept\" first.")
        sent.append(message)

    def receiver(*messages):
        queue = list(messages)

        async def receive():
            return queue.pop(0)

        return receive

    async def app_sending_after_close(scope, receive, send):
        await send({"type": "websocket.accept"})
        await receive()  # the tab closes
        await send({"type": "websocket.send", "text": "late"})

    run_async(QuietWhenClosed(app_sending_after_close)(
        {"type": "websocket"}, receiver({"type": "websocket.disconnect", "code": 1001}), send))
    assert sent == [{"type": "websocket.accept"}]

    async def app_failing_while_open(scope, receive, send):
        await send({"type": "websocket.accept"})
        raise ValueError("a real bug")

    with pytest.raises(ValueError):
        run_async(QuietWhenClosed(app_failing_while_open)({"type": "websocket"}, receiver(), send))

    async def server_finds_it_closed_first(scope, receive, send):
        await send({"type": "websocket.send", "text": "late"})

    run_async(QuietWhenClosed(server_finds_it_closed_first)({"type": "websocket"}, receiver(), send))


def test_flets_receive_loop_warning_for_a_closed_tab_goes_to_debug_and_other_warnings_stay(caplog):
    import logging

    from diary.closed_tabs import quiet_flet_receive_loop

    quiet_flet_receive_loop()
    quiet_flet_receive_loop()  # idempotent
    flet_log = logging.getLogger("flet_web.fastapi")
    assert len(flet_log.filters) == 1
    with caplog.at_level(logging.DEBUG):
        flet_log.warning('Receive loop error: WebSocket is not connected. Need to call "accept" first.')
        flet_log.warning("Receive loop error: something else")
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warned == ["Receive loop error: something else"]
    assert any("tab closed between two reads" in r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG)


def test_a_websocket_s_languages_are_kept_for_the_session_it_opens():
    from diary.i18n import REQUEST_LANGUAGES
    from diary.web_server import RemembersBrowserLanguages

    seen = []

    async def app(scope, receive, send):
        async def session():  # Flet starts the session's main as a task of the connection
            seen.append(REQUEST_LANGUAGES.get())
        await asyncio.create_task(session())

    async def connect(kind, headers):
        await RemembersBrowserLanguages(app)({"type": kind, "headers": headers}, None, None)

    run_async(connect("websocket", [(b"accept-language", b"sv-SE,sv;q=0.9,en;q=0.8")]))
    run_async(connect("websocket", []))
    run_async(connect("http", [(b"accept-language", b"sv")]))  # only the session's connection counts
    assert seen == [("sv-SE", "sv", "en"), (), ()]
