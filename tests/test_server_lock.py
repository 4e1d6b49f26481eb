"""The real `diary` server behind its lock, attacked with a raw WebSocket client (the `websockets` package
Flet already uses) and plain HTTP: only the genuine page gets a session.

A "session" here is what a browser tab gets: after the WebSocket handshake the client registers as Flet's
web client does, and the server answers with the Today screen ("How has today been?").
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import msgpack
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

REGISTER_CLIENT = 1  # flet.messaging.protocol.MessageAction.REGISTER_CLIENT
TODAY = b"Welcome to your symptom diary"  # a new diary opens on the first-run welcome


class Server:
    """`diary --home HOME --port PORT --no-browser --token-file F`, read back from what it prints."""

    def __init__(self, tmp: Path):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.token_file = tmp / "token"
        self.log_path = tmp / "server.log"
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.pop("DISPLAY", None)
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "diary", "--home", str(tmp / "home"), "--port", str(self.port),
                 "--no-browser", "--token-file", str(self.token_file)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log_path.read_text()
            found = re.search(r"diary is running at (\S+)", self.log_path.read_text())
            if found and self._listening():
                self.url = found[1]
                return
            time.sleep(0.05)
        raise RuntimeError(f"the server did not start: {self.log_path.read_text()}")

    def _listening(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
            return True
        except OSError:
            return False

    @property
    def token(self) -> str:
        return self.url.split("?token=", 1)[1]

    def get(self, path: str, headers: dict | None = None, method: str = "GET") -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        response.body = response.read()
        connection.close()
        return response

    def cookie(self) -> str:
        """What the browser keeps after opening the printed address."""
        response = self.get(f"/?token={self.token}")
        assert response.status == 303
        return response.getheader("set-cookie").split(";", 1)[0]

    def stop(self, sig: int = signal.SIGKILL) -> int:
        try:
            os.killpg(self.process.pid, sig)
        except ProcessLookupError:
            pass
        return self.process.wait(timeout=20)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    running = Server(tmp_path_factory.mktemp("lock"))
    yield running
    running.stop()


def session_screen(server: Server, *, host: str | None = None, origin: str | None = "own",
                   cookie: str | None = "own", path: str = "/ws") -> bytes:
    """Open a WebSocket as Flet's web client would and return what the server sent until the Today screen.

    Raises:
        InvalidStatus: the server refused the handshake.
    """
    host = host or f"127.0.0.1:{server.port}"
    headers = {}
    if cookie is not None:
        headers["Cookie"] = server.cookie() if cookie == "own" else cookie
    origin = f"http://127.0.0.1:{server.port}" if origin == "own" else origin
    sock = socket.create_connection(("127.0.0.1", server.port))  # the Host header comes from the URI
    with connect(f"ws://{host}{path}", sock=sock, origin=origin, additional_headers=headers, open_timeout=10,
                 max_size=None) as ws:
        page = {"route": "/", "width": 390, "height": 844, "platform": "linux", "web": True, "pwa": False}
        ws.send(b"\x00" + msgpack.packb([REGISTER_CLIENT, {"session_id": "", "page_name": "", "page": page}]))
        received = b""
        deadline = time.monotonic() + 60  # the first session opens the diary: slow on a busy machine
        while TODAY not in received and time.monotonic() < deadline:
            try:
                received += ws.recv(timeout=1)
            except TimeoutError:
                continue
        return received


class TestRawWebSocket:
    def test_the_genuine_page_gets_a_session_with_the_diary(self, server):
        screen = session_screen(server)
        assert TODAY in screen, sorted(set(re.findall(rb"[A-Za-z ,.?:]{16,}", screen)))[:30]

    @pytest.mark.parametrize("attack", [
        {"origin": "http://evil.example"},  # a page open in the same browser
        {"origin": "http://evil.example:{port}", "host": "evil.example:{port}"},  # DNS rebinding
        {"origin": None},  # another program, e.g. another local user's
        {"cookie": None},  # no token ever exchanged
        {"cookie": "diary-{port}=a-guessed-value"},  # a wrong token
        {"origin": "http://127.0.0.1:1"},  # another server on this machine (the same site: cookies go along)
        {"origin": "http://localhost:{port}"},  # the Origin must match the Host it came with
    ])
    def test_everything_else_is_refused_before_a_session_exists(self, server, attack):
        options = {key: value.format(port=server.port) if isinstance(value, str) else value
                   for key, value in attack.items()}
        with pytest.raises(InvalidStatus) as refused:
            session_screen(server, **options)
        assert refused.value.response.status_code == 403

    def test_a_wrong_token_in_the_address_gets_no_cookie(self, server):
        response = server.get("/?token=" + "A" * 43)
        assert response.status == 403 and response.getheader("set-cookie") is None


class TestHttp:
    @pytest.mark.parametrize("path", ["/", "/main.dart.js", "/manifest.json", "/ws", "/oauth_callback", "/docs",
                                      "/today"])
    def test_nothing_is_served_without_the_cookie(self, server, path):
        response = server.get(path)
        assert response.status == 403 and b"diary" in response.body and len(response.body) < 300

    def test_the_printed_address_is_exchanged_for_a_cookie_and_the_page(self, server):
        assert server.url == f"http://127.0.0.1:{server.port}/?token={server.token}"
        response = server.get(f"/?token={server.token}")
        assert response.status == 303 and response.getheader("location") == "/"
        page = server.get("/", headers={"Cookie": server.cookie()})
        assert page.status == 200 and b"flutter_bootstrap.js" in page.body

    @pytest.mark.parametrize("path", ["/", "/?token={token}", "/main.dart.js", "/flutter_bootstrap.js",
                                      "/manifest.json", "/assets/FontManifest.json", "/favicon.png", "/nothing.js"])
    def test_no_response_carries_a_cors_header(self, server, path):
        for headers in ({}, {"Cookie": server.cookie()}, {"Cookie": server.cookie(), "Origin": "http://evil.example"}):
            response = server.get(path.format(token=server.token), headers=headers)
            assert not [h for h, _ in response.getheaders() if h.lower().startswith("access-control-")], (path, headers)

    def test_a_cors_preflight_from_another_origin_is_refused(self, server):
        response = server.get("/", method="OPTIONS", headers={
            "Origin": "http://evil.example", "Access-Control-Request-Method": "GET", "Cookie": server.cookie()})
        assert response.status == 403 and response.getheader("access-control-allow-origin") is None

    def test_a_rebinding_host_is_refused_even_with_the_token(self, server):
        response = server.get(f"/?token={server.token}", headers={"Host": f"evil.example:{server.port}"})
        assert response.status == 403 and response.getheader("set-cookie") is None


class TestTokenFile:
    def test_holds_the_printed_token_readable_by_the_owner_only(self, server):
        assert server.token_file.read_text() == server.token + "\n"
        assert stat.S_IMODE(server.token_file.stat().st_mode) == 0o600

    @pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
    def test_every_launch_has_its_own_token_and_the_file_goes_when_the_app_stops(self, tmp_path, server, stop):
        other = Server(tmp_path)
        try:
            assert other.token != server.token and len(other.token) >= 22
            with pytest.raises(InvalidStatus):  # one launch's cookie opens no other launch
                session_screen(other, cookie=server.cookie().replace(f"diary-{server.port}", f"diary-{other.port}"))
        finally:
            assert other.stop(stop) in (0, 128 + stop)  # Ctrl+C or a polite kill: a clean stop
        assert not other.token_file.exists()


def test_an_unwritable_token_file_stops_the_start_with_a_sentence(tmp_path):
    done = subprocess.run([sys.executable, "-m", "diary", "--home", str(tmp_path / "home"), "--no-browser",
                           "--token-file", str(tmp_path / "missing" / "token")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "token file" in done.stderr and "Traceback" not in done.stderr
