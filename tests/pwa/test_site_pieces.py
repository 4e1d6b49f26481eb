"""The web app's build pieces without npm or a browser: the Rive patch, the page, the archive, the server."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import tarfile
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest

from diary.pwa import bundle, site, webclient
from diary.cli import main as cli_main
from diary.pwa.serve import make_server


@pytest.mark.parametrize("length", [20, 21, 66, 67])
def test_the_local_rive_path_has_the_cdn_urls_length_and_stays_beside_the_page(length):
    path = webclient.local_rive_path(length).decode()
    assert len(path) == length
    for base in ("https://clinic.example/", "https://clinic.example/diary/"):
        assert urljoin(base, path + "wasm/rive_native.js").startswith(base + "rive-wasm")


def test_the_patched_client_names_no_cdn_and_keeps_the_wasm_size(tmp_path):
    rive = tmp_path / "rive-package"
    for sub in webclient.RIVE_SUBFOLDERS:
        (rive / sub).mkdir(parents=True)
        (rive / sub / "rive_native.js").write_text("// runtime")
    client = webclient.patched_web_client(tmp_path / "client", rive)
    original = webclient.flet_web_dir()
    for name in webclient.PATCHED_FILES:
        data = (client / name).read_bytes()
        assert webclient.RIVE_CDN_URL not in data
        assert len(data) == (original / name).stat().st_size
    assert (client / "rive-wasm" / "wasm" / "rive_native.js").exists()
    assert not list(client.rglob("*.symbols")) and not list(client.rglob("*.whl"))
    assert not (client / "canvaskit" / "wimp.wasm").exists()  # loaded only on a config Flet never sets
    assert (client / "pyodide" / "python_stdlib.zip").exists()  # "python*" must not drop the standard library


def test_the_diarys_site_asks_for_rive_beside_the_page_and_ships_no_runtime(tmp_path):
    client = webclient.patched_web_client(tmp_path / "client")
    assert webclient.local_rive_path(len(webclient.RIVE_CDN_URL)) in (client / "main.dart.wasm").read_bytes()
    assert not (client / "rive-wasm").exists()


def test_a_client_without_the_expected_cdn_url_is_refused(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in webclient.PATCHED_FILES:
        (source / name).write_bytes(b"no rive here")
    with pytest.raises(webclient.WebClientError, match="Rive"):
        webclient.patched_web_client(tmp_path / "out", tmp_path, source=source)


@pytest.fixture
def page_folder(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    original = webclient.flet_web_dir()
    for name in ("index.html", "flutter_bootstrap.js", "flutter_service_worker.js"):
        (folder / name).write_bytes((original / name).read_bytes())
    return folder


def test_the_page_loads_pyodide_by_a_relative_url_starts_through_our_worker_and_pins_its_scripts(page_folder):
    policy = site.write_index(page_folder)
    html = (page_folder / "index.html").read_text()
    assert 'flet.pyodideUrl="./pyodide/pyodide.mjs"' in html
    assert '<script src="start.js"></script>' in html and "flutter_bootstrap.js" not in html
    assert "connect-src 'self'" in policy and f'content="{policy}"' in html
    for script in re.findall(r"<script>(.*?)</script>", html, flags=re.S):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert 'register("sw.js")' in (page_folder / "start.js").read_text()
    # The install hint's page side loads first, so it hears beforeinstallprompt however early it fires.
    assert html.index('src="install.js"') < html.index('src="start.js"')
    assert "beforeinstallprompt" in (page_folder / "install.js").read_text()


def test_flutters_own_service_worker_is_gone(page_folder):
    site.drop_flutter_service_worker(page_folder)
    assert "serviceWorkerSettings" not in (page_folder / "flutter_bootstrap.js").read_text().split("_flutter.loader.load(")[1]
    assert not (page_folder / "flutter_service_worker.js").exists()


def _wheel(folder: Path) -> None:
    with zipfile.ZipFile(folder / "tiny-1.0-py3-none-any.whl", "w") as wheel:
        wheel.writestr("tiny/__init__.py", "VALUE = 1\n")
        wheel.writestr("tiny/__init__.pyi", "VALUE: int\n")
        wheel.writestr("tiny-1.0.dist-info/METADATA", "Name: tiny\n")


def test_the_app_archive_holds_the_entry_the_diary_and_the_wheels_and_nothing_that_starts_micropip(tmp_path):
    _wheel(tmp_path)
    packages = bundle.stage_packages(tmp_path / "packages", tmp_path)
    first = bundle.app_archive(tmp_path / "one.tar.gz", packages).read_bytes()
    second = bundle.app_archive(tmp_path / "two.tar.gz", packages).read_bytes()
    assert first == second  # same inputs, same bytes: the service worker sees no change
    names = tarfile.open(fileobj=io.BytesIO(first)).getnames()
    assert "main.py" in names and "__pypackages__/diary/pwa/entry.py" in names
    assert "__pypackages__/tiny/__init__.py" in names and "__pypackages__/tiny/__init__.pyi" not in names
    assert not [n for n in names if n.endswith(("requirements.txt", "pyproject.toml")) or "__pycache__" in n]


def test_the_server_sends_the_pages_policy_and_the_types_browsers_insist_on(page_folder):
    site.write_index(page_folder)
    (page_folder / "x.wasm").write_bytes(b"\0asm")
    (page_folder / "x.mjs").write_text("export {}")
    server = make_server(page_folder, 0)
    import threading

    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with urllib.request.urlopen(base + "x.wasm") as answer:
            assert answer.headers["Content-Type"] == "application/wasm"
            assert answer.headers["Content-Security-Policy"].startswith("default-src 'self'")
        with urllib.request.urlopen(base + "x.mjs") as answer:
            assert answer.headers["Content-Type"] == "text/javascript"
    finally:
        server.shutdown()
        server.server_close()


def test_serving_a_folder_that_holds_no_site_says_so(tmp_path, capsys):
    assert cli_main(["pwa", "serve", "--dir", str(tmp_path)]) == 2
    assert "holds no built web app" in capsys.readouterr().err


def test_a_missing_build_tool_is_named_in_a_sentence():
    from diary.pwa.toolchain import BuildError, run_tool

    with pytest.raises(BuildError, match="needs no-such-tool-here, which is not installed"):
        run_tool(["no-such-tool-here"], "Bundling libsodium")


def test_the_desktop_server_answers_the_client_with_the_rive_url_pointing_at_itself(tmp_path):
    """diary's own server (not the phone app's site) serves main.dart.js/.wasm patched in memory; the
    Rive runtime is not shipped, so its request is answered here with a 404 and never leaves the machine."""
    import flet_web.fastapi as flet_fastapi
    from starlette.testclient import TestClient

    from diary.web_server import serve_client_from_memory

    app = flet_fastapi.app(lambda page: None, no_cdn=True)
    serve_client_from_memory(app)
    with TestClient(app) as client:
        for name in webclient.PATCHED_FILES:
            answer = client.get(f"/{name}")
            assert answer.status_code == 200 and webclient.RIVE_CDN_URL not in answer.content
            assert len(answer.content) == (webclient.flet_web_dir() / name).stat().st_size
            assert client.get(f"/{name}", headers={"If-None-Match": answer.headers["etag"]}).status_code == 304
        local = webclient.local_rive_path(len(webclient.RIVE_CDN_URL)).decode()
        assert client.get(urljoin("/", local + "wasm/rive_native.js")).status_code == 404


def test_the_client_files_served_from_memory_are_those_flet_would_serve():
    """P1: the page's first files come from memory (no worker-thread reads while the warm-up holds the lock),
    byte for byte and with the type Flet's static files give them, still answering a revalidation with 304;
    none of them is one the app's own assets replace, nor one Flet rewrites for this server."""
    import flet_web.fastapi as flet_fastapi
    from starlette.testclient import TestClient

    from diary.app import ASSETS_DIR
    from diary.web_server import first_client_files, serve_client_from_memory

    names = first_client_files()
    assert "canvaskit/skwasm.wasm" in names and "assets/fonts/MaterialIcons-Regular.otf" in names
    assert not any((ASSETS_DIR / name).exists() for name in names)
    assert not {"index.html", "manifest.json", "assets/FontManifest.json"} & set(names)
    plain = flet_fastapi.app(lambda page: None, no_cdn=True)
    served = flet_fastapi.app(lambda page: None, no_cdn=True)
    serve_client_from_memory(served)
    with TestClient(plain) as flet_client, TestClient(served) as ours:
        for name in names:
            expected, answer = flet_client.get(f"/{name}"), ours.get(f"/{name}")
            assert answer.status_code == 200, name
            assert answer.headers["content-type"] == expected.headers["content-type"], name
            if name not in webclient.PATCHED_FILES:
                assert answer.content == expected.content, name
            assert ours.get(f"/{name}", headers={"If-None-Match": answer.headers["etag"]}).status_code == 304
            assert ours.head(f"/{name}").status_code == 200


def test_the_warm_up_reads_the_client_before_the_browser_asks_for_it(monkeypatch):
    """P1: the client's first files (the 8.5 MB wasm patched) are in memory as soon as the server listens,
    not read on the requests the browser waits for; the desktop window (no port: no web client) reads none."""
    from diary import app as app_module
    from diary.web_server import client_file_body, first_client_files

    monkeypatch.setattr(app_module, "_wait_for_server", lambda port: None)
    monkeypatch.setattr("diary.ui.app.warm_up_controls", lambda: None)
    for port, made in ((None, 0), (8999, len(first_client_files()))):
        client_file_body.cache_clear()
        app_module._warm_up(lambda: None, port)
        assert client_file_body.cache_info().currsize == made
    assert webclient.RIVE_CDN_URL not in client_file_body("main.dart.wasm")[0]


def test_the_diary_goes_in_without_what_only_the_desktop_runs_and_an_app_may_take_fewer_wheels(tmp_path):
    _wheel(tmp_path)
    diary = bundle.stage_packages(tmp_path / "diary", tmp_path)
    assert (diary / "diary" / "pwa" / "entry.py").exists() and (diary / "diary" / "platform" / "browser.py").exists()
    for left_out in ("cli", "assets", "app.py", "web_server.py", "reports/charts.py", "platform/crypto_pynacl.py",
                     "pwa/build.py", "pwa/compile_pyc.mjs"):
        assert not (diary / "diary" / left_out).exists(), left_out
    assert (diary / "tiny" / "__init__.py").exists()
    bare = bundle.App("bare", b"print('hello')\n", with_diary=False, wheels=("flet",))
    staged = bundle.stage_packages(tmp_path / "bare", tmp_path, app=bare)
    assert not any(staged.iterdir())  # neither the diary nor the tiny wheel
    names = tarfile.open(bundle.app_archive(tmp_path / "bare.tar.gz", staged, app=bare)).getnames()
    assert names == ["main.py"]
