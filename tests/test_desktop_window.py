"""`diary --desktop`: Flet's native window reaches the app over Flet's socket transport (not the web server),
so it needs no token; the socket is put in an owner-only folder, and where Flet would quietly fall back to
an open web server (no display) the app says so instead."""

from __future__ import annotations

import importlib.util
import os
import stat
import tempfile
from pathlib import Path

import flet as ft
import pytest

from diary import app as app_module
from diary.web_server import desktop_socket_path


@pytest.fixture
def window(monkeypatch):
    """serve(desktop=True) with the desktop client "installed" and ft.run recorded instead of run."""
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: object() if name == "flet_desktop" else real_find_spec(name, *a))
    monkeypatch.setattr(app_module, "start_auto_backups", lambda home: None)
    monkeypatch.setattr(app_module, "_warm_up", lambda *args: None)
    runs: list[dict] = []
    monkeypatch.setattr(ft, "run", lambda main, **options: runs.append(
        {**options, "socket": os.environ.get("FLET_SERVER_UDS_PATH")}))
    monkeypatch.delenv("FLET_SERVER_UDS_PATH", raising=False)
    monkeypatch.delenv("FLET_FORCE_WEB_SERVER", raising=False)
    return runs


def test_the_window_gets_flet_s_socket_transport_in_a_private_folder(window, monkeypatch, tmp_path):
    monkeypatch.setenv("DISPLAY", ":0")
    assert app_module.serve(home=tmp_path / "home", port=None, desktop=True) == 0
    [run] = window
    assert run["view"] == ft.AppView.FLET_APP and "port" not in run and "host" not in run
    folder = Path(run["socket"]).parent
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 and folder.parent == Path(tempfile.gettempdir())


def test_without_a_display_the_app_says_so_instead_of_serving_an_open_web_server(window, monkeypatch, tmp_path,
                                                                                   capsys):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setenv("FLET_FORCE_WEB_SERVER", "true")
    assert app_module.serve(home=tmp_path / "home", port=None, desktop=True) == 2
    assert window == []
    assert "no display for a desktop window" in capsys.readouterr().err


def test_a_token_file_is_refused_with_the_desktop_window(window, tmp_path, capsys):
    assert app_module.serve(home=tmp_path / "home", port=None, desktop=True, token_file=tmp_path / "t") == 2
    assert window == [] and "needs no token" in capsys.readouterr().err


def test_each_socket_folder_is_new_and_owner_only():
    a, b = Path(desktop_socket_path()), Path(desktop_socket_path())
    assert a.parent != b.parent and a.name == "flet.sock"
    assert all(stat.S_IMODE(p.parent.stat().st_mode) == 0o700 for p in (a, b))
