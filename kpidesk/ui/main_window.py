"""The main window: one tab per concern, menus, remembered size/position/tab."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk import APP_NAME
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.ui.context import AppContext
from kpidesk.ui.main_window_offline import OfflineWindow, ServerBanner
from kpidesk.ui.names import object_name
from kpidesk.ui.shop_place import shop_file_name, shop_place_text
from kpidesk.ui.tab_pages import TAB_MODULES, TABS, TabPages
from kpidesk.ui.table_exports import TableExports

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

# Dialog classes (QFileDialog, QMessageBox) are imported where used: making their
# Python types costs milliseconds that the first paint does not need.

tr = translator("MainWindow")


class MainWindow(OfflineWindow, TableExports, QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        self.demo_banner = self._build_demo_banner(central)
        central_layout.addWidget(self.demo_banner)
        self.server_banner = ServerBanner(central)  # a shared shop's server not answering
        central_layout.addWidget(self.server_banner)
        self._waiting_tabs: dict[str, QWidget] = {}
        central_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        from kpidesk.store.setup import is_demo

        self.demo_banner.setVisible(is_demo(ctx.store))  # the demo is never taken for the shop
        self._holders: dict[str, QWidget] = {}
        for key, _cls, _title in TABS:  # an empty holder per tab; the tab goes in when shown
            holder = QWidget()
            holder.setObjectName(object_name("tab", key))
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            self._holders[key] = holder
            self.tabs.addTab(holder, key)
        self.pages = TabPages(self)
        self._table_export_actions: list[QAction] = []
        self._build_menus()
        self.retranslate_ui()
        ctx.language.language_changed.connect(self.retranslate_ui)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.restore_state()
        self._watch_server()
        self._on_tab_changed(self.tabs.currentIndex())

    def _build_demo_banner(self, parent: QWidget) -> QFrame:
        banner = QFrame(parent)
        banner.setObjectName("demoBanner")
        banner.setStyleSheet("#demoBanner { background: #fff4ce; border-bottom: 1px solid #e0c36c; }"
                             " #demoBanner QLabel { color: #5c4400; font-weight: bold; }")
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(10, 4, 10, 4)
        self.demo_label = QLabel(banner)
        self.demo_label.setObjectName("demoText")
        self.demo_button = QPushButton(banner)
        self.demo_button.setObjectName("openMyShop")
        self.demo_button.clicked.connect(
            lambda: self.controller and self.controller.open_my_shop())
        layout.addWidget(self.demo_label, 1)
        layout.addWidget(self.demo_button)
        banner.hide()
        return banner

    def tab_holder(self, key: str) -> QWidget:
        """The widget the tab bar shows for tab `key` (its page inside, once built)."""
        return self._holders[key]

    def waiting_note(self, key: str) -> QWidget | None:
        """What tab `key` shows instead of its page while the server does not answer."""
        return self._waiting_tabs.get(key)

    def _build_tab(self, key: str) -> QWidget:
        module_name, class_name = next((m, c) for m, c, _t in TABS if m == key)
        module = importlib.import_module(TAB_MODULES.get(module_name,
                                                         f"kpidesk.ui.tabs.{module_name}"))
        holder = self._holders[key]
        page = getattr(module, class_name)(self.ctx, holder)
        page.setObjectName(object_name("page", key))
        holder.layout().addWidget(page)
        page.show_tab_requested.connect(self.show_tab)
        page.open_contact_requested.connect(self.open_contact)
        page.open_analysis_requested.connect(self.open_analysis)
        page.open_sale_requested.connect(self.open_sale)
        page.enter_day_requested.connect(self.enter_sales_day)
        page.tables_added.connect(self.add_table_exports)
        page.window_texts_changed.connect(self.retranslate_ui)
        self.add_table_exports(page)
        self.tabs.setTabText(self.tabs.indexOf(holder), page.title())
        return page

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(TABS):
            from kpidesk.store.errors import ServerError

            try:
                self.pages[TABS[index][0]]  # build it if this is its first showing
            except ServerError as err:  # a shared shop's server away: the tab says so
                if err.reason != "unreachable":
                    raise

    # -- menus -------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.controller = None  # set by the app; switches shop files
        self.new_shop_action = QAction(self)
        self.new_shop_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_shop_action.triggered.connect(self.new_shop)
        self.open_shop_action = QAction(self)
        self.open_shop_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_shop_action.triggered.connect(self.open_shop)
        self.open_shared_action = QAction(self)
        self.open_shared_action.setObjectName("openSharedShop")
        self.open_shared_action.triggered.connect(
            lambda: self.controller and self.controller.open_shared())
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentShops")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.my_shop_action = QAction(self)
        self.my_shop_action.triggered.connect(lambda: self.controller and self.controller.open_my_shop())
        self.demo_action = QAction(self)
        self.demo_action.triggered.connect(lambda: self.controller and self.controller.open_demo())
        self.backups_action = QAction(self)
        self.backups_action.triggered.connect(self.show_backups)
        self.pin_action = QAction(self)
        self.pin_action.triggered.connect(self.change_pin)
        self.history_action = QAction(self)
        self.history_action.setObjectName("historyAction")
        self.history_action.triggered.connect(self.show_history)
        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.show_import)
        self.imports_action = QAction(self)
        self.imports_action.triggered.connect(self.show_imports)
        self.branch_sync_action = QAction(self)
        self.branch_sync_action.setObjectName("bringInBranch")
        self.branch_sync_action.triggered.connect(self.bring_in_branch)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_current_table)
        self.print_action = QAction(self)
        self.print_action.setObjectName("printReport")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_report)
        for action in (self.new_shop_action, self.open_shop_action, self.open_shared_action):
            self.file_menu.addAction(action)
        self.file_menu.addMenu(self.recent_menu)
        for action in (self.my_shop_action, self.demo_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.imports_action)
        self.file_menu.addAction(self.branch_sync_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.print_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.backups_action)
        self.file_menu.addAction(self.pin_action)
        self.file_menu.addAction(self.history_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        # Our own actions, not the stack's: undoing the owner's change asks for the PIN.
        stack = self.ctx.undo_stack
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(stack.canUndo())
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_action.triggered.connect(lambda: self.ctx.undo(self))
        self.redo_action = QAction(self)
        self.redo_action.setEnabled(stack.canRedo())
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.redo_action.triggered.connect(lambda: self.ctx.redo(self))
        # Ctrl+Y and Ctrl+Shift+Z on every platform; StandardKey.Redo is one of them already on
        # some, and a shortcut listed twice is ambiguous to Qt and fires neither.
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        # Qt words the actions "Undo <command>" in its own language: say it in ours.
        self.ctx.undo_stack.undoTextChanged.connect(self._update_undo_texts)
        self.ctx.undo_stack.redoTextChanged.connect(self._update_undo_texts)

        self.language_menu = bar.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, label in (("en", "English"), ("km", "ខ្មែរ")):
            action = QAction(label, self, checkable=True)
            action.setData(lang)
            action.triggered.connect(lambda _=False, lg=lang: self.set_language(lg))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def _update_undo_texts(self, *_: object) -> None:
        try:
            undo, redo = self.ctx.undo_stack.undoText(), self.ctx.undo_stack.redoText()
        except RuntimeError:  # the stack is being destroyed with the app context
            return
        self.undo_action.setText(fill_in(tr("&Undo %1"), undo) if undo else tr("&Undo"))
        self.redo_action.setText(fill_in(tr("&Redo %1"), redo) if redo else tr("&Redo"))

    def new_shop(self) -> None:
        if self.controller is None:
            return
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from kpidesk.paths import data_dir

        path, _ = QFileDialog.getSaveFileName(
            self, tr("New shop file"), str(data_dir() / "new-shop.kpidesk.db"),
            tr("KPI Desk shop files (*.db)"))
        if path:
            path = str(shop_file_name(path))
            if Path(path).exists():
                QMessageBox.warning(self, tr("New shop file"),
                                    fill_in(tr("%1 already exists. Choose another name, or open it "
                                       "with Open shop file."), path))
                return
            self.controller.open(Path(path))

    def open_shop(self) -> None:
        if self.controller is None:
            return
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, tr("Open shop file"), str(self.ctx.store.path.parent),
            tr("KPI Desk shop files (*.db);;All files (*)"))
        if path:
            self.controller.open(Path(path))

    def _fill_recent_menu(self) -> None:
        """File ▸ Recent shops, read when shown: files by name and folder, shared shops as
        database @ server (never a password)."""
        from kpidesk.store import dialect
        from kpidesk.ui.recent import recent_shops

        self.recent_menu.clear()
        shown = recent_shops(self.ctx.settings)
        for number, location in enumerate(shown, start=1):
            if dialect.is_server_url(location):
                text = shop_place_text(location)
            else:
                text = fill_in(tr("%1 in %2"), Path(location).name, str(Path(location).parent))
            prefix = f"&{number} " if number < 10 else ""
            action = self.recent_menu.addAction(prefix + text.replace("&", "&&"))
            action.setData(location)
            action.triggered.connect(
                lambda _=False, where=location: self.controller and self.controller.open(where))
        if not shown:
            empty = self.recent_menu.addAction(tr("No shops opened yet"))
            empty.setEnabled(False)

    def print_report(self) -> None:
        """Ctrl+P: print the monthly report chosen on the Reports tab (shown first)."""
        self.show_tab("reports").print_report()

    def show_backups(self) -> None:
        if self.ctx.store.is_server:  # a shared shop: pg_dump backups on this laptop
            from kpidesk.ui.server_status_backups import SharedBackupsDialog

            SharedBackupsDialog(self.ctx, self).exec()
            return
        from kpidesk.ui.dialogs.backups import BackupsDialog

        BackupsDialog(self.ctx, self).exec()

    # -- import and export ------------------------------------------------------------
    def show_import(self) -> None:
        from kpidesk.ui.import_wizard import ImportWizard

        ImportWizard(self.ctx, self).exec()

    def bring_in_branch(self) -> None:
        from kpidesk.ui.branches import bring_in_branch_file

        bring_in_branch_file(self.ctx, self)

    def show_imports(self) -> None:
        from kpidesk.ui.dialogs.imports import ImportsDialog

        ImportsDialog(self.ctx, self).exec()

    def show_history(self):
        """File ▸ History: the change history, for the owner (PIN)."""
        with self.ctx.owner_session(self, "history") as allowed:
            if not allowed:
                return None
        from kpidesk.ui.dialogs.history import HistoryDialog

        dialog = HistoryDialog(self.ctx, self)
        dialog.open()
        return dialog

    def change_pin(self) -> None:
        from kpidesk.ui.dialogs.pin import change_owner_pin

        change_owner_pin(self.ctx.store, self)

    def set_language(self, lang: str) -> None:
        self.ctx.settings.setValue("language", lang)
        self.ctx.language.set_language(lang)

    _title_shop = ""  # the shop's name as last read (kept while its server is away)

    def retranslate_ui(self, *_: object) -> None:
        from kpidesk.ui.server_status import offline_safe

        shop = self._title_shop = offline_safe(lambda: self.ctx.store.setting("shop_name"),
                                               self._title_shop)
        parts = [shop] if shop else []
        if self.ctx.store.is_server:  # which server the shop is on (never its password)
            parts.append(shop_place_text(self.ctx.store.location))
        self.setWindowTitle(" — ".join([*parts, APP_NAME]))
        self.file_menu.setTitle(tr("&File"))
        self.new_shop_action.setText(tr("&New shop file…"))
        self.open_shop_action.setText(tr("&Open shop file…"))
        self.open_shared_action.setText(tr("Open sh&ared shop…"))
        self.open_shared_action.setToolTip(tr("A shop kept on a PostgreSQL server, shared by "
                                              "several laptops"))
        self.recent_menu.setTitle(tr("Recen&t shops"))
        self.my_shop_action.setText(tr("Open &my shop"))
        self.demo_action.setText(tr("Open the &demo shop"))
        self.backups_action.setText(tr("&Backups…"))
        self.pin_action.setText(tr("Owner &PIN…"))
        self.history_action.setText(tr("Change &history…"))
        self.import_action.setText(tr("&Import from CSV or Excel…"))
        self.imports_action.setText(tr("Import lo&g…"))
        self.branch_sync_action.setText(tr("Bring in a bran&ch file…"))
        self.branch_sync_action.setToolTip(tr("Add the sales, customers and opportunities of a "
                                              "branch's shop file (sent by USB stick or "
                                              "Telegram)"))
        self.export_action.setText(tr("&Export this table…"))
        self.export_action.setToolTip(tr("Save the table you are looking at, as filtered, "
                                         "to CSV or Excel"))
        self.print_action.setText(tr("P&rint the monthly report…"))
        self.demo_label.setText(tr("Demo shop: example figures, not your shop. File ▸ Open "
                                   "my shop"))
        self.demo_button.setText(tr("Open my shop"))  # no access key: File ▸ Open &my shop
        for action in self._table_export_actions:
            action.setText(tr("Export this table…"))
        self.quit_action.setText(tr("&Quit"))
        self.edit_menu.setTitle(tr("&Edit"))
        self._update_undo_texts()
        self.language_menu.setTitle(tr("&Language"))
        self.help_menu.setTitle(tr("&Help"))
        self.about_action.setText(tr("&About KPI Desk"))
        for lang, action in self.language_actions.items():
            action.setChecked(lang == self.ctx.language.lang)
        built = self.pages.built()
        for index, (key, class_name, title) in enumerate(TABS):
            page = built.get(key)
            self.tabs.setTabText(index, page.title() if page is not None
                                 else QCoreApplication.translate(class_name, title))

    def show_about(self) -> None:
        from kpidesk.ui.about import show_about  # version, shop file, licences

        store = self.ctx.store
        show_about(self, shop_place_text(store.location) if store.is_server
                   else str(store.path), shared=store.is_server)

    # -- remembered state ----------------------------------------------------------
    def restore_state(self) -> None:
        from kpidesk.ui.screen import place_main_window

        settings = self.ctx.settings
        geometry = settings.value("window/geometry")
        # remembered (clamped to this screen), natural, or maximised on a small screen
        place_main_window(self, geometry if isinstance(geometry, QByteArray) else None)
        tab = settings.value("window/tab", "dashboard")
        keys = list(self.pages)
        if tab in keys:
            self.tabs.setCurrentIndex(keys.index(tab))

    def save_state(self) -> None:
        settings = self.ctx.settings
        settings.setValue("window/geometry", self.saveGeometry())
        keys = list(self.pages)
        if 0 <= self.tabs.currentIndex() < len(keys):
            settings.setValue("window/tab", keys[self.tabs.currentIndex()])
        settings.sync()

    def current_page(self) -> QWidget | None:
        """The tab on screen (built if needed)."""
        index = self.tabs.currentIndex()
        return self.pages[TABS[index][0]] if 0 <= index < len(TABS) else None

    def show_tab(self, key: str) -> QWidget:
        page = self.pages[key]
        self.tabs.setCurrentWidget(self._holders[key])
        return page

    def open_analysis(self, view: str, period: str) -> None:
        """The Analysis tab showing `view` ("day", "basket", "product"…) of `period`."""
        self.show_tab("analysis").open_analysis(view, period)

    def open_contact(self, contact_id: int) -> None:
        """Switch to the contacts tab and open this contact's page (other tabs call it)."""
        if "contacts" in self.pages:
            self.show_tab("contacts").open_contact(contact_id)

    def open_sale(self, order_id: int, line: tuple[int, int] | None = None) -> None:
        """The sale in the Sales tab's form, ready to fix (other tabs and dialogs ask)."""
        self.show_tab("sales").edit_order(order_id, line)

    def enter_sales_day(self, day: str) -> None:
        """The Sales tab's form set to `day` (a day with no sale yet)."""
        self.show_tab("sales").date_edit.set_date(day)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        queue = self.ctx.server_queue  # a shared shop: sales kept on this laptop
        if queue is not None and queue.count():
            from kpidesk.ui.server_status import confirm_close

            if not confirm_close(queue, self):
                event.ignore()
                return
        self.save_state()
        super().closeEvent(event)
