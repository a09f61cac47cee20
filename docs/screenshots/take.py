"""Screenshots of every tab, as the README shows them, from the app itself.

    python docs/screenshots/take.py --db demo.db --lang km [--latin-digits]
        [--khmer-dollars] [--exact-riel] [--suffix -latin] [--tabs dashboard,settings]
        [--extras] [--today YYYY-MM-DD]

Builds the main window at 1366 × 728 (a 1366 × 768 laptop screen less the taskbar),
with the digit and riel settings given (a throw-away settings file: the user's own
is not touched), shows each tab and saves ``<tab>-<lang><suffix>.png`` here. The
report pages come from ``python -m kpidesk report`` and ``pdftoppm -png -r 90``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--lang", choices=("en", "km"), default="km")
    parser.add_argument("--latin-digits", action="store_true")
    parser.add_argument("--khmer-dollars", action="store_true")
    parser.add_argument("--exact-riel", action="store_true")
    parser.add_argument("--suffix", default="")
    parser.add_argument("--tabs", default="")
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--report", metavar="YYYY-MM",
                        help="also the report of that month: report-<lang><suffix>-pageN.png")
    parser.add_argument("--currency", choices=("USD", "KHR"), help="the report's currency")
    parser.add_argument("--extras", action="store_true",
                        help="also the Dashboard's customers page, the Sales form's daily"
                             " totals and the Insight tab's pages: dashboard-customers-<lang>.png,"
                             " sales-daily-<lang>.png, insight-chance-<lang>.png,"
                             " insight-plan-<lang>.png")
    parser.add_argument("--today", help="the shop's date for the screens (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("KPIDESK_DATA_DIR", tempfile.mkdtemp(prefix="kpidesk-shots-"))

    from PySide6.QtCore import QSettings, QThreadPool

    from kpidesk.app import Controller, make_application
    from kpidesk.i18n.format import NumberStyle
    from kpidesk.i18n.language import LanguageManager

    app = make_application()
    settings = QSettings(str(Path(os.environ["KPIDESK_DATA_DIR"]) / "shots.ini"),
                         QSettings.Format.IniFormat)
    language = LanguageManager(app)
    language.style = NumberStyle(khmer_digits=not args.latin_digits,
                                 latin_dollars=not args.khmer_dollars,
                                 round_riel=not args.exact_riel)
    for key, value in vars(language.style).items():
        settings.setValue(key, value)
    language.set_language(args.lang)
    controller = Controller(settings, language)
    if not controller.open(args.db, remember=False):
        return 1
    window = controller.window
    if args.today:
        from datetime import date

        controller.ctx.fixed_today = date.fromisoformat(args.today)
        dashboard = window.show_tab("dashboard")
        dashboard.month = args.today[:7]
        dashboard._fill_months()
        dashboard.refresh()
    window.showNormal()  # the offscreen screen is small: a maximised window would be too
    window.resize(1366, 728)
    wanted = [t for t in args.tabs.split(",") if t]
    names = list(window.pages)
    for index, name in enumerate(names):
        if wanted and name not in wanted:
            continue
        window.tabs.setCurrentIndex(index)
        for _ in range(5):
            app.processEvents()
        QThreadPool.globalInstance().waitForDone(30_000)  # the report preview
        for _ in range(5):
            app.processEvents()
        path = args.out / f"{name}-{args.lang}{args.suffix}.png"
        window.grab().save(str(path))
        print(path)
    if args.extras:
        shoot_extras(app, window, args)
    if args.report:
        shoot_report(controller.ctx.store, args, language.style)
    controller.close_store()
    return 0


def shoot_extras(app, window, args: argparse.Namespace) -> None:
    """The pages the tab loop does not show: the Dashboard's customers page, the Sales form
    in daily-totals mode."""
    def settle() -> None:
        for _ in range(6):
            app.processEvents()

    dashboard = window.show_tab("dashboard")
    dashboard.pages.setCurrentIndex(1)
    settle()
    for name, show in (("dashboard-customers", lambda: None),
                       ("sales-receipt", lambda: _type_receipt(window.show_tab("sales"))),
                       ("sales-daily", lambda: window.show_tab("sales").daily_check.setChecked(
                           True))):
        show()
        settle()
        path = args.out / f"{name}-{args.lang}{args.suffix}.png"
        window.grab().save(str(path))
        print(path)
    dashboard.pages.setCurrentIndex(0)
    insight = window.show_tab("insight")  # its second and third pages (the first: the tab loop)
    for index, name in ((1, "insight-chance"), (2, "insight-plan")):
        insight.pages.setCurrentIndex(index)
        settle()
        path = args.out / f"{name}-{args.lang}{args.suffix}.png"
        window.grab().save(str(path))
        print(path)
    insight.pages.setCurrentIndex(0)


def shoot_report(store, args: argparse.Namespace, style) -> None:
    """The monthly report as the Reports tab makes it, its pages as PNG at 90 dpi."""
    import subprocess
    from datetime import date

    from kpidesk.reports.data import collect
    from kpidesk.reports.monthly import MonthlyReport

    data = collect(store, args.report, date.today(), args.currency)
    pdf = Path(tempfile.mkdtemp()) / "report.pdf"
    pages = MonthlyReport(data, args.lang, style=style).write_pdf(pdf)
    stem = args.out / f"report-{args.lang}{args.suffix}-page"
    subprocess.run(["pdftoppm", "-png", "-r", "90", str(pdf), str(stem)], check=True)
    for n in range(1, pages + 1):  # pdftoppm numbers pages with a dash
        print(f"{stem}-{n}.png")



def _type_receipt(tab) -> None:
    """A receipt of three products being typed, one with a discount, $50 handed over."""
    from kpidesk.store import reference

    names = [name for _id, name in reference.list_named(tab.ctx.store, "products",
                                                        active_only=True)][:3]
    form = tab.form
    for name, quantity, discount in zip(names, ("1", "2", "1"), ("", "", "1"), strict=False):
        form.product_combo.setEditText(name)
        form.product_chosen()
        form.quantity_edit.setText(quantity)
        form.discount_edit.setText(discount)
        form.recompute_amount()
        form.add_line()
    form.receipt.paid_usd_edit.setText("50")
    form.receipt.update_totals()


if __name__ == "__main__":
    sys.exit(main())
