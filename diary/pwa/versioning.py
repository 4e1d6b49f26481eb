"""Which version of the phone app a site is: the app's release (diary.__version__, from pyproject.toml) and
the build, the first characters of the digest of everything the site is made from (diary/pwa/build.py's
input fingerprint, kept in the site's .build-fingerprint).

Written as `version` = "0.1.0+4be0c2a" (a PEP 440 local version: release "+" build) into the app archive,
beside this module (version.json), so the Python that runs knows the site it came in. Two builds of the
same inputs are the same version; a site built from other code, wheels or client is another one even when
nobody raised the release number. The desktop has no such file: `current()` is None there.
"""

from __future__ import annotations

import json
from pathlib import Path

FILE_NAME = "version.json"
BUILD_CHARACTERS = 7


def version_of(release: str, fingerprint: str) -> str:
    """The site's version: `release`, "+", and the start of the build's input fingerprint."""
    return f"{release}+{fingerprint[:BUILD_CHARACTERS]}"


def write(package_folder: Path, version: str) -> Path:
    """Put the version into the staged diary package (`package_folder` holds diary/), for the archive."""
    target = package_folder / "diary" / "pwa" / FILE_NAME
    target.write_text(json.dumps({"version": version}) + "\n", encoding="utf-8")
    return target


def current(folder: Path = Path(__file__).parent) -> str | None:
    """The version of the site this app came in (None: not a built site, e.g. the desktop)."""
    try:
        return str(json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
