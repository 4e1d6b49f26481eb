"""The diary as an offline, installable web app: the same Python app in the browser (Pyodide).

Build time (run from a checkout; needs Node.js and npm): `python -m diary.pwa build [--out DIR]`
(build.py: toolchain.py caches npm and wheels; webclient.py, site.py, fonts.py, bundle.py,
service_worker.py assemble the site) and `python -m diary.pwa serve [--port N]` (serve.py).
In the browser: entry.py (the site's main.py calls `start()`), browser_shim.py (TEMPORARY, until the
platform seams), contract_hook.py (`?sodium-contract`, for the contract tests).
"""
