"""The monthly report: produced as PDF in both languages and read back."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import DEMO_TODAY

from kpidesk.i18n.format import Formatter
from kpidesk.store import order_days, rollups
from kpidesk.store.db import Store
from kpidesk.store.uuids import new_uuid

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="needs pdftotext (poppler-utils)")
MONTH = "2026-10"


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_pages(path: Path) -> list[str]:
    return pdf_text(path).split("\f")[:-1]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kpidesk", *args], capture_output=True,
                          text=True, timeout=180)


@pytest.fixture
def kpis(demo_location, capsys) -> dict:
    """`kpi --json` of the month, from the demo shop of the test's kind."""
    from kpidesk.cli import main

    capsys.readouterr()
    assert main(["kpi", "--db", str(demo_location), "--month", MONTH, "--json",
                 "--today", DEMO_TODAY.isoformat()]) == 0
    return json.loads(capsys.readouterr().out)


def make_report(db: Path | str, lang: str, out: Path) -> str:
    done = run_cli("report", "--db", str(db), "--month", MONTH, "--lang", lang, "--out", str(out),
                   "--today", DEMO_TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    return pdf_text(out)


def _squash(text: str) -> str:
    """Text without any white space: pdftotext spaces Khmer clusters unpredictably."""
    return "".join(text.split())


def shaped(text: str) -> str:
    """What pdftotext reads back from `text` as Qt shapes and embeds it.

    Qt's PDF maps each glyph to Unicode, and a Khmer glyph that stands for a
    cluster (a consonant with its subscript or vowel) reads back as less than
    it shows: "ខ្មែរ" comes back as "ែខរ". So the expected text goes through the
    same engine, font and extraction, and the fingerprints are compared.
    """
    import tempfile

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPdfWriter, QTextDocument

    from kpidesk.i18n.fonts import app_font

    doc = QTextDocument()
    doc.setDefaultFont(app_font(10))
    doc.setPlainText(text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "probe.pdf"
        writer = QPdfWriter(str(path))
        painter = QPainter(writer)
        doc.drawContents(painter, QRectF(0, 0, 2000, 2000))
        painter.end()
        del writer
        return _squash(pdf_text(path))


def fonts_of(path: Path) -> set[str]:
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    return {line.split()[0].split("+")[-1] for line in lines if line.strip()}


def test_english_report_has_the_months_figures(qapp, demo_location, kpis, tmp_path):
    text = _squash(make_report(demo_location, "en", tmp_path / "en.pdf"))
    fmt = Formatter("en")
    with Store(demo_location, read_only=True) as s:
        shop = s.setting("shop_name")
    assert _squash("Monthly sales report") in text
    assert _squash("October 2026") in text
    assert shaped(shop) in text
    for key in ("revenue", "average_order_value", "target"):
        assert fmt.money(kpis[key], "USD") in text, key
    assert fmt.integer(kpis["orders"]) in text
    assert fmt.percent(kpis["attainment"]) in text
    assert fmt.percent(kpis["growth_mom"], signed=True) in text
    assert fmt.percent(kpis["retention"]) in text
    for person in kpis["salespeople"]:
        assert fmt.money(person["revenue"], "USD") in text
    assert "Page1of" in text
    assert fonts_of(tmp_path / "en.pdf") <= {"NotoSans-Regular", "NotoSans-Bold",
                                             "NotoSansKhmer-Regular", "NotoSansKhmer-Bold"}


def test_khmer_report_is_in_khmer(qapp, demo_location, kpis, tmp_path):
    from kpidesk.reports.text import ReportText

    khmer = ReportText("km")
    title = khmer.translate("Report", "Monthly sales report")
    assert title != "Monthly sales report", "the report's title has no Khmer translation"
    text = _squash(make_report(demo_location, "km", tmp_path / "km.pdf"))
    fmt = Formatter("km")
    assert shaped(title) in text
    for label in ("Revenue", "Customers to call back", "Key figures", "Customer retention"):
        translated = khmer.translate("Report", label)
        assert translated != label, f"{label!r} has no Khmer translation"
        assert shaped(translated) in text, label
    assert shaped("តុលា ២០២៦") in text  # Khmer month name and digits
    assert fmt.money(kpis["revenue"], "USD") in text
    assert fmt.integer(kpis["orders"]) in text
    assert fmt.percent(kpis["attainment"]) in text
    assert _squash("Monthly sales report") not in text and "Revenue" not in text
    # only the bundled fonts are embedded: the machine's own cannot leak in
    assert fonts_of(tmp_path / "km.pdf") <= {"NotoSans-Regular", "NotoSans-Bold",
                                             "NotoSansKhmer-Regular", "NotoSansKhmer-Bold"}


def test_user_text_is_printed_as_text(demo_store, tmp_path):
    demo_store.set_setting("shop_name", '<img src="x.png"> Dara & <b>Sons</b>')
    demo_store.close()
    text = make_report(demo_store.location, "en", tmp_path / "esc.pdf")
    assert _squash('<img src="x.png"> Dara & <b>Sons</b>') in _squash(text)


def _store_with_many_at_risk(path: Path | str, customers: int) -> None:
    """Customers who bought every ~20 days, then stopped 60-200 days before the report."""
    with Store(path) as s, s.transaction() as conn:
        conn.execute("UPDATE settings SET value = 'Long List Shop' WHERE key = 'shop_name'")
        order_id = 0
        for c in range(1, customers + 1):
            conn.execute("INSERT INTO contacts(id, uuid, kind, name, phone, created)"
                         " VALUES (?, ?, 'customer', ?, ?, '2025-01-01')",
                         (c, new_uuid(), f"Customer {c:04d}", f"0{12000000 + c}"))
            last = DEMO_TODAY - timedelta(days=60 + c % 140)
            for k in range(4):
                order_id += 1
                day = (last - timedelta(days=20 * k)).isoformat()
                columns, rows = order_days.stored_order(
                    conn, ("id", "uuid", "date", "contact_id"), [(order_id, new_uuid(), day, c)])
                conn.execute(f"INSERT INTO orders({', '.join(columns)}) VALUES (?, ?, ?, ?)",
                             *rows)
                conn.execute("INSERT INTO sale_lines(order_id, position, amount, cur, rate)"
                             " VALUES (?, 1, ?, 0, 4000)", (order_id, 1000 + c))
        rollups.rebuild_all(conn)


def test_long_call_back_list_runs_over_pages_with_repeated_headers(db_location, tmp_path):
    db = db_location
    _store_with_many_at_risk(db, 240)
    make_report(db, "en", tmp_path / "long.pdf")
    pages = pdf_pages(tmp_path / "long.pdf")
    first = next(i for i, p in enumerate(pages) if "Customers to call back" in p)
    list_pages = [p for p in pages[first:] if "Customer 0" in p]
    assert len(list_pages) >= 3  # 100 rows (the most valuable) cannot fit on fewer pages
    for page in list_pages:  # the table's header row repeats on every page it runs onto
        assert "Usual gap" in page and "Phone" in page
    total = len(pages)
    assert f"Page {total} of {total}" in pages[-1]
    assert f"Page 1 of {total}" in pages[0]
    assert all("Long List Shop" in p for p in pages)  # footer on every page
    text = "".join(pages)
    assert "Customers to call back" in list_pages[-1]  # the title repeats with the header
    with Store(db, read_only=True) as s:
        from kpidesk.metrics.customers import at_risk

        everyone = at_risk(s, date(2026, 10, 31))
    assert len(everyone) > 100
    shown = [c["name"] for c in everyone[:100]]
    assert all(name in text for name in shown)
    assert not any(c["name"] in text for c in everyone[100:])
    assert f"The 100 with the highest revenue of {len(everyone)} customers" in " ".join(text.split())
    assert "012 000 240" in text  # phone numbers printed, grouped as people read them


def test_report_command_refuses_bad_input(tmp_path, demo_location):
    done = run_cli("report", "--db", str(demo_location), "--month", "2026-13", "--out",
                   str(tmp_path / "x.pdf"))
    assert done.returncode == 1 and "2026-13" in done.stderr
    done = run_cli("report", "--db", str(tmp_path / "missing.db"), "--month", MONTH, "--out",
                   str(tmp_path / "x.pdf"))
    assert done.returncode == 1 and not (tmp_path / "missing.db").exists()


def test_reports_tab_saves_a_pdf_and_remembers_the_folder(qtbot, demo_ctx, tmp_path,
                                                          monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from kpidesk.ui.tabs.reports import ReportsTab

    tab = ReportsTab(demo_ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.selected_month() == "2026-10"  # the month that just ended
    tab.lang_box.setCurrentIndex(tab.lang_box.findData("km"))
    assert tab.wait_until_ready()
    assert tab.report.text.lang == "km" and tab.report.page_count() >= 2
    target = tmp_path / "out" / "october.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    assert tab.save_pdf() == target
    assert shaped("តុលា ២០២៦") in _squash(pdf_text(target))
    assert demo_ctx.settings.value("reports/last_folder") == str(target.parent)


def test_report_data_is_the_same_as_kpi_json(demo_store, kpis):
    from kpidesk.reports.data import collect

    data = collect(demo_store, MONTH, DEMO_TODAY)
    assert data.kpis == kpis
    assert len(data.revenue_series) == 12 and data.revenue_series[-1] == (MONTH, kpis["revenue"])
    assert len(data.top_products) == 10
    revenues = [p["revenue"] for p in data.top_products]
    assert revenues == sorted(revenues, reverse=True)
    assert date.fromisoformat(str(data.as_of)) == date(2026, 10, 31)


def test_a_month_in_progress_prints_the_month_before_on_the_same_day(demo_location, tmp_path):
    """Customer figures so far sit beside the month before up to the same day (†); daily
    totals are no product; a refund line takes its quantity back."""
    from kpidesk.metrics.customers import customer_kpis
    from kpidesk.store.sales import LineInput, OrderInput, add_order

    db = demo_location
    with Store(db) as store:
        add_order(store, OrderInput(date="2026-11-20", is_daily_total=True, receipts=30,
                                    lines=[LineInput(amount=150000)]))
        same = customer_kpis(store, "2026-11", DEMO_TODAY)["previous_same_day"]
    out = tmp_path / "november.pdf"
    done = run_cli("report", "--db", str(db), "--month", "2026-11", "--lang", "en", "--out",
                   str(out), "--today", DEMO_TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    text = pdf_text(out)
    fmt = Formatter("en")
    retention = next(line for line in text.splitlines()
                     if line.strip().startswith("Customer retention "))
    assert f"{fmt.percent(same['retention'])} †" in retention
    flat = " ".join(text.split())
    assert f"(the month before: up to {fmt.date('2026-10-26')})" in flat
    # Revenue, orders and AOV of the month before: its days 1..26 (KPI.md §1 like-for-like),
    # computed here from the raw rows, never the whole of October.
    with Store(db, read_only=True) as store:
        col = "amount_usd" if store.reporting_currency == "USD" else "amount_khr"
        revenue = store.scalar(f"SELECT SUM(l.{col}) FROM sale_lines l JOIN orders o ON"
                               " o.id = l.order_id WHERE o.date BETWEEN '2026-10-01' AND"
                               " '2026-10-26'")
        totals = store.query(f"SELECT o.is_daily_total, o.receipts, SUM(l.{col}) AS total"
                             " FROM orders o JOIN sale_lines l ON l.order_id = o.id WHERE"
                             " o.date BETWEEN '2026-10-01' AND '2026-10-26' GROUP BY o.id")
        whole = store.scalar(f"SELECT SUM(l.{col}) FROM sale_lines l JOIN orders o ON"
                             " o.id = l.order_id WHERE o.date BETWEEN '2026-10-01' AND"
                             " '2026-10-31'")
        currency = store.reporting_currency
    orders = sum(r["receipts"] if r["is_daily_total"] else int(r["total"] >= 0)
                 for r in totals)
    assert revenue != whole
    for label, value in (("Revenue ", fmt.figure(revenue, currency)),
                         ("Orders ", fmt.integer(orders)),
                         ("Average order value ", fmt.figure(round(revenue / orders), currency))):
        line = next(x for x in text.splitlines() if x.strip().startswith(label))
        assert f"{value} †" in line, (label, value, line)
    with Store(db, read_only=True) as store:  # attainment so far: revenue to day 26 / target
        target = store.scalar("SELECT value FROM targets WHERE period = '2026-10' AND"
                              " measure = 'revenue' AND salesperson_id IS NULL")
    if target:
        line = next(x for x in text.splitlines() if x.strip().startswith("Target attainment"))
        assert f"{fmt.percent(revenue / target)} †" in line, line
    assert "Loyal customers (orders in the last 365" in flat  # "days)" wraps
    products = text.split("Top 10 products")[1].split("Top 10 customers")[0]
    assert "—" not in products.split("\n", 2)[2]  # no daily total posing as a product


# -- Khmer line breaks in table cells ----------------------------------------------------
# Names as a Khmer shop types them (no spaces between words), with their words marked:
# "|" between words, "¦" between the parts of a compound (a break there is fine too).
KHMER_NAMES = [
    "ស្រោម|ទូរស័ព្ទ|ស៊ីលីកូន|ពណ៌|ខ្មៅ|សម្រាប់|ទូរស័ព្ទ|ឆ្លាត|ម៉ាក|ថ្មី",
    "កញ្ចក់|ការពារ|អេក្រង់|ទូរស័ព្ទ|ប្រភេទ|រឹង|ពិសេស|មិន|ងាយ|បែក",
    "ឆ្នាំង¦សាក|ថ្ម|លឿន|ជាមួយ|ខ្សែ|សាក|ទូរស័ព្ទ|វែង|មួយ|ម៉ែត្រ",
    "កាហ្វេ|ទឹក¦ដោះ¦គោ|ទឹក¦កក|ធំ|ជាមួយ|នំ¦បុ័ង|សាច់¦ក្រក|ពីរ",
    "ក្រុមហ៊ុន|ដឹក¦ជញ្ជូន|រតនា|សាខា|ភ្នំពេញ|និង|ខេត្ត|សៀមរាប",
    "ភោជនីយដ្ឋាន|ម្លប់|ដូង|ហាង|កាហ្វេ|ព្រះ¦អាទិត្យ|ផ្សារ|ទំនើប",
    "សាលា¦រៀន|អន្តរជាតិ|សម្រាប់|កុមារ|ក្រុង|បាត់ដំបង",
    "គ្រឿង¦បន្លាស់|ទូរស័ព្ទ|និង|កុំព្យូទ័រ|យួរ¦ដៃ",
]
# long enough to wrap in their columns: each name is two of the above
KHMER_NAMES = [f"{a}|{b}" for a, b in zip(KHMER_NAMES, KHMER_NAMES[1:] + KHMER_NAMES[:1],
                                          strict=True)]


def _plain(marked: str) -> str:
    return marked.replace("|", "").replace("¦", "")


def _allowed_breaks(marked: str) -> set[int]:
    allowed, at = {0}, 0
    for ch in marked:
        if ch in "|¦":
            allowed.add(at)
        else:
            at += 1
    allowed.add(at)
    return allowed


def _line_breaks(doc) -> dict[str, list[int]]:
    """For each block of the laid-out document: where Qt ended its lines, as offsets in
    the block's text without zero-width spaces."""
    out: dict[str, list[int]] = {}
    block = doc.begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        ends = []
        for i in range(layout.lineCount() - 1):
            line = layout.lineAt(i)
            end = line.textStart() + line.textLength()
            ends.append(len(text[:end].replace("\u200b", "").rstrip()))
        out[text.replace("\u200b", "")] = ends
        block = block.next()
    return out


def _khmer_report_document(qapp, names: list[str]):
    from kpidesk.i18n.fonts import install_app_font
    from kpidesk.reports.data import ReportData
    from kpidesk.reports.monthly import MonthlyReport

    install_app_font(qapp)  # as the report command does: the bundled fonts
    plain = [_plain(n) for n in names]
    data = ReportData(
        shop_name=plain[5], month=MONTH, currency="USD", today=DEMO_TODAY,
        as_of=date(2026, 10, 31), kpis={}, previous={}, year_before={},
        top_products=[{"name": n, "category": plain[7], "quantity": 3, "revenue": 12500}
                      for n in plain[:4]],
        top_customers=[{"name": n, "phone": "012345678", "orders": 2, "revenue": 9900}
                       for n in plain[4:]])
    report = MonthlyReport(data, "km")
    doc = report.build()
    doc.pageCount()  # lays the whole document out
    return doc


def test_khmer_table_cells_break_lines_between_words_only(qapp):
    """Qt's own layout of the report: every line of a Khmer name in a table cell ends
    between two words of the name, never inside one."""
    breaks = _line_breaks(_khmer_report_document(qapp, KHMER_NAMES))
    checked = 0
    for marked in KHMER_NAMES:
        plain = _plain(marked)
        ends = breaks.get(plain)
        assert ends is not None, f"{plain} not found as a cell of its own"
        wrong = [e for e in ends if e not in _allowed_breaks(marked)]
        assert not wrong, f"{plain} broken inside a word at {wrong}: " + " / ".join(
            plain[a:b] for a, b in zip([0, *ends], [*ends, len(plain)], strict=True))
        checked += len(ends)
    assert checked >= 6  # the names did wrap: the check saw line ends


def test_unsegmented_names_would_break_inside_words(qapp, monkeypatch):
    """The check above can fail: without the segmenter, Qt breaks Khmer anywhere."""
    from kpidesk.reports import monthly

    monkeypatch.setattr(monthly, "segment", lambda text: text)
    breaks = _line_breaks(_khmer_report_document(qapp, KHMER_NAMES))
    inside = [e for marked in KHMER_NAMES for e in breaks.get(_plain(marked), [])
              if e not in _allowed_breaks(marked)]
    assert inside


@pytest.mark.parametrize(("lang", "unit"), [("en", "M"), ("km", "លាន")])
def test_riel_charts_keep_their_y_labels(qapp, monkeypatch, lang, unit):
    """Riel amounts make long labels: the axis is as wide as its widest one (pyqtgraph
    draws no label that does not fit), and every tick says the axis' one unit."""
    from PySide6.QtGui import QFontMetrics

    from kpidesk.i18n.fonts import install_app_font
    from kpidesk.reports import charts
    from kpidesk.reports.text import ReportText

    install_app_font(qapp)
    seen = []
    export = charts._export
    monkeypatch.setattr(charts, "_export", lambda widget: (seen.append(widget), export(widget))[1])
    months = [(f"2026-{m:02d}", 180_000_000 + m * 9_000_000) for m in range(1, 13)]
    charts.revenue_chart(ReportText(lang), "x", months, [(m, None) for m, _ in months], "KHR")
    charts.pipeline_chart(ReportText(lang), "x", [{"name": "New", "value": 250_000_000,
                                                    "weighted": 25_000_000}], "KHR")
    for widget in seen:
        axis = widget.getPlotItem().getAxis("left")
        low, high = axis.range
        levels = axis.tickValues(low, high, axis.height())
        labels = [s for step, values in levels for s in axis.tickStrings(values, 1, step)]
        nonzero = [s for s in labels if s not in ("0", "០")]
        assert nonzero and all(s.endswith(unit) for s in nonzero), labels
        widest = max(QFontMetrics(axis.style["tickFont"]).horizontalAdvance(s) for s in labels)
        assert axis.width() >= widest, (axis.width(), widest, labels)


def test_cli_report_follows_the_users_number_settings_and_flags(demo_location, tmp_path):
    """The headless report writes numbers as the user chose in Settings ▸ Language (kept in
    QSettings), and --digits / --dollar-digits / --riel-rounding override that."""
    import os

    config = tmp_path / "config"
    (config / "kpidesk").mkdir(parents=True)
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "HOME": str(tmp_path)}

    def report(*flags: str, name: str) -> str:
        out = tmp_path / f"{name}.pdf"
        done = subprocess.run(
            [sys.executable, "-m", "kpidesk", "report", "--db", str(demo_location), "--month",
             MONTH,
             "--lang", "km", "--out", str(out),
             "--today", DEMO_TODAY.isoformat(), *flags],
            capture_output=True, text=True, timeout=180, env=env)
        assert done.returncode == 0, done.stderr
        return pdf_text(out)

    def digits(text: str) -> tuple[int, int]:
        return (sum(c in "០១២៣៤៥៦៧៨៩" for c in text), sum(c in "0123456789" for c in text))

    default = report(name="default")
    khmer, latin = digits(default)
    assert khmer > 100, (khmer, latin)  # Khmer digits by default (dollars in Latin ones)
    all_khmer = digits(report("--dollar-digits", "khmer", name="all-khmer"))
    assert all_khmer[1] < latin and all_khmer[0] > khmer, (all_khmer, khmer, latin)
    flagged = digits(report("--digits", "latin", name="latin"))
    assert flagged[0] == 0 and flagged[1] > 100, flagged
    # The user's own choice in the app, with no flag: Latin digits too.
    (config / "kpidesk" / "KPI Desk.conf").write_text("[General]\nkhmer_digits=false\n",
                                                       encoding="utf-8")
    chosen = digits(report(name="chosen"))
    assert chosen[0] == 0 and chosen[1] > 100, chosen
    # Riel not rounded to 100: some riel figure ends in a digit other than 00.
    rounded = report("--currency", "KHR", name="rounded")
    exact = report("--currency", "KHR", "--riel-rounding", "1", name="exact")
    assert rounded != exact


def test_print_preview_leaves_the_tabs_preview_drawable(qtbot, demo_ctx):
    """The print preview dialog prints with a printer of its own: sharing the tab's made
    the dialog free the preview pages the tab still drew (a crash on its next repaint)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from kpidesk.ui.tabs.reports import ReportsTab

    tab = ReportsTab(demo_ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.wait_until_ready()
    seen = []

    def while_open() -> None:
        dialog = tab.preview_dialog
        seen.append(isinstance(dialog, QPrintPreviewDialog) and dialog.printer() is not tab.printer)
        tab.preview.updatePreview()  # the tab's own pages made again while the dialog shows
        dialog.grab()  # the dialog's pages drawn
        dialog.reject()

    QTimer.singleShot(200, while_open)
    tab.print_preview()
    assert seen == [True]
    assert not tab.preview.grab().isNull()  # the tab's preview still draws its pages


@pytest.mark.parametrize("month, today", [(MONTH, DEMO_TODAY), ("2026-11", DEMO_TODAY)])
def test_the_comparison_months_print_the_same_figures(demo_store, qapp, month, today):
    """The report computes only the figures it compares a month with (not the months'
    data-health checks, insight or breakdowns): its table is the one the full KPIs give."""
    from dataclasses import replace

    from kpidesk.metrics.kpis import all_kpis
    from kpidesk.metrics.periods import add_months
    from kpidesk.reports.data import collect
    from kpidesk.reports.monthly import MonthlyReport

    data = collect(demo_store, month, today)
    full = replace(data, previous=all_kpis(demo_store, add_months(month, -1), today),
                   year_before=all_kpis(demo_store, add_months(month, -12), today))
    for short, whole in ((data.previous, full.previous), (data.year_before, full.year_before)):
        assert short == {key: whole[key] for key in short}
        assert "data_health_findings" not in short and "revenue_bridge_mom" not in short
    for lang in ("en", "km"):
        rows = MonthlyReport(data, lang).kpi_rows()
        assert rows == MonthlyReport(full, lang).kpi_rows()
        assert any(row[2] not in ("", "—") for row in rows)


@pytest.mark.parametrize("currency, upto", [("USD", None), ("KHR", date(2026, 10, 17))])
def test_top_products_equal_the_raw_lines(demo_store, currency, upto):
    """The report's best products (read from the breakdown rollup) are the sums of the
    month's sale lines up to its day, daily totals left out, refunds taken back."""
    from kpidesk.reports.data import top_products

    column = "amount_usd" if currency == "USD" else "amount_khr"
    last = (upto or date(2026, 10, 31)).isoformat()
    raw = demo_store.conn.execute(
        f"SELECT l.product_id, IFNULL(p.name, ''), IFNULL(c.name, ''), SUM(l.quantity),"
        f" SUM(l.{column}) AS revenue FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " LEFT JOIN products p ON p.id = l.product_id"
        " LEFT JOIN categories c ON c.id = p.category_id"
        " WHERE o.date BETWEEN '2026-10-01' AND ? AND o.is_daily_total = 0"
        " GROUP BY l.product_id, p.name, c.name ORDER BY revenue DESC, 2", (last,)).fetchall()
    got = top_products(demo_store, MONTH, currency, limit=5, upto=upto)
    assert [(r["product_id"], r["name"], r["category"], r["revenue"]) for r in got] == \
        [row[:3] + row[4:] for row in raw[:5]]
    assert [r["quantity"] for r in got] == pytest.approx([row[3] for row in raw[:5]])
    assert any(r["category"] for r in got)
