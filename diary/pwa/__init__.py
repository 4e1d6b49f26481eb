"""The phone app: the same Python app as an offline, installable web app (Pyodide in the browser).

Build time (from a checkout; Node.js and npm are build tools only): `diary pwa build [--out DIR]`
(diary/cli/pwa.py → build.py; toolchain.py caches npm packages and wheels; webclient.py, site.py,
fonts.py, bundle.py and service_worker.py assemble the site; report.py sizes a first visit) and
`diary pwa serve [--port N]` (serve.py, with the CSP as a header). The desktop server reuses
webclient.py so that it too loads nothing from a CDN.
In the browser: entry.py (the site's main.py calls `start()`; it chooses diary.platform's browser
platform), contract_hook.py (`?sodium-contract`, for the contract tests).
"""
