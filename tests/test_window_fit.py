"""The main window and every dialog fit small laptop screens (1366×768, 1280×720): checked
on an offscreen screen of that size, in English and Khmer; and the placement rules on
given screen areas through the real code (`kpidesk.ui.screen`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect

from kpidesk.ui.screen import NATURAL_SIZE, clamped, fit_on_screen, fits, place_main_window

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def small_shop(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fit")
    path = folder / "shop.db"
    done = subprocess.run([sys.executable, "-m", "kpidesk", "demo", "--db", str(path),
                           "--lines", "3000"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return path


def probe(shop: Path, width: int, height: int, lang: str, folder: Path) -> dict:
    config = folder / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBpp": 32, "dpr": 1.0}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               KPIDESK_DATA_DIR=str(folder / "data"))
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "window_probe.py"), str(shop),
                           lang, str(folder / f"settings-{lang}.ini")],
                          capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("width,height", [(1366, 768), (1280, 720)])
@pytest.mark.parametrize("lang", ["en", "km"])
def test_every_window_fits_a_small_laptop_screen(small_shop, tmp_path, width, height, lang):
    got = probe(small_shop, width, height, lang, tmp_path)
    x, y, w, h = got["area"]
    area = QRect(x, y, w, h)
    assert (w, h) == (width, height)
    assert got["maximized"]  # 1200×780 and its frame do not fit: maximised
    assert "print preview" in got["windows"] and len(got["windows"]) >= 16
    for name, window in got["windows"].items():
        frame = QRect(*window["frame"])
        assert area.contains(frame), f"{name} at {window['frame']} is off the {w}×{h} screen"
        assert window["min"][0] <= w and window["min"][1] <= h, name


def test_a_large_screen_gets_the_natural_size_centred(qapp):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    place_main_window(window, None, QRect(0, 0, 1920, 1040))
    assert window.size() == NATURAL_SIZE and not window.isMaximized()
    assert window.geometry().center().x() in range(955, 966)


@pytest.mark.parametrize("area", [QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 680)])
def test_a_small_screen_opens_maximised(qapp, area):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    assert not fits(NATURAL_SIZE, area)  # 1200×780 under a taskbar: 37 px off today
    place_main_window(window, None, area)
    assert window.windowState() & window.windowState().WindowMaximized
    assert area.contains(window.geometry())


def test_a_remembered_geometry_is_clamped_to_this_screen(qapp):
    from PySide6.QtWidgets import QMainWindow

    big = QMainWindow()
    big.setGeometry(300, 200, 1600, 1000)  # remembered on a 1920×1200 monitor
    saved = big.saveGeometry()
    window = QMainWindow()
    area = QRect(0, 0, 1366, 728)
    place_main_window(window, QByteArray(saved), area)
    frame = window.geometry().adjusted(-8, -31, 8, 8)  # the allowance for a frame
    assert area.contains(frame), window.geometry()
    assert not window.isMaximized()


def test_clamping_keeps_what_fits():
    area = QRect(0, 0, 1366, 728)
    inside = QRect(100, 100, 800, 500)
    assert clamped(inside, area) == inside
    moved = clamped(QRect(900, 400, 800, 500), area)
    assert moved.size() == inside.size() and area.contains(moved)


def test_a_dialog_taller_than_the_screen_is_fitted_when_shown(qtbot):
    from PySide6.QtWidgets import QDialog

    from kpidesk.ui.screen import available_area, keep_on_screen

    dialog = QDialog()
    qtbot.addWidget(dialog)
    area = available_area(dialog)  # the test platform's screen
    dialog.resize(area.width() + 200, area.height() + 300)
    keep_on_screen(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= area.height() and dialog.width() <= area.width()
    fit_on_screen(dialog)  # again: nothing changes
    assert area.contains(dialog.geometry())
