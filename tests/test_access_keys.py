"""Every window's access keys (Alt+letter) are unique, in English and in Khmer.

The walk opens the main window on each tab (and each page of the Dashboard, the Sales
form in both modes, the Pipeline's board and table), each menu, and every dialog, and
gathers the access keys of what is visible there: the menu bar's titles, labels with a
buddy, buttons and check boxes, group box titles and tab bars. Two texts with the same
key in one window fail the test, naming both (in the Khmer catalogue a key is the Latin
letter in "(&X)").
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

_KEY = re.compile(r"&([^&\s])")


def access_key(text: str) -> str | None:
    """The access key of a widget text ("Sales&person" → "p"), None without one."""
    match = _KEY.search((text or "").replace("&&", ""))
    return match.group(1).lower() if match else None


def keys_of(root: QWidget) -> dict[str, list[str]]:
    """{key: [texts]} of what is visible in the window `root` (menus excluded)."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str, where: str) -> None:
        key = access_key(text)
        if key:
            found[key].append(f"{text!r} ({where})")

    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and (not widget.isVisibleTo(root) or widget.isWindow()):
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text(), name)
        elif isinstance(widget, QAbstractButton):
            add(widget.text(), name)
        elif isinstance(widget, QGroupBox):
            add(widget.title(), name)
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    add(widget.tabText(i), f"{name} tab {i}")
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.isVisible():
                    add(action.text(), "menu bar")
    return found


def clashes(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {key: texts for key, texts in found.items() if len(texts) > 1}


def menu_clashes(menu: QMenu) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        key = access_key(action.text())
        if key and action.isVisible():
            found[key].append(repr(action.text()))
    return clashes(found)


@pytest.fixture(params=["en", "km"])
def lang(request, demo_ctx):
    demo_ctx.language.set_language(request.param)
    yield request.param
    demo_ctx.language.set_language("en")


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_the_walk_finds_a_clash(qapp):
    """The checker itself: two buttons with one key are caught."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    layout = QVBoxLayout(root)
    for text in ("&Save", "&Search", "P&rint"):
        layout.addWidget(QPushButton(text, root))
    root.show()
    assert list(clashes(keys_of(root))) == ["s"]
    assert access_key("ការលក់ (&P)") == "p" and access_key("Sales && targets") is None
    root.close()


def test_main_window_on_every_tab(main_window, demo_ctx, lang):
    window = main_window
    demo_ctx.fixed_today = demo_ctx.today()
    # the bar of a shared shop whose server waits for its password stands above every tab
    window.server_banner.show()
    window.server_banner.connect_button.show()
    problems = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _settle()
        page = window.current_page()
        views = [("", None)]
        key = type(page).__name__
        if key == "DashboardTab":
            views = [(f"page {i}", lambda i=i, p=page: p.pages.setCurrentIndex(i))
                     for i in range(3)]
        elif key == "SalesTab":
            views = [("sale", lambda p=page: p.daily_check.setChecked(False)),
                     ("daily totals", lambda p=page: p.daily_check.setChecked(True))]
        elif key == "PipelineTab":
            views = [(f"view {i}", lambda i=i, p=page: p.set_view(i)) for i in range(2)]
        elif key == "SettingsTab":
            views = [(f"list {i}", lambda i=i, p=page: p.lists_tabs.setCurrentIndex(i))
                     for i in range(page.lists_tabs.count())]
        for name, show in views:
            if show is not None:
                show()
                _settle()
            found = clashes(keys_of(window))
            if found:
                problems[f"{key} {name}"] = found
    for menu in (window.file_menu, window.edit_menu, window.language_menu, window.help_menu):
        found = menu_clashes(menu)
        if found:
            problems[f"menu {menu.title()}"] = found
    assert problems == {}, f"access keys used twice ({lang}): {problems}"


def _dialogs(window, ctx):
    """Every dialog of the app, built as it opens (not run)."""
    from kpidesk.store import opportunities as ostore
    from kpidesk.store.contacts import get_contact
    from kpidesk.ui.about import AboutDialog
    from kpidesk.ui.dialogs.backups import BackupsDialog
    from kpidesk.ui.dialogs.contact_dialog import ContactDialog
    from kpidesk.ui.dialogs.contact_page import ContactPage
    from kpidesk.ui.dialogs.opportunity_dialog import LostDialog, OpportunityDialog
    from kpidesk.ui.dialogs.pin import OwnerPinDialog
    from kpidesk.ui.dialogs.spread import SpreadDialog
    from kpidesk.ui.import_wizard import ImportWizard

    store = ctx.store
    contact_id = int(store.scalar("SELECT id FROM contacts ORDER BY id LIMIT 1"))
    opp_id = int(store.scalar("SELECT id FROM opportunities ORDER BY id LIMIT 1"))
    yield "backups", BackupsDialog(ctx, window)
    yield "new contact", ContactDialog(store, ctx.today, lambda c: None, parent=window)
    yield "edit contact", ContactDialog(store, ctx.today, lambda c: None,
                                        get_contact(store, contact_id), parent=window)
    yield "contact page", ContactPage(ctx, contact_id, window)
    yield "new opportunity", OpportunityDialog(store, ctx.today, lambda o: None, parent=window)
    yield "edit opportunity", OpportunityDialog(store, ctx.today, lambda o: None,
                                                ostore.get_opportunity(store, opp_id),
                                                parent=window)
    yield "lost", LostDialog(store, "Office phones", window)
    yield "owner PIN", OwnerPinDialog(store, window)
    yield "about", AboutDialog(window, str(store.path))
    from kpidesk.ui.dialogs.connect import ConnectDialog

    yield "open shared shop", ConnectDialog(window, ctx.settings)
    from kpidesk.ui.dialogs.history import HistoryDialog

    yield "change history", HistoryDialog(ctx, window)
    targets = window.show_tab("targets")
    yield "spread", SpreadDialog(targets.model, 0, window)
    from kpidesk.ui.dialogs.call_dialog import CallDialog
    from kpidesk.ui.dialogs.call_today import CallTodayDialog
    from kpidesk.ui.dialogs.data_health import DataHealthDialog
    from kpidesk.ui.dialogs.share_dialog import ShareDialog

    month = ctx.today().strftime("%Y-%m")
    yield "call", CallDialog(ctx, contact_id, window)
    yield "to call today", CallTodayDialog(ctx, window)
    yield "data health", DataHealthDialog(ctx, month, window)
    yield "share", ShareDialog(ctx, month, window)
    from kpidesk.ui.sales.refund import RefundDialog
    from tests.conftest import refundable_sale

    yield "refund", RefundDialog(ctx, refundable_sale(ctx.store), window)
    wizard = ImportWizard(ctx, window)
    yield "import: file", wizard
    for page in range(1, wizard.pages.count()):
        wizard.show_page(page)
        yield f"import: page {page + 1}", wizard


def test_every_dialog(main_window, demo_ctx, lang):
    problems = {}
    for name, dialog in _dialogs(main_window, demo_ctx):
        dialog.show()
        _settle()
        found = clashes(keys_of(dialog))
        if found:
            problems[name] = found
        dialog.hide()
    for dialog in main_window.findChildren(QWidget):
        if dialog.isWindow():
            dialog.deleteLater()
    assert problems == {}, f"access keys used twice ({lang}): {problems}"


def test_the_sale_line_fields_have_their_own_keys(main_window, demo_ctx, lang, qtbot):
    """Time, Unit price, Discount and Unit cost are reached by Alt+key (not only by Tab):
    each label has a key used once in the window, and the key puts the cursor in its
    field."""
    from PySide6.QtCore import Qt

    page = main_window.show_tab("sales")
    page.daily_check.setChecked(False)
    _settle()
    form = page.form
    found = keys_of(main_window)
    for field in ("time", "price", "discount", "cost"):
        label = form.labels[field]
        key = access_key(label.text())
        assert key, f"{field}: no access key in {label.text()!r}"
        assert len(found[key]) == 1, found[key]
        qtbot.keyClick(main_window, getattr(Qt.Key, f"Key_{key.upper()}"),
                       Qt.KeyboardModifier.AltModifier)
        _settle()
        assert QApplication.focusWidget() is form.widgets[field], (field, key)
