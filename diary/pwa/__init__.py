"""The diary as an offline, installable web app: the same Python app in the browser (Pyodide).

`python -m diary.pwa build [--out DIR]` assembles the static site (diary.pwa.build);
`python -m diary.pwa serve [--port N]` serves a built site on 127.0.0.1 (diary.pwa.serve).
diary.pwa.entry is what the site runs in the browser.
"""
