"""The built site's contents (no browser needed, but the site is): what the app archive and Pyodide's
standard library hold, and that no file names a CDN."""

from __future__ import annotations

import io
import tarfile
import zipfile

import pytest

from diary.pwa import bundle, webclient
from diary.pwa.site import APP_ARCHIVE

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def site(pwa_site):
    return pwa_site.folder


def test_the_archive_holds_bytecode_and_nothing_only_the_desktop_runs(site):
    with tarfile.open(site / APP_ARCHIVE) as archive:
        names = archive.getnames()
    ours = [n.removeprefix("__pypackages__/") for n in names if n.startswith("__pypackages__/diary/")]
    assert "diary/pwa/entry.pyc" in ours and "diary/platform/browser.pyc" in ours
    assert not [n for n in ours if n.endswith(".py")]
    left_out = [p.removesuffix(".py") for p in bundle.DESKTOP_ONLY]
    assert not [n for n in ours if any(n.startswith(p) for p in left_out)]
    assert "__pypackages__/nacl/__init__.pyc" not in names and not [n for n in names if "matplotlib" in n]


def test_pyodides_standard_library_ships_as_bytecode(site):
    with zipfile.ZipFile(site / "pyodide" / "python_stdlib.zip") as stdlib:
        names = stdlib.namelist()
    assert "json/__init__.pyc" in names and "sqlite3/__init__.pyc" in names
    assert not [n for n in names if n.endswith(".py") and n.replace(".py", ".pyc") in names]


def test_no_file_of_the_site_names_the_rive_cdn(site):
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".js", ".mjs", ".wasm", ".html", ".json"):
            assert webclient.RIVE_CDN_URL not in path.read_bytes(), path
    assert not (site / "rive-wasm").exists()  # the diary draws no Rive animation: the worker answers 404
