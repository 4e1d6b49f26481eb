"""A non-editable install (`pip install .`) is a whole app: the icons ship inside the package and the app
finds them there (no "assets_dir does not exist" at start), and the licence is an SPDX expression."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ICONS = ["diary/assets/favicon.png", "diary/assets/icon.png", "diary/assets/icons/icon-192.png",
         "diary/assets/icons/icon-512.png", "diary/assets/icons/icon-maskable-512.png"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(ROOT)],
                   check=True, capture_output=True, text=True)
    return next(out.glob("diary-*.whl"))


def test_the_wheel_carries_the_icons_and_an_spdx_licence(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert set(ICONS) <= names and "diary/platform/crypto_pynacl.py" in names
    assert "License-Expression: MIT" in metadata


def test_an_installed_app_finds_its_icons(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, text=True)
    probe = ("import diary.app, flet_web.fastapi.flet_static_files as static; "
             "print(diary.app.__file__); print(static.resolve_assets_dir(str(diary.app.ASSETS_DIR)))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, check=True)
    module, assets = result.stdout.split()
    assert module.startswith(str(target)) and assets == str(target / "diary" / "assets")
    assert "assets_dir does not exist" not in result.stderr
    assert (Path(assets) / "favicon.png").is_file() and (Path(assets) / "icons" / "icon-192.png").is_file()


def test_the_wheel_carries_the_catalogs_and_an_installed_app_speaks_swedish(wheel, tmp_path):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {"diary/locale/diary.pot", "diary/locale/sv/LC_MESSAGES/diary.po",
            "diary/locale/sv/LC_MESSAGES/diary.mo"} <= names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, text=True)
    probe = "from diary.i18n import in_language, _\nwith in_language('sv'):\n    print(_('Save'))"
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}, check=True)
    assert result.stdout.strip() == "Spara"
