"""The crypto seam's contract against every implementation available here (PyNaCl on the desktop).

The same checks (crypto_contract.py) run inside Pyodide against the browser's implementation."""

from __future__ import annotations

import pytest

from diary import platform
from diary.exchange.passphrase import MEMLIMIT, OPSLIMIT
from diary.platform.crypto_pynacl import PyNaclSecretStream, PyNaclSodium
from tests.platform import crypto_contract

IMPLEMENTATIONS = [PyNaclSodium()]


@pytest.mark.parametrize("impl", IMPLEMENTATIONS, ids=lambda impl: type(impl).__name__)
@pytest.mark.parametrize("check", crypto_contract.CHECKS, ids=lambda check: check.__name__)
def test_contract(impl, check):
    check(impl)


def test_the_desktop_platform_uses_pynacl_and_the_moderate_limits_are_the_libraries():
    import nacl.pwhash.argon2id as argon2id

    assert isinstance(platform.current().sodium(), PyNaclSodium)
    assert (OPSLIMIT, MEMLIMIT) == (argon2id.OPSLIMIT_MODERATE, argon2id.MEMLIMIT_MODERATE)


def test_bytes_are_those_of_pynacls_high_level_classes():
    """The seam changed no byte on disk: a SecretBox and a SealedBox made through it open with PyNaCl."""
    import nacl.public
    import nacl.secret

    from diary.exchange.boxes import open_secretbox, seal_secretbox

    key = bytes(range(32))
    assert nacl.secret.SecretBox(key).decrypt(seal_secretbox(b"x", key)) == b"x"
    assert open_secretbox(bytes(nacl.secret.SecretBox(key).encrypt(b"y")), key) == b"y"
    private = nacl.public.PrivateKey.generate()
    sealed = PyNaclSodium().box_seal(b"z", bytes(private.public_key))
    assert nacl.public.SealedBox(private).decrypt(sealed) == b"z"


def test_secret_stream_round_trip_and_final_tag():
    stream = PyNaclSecretStream()
    key = stream.keygen()
    state, header = stream.init_push(key)
    boxes = [stream.push(state, b"one", b"ad", final=False), stream.push(state, b"two", b"ad", final=True)]
    reader = stream.init_pull(header, key)
    assert [stream.pull(reader, box, b"ad") for box in boxes] == [(b"one", False), (b"two", True)]


def test_a_chosen_platform_is_used_and_can_be_put_back():
    class Fake:
        name = "fake"

    before = platform.use(Fake())
    try:
        assert platform.current().name == "fake"
    finally:
        platform.use(before)
    assert platform.current().name == "desktop"
