"""Entry point for `flet build` and `flet run` (packaged apps): the data home comes from Flet's
FLET_APP_STORAGE_DATA on phones, else the usual resolution in config.data_dir()."""

import flet as ft

from diary.app import ASSETS_DIR, start_auto_backups
from diary.config import data_dir
from diary.services.bootstrap import open_diary
from diary.ui.app import make_main

if __name__ == "__main__":
    home = data_dir()
    start_auto_backups(home)
    ft.run(make_main(lambda: open_diary(home), home=home), assets_dir=str(ASSETS_DIR))
