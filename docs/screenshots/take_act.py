"""Screenshots of the call-backs, the data-health list and the share picture.

    python docs/screenshots/take_act.py --db demo.db --lang km --month 2026-11 [--today D]

On a copy of the shop (nothing written to DB): three customers of the call-back list are
called on the month's 3rd, one of them comes back, and one sale gets a rate typed ×10,
so every screen has something to show. Saves callbacks-<lang>.png (the Dashboard's
customers page), call-<lang>.png (the call dialog), call-today-<lang>.png,
data-health-<lang>.png and share-<lang>.png (the picture itself, 1080 px wide).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent


def prepare(path: Path, month: str) -> None:
    from kpidesk.metrics.callbacks import call_list
    from kpidesk.store.calls import CallInput, add_call
    from kpidesk.store.db import Store
    from kpidesk.store.sales import LineInput, OrderInput, add_order

    day = date.fromisoformat(f"{month}-03")
    with Store(path) as store:
        rows = call_list(store, day, limit=3)
        for row, outcome in zip(rows, ("promised", "no_answer", "reached"), strict=False):
            add_call(store, CallInput(row.contact_id, day.isoformat(), outcome,
                                      follow_up=(day + timedelta(days=2)).isoformat()
                                      if outcome == "no_answer" else None))
        if rows:
            add_order(store, OrderInput(date=(day + timedelta(days=4)).isoformat(),
                                        contact_id=rows[0].contact_id,
                                        lines=[LineInput(amount=18_900)]))
        add_order(store, OrderInput(date=f"{month}-20", number="A-1207",
                                    lines=[LineInput(amount=2_500, rate=41_000)]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--lang", choices=("en", "km"), default="km")
    parser.add_argument("--month", required=True)
    parser.add_argument("--today", default=None)
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("KPIDESK_DATA_DIR", tempfile.mkdtemp(prefix="kpidesk-shots-"))
    copy = Path(tempfile.mkdtemp()) / "shop.db"
    shutil.copy(args.db, copy)
    prepare(copy, args.month)

    from PySide6.QtCore import QSettings

    from kpidesk.app import Controller, make_application
    from kpidesk.i18n.language import LanguageManager
    from kpidesk.reports.share import collect_share, render_share
    from kpidesk.ui.dialogs.call_dialog import CallDialog
    from kpidesk.ui.dialogs.call_today import CallTodayDialog
    from kpidesk.ui.dialogs.data_health import DataHealthDialog

    app = make_application()
    settings = QSettings(str(Path(os.environ["KPIDESK_DATA_DIR"]) / "shots.ini"),
                         QSettings.Format.IniFormat)
    language = LanguageManager(app)
    language.set_language(args.lang)
    controller = Controller(settings, language)
    if not controller.open(copy, remember=False):
        return 1
    ctx = controller.ctx
    today = date.fromisoformat(args.today) if args.today else date.today()
    ctx.fixed_today = today
    window = controller.window
    window.showNormal()
    window.resize(1366, 728)

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    dashboard = window.show_tab("dashboard")
    dashboard.set_month(args.month)
    dashboard.pages.setCurrentIndex(1)
    dashboard.refresh()
    settle()
    dashboard.at_risk_view.selectRow(0)
    settle()

    def save(widget, name: str) -> None:
        path = args.out / f"{name}-{args.lang}.png"
        widget.grab().save(str(path))
        print(path)

    save(window, "callbacks")
    contact_id = dashboard.at_risk_model.contact_id(0)
    dialog = CallDialog(ctx, contact_id, window)
    dialog.show()
    settle()
    save(dialog, "call")
    dialog.close()
    due = CallTodayDialog(ctx, window)
    due.show()
    settle()
    save(due, "call-today")
    due.close()
    health = DataHealthDialog(ctx, args.month, window)
    health.show()
    settle()
    save(health, "data-health")
    health.close()
    image = render_share(collect_share(ctx.store, args.month, today), args.lang)
    path = args.out / f"share-{args.lang}.png"
    image.save(str(path))
    print(path)
    controller.close_store()
    return 0


if __name__ == "__main__":
    sys.exit(main())
