"""Composition root: settings, fonts, language, store, main window."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from kpidesk import APP_NAME, ORG_NAME, __version__
from kpidesk.i18n.fonts import install_app_font, khmer_family_used
from kpidesk.i18n.language import LanguageManager
from kpidesk.store.db import Store


def tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kpidesk")
    parser.add_argument("--db", type=Path, help="shop file to open")
    parser.add_argument("--lang", choices=("en", "km"), help="language for this run only")
    parser.add_argument("--smoke", action="store_true",
                        help="build the main window with every tab, render it, exit")
    parser.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_app_font(app)
    return app


def offer_demo(store: Store, parent=None) -> bool:
    """On an empty shop file, offer to fill it with the demo shop."""
    if store.scalar("SELECT count(*) FROM orders") or store.setting("shop_name"):
        return False
    answer = QMessageBox.question(
        parent, tr("Welcome to KPI Desk"),
        tr("This shop has no sales yet.\n\nOpen a demo shop with two years of example sales "
           "to see what KPI Desk shows? You can start your own shop afterwards from the "
           "File menu."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    from kpidesk.demo import build_demo

    progress = QProgressDialog(tr("Creating the demo shop…"), "", 0, 100, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)

    def report(pct: int) -> None:
        progress.setValue(pct)
        QApplication.processEvents()

    build_demo(store, progress=report)
    progress.close()
    return True


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application()
    settings = QSettings()
    language = LanguageManager(app)
    lang = args.lang or settings.value("language", "en")
    digits = settings.value("khmer_digits", True, type=bool)
    language.set_language(lang if lang in ("en", "km") else "en", digits)

    from kpidesk.paths import default_db_path

    db_path = args.db or Path(settings.value("last_db", "") or default_db_path())
    try:
        store = Store(db_path)
    except Exception as exc:  # the file cannot be used: say so, never write to it
        QMessageBox.critical(None, tr("Cannot open the shop file"),
                             tr("%1 cannot be opened:\n%2").replace("%1", str(db_path))
                             .replace("%2", str(exc)))
        return 1

    from kpidesk.ui.context import AppContext
    from kpidesk.ui.main_window import MainWindow

    ctx = AppContext(store, language, settings)
    if not args.smoke:
        offer_demo(store)
    window = MainWindow(ctx)
    window.show()
    if args.smoke or args.screenshot:
        app.processEvents()
        image = window.grab()
        if args.screenshot:
            image.save(str(args.screenshot))
        elapsed = (time.perf_counter() - started) * 1000
        tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        print(f"smoke: ok; tabs: {', '.join(tabs)}; khmer font: {khmer_family_used()}; "
              f"language: {language.lang}; painted in {elapsed:.0f} ms")
        ok = not image.isNull() and window.tabs.count() > 0
        window.close()
        store.close()
        return 0 if ok else 1
    settings.setValue("last_db", str(db_path))
    code = app.exec()
    store.close()
    return code
