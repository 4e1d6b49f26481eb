"""Choosing the port: a busy default moves on and says so; a named port is waited for briefly."""

from __future__ import annotations

import socket
import threading
import time

from diary.app import HOST, choose_port


def _listener() -> socket.socket:
    """A listening socket set up as uvicorn sets up the app's."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, 0))
    sock.listen()
    return sock


def test_a_busy_port_moves_on_and_says_so():
    busy = _listener()
    try:
        port = busy.getsockname()[1]
        chosen, note = choose_port(port, wait=0.3)
        assert chosen != port and note == f"port {port} was busy, using {chosen}"
    finally:
        busy.close()


def test_a_named_port_is_waited_for_while_the_old_run_closes():
    busy = _listener()
    port = busy.getsockname()[1]
    threading.Timer(0.6, busy.close).start()
    assert choose_port(port, wait=5) == (port, None)


def test_a_port_whose_connections_are_winding_down_is_free():
    server = _listener()
    port = server.getsockname()[1]
    client = socket.create_connection((HOST, port))
    accepted, _ = server.accept()
    accepted.close()  # the server side closes first: its end waits in TIME_WAIT
    server.close()
    time.sleep(0.2)
    client.close()
    time.sleep(0.2)
    assert choose_port(port, wait=0) == (port, None)
