"""A real update of the phone app (issue 14, updates): the host serves site version A, the phone opens it
and logs a day; the host then serves version B at the same origin. Reloaded while A's tab is open, the
page still runs A and B waits (installed in the background; skipWaiting is off); once every page is
closed, the next start runs B, Today says "Updated to version B" once, the day logged in A is there, and
A's caches are gone (Workbox drops A's precached entries, sw-extra.js A's renderer cache).

B is made from the built site without a second build: a copy (hard links) where only what a new version
changes is written anew -- the app archive with B's version in diary/pwa/version.json, the client's
main.dart.mjs with one more comment line (a new Flet client, so a new renderer cache), and the service
worker regenerated from those files by the build's own write_service_worker.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import tarfile
from pathlib import Path

import pytest

from diary.pwa import versioning
from diary.pwa.service_worker import RUNTIME_CACHE_PREFIX, write_service_worker
from diary.ui import text as T
from tests.e2e.pwa.conftest import SiteServer

pytestmark = pytest.mark.e2e

VERSION_MEMBER = f"__pypackages__/diary/pwa/{versioning.FILE_NAME}"
CLIENT_FILE = "main.dart.mjs"  # Chromium's renderer loads it; cached on first use (service_worker.py)
CHANGED = ("app.tar.gz", CLIENT_FILE, "sw.js", "sw-extra.js")
CACHES = """async () => {
  const found = {};
  for (const name of await caches.keys()) {
    found[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
  }
  return found;
}"""
WORKERS = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return { active: !!registration.active, waiting: !!registration.waiting, installing: !!registration.installing };
}"""


def archive_version(archive: Path) -> str:
    with tarfile.open(archive, "r:gz") as tar:
        return json.loads(tar.extractfile(VERSION_MEMBER).read())["version"]


def next_release(version: str) -> str:
    release, _, build = version.partition("+")
    major, minor, patch = release.split(".")
    return versioning.version_of(f"{major}.{minor}.{int(patch) + 1}", hashlib.sha256(build.encode()).hexdigest())


def _rewrite_archive(archive: Path, version: str) -> None:
    packed = io.BytesIO()
    with tarfile.open(archive, "r:gz") as old, tarfile.open(fileobj=packed, mode="w", format=tarfile.PAX_FORMAT) as new:
        for member in old.getmembers():
            data = old.extractfile(member).read()
            if member.name == VERSION_MEMBER:
                data = json.dumps({"version": version}).encode() + b"\n"
                member.size = len(data)
            new.addfile(member, io.BytesIO(data))
    archive.unlink()  # a hard link to the built site's file: never written through
    with gzip.GzipFile(archive, "wb", mtime=0, compresslevel=6) as out:
        out.write(packed.getvalue())


def derive_site(site: Path, folder: Path, version: str) -> Path:
    """Site `site` as a later version `version`: hard links, with CHANGED written anew."""
    from diary.pwa.toolchain import node_modules

    shutil.copytree(site, folder, copy_function=os.link)
    _rewrite_archive(folder / "app.tar.gz", version)
    client = (folder / CLIENT_FILE).read_bytes()
    (folder / CLIENT_FILE).unlink()
    (folder / CLIENT_FILE).write_bytes(client + f"\n// {version}\n".encode())
    for name in ("sw.js", "sw-extra.js"):
        (folder / name).unlink()
    scratch = folder.with_name(folder.name + "-scratch")
    scratch.mkdir()
    write_service_worker(folder, node_modules(), scratch)
    return folder


def renderer_cache(site: Path) -> str:
    return (site / "sw-extra.js").read_text().split('"')[1]  # self.DIARY_RUNTIME_CACHE = "…";


def precached_revision(urls: list[str], name: str) -> set[str]:
    return {u.split("__WB_REVISION__=")[1] for u in urls if u.split("?")[0].endswith("/" + name)}


def test_a_new_site_version_waits_for_every_tab_then_says_updated_and_keeps_the_day(pwa_site, open_pwa, tmp_path):
    served = tmp_path / "served"
    shutil.copytree(pwa_site.folder, served, copy_function=os.link)
    version_a = archive_version(served / "app.tar.gz")
    version_b = next_release(version_a)
    site_b = derive_site(served, tmp_path / "site-b", version_b)
    assert renderer_cache(site_b) != renderer_cache(served)
    server = SiteServer(served)
    try:
        run_the_update(open_pwa, tmp_path, server, served, site_b, version_a, version_b)
    finally:
        server.stop()


def run_the_update(open_pwa, tmp_path, server, served, site_b, version_a, version_b):
    app = open_pwa("pwa-update", tmp_path / "profile", server.url)
    app.open()
    assert app.wait_for_event("opened")[-1]["version"] == version_a
    app.save_a_checkin(pain=6)
    cache_a, cache_b = renderer_cache(served), renderer_cache(site_b)
    assert cache_a in app.page.evaluate(CACHES)

    for name in CHANGED:  # the host now serves version B
        os.replace(site_b / name, served / name)
    app.open(reload=True)
    assert app.wait_for_event("opened")[-1]["version"] == version_a, "the open tab's version runs until it closes"
    assert app.page.get_by_text(T.UPDATED_TO.format(version=version_b.split("+")[0])).count() == 0
    waiting = poll(app, WORKERS, lambda w: w["waiting"], "version B's service worker never finished installing")
    assert waiting["active"]

    close_every_page_until_b_is_active(app)  # then the app is started again
    app.open()
    assert app.wait_for_event("opened")[-1]["version"] == version_b
    note = T.UPDATED_TO.format(version=version_b.split("+")[0])
    app.see(note, timeout=30_000)
    app.see(T.TODAY_LOGGED)  # the day logged in version A
    app.screenshot("updated-note")
    assert app.button(T.UPDATE_NOTE_DISMISS).count() == 1
    workers = app.page.evaluate(WORKERS)
    assert workers == {"active": True, "waiting": False, "installing": False}
    caches_b = poll(app, CACHES, lambda c: cache_b in c, "B's renderer cache never appeared")
    assert [n for n in caches_b if n.startswith(RUNTIME_CACHE_PREFIX)] == [cache_b], "A's renderer cache is gone"
    precache = next(urls for name, urls in caches_b.items() if "precache" in name)
    assert precached_revision(precache, "app.tar.gz") == {md5(served / "app.tar.gz")}, "A's archive is dropped"

    app.open(reload=True)  # said once: not on the next start
    app.page.wait_for_timeout(1000)
    assert app.page.get_by_text(note).count() == 0


def close_every_page_until_b_is_active(app, seconds: float = 60.0) -> None:
    """Close the app's tab and wait, on a blank tab of the same browser (no page of the site), until the
    browser has activated the waiting worker (it does once the old one controls no page)."""
    app.page.close()
    blank = app.context.new_page()
    cdp = app.context.new_cdp_session(blank)
    versions: dict[str, dict] = {}
    cdp.on("ServiceWorker.workerVersionUpdated", lambda e: versions.update({v["versionId"]: v for v in e["versions"]}))
    cdp.send("ServiceWorker.enable")
    for _ in range(int(seconds * 4)):
        newest = max(versions.values(), key=lambda v: int(v["versionId"]), default=None)
        if newest is not None and newest["status"] == "activated":
            break
        blank.wait_for_timeout(250)
    else:
        raise AssertionError(f"version B's worker was not activated once every page was closed: {versions}")
    cdp.detach()
    app._attach(blank)


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()  # Workbox's revision of a precached file


def poll(app, script: str, done, failure: str, seconds: float = 60.0):
    for _ in range(int(seconds * 2)):
        value = app.page.evaluate(script)
        if done(value):
            return value
        app.page.wait_for_timeout(500)
    raise AssertionError(f"{failure}: {value}")
