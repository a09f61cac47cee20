"""`python -m kpidesk report`: the monthly report as PDF, without a window."""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import date
from pathlib import Path


def ensure_gui_application():
    """A QApplication for fonts and chart rendering; offscreen where there is no display."""
    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kpidesk.i18n.fonts import install_app_font

    app = QApplication.instance() or QApplication([sys.argv[0]])
    install_app_font(app)
    return app


def number_style(numbers: dict[str, bool] | None = None):
    """The user's digit and rounding choices of the app (Settings ▸ Language, kept in
    QSettings), with `numbers` (NumberStyle field → value, from the flags) over them."""
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication, QSettings

    from kpidesk import APP_NAME, ORG_NAME
    from kpidesk.i18n.language import number_style_from

    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
    return replace(number_style_from(QSettings()), **(numbers or {}))


def run_report(db_path: Path, month: str, lang: str, out: Path, *, currency: str | None = None,
               paper: str = "A4", today: date | None = None,
               numbers: dict[str, bool] | None = None, branch: str | None = None) -> int:
    from kpidesk.metrics.periods import parse_period
    from kpidesk.reports.data import collect
    from kpidesk.reports.monthly import MonthlyReport
    from kpidesk.shop_cli import cli_store
    from kpidesk.store.errors import CorruptStoreError

    try:
        period = parse_period(month)
    except ValueError:
        period = None
    if period is None or period.kind != "month":
        print(f"kpidesk: --month must be YYYY-MM, not {month!r}", file=sys.stderr)
        return 1
    ensure_gui_application()
    from kpidesk.shop_cli import of_branch
    from kpidesk.store import check_marks, dialect

    # an older file is upgraded; bad files refused; one branch: its rows alone (KPI.md §7).
    # Opened read-only. The quick_check that reads every page (about 10 s at 1M lines,
    # 100 s at 10M, for a report that reads a few MB) is left out only for a file as KPI
    # Desk left it after a check that passed (`check_marks`); any other file (copied in,
    # changed by a disk fault or another program) is checked in full and refused if
    # damaged. A damaged page the report meets is refused below either way.
    full_check = (dialect.is_server_url(db_path)
                  or not check_marks.unchanged_since_check(Path(db_path)))
    try:
        with cli_store(Path(db_path), full_check=full_check) as shop, \
                of_branch(shop, branch) as store:
            data = collect(store, month, today or date.today(), currency)
            if branch is not None:
                data.branch = store.setting("branch_name")
    except sqlite3.DatabaseError as exc:  # a damaged page among those read
        raise CorruptStoreError(str(exc)) from exc
    style = number_style(numbers)
    report = MonthlyReport(data, lang, paper, khmer_digits=style.khmer_digits, style=style)
    try:
        pages = report.write_pdf(out)
    except OSError as exc:
        print(f"kpidesk: cannot write {out}: {exc}", file=sys.stderr)
        return 1
    print(f"report for {month} ({lang}) written to {out}: {pages} pages")
    return 0
