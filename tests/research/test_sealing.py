"""Sealing the data set to a research team's key: every file, streamed, bound to its name."""

import io

import nacl.public
import pytest

from diary.research import ResearchOptions, export_research
from diary.research.sealing import CHUNK_BYTES, SealedWriter, SealingFailed, open_sealed
from tests.conftest import NOW
from tests.research.conftest import SALT


def seal(data: bytes, key, name="daily.csv") -> bytes:
    out = io.BytesIO()
    writer = SealedWriter(out, key.public_key, name)
    for i in range(0, len(data), 1000):
        writer.write(data[i:i + 1000])
    writer.close()
    return out.getvalue()


def unseal(blob: bytes, key, name="daily.csv") -> bytes:
    return b"".join(open_sealed(io.BytesIO(blob), key, name))


class TestSealedFiles:
    @pytest.mark.parametrize("size", [0, 10, CHUNK_BYTES, 3 * CHUNK_BYTES + 17])
    def test_round_trip(self, size):
        key = nacl.public.PrivateKey.generate()
        data = bytes(i % 251 for i in range(size))
        assert unseal(seal(data, key), key) == data

    def test_wrong_key_rename_truncation_and_tampering_are_refused(self):
        key, other = nacl.public.PrivateKey.generate(), nacl.public.PrivateKey.generate()
        blob = seal(b"x" * (CHUNK_BYTES + 5), key)
        with pytest.raises(SealingFailed, match="not sealed to this key"):
            unseal(blob, other)
        with pytest.raises(SealingFailed, match="renamed"):
            unseal(blob, key, name="goals.csv")
        for cut in (10, 120, len(blob) - 1):
            with pytest.raises(SealingFailed):
                unseal(blob[:cut], key)
        flipped = bytearray(blob)
        flipped[-3] ^= 1
        with pytest.raises(SealingFailed):
            unseal(bytes(flipped), key)
        with pytest.raises(SealingFailed, match="after its end"):
            unseal(blob + b"!", key)


def test_a_sealed_export_has_no_plaintext(tmp_path, records):
    key = nacl.public.PrivateKey.generate()
    out = tmp_path / "out"
    export_research(records, out, options=ResearchOptions(salt=SALT, seal_to=key.public_key), today=NOW.date())
    files = sorted(p for p in out.rglob("*") if p.is_file())
    assert files and all(p.name.endswith(".sealed") for p in files)
    for path in files:
        assert path.read_bytes().startswith(b"DIARY-RESEARCH\nv1 sealed\n")
        assert b"study_id" not in path.read_bytes()
    name = "daily.csv"
    with open(out / f"{name}.sealed", "rb") as f:
        plain = b"".join(open_sealed(f, key, name))
    assert plain.startswith(b'"study_id","day"')
    with open(out / "README.md.sealed", "rb") as f:
        readme = b"".join(open_sealed(f, key, "README.md"))
    assert b"sealed to the research team's key" in readme
