"""The monthly report: HTML in a QTextDocument, paginated and painted onto a PDF or a printer.

Qt's own text engine shapes Khmer with the bundled font, so the PDF looks
the same on every laptop. Every text the user typed (shop, customer and
product names) is HTML-escaped: a name like ``<img src=…>`` prints as text.
Tables have a header row repeated on each page they run onto.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from kpidesk.i18n.fonts import KHMER_FAMILY, LATIN_FAMILY, app_font
from kpidesk.i18n.format import NumberStyle
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.format import fill as fmt_fill
from kpidesk.i18n.wordbreak import segment
from kpidesk.metrics.customers import LOYAL_WINDOW_DAYS
from kpidesk.reports import act_sections, charts, sales_sections
from kpidesk.reports.data import ReportData
from kpidesk.reports.text import ReportText

LAYOUT_DPI = 96  # the document is laid out in 96-dpi pixels, then scaled to the device
PAPERS = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(16, 16, 16, 18)
FOOTER_PX = 28
LANGUAGE_NAMES = {"en": "English", "km": "ខ្មែរ"}
TOP = 10  # products and customers listed (reports.data collects as many)


def _esc(value: object) -> str:
    return html.escape(str(value or ""), quote=True)


def _name(value: object) -> str:
    """Text the user typed (a shop, customer, product, category or salesperson name),
    with zero-width spaces between its Khmer words so a narrow column wraps it between
    words, never inside one (Qt has no Khmer dictionary of its own)."""
    return _esc(segment(str(value or "")))


class MonthlyReport:
    """One report: its data, language and paper; makes the document and paints it."""

    def __init__(self, data: ReportData, lang: str = "en", paper: str = "A4",
                 khmer_digits: bool = True, style: NumberStyle | None = None) -> None:
        self.data = data
        self.text = ReportText(lang, khmer_digits, style)
        self.paper = paper if paper in PAPERS else "A4"
        self.document: QTextDocument | None = None

    # -- words and numbers ---------------------------------------------------------
    def t(self, text: str) -> str:
        return self.text.translate("Report", text)

    def money(self, minor: int | None) -> str:
        return self.text.fmt.figure(minor, self.data.currency)

    def pct(self, ratio: float | None, signed: bool = False) -> str:
        return self.text.fmt.percent(ratio, signed=signed)

    def num(self, value: int | None) -> str:
        return self.text.fmt.integer(value)

    def title(self) -> str:
        return self.t("Monthly sales report")

    # -- HTML ----------------------------------------------------------------------
    def kpi_rows(self) -> list[tuple[str, str, str, str]]:
        tr = self.text.translate
        k, prev, yb = self.data.kpis, self.data.previous, self.data.year_before
        rows = [
            (tr("Report", "Revenue"), "revenue", self.money),
            (tr("Report", "Orders"), "orders", self.num),
            (tr("Report", "Average order value"), "average_order_value", self.money),
            (tr("Report", "Growth on the month before"), "growth_mom",
             lambda v: self.pct(v, signed=True)),
            (tr("Report", "Growth on the same month last year"), "growth_yoy",
             lambda v: self.pct(v, signed=True)),
            (tr("Report", "Revenue target"), "target", self.money),
            (tr("Report", "Target attainment"), "attainment", self.pct),
            (tr("Report", "New customers"), "new_customers", self.num),
            (tr("Report", "Lead conversion"), "lead_conversion", self.pct),
            (tr("Report", "Customer retention"), "retention", self.pct),
            (tr("Report", "Customer retention rate (CRR)"), "crr", self.pct),
            (tr("Report", "Repeat purchase rate"), "repeat_purchase_rate", self.pct),
            (fill_in(tr("Report", "Loyal customers (orders in the last %1 days)"), self.num(LOYAL_WINDOW_DAYS)), "loyal_customers", self.num),
            (tr("Report", "Win rate"), "win_rate", self.pct),
            (tr("Report", "Weighted pipeline"), "weighted_pipeline", self.money),
        ]
        if k.get("gross_profit") is not None:  # only when unit costs are known
            rows[3:3] = [(tr("Report", "Gross profit"), "gross_profit", self.money),
                         (tr("Report", "Gross margin"), "gross_margin", self.pct)]
        # A month in progress: its customer figures are "so far", so the month before is
        # shown on the same day (marked †, explained under the table).
        same_day = dict(k.get("previous_same_day") or {})
        same_day.update(self.data.previous_to_day or {})  # revenue, orders, AOV to that day
        yb_same_day = self.data.year_before_to_day or {}

        def before(key, show, same, whole):
            if key in same and key != "as_of":  # (a figure not available is just "—")
                return show(same[key]) + (" †" if same[key] is not None else "")
            return show(whole.get(key))

        table: Mapping[str, Any] = k  # the rows name their keys as data
        out = [(label, show(table.get(key)), before(key, show, same_day, prev),
                before(key, show, yb_same_day, yb)) for label, key, show in rows]
        forecast = k.get("trend_forecast") or []
        next_month = next((p for p in forecast if p.get("period", "") > self.data.month), None)
        if next_month is not None:
            out.append((tr("Report", "Revenue forecast for next month"),
                        self.money(next_month.get("value")), "", ""))
        return out

    def _table(self, title: str, headers: list[str], rows: list[list[str]],
               numeric_from: int = 1, widths: list[int] | None = None, note: str = "") -> str:
        """A table whose title and column headers are header rows: they repeat on every
        page the table runs onto, and a page break never leaves a title alone."""
        head = "".join(
            f'<th align="{"left" if i < numeric_from else "right"}"'
            f'{f" width={widths[i]}%" if widths else ""}>{h}</th>'
            for i, h in enumerate(headers))
        body = []
        for n, row in enumerate(rows):
            shade = ' bgcolor="#f3f6fa"' if n % 2 else ""
            cells = "".join(
                f'<td align="{"left" if i < numeric_from else "right"}">{c}</td>'
                for i, c in enumerate(row))
            body.append(f"<tr{shade}>{cells}</tr>")
        return ('<table width="100%" cellspacing="0" cellpadding="4" border="0" '
                'style="border-collapse: collapse">'
                f'<thead><tr><td colspan="{len(headers)}" style="padding-top: 10px">'
                f'<span style="font-size: 12.5pt; font-weight: bold; color: #1d3f6e">{title}'
                f'</span>{"<br>" + note if note else ""}</td></tr>'
                f'<tr bgcolor="#dfe8f3">{head}</tr></thead>'
                f'<tbody>{"".join(body)}</tbody></table>')

    def _call_back_note(self) -> str:
        d, tr, fmt = self.data, self.text.translate, self.text.fmt
        note = fill_in(tr("Report", "Good customers who have not come back for much longer than usual, "
                  "as of %1."), fmt.date(d.as_of))
        if d.at_risk_total > len(d.at_risk):
            note += " " + (fill_in(tr("Report", "The %1 with the highest revenue of %2 customers at risk; "
                              "the Dashboard shows them all."), fmt.integer(len(d.at_risk)), fmt.integer(d.at_risk_total)))
        return note

    def html(self) -> str:
        d, tr, fmt = self.data, self.text.translate, self.text.fmt
        k = d.kpis
        period = fmt.month(d.month)
        if k.get("in_progress"):
            period += " — " + fill_in(tr("Report", "month to date, up to %1"), fmt.date(d.today))
        meta = [
            (tr("Report", "Shop"), _name(d.shop_name) or "—"),
            (tr("Report", "Period"), period),
            (tr("Report", "Language"), LANGUAGE_NAMES.get(self.text.lang, self.text.lang)),
            (tr("Report", "Currency"), {"USD": tr("Report", "US dollar ($)"),
                                        "KHR": tr("Report", "Khmer riel (៛)")}[d.currency]),
            (tr("Report", "Printed"), fmt.date(date.today())),
        ]
        parts = [f'<h1 style="color:#1d3f6e">{self.title()}</h1>',
                 '<table cellspacing="0" cellpadding="2">'
                 + "".join(f"<tr><td><b>{a}</b></td><td>&nbsp;&nbsp;{b}</td></tr>" for a, b in meta)
                 + "</table>"]

        same_day = self.data.previous_to_day or k.get("previous_same_day")
        key_note = ""
        if same_day:
            key_note = fill_in(tr("Report", "† The month is in progress and counted up to today; "
                          "figures marked † count the month before, and the same month "
                          "last year, up to the same day of the month (the month before: "
                          "up to %1)."), fmt.date(same_day["as_of"]))
        parts.append(self._table(
            tr("Report", "Key figures"),
            [tr("Report", "Figure"), tr("Report", "This month"), tr("Report", "Month before"),
             tr("Report", "Same month last year")],
            [list(r) for r in self.kpi_rows()], widths=[40, 20, 20, 20]))
        if key_note:
            parts.append(f'<p style="font-size: 8.5pt; color: #444444">{key_note}</p>')
        if k.get("daily_totals_without_receipts"):
            parts.append('<p style="font-size: 8.5pt; color: #444444">' + tr(
                "Report", "Orders and average order value are not available: a daily total "
                "of this month has no receipts count.") + "</p>")

        rows = [[tr("Report", "Whole shop"), self.money(k.get("revenue")),
                 self.money(k.get("target")), self.pct(k.get("attainment")),
                 self.pct(k.get("pace"))]]
        rows += [[_name(sp.get("name")), self.money(sp.get("revenue")), self.money(sp.get("target")),
                  self.pct(sp.get("attainment")), self.pct(sp.get("pace"))]
                 for sp in k.get("salespeople", [])]
        parts.append(self._table(
            tr("Report", "Targets"),
            [tr("Report", "Salesperson"), tr("Report", "Revenue"), tr("Report", "Target"),
             tr("Report", "Attainment"), tr("Report", "Pace")], rows,
            widths=[36, 18, 18, 14, 14]))

        parts.append(f'<p><img src="chart://revenue" width="{self.image_width()}"></p>')
        from kpidesk.reports.insight import report_section

        parts.append(report_section(self))
        if d.pipeline_stages:
            parts.append(f'<p><img src="chart://pipeline" width="{self.image_width()}"></p>')

        parts.append(sales_sections.breakdown_tables(self))
        parts.append(self._table(
            fmt_fill(tr("Report", "Top %1 products"), fmt.integer(TOP)),
            [tr("Report", "Product"), tr("Report", "Category"), tr("Report", "Quantity"),
             tr("Report", "Revenue")],
            [[_name(p["name"]) or tr("Report", "(no product)"), _name(p["category"]) or "—",
              fmt.decimal(p["quantity"], 0), self.money(p["revenue"])] for p in d.top_products],
            numeric_from=2, widths=[40, 30, 12, 18]))
        parts.append(self._table(
            fmt_fill(tr("Report", "Top %1 customers"), fmt.integer(TOP)),
            [tr("Report", "Customer"), tr("Report", "Phone"), tr("Report", "Orders"),
             tr("Report", "Revenue")],
            [[_name(c["name"]), _esc(fmt.phone(c["phone"])), self.num(c["orders"]),
              self.money(c["revenue"])] for c in d.top_customers],
            numeric_from=2, widths=[40, 30, 12, 18]))

        call_back = tr("Report", "Customers to call back")
        if d.at_risk:
            parts.append(self._table(
                call_back,
                [tr("Report", "Customer"), tr("Report", "Phone"), tr("Report", "Last purchase"),
                 tr("Report", "Usual gap (days)"), tr("Report", "Days since"),
                 fmt_fill(tr("Report", "Revenue, last %1 days"), fmt.integer(365)),
                 tr("Report", "Last call")],
                [[_name(c["name"]), _esc(fmt.phone(c.get("phone"))),
                  fmt.date(c["last_purchase"]), fmt.decimal(c["usual_gap_days"], 0),
                  self.num(c["days_since"]), self.money(c["revenue_365"]),
                  act_sections.last_call(self, c.get("last_call"))] for c in d.at_risk],
                numeric_from=2, widths=[18, 14, 17, 12, 8, 14, 17],
                note=self._call_back_note()))
        else:
            parts.append(f"<h2>{call_back}</h2><p>"
                         + tr("Report", "No customer is at risk this month.") + "</p>")
        parts += [act_sections.winback_section(self), act_sections.health_section(self)]
        return "<html><body>" + "".join(parts) + "</body></html>"

    # -- the document ----------------------------------------------------------------
    def page_layout(self) -> QPageLayout:
        return QPageLayout(QPageSize(PAPERS[self.paper]), QPageLayout.Orientation.Portrait,
                           MARGINS_MM, QPageLayout.Unit.Millimeter)

    def _content_size_px(self) -> QSizeF:
        rect = self.page_layout().paintRect(QPageLayout.Unit.Point)
        scale = LAYOUT_DPI / 72
        return QSizeF(rect.width() * scale, rect.height() * scale - FOOTER_PX)

    def image_width(self) -> int:
        return int(self._content_size_px().width()) - 4

    def build(self) -> QTextDocument:
        """Lay the report out (GUI thread: charts use pyqtgraph)."""
        doc = QTextDocument()
        layout_device = QImage(1, 1, QImage.Format.Format_RGB32)
        dots = int(LAYOUT_DPI / 0.0254)
        layout_device.setDotsPerMeterX(dots)
        layout_device.setDotsPerMeterY(dots)
        doc.documentLayout().setPaintDevice(layout_device)
        doc.setDefaultFont(app_font(9.5))
        doc.setDefaultStyleSheet(
            f"body {{ font-family: '{KHMER_FAMILY}', '{LATIN_FAMILY}'; }}"
            "h1 { font-size: 18pt; } h2 { font-size: 12.5pt; color: #1d3f6e; }"
            "th { font-weight: bold; }")
        doc.setDocumentMargin(0)
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://revenue"),
                        charts.revenue_chart(self.text, fmt_fill(self.t("Revenue and target, last %1 months"),
                                                                      self.text.fmt.integer(12)),
                                             self.data.revenue_series,
                                             self.data.target_series, self.data.currency))
        from kpidesk.reports.insight import add_report_charts

        add_report_charts(self, doc)
        if self.data.pipeline_stages:
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://pipeline"),
                            charts.pipeline_chart(self.text, self.t("Pipeline by stage"),
                                                  self.data.pipeline_stages,
                                                  self.data.currency))
        doc.setHtml(self.html())
        doc.setPageSize(self._content_size_px())
        self.document = doc
        return doc

    def page_count(self) -> int:
        return (self.document or self.build()).pageCount()

    def paint(self, device: QPagedPaintDevice) -> None:
        """Paint every page, with "page N of M" and the shop's name in the footer."""
        doc = self.document or self.build()
        device.setPageLayout(self.page_layout())
        painter = QPainter(device)
        if not painter.isActive():
            raise OSError("cannot paint the report (is the file writable?)")
        try:
            scale = device.logicalDpiX() / LAYOUT_DPI
            size = doc.pageSize()
            pages = doc.pageCount()
            footer_font = QFont(app_font())
            footer_font.setPixelSize(11)  # layout pixels: scaled with the page below
            for index in range(pages):
                if index:
                    device.newPage()
                painter.save()
                painter.scale(scale, scale)
                painter.translate(0, -index * size.height())
                doc.drawContents(painter, QRectF(0, index * size.height(), size.width(),
                                                 size.height()))
                painter.restore()
                painter.save()
                painter.scale(scale, scale)
                painter.setFont(footer_font)
                painter.setPen(Qt.GlobalColor.darkGray)
                y = size.height() + 8
                painter.drawLine(QPointF(0, y - 4), QPointF(size.width(), y - 4))
                box = QRectF(0, y, size.width(), FOOTER_PX - 8)
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 self.data.shop_name)
                label = (fill_in(self.t("Page %1 of %2"), self.text.fmt.integer(index + 1), self.text.fmt.integer(pages)))
                painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 label)
                painter.restore()
        finally:
            painter.end()

    def write_pdf(self, path: Path) -> int:
        """Write the report as a PDF; returns the number of pages."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = QPdfWriter(str(path))
        writer.setResolution(300)
        writer.setTitle(f"{self.title()} — {self.data.shop_name} — {self.data.month}")
        writer.setCreator("KPI Desk")
        self.paint(writer)
        return self.page_count()
