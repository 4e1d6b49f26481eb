"""The build's check that trimming the app archive broke no import (diary.pwa.trim_check), and what the
archive keeps of a wheel."""

from __future__ import annotations

import pytest

from diary.pwa import bundle
from diary.pwa.trim_check import TrimmedImport, check_imports


def write(folder, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_a_kept_module_importing_a_trimmed_one_fails_the_build_naming_both(tmp_path):
    write(tmp_path, "lib/__init__.py", "")
    write(tmp_path, "lib/uses.py", "def later():\n    from .gone import thing\n")
    with pytest.raises(TrimmedImport, match=r"lib/uses.py:2 imports lib.gone"):
        check_imports(tmp_path, ("lib.gone",))
    write(tmp_path, "lib/uses.py", "import lib.gone.deeper\n")
    with pytest.raises(TrimmedImport, match="lib/uses.py:1"):
        check_imports(tmp_path, ("lib.gone",))


def test_imports_for_type_checkers_guarded_ones_and_known_unreached_ones_pass(tmp_path):
    write(tmp_path, "lib/__init__.py", "")
    write(tmp_path, "lib/typed.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from lib.gone import T\n")
    write(tmp_path, "lib/guarded.py", "try:\n    import lib.gone\nexcept ImportError:\n    gone = None\n")
    write(tmp_path, "pydantic/_migration.py", "def getattr_migration(name):\n    from pydantic.v1 import x\n")
    check_imports(tmp_path, ("lib.gone", "pydantic.v1"))
    write(tmp_path, "lib/similar.py", "import lib.gonealong\n")  # a prefix of the name is another module
    check_imports(tmp_path, ("lib.gone",))


def test_the_archive_keeps_a_wheels_licences_but_not_its_installer_records_or_trimmed_packages():
    assert bundle._kept_member("pydantic-2.14.3.dist-info/licenses/LICENSE")
    assert not bundle._kept_member("pydantic-2.14.3.dist-info/METADATA")
    assert not bundle._kept_member("pydantic-2.14.3.dist-info/RECORD")
    assert not bundle._kept_member("pydantic/v1/main.py") and bundle._kept_member("pydantic/main.py")
    assert not bundle._kept_member("sqlalchemy/ext/mypy/plugin.py") and bundle._kept_member("sqlalchemy/ext/hybrid.py")
    assert "pydantic.v1" in bundle.TRIMMED_MODULES and "sqlalchemy.dialects.sqlite.provision" in bundle.TRIMMED_MODULES


def test_a_fallback_after_a_guarded_import_is_checked_since_it_runs_when_the_guarded_one_fails(tmp_path):
    write(tmp_path, "lib/__init__.py", "")
    write(tmp_path, "lib/fallback.py", "try:\n    import fast\nexcept ImportError:\n    import lib.gone\n")
    with pytest.raises(TrimmedImport, match="lib/fallback.py:4 imports lib.gone"):
        check_imports(tmp_path, ("lib.gone",))
