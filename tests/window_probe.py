"""Run by test_window_fit.py in a process of its own, on an offscreen screen of a given size
(QT_QPA_PLATFORM=offscreen:configfile=…): opens the app's main window the way the app does,
shows each tab and every dialog (the print preview included), and prints, as JSON, the
screen's available area and each window's frame geometry and minimum size.

    python tests/window_probe.py SHOP.db en|km SETTINGS.ini
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QWidget

from kpidesk.app import Controller, make_application
from kpidesk.i18n.language import LanguageManager


def rect(widget: QWidget) -> list[int]:
    frame = widget.frameGeometry()
    return [frame.x(), frame.y(), frame.width(), frame.height()]


def settle(app: QApplication) -> None:
    for _ in range(4):
        app.processEvents()


def main(db: str, lang: str, ini: str) -> dict:
    app = make_application()
    settings = QSettings(ini, QSettings.Format.IniFormat)
    language = LanguageManager(app)
    language.set_language(lang)
    controller = Controller(settings, language)
    assert controller.open(Path(db), remember=False)
    window = controller.window
    settle(app)
    area = window.screen().availableGeometry()
    out: dict = {"area": [area.x(), area.y(), area.width(), area.height()],
                 "maximized": window.isMaximized(), "windows": {}}
    for key in list(window.pages):
        window.show_tab(key)
        settle(app)
        size = window.minimumSizeHint()
        out["windows"][f"main window, {key}"] = {"frame": rect(window),
                                                 "min": [size.width(), size.height()]}

    def record(name: str, dialog: QWidget) -> None:
        dialog.show()
        settle(app)
        size = dialog.minimumSizeHint()
        out["windows"][name] = {"frame": rect(dialog), "min": [size.width(), size.height()]}
        dialog.hide()

    # the print preview, opened as the Reports tab opens it (exec), looked at, closed
    def look_at_preview() -> None:
        dialog = next(w for w in app.topLevelWidgets()
                      if isinstance(w, QPrintPreviewDialog) and w.isVisible())
        size = dialog.minimumSizeHint()
        out["windows"]["print preview"] = {"frame": rect(dialog),
                                           "min": [size.width(), size.height()]}
        dialog.reject()

    reports = window.show_tab("reports")
    reports.wait_until_ready()
    QTimer.singleShot(500, look_at_preview)
    reports.print_preview()

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

    ctx, store = controller.ctx, controller.ctx.store
    contact = int(store.scalar("SELECT id FROM contacts ORDER BY id LIMIT 1"))
    opp = int(store.scalar("SELECT id FROM opportunities ORDER BY id LIMIT 1"))
    record("backups", BackupsDialog(ctx, window))
    record("contact", ContactDialog(store, ctx.today, lambda c: None,
                                    get_contact(store, contact), parent=window))
    record("contact page", ContactPage(ctx, contact, window))
    record("opportunity", OpportunityDialog(store, ctx.today, lambda o: None,
                                            ostore.get_opportunity(store, opp), parent=window))
    record("lost", LostDialog(store, "Office phones", window))
    record("owner PIN", OwnerPinDialog(store, window))
    record("about", AboutDialog(window, str(store.path)))
    from kpidesk.ui.dialogs.connect import ConnectDialog

    record("open shared shop", ConnectDialog(window))
    record("spread", SpreadDialog(window.show_tab("targets").model, 0, window))
    from kpidesk.ui.sales.refund import RefundDialog

    sale = int(store.scalar(  # the sale of the most lines not yet refunded
        "SELECT o.id FROM orders o WHERE o.refund_of IS NULL AND o.is_daily_total = 0"
        " AND NOT EXISTS (SELECT 1 FROM orders r WHERE r.refund_of = o.id)"
        " AND (SELECT min(amount) FROM sale_lines WHERE order_id = o.id) > 0"
        " ORDER BY (SELECT count(*) FROM sale_lines WHERE order_id = o.id) DESC, o.id"
        " LIMIT 1"))
    record("refund", RefundDialog(ctx, sale, window))
    record("import", ImportWizard(ctx, window))
    from kpidesk.ui.dialogs.call_dialog import CallDialog
    from kpidesk.ui.dialogs.call_today import CallTodayDialog
    from kpidesk.ui.dialogs.data_health import DataHealthDialog
    from kpidesk.ui.dialogs.share_dialog import ShareDialog

    month = ctx.today().strftime("%Y-%m")
    record("call", CallDialog(ctx, contact, window))
    record("to call today", CallTodayDialog(ctx, window))
    record("data health", DataHealthDialog(ctx, month, window))
    record("share", ShareDialog(ctx, month, window))
    from kpidesk.ui.dialogs.calendar import CalendarDialog
    from kpidesk.ui.dialogs.commission import CommissionDialog
    from kpidesk.ui.insight.proposal import ProposalDialog

    record("shop calendar", CalendarDialog(ctx, window))
    record("commission", CommissionDialog(ctx, window))
    record("proposed targets", ProposalDialog(ctx, ctx.today().year + 1, window))
    controller.close_store()
    return out


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:4])))
