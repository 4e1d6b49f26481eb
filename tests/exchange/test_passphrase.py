"""Passphrases: the word list, generation, what people type, and the fixed KDF line."""

from __future__ import annotations

import base64
import math
import re

import pytest

from diary.exchange.passphrase import (
    KDF_LINE_MAX,
    KdfLineError,
    generate_passphrase,
    kdf_line,
    normalize_passphrase,
    read_kdf_line,
)
from diary.exchange.wordlist import WORDS


class TestWordList:
    def test_at_least_1024_short_lowercase_words_sorted_without_duplicates(self):
        assert len(WORDS) >= 1024
        assert list(WORDS) == sorted(set(WORDS))
        assert all(re.fullmatch(r"[a-z]{3,6}", word) for word in WORDS)

    def test_six_words_carry_at_least_60_bits(self):
        assert 6 * math.log2(len(WORDS)) >= 60


class TestGeneratePassphrase:
    def test_six_words_from_the_list_by_default(self):
        words = generate_passphrase().split(" ")
        assert len(words) == 6 and all(word in WORDS for word in words)

    def test_random(self):
        assert len({generate_passphrase() for _ in range(20)}) == 20

    def test_fewer_than_six_words_is_refused(self):
        with pytest.raises(ValueError):
            generate_passphrase(5)
        assert len(generate_passphrase(8).split()) == 8


class TestNormalizePassphrase:
    @pytest.mark.parametrize("typed", [
        "amber canoe fern", " Amber-Canoe  FERN ", "amber_canoe.fern", "amber\tcanoe\u00a0fern",
        "ＡＭＢＥＲ canoe fern",
    ])
    def test_case_separators_and_width_do_not_matter(self, typed):
        assert normalize_passphrase(typed) == b"amber canoe fern"


class TestKdfLine:
    def test_round_trip_at_the_fixed_limits(self):
        salt = bytes(range(16))
        line = kdf_line(salt)
        assert line == b"argon2id opslimit=3 memlimit=268435456 salt=" + base64.b64encode(salt) + b"\n"
        assert read_kdf_line(b"xx" + line + b"rest", 2) == (salt, 2 + len(line))

    @pytest.mark.parametrize("line,truncated", [
        (b"argon2id opslimit=3 memlimit=268435456 salt=AAAA", True),
        (b"argon2id opslimit=4 memlimit=268435456 salt=AAECAwQFBgcICQoLDA0ODw==\n", False),
        (b"argon2id opslimit=3 memlimit=268435457 salt=AAECAwQFBgcICQoLDA0ODw==\n", False),
        (b"argon2id opslimit=3 memlimit=268435456 salt=AAECAwQFBgcICQoLDA0O\n", False),
        (b"argon2id  opslimit=3 memlimit=268435456 salt=AAECAwQFBgcICQoLDA0ODw==\n", False),
        (b"x" * (KDF_LINE_MAX + 10), False),
    ])
    def test_anything_else_is_refused(self, line, truncated):
        with pytest.raises(KdfLineError) as caught:
            read_kdf_line(line, 0)
        assert caught.value.truncated is truncated
