"""`?sodium-contract`: the page answers libsodium requests from the contract tests, and nothing else.

The tests (tests/e2e/pwa/test_sodium_contract.py) post {id, op, args} on the BroadcastChannel
"diary-sodium-contract", where op is a method of the Sodium protocol and bytes travel as hex; the page
answers {id, result} (hex, or a bool) or {id, error: "CryptoError"}. The adapter is the platform's own
(diary.platform.sodium() after start_browser), and no diary is opened in this mode, so no data of the
user's can be reached through it.
"""

from __future__ import annotations

import flet as ft

CHANNEL = "diary-sodium-contract"
OPS = ("random_bytes", "sign_public_key", "sign_detached", "verify_detached", "ed25519_is_valid_point",
       "box_public_key", "scalarmult", "box_seal", "box_seal_open", "secretbox", "secretbox_open", "argon2id")


def _decode(value):
    return bytes.fromhex(value[4:]) if isinstance(value, str) and value.startswith("hex:") else value


def answer(sodium, request: dict) -> dict:
    """Run one request against `sodium`; never raises."""
    from diary.platform.crypto import CryptoError

    op = request.get("op")
    if op not in OPS:
        return {"id": request.get("id"), "error": f"unknown op {op!r}"}
    args = [_decode(a) for a in request.get("args", [])]
    kwargs = {k: _decode(v) for k, v in (request.get("kwargs") or {}).items()}
    try:
        result = getattr(sodium, op)(*args, **kwargs)
    except CryptoError:
        return {"id": request.get("id"), "error": "CryptoError"}
    return {"id": request.get("id"), "result": "hex:" + result.hex() if isinstance(result, bytes) else result}


async def serve_contract(page: ft.Page) -> None:
    import js  # type: ignore[import-not-found]
    from pyodide.ffi import create_proxy, to_js  # type: ignore[import-not-found]

    from diary.platform import sodium, start_browser

    await start_browser()
    adapter = sodium()
    channel = js.BroadcastChannel.new(CHANNEL)

    def on_message(event) -> None:
        reply = answer(adapter, event.data.to_py())
        channel.postMessage(to_js(reply, dict_converter=js.Object.fromEntries))

    channel.onmessage = create_proxy(on_message)
    page.add(ft.Text("Sodium contract hook ready", key="contract-ready"))
    page.update()
