"""A restore accepts only the members the backup format allows (diary.services.backup_members), refuses any
other with a sentence, and writes nothing; making a backup leaves such files out in the first place."""

from __future__ import annotations

import hashlib
import tarfile

import pytest

from diary.services import auto_backup, backup_members, keystore
from diary.services.backup import BackupError, ManifestFile, read_backup
from diary.services.restore import restore_backup
from diary.storage.database import DB_FILENAME
from diary.services.research_export import SALT_NAME
from tests.backup_support import PASSPHRASE
from tests.conftest import NOW
from tests.services.test_backup import fast_kdf, filled, made, sealed, tree  # noqa: F401 (fixtures)

PLANTED = [
    f"{DB_FILENAME}-wal",  # SQLite would replay it into the restored database
    f"{DB_FILENAME}-journal",
    "backups/planted.diarybackup",  # the automatic backups' folder never travels in a backup
    "rescue-20260101-000000/diary.sqlite3",
    "notes.txt", "signing.key.tmp", "keys/identity.key", "exports/deeper/visit.pdf", "research/set/other/x.csv",
    "fhir/S0123.json",
]


def crafted(opened, name: str, data: bytes = b"planted") -> bytes:
    """A backup made with the right passphrase whose manifest lists (and whose archive holds) `name` too."""
    manifest = opened.manifest.model_copy(update={"files": (*opened.manifest.files, ManifestFile(
        name=name, size=len(data), sha256=hashlib.sha256(data).hexdigest()))})
    return sealed([("manifest.json", tarfile.REGTYPE, manifest.model_dump_json().encode()),
                   *[(n, tarfile.REGTYPE, d) for n, d in opened.files.items()], (name, tarfile.REGTYPE, data)])


@pytest.mark.parametrize("name", PLANTED)
def test_a_member_outside_the_allow_list_is_refused_and_nothing_is_written(filled, tmp_path, name):  # noqa: F811
    opened = read_backup(made(filled, tmp_path), PASSPHRASE)
    bad = tmp_path / "crafted.diarybackup"
    bad.write_bytes(crafted(opened, name))
    filled.close()
    before = tree(filled.home)
    siblings = set(filled.home.parent.iterdir())
    with pytest.raises(BackupError) as refused:
        restore_backup(bad, PASSPHRASE, filled.home, now=NOW)
    assert str(refused.value) == (f"This backup holds a file a diary backup never holds ({name}), so it was not "
                                  "restored: it was not made by the diary app. Nothing was changed.")
    assert tree(filled.home) == before and set(filled.home.parent.iterdir()) == siblings


def test_a_member_only_in_the_manifest_is_refused_by_the_same_sentence(filled, tmp_path):  # noqa: F811
    opened = read_backup(made(filled, tmp_path), PASSPHRASE)
    manifest = opened.manifest.model_copy(update={"files": (*opened.manifest.files, ManifestFile(
        name="diary.sqlite3-wal", size=1, sha256="0" * 64))})
    bad = tmp_path / "listed.diarybackup"
    bad.write_bytes(sealed([("manifest.json", tarfile.REGTYPE, manifest.model_dump_json().encode()),
                            *[(n, tarfile.REGTYPE, d) for n, d in opened.files.items()]]))
    with pytest.raises(BackupError, match=r"never holds \(diary.sqlite3-wal\)"):
        read_backup(bad, PASSPHRASE)


def test_every_file_the_app_writes_is_allowed_and_travels(filled, tmp_path):  # noqa: F811
    home = filled.home
    filled.keys.public_key()  # the key pair and its .pub file
    auto_backup.backup_passphrase(home)
    auto_backup.save_settings(home, auto_backup.BackupSettings(enabled=True))
    (home / SALT_NAME).write_text("salt")
    (home / "research" / "research-20260315-193000" / "fhir").mkdir(parents=True)
    (home / "research" / "research-20260315-193000" / "daily.csv").write_text("x")
    (home / "research" / "research-20260315-193000" / "fhir" / "S0123456789AB.json").write_text("{}")
    (home / "stray.txt").write_text("not the app's")
    names = {f.name for f in read_backup(made(filled, tmp_path), PASSPHRASE).manifest.files}
    assert {DB_FILENAME, "signing.key", "signing.pub", "backup-key", "backup-settings.json", SALT_NAME,
            "exports/visit.pdf", "research/research-20260315-193000/daily.csv",
            "research/research-20260315-193000/fhir/S0123456789AB.json"} == names
    assert all(backup_members.allowed_member(n) for n in names)


def test_the_written_out_names_agree_with_their_modules():
    keys = {name for name in keystore.KEY_FILES.values()} | {
        str(__import__("pathlib").Path(name).with_suffix(".pub")) for name in keystore.KEY_FILES.values()}
    assert backup_members.KEYS == keys
    assert {auto_backup.KEY_FILE, auto_backup.SETTINGS_FILE, SALT_NAME} < backup_members.TOP_LEVEL
    from diary.cli.reports import SALT_NAME as CLI_SALT_NAME
    from diary.services.research_export import RESEARCH_FOLDER
    from diary.ui.components.deliver import EXPORTS_FOLDER

    assert CLI_SALT_NAME == SALT_NAME
    assert (backup_members.EXPORTS, backup_members.RESEARCH) == (EXPORTS_FOLDER, RESEARCH_FOLDER)


def test_the_document_lists_the_allow_list():
    doc = (__import__("pathlib").Path(__file__).resolve().parents[2] / "docs" / "backup-format.md").read_text()
    for name in backup_members.TOP_LEVEL:
        assert f"`{name}`" in doc
    assert "`exports/<file>`" in doc and "`research/<data set>/fhir/<file>`" in doc and "allow-list" in doc
