"""Flet's Flutter web client (from flet-web) with nothing fetched off-site: the Rive runtime asked for locally.

Flutter's client loads the Rive animation runtime from a CDN on every start; the URL is compiled into
`main.dart.js` and `main.dart.wasm`. Both users of the client replace that URL with a
relative path of exactly the same length (so the wasm binary stays valid), and neither ships the runtime:
the diary draws no Rive animation, and the client starts without it (it only logs the failed load):
- the phone app's site (`patched_web_client`, called by diary.pwa.build): its service worker answers the
  request with a 404 of its own, online and offline alike (diary.pwa.service_worker; 3.1 MB less for a
  first visit in Chromium, 5.8 MB less on the server);
- the desktop server (diary.web_server) serves the two files patched in memory (`patched_file`); the
  client's request gets a local 404 and nothing leaves the machine.
"""

from __future__ import annotations

import shutil
from pathlib import Path

RIVE_VERSION = "44.0.0"  # the version compiled into flet-web 1.0.5's client; npm pins the same one
RIVE_CDN_URL = f"https://cdn.jsdelivr.net/npm/@rive-app/flutter-native-wasm@{RIVE_VERSION}/".encode()
RIVE_FOLDER = "rive-wasm"  # 9 letters + "/": an even remainder, so no padding
PATCHED_FILES = ("main.dart.js", "main.dart.wasm")  # main.dart.mjs (the wasm build's loader) names no CDN
RIVE_SUBFOLDERS = ("wasm", "wasm_compatibility")

# Never fetched by a browser: source maps, debug symbols, TypeScript types, Pyodide's command-line
# launchers (python, python.bat, python.exe, python_cli_entry.mjs -- but NOT python_stdlib.zip), its
# classic-script loader (the worker is a module worker: pyodide.mjs), micropip's wheels (the app's
# packages are vendored, micropip never runs), and the two renderers flutter_bootstrap.js loads only when
# a page's config asks for them (enableWimp, canvasKitVariant "experimentalWebParagraph"; Flet sets neither).
NEVER_FETCHED = ("*.map", "*.symbols", "*.d.ts", "python", "python.bat", "python.exe", "python_cli_entry.mjs",
                 "pyodide.js", "micropip-*.whl", "packaging-*.whl", "wimp.js", "wimp.wasm", "experimental_webparagraph")


class WebClientError(Exception):
    """The flet-web client is not what this module expects (another version?)."""


def flet_web_dir() -> Path:
    """The web client shipped inside the installed flet-web package."""
    import flet_web

    return Path(flet_web.__file__).resolve().parent / "web"


def local_rive_path(length: int, folder: str = RIVE_FOLDER) -> bytes:
    """A relative URL of exactly `length` bytes that resolves to `folder/` beside the page.

    "./" steps pad it ("././rive/" is "rive/"); an odd remainder lengthens the folder name by one "_".
    """
    name = folder
    if (length - len(name) - 1) % 2:
        name += "_"
    steps = (length - len(name) - 1) // 2
    if steps < 0:
        raise WebClientError(f"The Rive URL is too short ({length} bytes) to hold a local path.")
    path = ("./" * steps + name + "/").encode()
    assert len(path) == length
    return path


def patch_rive_url(data: bytes, local: bytes) -> bytes:
    """`data` with every occurrence of the Rive CDN URL replaced by `local` (same length)."""
    if len(local) != len(RIVE_CDN_URL):
        raise WebClientError("The local Rive path must have the same length as the CDN URL it replaces.")
    return data.replace(RIVE_CDN_URL, local)


def patched_file(name: str, *, source: Path | None = None) -> bytes:
    """One of PATCHED_FILES of the installed client, with the Rive URL pointing beside the page.

    Raises:
        WebClientError: the file does not hold the expected CDN URL (another flet-web version).
    """
    data = ((source or flet_web_dir()) / name).read_bytes()
    if RIVE_CDN_URL not in data:
        raise WebClientError(f"flet-web's {name} does not load Rive {RIVE_VERSION} from the CDN as expected.")
    return patch_rive_url(data, local_rive_path(len(RIVE_CDN_URL)))


def patched_web_client(dest: Path, rive_package: Path | None = None, *, source: Path | None = None) -> Path:
    """Copy Flet's web client to `dest`, the Rive runtime asked for at `dest/<rive folder>/`.

    Args:
        dest: the folder to fill (created; files already there are overwritten).
        rive_package: the npm package folder `@rive-app/flutter-native-wasm` (holds wasm/ and
            wasm_compatibility/), of version RIVE_VERSION, to copy there; None: no runtime (the diary's site).
        source: the client to copy; the installed flet-web client by default.

    Returns:
        `dest`. Afterwards no file in it names the CDN.

    Raises:
        WebClientError: the client does not contain the expected CDN URL (another flet-web version), or
            the Rive package is missing.
    """
    source = source or flet_web_dir()
    local = local_rive_path(len(RIVE_CDN_URL))
    shutil.copytree(source, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", *NEVER_FETCHED))
    found = 0
    for name in PATCHED_FILES:
        path = dest / name
        data = path.read_bytes()
        found += data.count(RIVE_CDN_URL)
        path.write_bytes(patch_rive_url(data, local))
    if not found:
        raise WebClientError(f"flet-web's client does not load Rive {RIVE_VERSION} from the CDN as expected; "
                             "check the Rive version compiled into main.dart.js.")
    folder = dest / local.decode().rstrip("/").split("/")[-1]
    for sub in RIVE_SUBFOLDERS if rive_package is not None else ():
        if not (rive_package / sub).is_dir():
            raise WebClientError(f"The Rive runtime folder {rive_package / sub} is missing (npm install first).")
        shutil.copytree(rive_package / sub, folder / sub, dirs_exist_ok=True)
    return dest
