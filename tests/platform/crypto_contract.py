"""The crypto seam's contract (diary.platform.crypto.Sodium), as checks any implementation must pass.

`check_sodium(impl)` runs every check; test_crypto_contract.py runs it against each implementation this
process has (PyNaCl always). The phone app's end-to-end tests run the same checks inside Pyodide against
the libsodium.js implementation, so both sides produce and accept the same bytes. Known answers are
RFC 8032 (Ed25519), RFC 7748 (X25519) and values PyNaCl computed once; round trips cover the boxes.
"""

from __future__ import annotations

from diary.platform.crypto import CryptoError

ED25519_SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")  # RFC 8032, test 1
ED25519_PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
ED25519_SIGNATURE_OF_EMPTY = bytes.fromhex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595"
    "bbe24655141438e7a100b")
X25519_SECRET = bytes.fromhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")  # RFC 7748 §6.1
X25519_PUBLIC = bytes.fromhex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
SECRETBOX_KEY, SECRETBOX_NONCE = bytes(range(32)), bytes(range(100, 124))
SECRETBOX_OF_MESSAGE = bytes.fromhex("4eff10e6a92451939af5c28bd0d39cb366d0f8bb4396ad86de8951f554f0")
MESSAGE = b"diary contract"
ARGON2ID_SMALL = bytes.fromhex("4409d1dc52f2e4ee073aaf92d8fcf3d7d78c520338e7ec6ed56bb3f954c63847")
LOW_ORDER_POINT = bytes(32)  # the all-zero X25519 point: every shared secret would be zero


def _raises_crypto_error(call) -> bool:
    try:
        call()
    except CryptoError:
        return True
    return False


def check_random_bytes(impl) -> None:
    first, second = impl.random_bytes(32), impl.random_bytes(32)
    assert isinstance(first, bytes) and len(first) == 32 and first != second and len(impl.random_bytes(0)) == 0


def check_ed25519(impl) -> None:
    assert impl.sign_public_key(ED25519_SEED) == ED25519_PUBLIC
    assert impl.sign_detached(b"", ED25519_SEED) == ED25519_SIGNATURE_OF_EMPTY
    signature = impl.sign_detached(MESSAGE, ED25519_SEED)
    assert len(signature) == 64 and impl.verify_detached(signature, MESSAGE, ED25519_PUBLIC)
    assert not impl.verify_detached(signature, MESSAGE + b"!", ED25519_PUBLIC)
    assert not impl.verify_detached(bytes(64), MESSAGE, ED25519_PUBLIC)
    assert impl.ed25519_is_valid_point(ED25519_PUBLIC) and not impl.ed25519_is_valid_point(bytes(32))


def check_x25519_and_sealed_boxes(impl) -> None:
    assert impl.box_public_key(X25519_SECRET) == X25519_PUBLIC
    assert len(impl.scalarmult(impl.random_bytes(32), X25519_PUBLIC)) == 32
    assert _raises_crypto_error(lambda: impl.scalarmult(impl.random_bytes(32), LOW_ORDER_POINT))
    sealed = impl.box_seal(MESSAGE, X25519_PUBLIC)
    assert len(sealed) == len(MESSAGE) + 48 and impl.box_seal(MESSAGE, X25519_PUBLIC) != sealed
    assert impl.box_seal_open(sealed, X25519_PUBLIC, X25519_SECRET) == MESSAGE
    other = impl.random_bytes(32)
    assert _raises_crypto_error(lambda: impl.box_seal_open(sealed, impl.box_public_key(other), other))
    tampered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    assert _raises_crypto_error(lambda: impl.box_seal_open(tampered, X25519_PUBLIC, X25519_SECRET))
    assert _raises_crypto_error(lambda: impl.box_seal_open(sealed[:20], X25519_PUBLIC, X25519_SECRET))


def check_secretbox(impl) -> None:
    assert impl.secretbox(MESSAGE, SECRETBOX_NONCE, SECRETBOX_KEY) == SECRETBOX_OF_MESSAGE  # MAC ‖ data, no nonce
    assert impl.secretbox_open(SECRETBOX_OF_MESSAGE, SECRETBOX_NONCE, SECRETBOX_KEY) == MESSAGE
    wrong_key = bytes(32)
    assert _raises_crypto_error(lambda: impl.secretbox_open(SECRETBOX_OF_MESSAGE, SECRETBOX_NONCE, wrong_key))
    assert _raises_crypto_error(lambda: impl.secretbox_open(SECRETBOX_OF_MESSAGE[:-1], SECRETBOX_NONCE, SECRETBOX_KEY))


def check_argon2id(impl) -> None:
    small = impl.argon2id(32, b"amber canoe fern", bytes(range(16)), opslimit=1, memlimit=8192)
    assert small == ARGON2ID_SMALL


CHECKS = (check_random_bytes, check_ed25519, check_x25519_and_sealed_boxes, check_secretbox, check_argon2id)


def check_sodium(impl) -> None:
    """Every check of the contract, in order (raises AssertionError at the first one that fails)."""
    for check in CHECKS:
        check(impl)
