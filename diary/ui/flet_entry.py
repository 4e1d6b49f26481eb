"""Entry point for `flet build` and `flet run` (packaged apps): the data home comes from Flet's
FLET_APP_STORAGE_DATA on phones, else the usual resolution in config.data_dir()."""

import flet as ft

from diary.config import data_dir
from diary.services.bootstrap import open_diary
from diary.ui.app import make_main

if __name__ == "__main__":
    ft.run(make_main(lambda: open_diary(data_dir())))
