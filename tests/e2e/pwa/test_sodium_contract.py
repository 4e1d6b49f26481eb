"""The browser's Sodium adapter (diary/platform/crypto_libsodium_js.py, libsodium.js in Pyodide) keeps the
crypto seam's contract — tests/platform/crypto_contract.py's known answers and refusals, every primitive
computed inside the page — and PyNaCl produces interchangeable bytes with it: what one makes, the other
opens, verifies or reproduces.

The adapter runs inside the built web app, opened with ?sodium-contract (diary/pwa/contract_hook.py, which
starts the browser platform and serves its sodium()); PyNaCl runs here.
"""

from __future__ import annotations

import os

import nacl.bindings as nb
import pytest

from diary.platform.crypto import CryptoError
from tests.e2e.conftest import PHONE
from tests.e2e.pwa.conftest import PwaPage
from tests.platform import crypto_contract

pytestmark = pytest.mark.e2e

MODERATE = {"opslimit": 3, "memlimit": 268435456}  # the backup format's argon2id limits


@pytest.fixture(scope="module")
def sodium(browser, pwa_site, tmp_path_factory):
    page = PwaPage(browser.browser_type, tmp_path_factory.mktemp("sodium-profile"), pwa_site.url,
                   "pwa-sodium-contract", PHONE)
    page.page.goto(pwa_site.url + "?sodium-contract")
    page.page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=90_000)
    page.page.evaluate("document.querySelector('flt-semantics-placeholder').click()")
    page.see("Sodium contract hook ready", timeout=90_000)
    yield page
    page.check()
    page.close()


class InThePage:
    """The Sodium protocol, each call answered by the page's adapter; its CryptoError raised here."""

    def __init__(self, page: PwaPage):
        self._page = page

    def __getattr__(self, op: str):
        def call(*args, **kwargs):
            answer = self._page.sodium(op, *args, **kwargs)
            if answer == "CryptoError":
                raise CryptoError(f"libsodium.js refused {op}")
            return answer

        return call


@pytest.mark.parametrize("check", crypto_contract.CHECKS, ids=lambda check: check.__name__)
def test_the_browser_adapter_keeps_the_contract(sodium, check):
    check(InThePage(sodium))


def test_random_bytes_have_the_asked_size_and_differ(sodium):
    first, second = sodium.sodium("random_bytes", 32), sodium.sodium("random_bytes", 32)
    assert len(first) == 32 and len(second) == 32 and first != second


def test_ed25519_keys_and_signatures_match_and_verify_both_ways(sodium):
    seed = os.urandom(32)
    public, _secret = nb.crypto_sign_seed_keypair(seed)
    assert sodium.sodium("sign_public_key", seed) == public
    message = "Dagbok: smärta 6, trötthet 4 — åäö".encode()
    signature = sodium.sodium("sign_detached", message, seed)
    assert signature == nb.crypto_sign(message, _secret)[:64]  # Ed25519 is deterministic
    nb.crypto_sign_open(signature + message, public)  # PyNaCl verifies the browser's signature
    assert sodium.sodium("verify_detached", nb.crypto_sign(message, _secret)[:64], message, public) is True
    assert sodium.sodium("verify_detached", signature, message + b"!", public) is False
    assert sodium.sodium("verify_detached", signature[:63], message, public) is False
    assert sodium.sodium("ed25519_is_valid_point", public) is True
    bad_point = bytes(31) + b"\x80"
    assert sodium.sodium("ed25519_is_valid_point", bad_point) is bool(nb.crypto_core_ed25519_is_valid_point(bad_point))


def test_sealed_boxes_open_on_the_other_side(sodium):
    secret = os.urandom(32)
    public = nb.crypto_scalarmult_base(secret)
    assert sodium.sodium("box_public_key", secret) == public
    other = os.urandom(32)
    assert sodium.sodium("scalarmult", other, public) == nb.crypto_scalarmult(other, public)
    message = b"an export, sealed to the physiotherapist" * 50
    from_browser = sodium.sodium("box_seal", message, public)
    assert nb.crypto_box_seal_open(from_browser, public, secret) == message
    from_desktop = nb.crypto_box_seal(message, public)
    assert sodium.sodium("box_seal_open", from_desktop, public, secret) == message
    tampered = from_desktop[:-1] + bytes([from_desktop[-1] ^ 1])
    assert sodium.sodium("box_seal_open", tampered, public, secret) == "CryptoError"
    assert sodium.sodium("box_seal_open", from_desktop, public, os.urandom(32)) == "CryptoError"
    assert sodium.sodium("scalarmult", other, bytes(32)) == "CryptoError"  # the all-zero point


def test_secretboxes_are_the_same_bytes_and_open_both_ways(sodium):
    key, nonce = os.urandom(32), os.urandom(24)
    message = "a backup of the diary, åäö".encode()
    sealed = sodium.sodium("secretbox", message, nonce, key)
    assert sealed == nb.crypto_secretbox(message, nonce, key)
    assert nb.crypto_secretbox_open(sealed, nonce, key) == message
    assert sodium.sodium("secretbox_open", sealed, nonce, key) == message
    assert sodium.sodium("secretbox_open", sealed, nonce, os.urandom(32)) == "CryptoError"
    assert sodium.sodium("secretbox", message, nonce[:23], key) == "CryptoError"


def test_argon2id_derives_the_same_key(sodium):
    salt = os.urandom(16)
    passphrase = "correct horse battery staple åäö".encode()
    expected = nb.crypto_pwhash_alg(32, passphrase, salt, MODERATE["opslimit"], MODERATE["memlimit"],
                                    nb.crypto_pwhash_ALG_ARGON2ID13)
    assert sodium.sodium("argon2id", 32, passphrase, salt, **MODERATE) == expected
