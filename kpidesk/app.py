"""Composition root: settings, fonts, language, store, main window."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

import kpidesk
from kpidesk import APP_NAME, ORG_NAME
from kpidesk.i18n.fonts import install_app_font
from kpidesk.i18n.language import LanguageManager
from kpidesk.i18n.tr import translator
from kpidesk.store.db import Store
from kpidesk.ui.collector import UiThreadCollector
from kpidesk.ui.smoke import RefuseDialogs, smoke_run
from kpidesk.ui.splash import Splash

tr = translator("App")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kpidesk")
    parser.add_argument("--db", type=Path, help="shop file to open")
    parser.add_argument("--lang", choices=("en", "km"), help="language for this run only")
    parser.add_argument("--smoke", action="store_true",
                        help="build the main window with every tab, render it, exit")
    parser.add_argument("--screenshot", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--version", action=_VersionAction, nargs=0)
    return parser.parse_args(argv)


class _VersionAction(argparse.Action):
    """--version, reading the version only when asked (see kpidesk.__getattr__)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        parser.exit(message=f"{APP_NAME} {kpidesk.__version__}\n")


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    install_app_font(app)
    set_app_icon(app)
    if app.findChild(UiThreadCollector) is None:
        UiThreadCollector(app)  # lives with the app: garbage collected on this thread only
    return app


def set_app_icon(app: QApplication) -> None:
    """The window icon, from resources/icons (drawn by make_icons.py)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from kpidesk.paths import resource_path

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        path = resource_path("icons", f"kpidesk-{size}.png")
        if path.exists():  # with its size given, Qt reads the file only when it is drawn
            icon.addFile(str(path), QSize(size, size))
    if not icon.isNull():
        app.setWindowIcon(icon)
    app.setDesktopFileName("kpidesk")  # Wayland/GNOME: match packaging/kpidesk.desktop


def offer_demo(parent=None) -> bool:
    """Ask, on first start with an empty shop, whether to look at the demo shop."""
    from kpidesk.ui.messages import ask_yes_no  # here: not needed before the first paint

    return ask_yes_no(
        parent, tr("Welcome to KPI Desk"),
        tr("Your shop has no sales yet.\n\nOpen a demo shop with two years of example "
           "sales to see what KPI Desk shows? Your own shop stays empty; open it again "
           "from the File menu whenever you are ready."), default_yes=True)


def build_demo_file(path: Path, parent=None) -> None:
    """Write the demo shop to `path` (if it is not there yet), with a progress dialog."""
    from PySide6.QtWidgets import QProgressDialog

    from kpidesk.demo import build_demo

    if path.exists():
        with Store(path) as existing:
            if existing.scalar("SELECT count(*) FROM orders"):
                return
    progress = QProgressDialog(tr("Creating the demo shop…"), "", 0, 100, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)

    def report(pct: int) -> None:
        progress.setValue(pct)
        QApplication.processEvents()

    with Store(path) as store:
        build_demo(store, progress=report)
    progress.close()


class Controller:
    """Owns the open shop and its main window; switches shop files from the File menu."""

    def __init__(self, settings: QSettings, language: LanguageManager,
                 interactive: bool = True) -> None:
        self.settings = settings
        self.language = language
        self.interactive = interactive  # False for --smoke / --screenshot: no dialogs
        self.ctx = None
        self.window = None
        self.backups = None
        self._check_timer: QTimer | None = None

    def open(self, path: Path, remember: bool = True) -> bool:
        from kpidesk.ui.backup_status import BackupWatch
        from kpidesk.ui.context import AppContext
        from kpidesk.ui.main_window import MainWindow
        from kpidesk.ui.recent import location_key
        from kpidesk.ui.startup import open_store_interactive

        if self.ctx is not None and self._is_open(path):
            return True
        store = open_store_interactive(Path(path), self.window, self.settings)
        if store is None:
            return False
        old_window = self.window
        self.close_store()
        self.ctx = AppContext(store, self.language, self.settings)
        self.window = MainWindow(self.ctx)
        self.window.controller = self
        self.backups = BackupWatch(self.ctx, self.window, self.settings, self.interactive)
        self.backups.status.clicked.connect(self.window.show_backups)
        if not store.server_broken():  # a shared shop opened without its server: not today
            self.backups.start()  # today's backup on a thread; a failure is shown
        self.window.show()
        if old_window is not None:
            old_window.save_state()
            old_window.deleteLater()
            old_window.hide()
        from kpidesk.store.setup import is_demo

        if remember and not is_demo(store):  # the demo is never the shop opened next time
            from kpidesk.ui import recent

            # a shared shop's address is kept without its password (asked when needed)
            self.settings.setValue("last_db", location_key(path))
            recent.remember(self.settings, path)
        self._watch_check()
        self._watch_others(store)
        if self.ctx.server_queue is not None and self.ctx.server_queue.count():
            self.ctx.server_queue.send_now()  # sales kept while the server was away
        return True

    def _is_open(self, path: Path | str) -> bool:
        from kpidesk.store import dialect
        from kpidesk.ui.recent import location_key

        store = self.ctx.store
        if dialect.is_server_url(path) or store.is_server:
            return store.is_server and dialect.is_server_url(path) and \
                location_key(path) == location_key(store.location)
        return Path(path).resolve() == store.path.resolve()

    def open_shared(self) -> bool:
        """File ▸ Open shared shop…: the connection dialog, on the last shared shop's
        address; the shop opened once the server answered."""
        from kpidesk.store import dialect, server_address
        from kpidesk.ui.dialogs.connect import ask_shared_shop
        from kpidesk.ui.recent import recent_shops

        last = next((v for v in recent_shops(self.settings) if dialect.is_server_url(v)), None)
        url = ask_shared_shop(self.window, self.settings,
                              server_address.parse(last) if last else None)
        return url is not None and self.open(url)

    # A shared shop (PostgreSQL): other laptops' writes are shown within seconds, and
    # at once when this window comes back to the front.
    OTHERS_POLL_MS = 5000

    def _watch_others(self, store) -> None:
        if not store.is_server:
            return
        from kpidesk.store.errors import ServerError

        try:
            store.others_wrote()  # the version as opened
        except ServerError:  # opened without its server: looked at once it answers
            pass
        if getattr(self, "_others_timer", None) is None:
            self._others_timer = QTimer()
            self._others_timer.setInterval(self.OTHERS_POLL_MS)
            self._others_timer.timeout.connect(self.check_others)
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance()
            if app is not None:
                app.applicationStateChanged.connect(
                    lambda state: self.check_others()
                    if state == Qt.ApplicationState.ApplicationActive else None)
        self._others_timer.start()

    def check_others(self) -> None:
        """Refresh the views when another laptop wrote; say so when the server is gone."""
        import sqlite3

        from kpidesk.store.errors import ServerError
        from kpidesk.store.topics import EVERYTHING

        if self.ctx is None or not self.ctx.store.is_server:
            return
        queue = self.ctx.server_queue
        if queue is not None and queue.server_down:
            return  # the bar says so, and the queue looks for the server (or its password)
        try:
            changed = self.ctx.store.others_wrote()
        except (ServerError, sqlite3.Error) as err:
            from kpidesk.ui.messages import server_error_text

            reason = err if isinstance(err, ServerError) else ServerError("unreachable")
            if reason.reason == "unreachable":
                from kpidesk.ui.server_status import server_lost

                server_lost(reason)  # the sale queue looks for its return and says so
            if self.window is not None:
                self.window.statusBar().showMessage(
                    server_error_text(reason, self.ctx.store.server_url or ""), 10_000)
            return
        if changed:
            self.ctx.store.announce(EVERYTHING)

    # The shop's integrity check runs on a thread after opening (Store(check_later)):
    # a large shop opens at once; damage found then is handled as damage found at open.
    def _watch_check(self) -> None:
        if self._check_timer is None:
            self._check_timer = QTimer()
            self._check_timer.setInterval(200)
            self._check_timer.timeout.connect(self._poll_check)
        self._check_timer.start()

    def _poll_check(self) -> None:
        result = self.ctx.store.check_result() if self.ctx is not None else True
        if result is None:
            return
        self._check_timer.stop()
        if result is False:
            self.damaged_while_open()

    def damaged_while_open(self) -> None:
        """The open shop failed its integrity check: nothing was written to it. Offer the
        newest good backup, as at opening; without one, close (the file stays as it is)."""
        from kpidesk.store.errors import CorruptStoreError
        from kpidesk.ui.errors import log
        from kpidesk.ui.startup import offer_backup

        path, window = self.ctx.store.path, self.window
        log.error("%s failed its integrity check after opening", path)
        self.ctx.close()
        self.ctx.store.close()  # no backup on exit: this file is damaged
        self.ctx = None
        if offer_backup(path, CorruptStoreError("quick_check failed"), window,
                        self.settings) and self.open(path, remember=False):
            return
        window.close()

    def close_store(self) -> None:
        from kpidesk.ui.startup import backup_on_exit

        if self.ctx is not None:
            failed = backup_on_exit(self.ctx.store)
            if failed is not None and self.interactive:
                from PySide6.QtWidgets import QMessageBox

                from kpidesk.ui.messages import backup_error_text

                QMessageBox.warning(None, tr("Backup failed"), backup_error_text(failed))
            self.ctx.close()
            self.ctx.store.close()
            self.ctx = None

    def open_demo(self) -> bool:

        path = demo_path()
        build_demo_file(path, self.window)
        return self.open(path, remember=False)

    def open_my_shop(self) -> bool:
        from kpidesk.paths import default_db_path

        return self.open(default_db_path())


def demo_path() -> Path:
    """Where File ▸ Open the demo shop keeps the demo (beside the user's shop)."""
    from kpidesk.paths import data_dir

    return data_dir() / "demo.kpidesk.db"


def initial_language(settings: QSettings, system_language: str | None = None) -> str:
    """The language of this start: the one chosen before, else the system's when it is
    Khmer, else English."""
    chosen = settings.value("language", "")
    if chosen in ("en", "km"):
        return chosen
    if system_language is None:
        from PySide6.QtCore import QLocale

        system_language = "km" if QLocale.system().language() == QLocale.Language.Khmer \
            else "en"
    return "km" if system_language == "km" else "en"


def shop_to_open(settings: QSettings, given: Path | None) -> Path:
    """The shop file of this start: --db, else the last one opened (never the demo), else
    the user's shop in the data folder."""
    from kpidesk.paths import default_db_path

    if given is not None:
        return given
    last = settings.value("last_db", "") or ""
    from kpidesk.store import dialect

    if last and dialect.is_server_url(last):
        return Path(last)
    if last and Path(last).name != demo_path().name:
        return Path(last)
    return default_db_path()


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application()
    splash = Splash(app, started)
    settings = QSettings()
    language = LanguageManager(app)
    lang = args.lang or initial_language(settings)
    from kpidesk.i18n.language import number_style_from

    language.style = number_style_from(settings)
    language.set_language(lang if lang in ("en", "km") else "en")

    from kpidesk.ui.errors import install_excepthook

    install_excepthook()
    controller = Controller(settings, language,
                            interactive=not (args.smoke or args.screenshot))
    db_path = shop_to_open(settings, args.db)
    refuse = RefuseDialogs() if args.smoke or args.screenshot else None
    opened = controller.open(db_path, remember=args.db is None)
    if refuse is not None:
        refuse.stop()
    if not opened:
        splash.close()
        return 1
    splash.finish(controller.window)
    store = controller.ctx.store
    first_start = not store.scalar("SELECT count(*) FROM orders") and not store.setting("shop_name")
    if first_start and not (args.smoke or args.screenshot) and not settings.value(
            "demo_offered", False, type=bool):
        settings.setValue("demo_offered", True)
        if offer_demo(controller.window):
            controller.open_demo()
    window = controller.window
    # The version (importlib.metadata: 15-40 ms) is read once the window is on screen; no
    # part of KPI Desk asks Qt for it (Help → About reads kpidesk.__version__).
    QTimer.singleShot(1000, app, lambda: app.setApplicationVersion(kpidesk.__version__))
    if args.smoke or args.screenshot:
        code = smoke_run(app, window, started, language, args.screenshot, splash)
        window.close()
        controller.close_store()
        return code
    code = app.exec()
    controller.close_store()
    return code
