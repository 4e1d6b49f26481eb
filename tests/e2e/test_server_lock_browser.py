"""The server's lock as a browser sees it: the printed address opens the app and the token leaves the address
bar; the bare address opens nothing; and a page from another server on this machine, open in the same
browser (so it is the same site, and the browser even sends the app's cookie along), cannot reach it."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.e2e.conftest import PHONE

pytestmark = pytest.mark.e2e

EVIL_PAGE = """<!doctype html><title>waiting</title><body><script>
const app = "127.0.0.1:{port}";
const socket = new WebSocket(`ws://${{app}}/ws`);
socket.onopen = () => {{ document.title = "socket opened"; }};
socket.onerror = () => {{ document.title = "socket refused"; }};
fetch(`http://${{app}}/`, {{credentials: "include"}})
  .then(r => r.text()).then(t => {{ document.body.dataset.read = t.slice(0, 40); }})
  .catch(() => {{ document.body.dataset.read = "blocked"; }});
</script></body>"""


def evil_server(app_port: int) -> ThreadingHTTPServer:
    page = EVIL_PAGE.format(port=app_port).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.send_header("content-length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_the_printed_address_opens_the_app_and_nothing_else_does(start_app, app_page, browser):
    server = start_app()
    assert "?token=" in server.url
    app = app_page(server.url, PHONE, "lock-phone")
    app.see("How has today been?")
    assert app.page.url == f"http://127.0.0.1:{server.port}/"  # the token left the address bar
    [cookie] = app.context.cookies()
    assert cookie["name"] == f"diary-{server.port}" and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert server.url.split("=", 1)[1] not in cookie["value"]

    stranger = browser.new_context(viewport=PHONE)  # a browser that never saw the printed address
    try:
        page = stranger.new_page()
        response = page.goto(f"http://127.0.0.1:{server.port}/")
        assert response.status == 403 and "address diary printed" in page.content()
        assert page.locator("flt-glass-pane, flutter-view").count() == 0
    finally:
        stranger.close()

    evil = evil_server(server.port)
    try:
        page = app.context.new_page()  # the same browser, which holds the app's cookie
        page.goto(f"http://127.0.0.1:{evil.server_address[1]}/")
        page.wait_for_function("document.title !== 'waiting' && document.body.dataset.read", timeout=10_000)
        assert page.title() == "socket refused"
        assert page.evaluate("document.body.dataset.read") == "blocked"
        page.close()
    finally:
        evil.shutdown()
    app.see("How has today been?")  # the genuine tab is unaffected
