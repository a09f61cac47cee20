"""The month in one picture: a phone-sized portrait PNG (1080 px wide) of the month's key
figures, and the same as a short text, in a chosen language — to forward on Telegram.

Drawn with QPainter on a QImage, so Khmer is shaped by Qt with the bundled fonts (as in
the report); strings are marked ``text.translate("Share", "…")`` for pyside6-lupdate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from kpidesk.i18n.fonts import KHMER_FAMILY, LATIN_FAMILY, register_fonts
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.reports.text import ReportText
from kpidesk.store.db import Store

WIDTH, HEIGHT = 1080, 1920
TOP_PRODUCTS = 3
NAVY, INK, HINT = QColor("#1d3f6e"), QColor("#1b1b1b"), QColor("#5a5a5a")
GOOD, BAD, WARN, CARD = QColor("#1e7b34"), QColor("#b3261e"), QColor("#a15c00"), QColor("#f1f5fa")


@dataclass
class ShareData:
    shop_name: str
    month: str
    currency: str
    today: date
    in_progress: bool
    revenue: int | None
    growth_mom: float | None
    growth_yoy: float | None
    target: int | None
    attainment: float | None
    chance: float | None  # chance of making the target, when the metrics give one
    run_rate_projection: int | None
    new_customers: int | None
    returning_customers: int | None
    top_products: list[tuple[str, int]] = field(default_factory=list)  # (name, revenue)
    findings: int = 0  # data-health findings of the month


def collect_share(store: Store, month: str, today: date, currency: str | None = None
                  ) -> ShareData:
    """The figures of the picture (no Qt)."""
    from kpidesk.metrics.kpis import all_kpis, in_currency
    from kpidesk.metrics.periods import parse_period
    from kpidesk.reports.data import top_products

    currency = currency or store.reporting_currency
    k = all_kpis(in_currency(store, currency), month, today)
    as_of = min(today, parse_period(month).end)
    products = [(p["name"] or "", int(p["revenue"] or 0))
                for p in top_products(store, month, currency, TOP_PRODUCTS, upto=as_of)
                if p["product_id"] is not None]
    return ShareData(
        shop_name=store.setting("shop_name"), month=month, currency=currency, today=today,
        in_progress=bool(k.get("in_progress")), revenue=k.get("revenue"),
        growth_mom=k.get("growth_mom"), growth_yoy=k.get("growth_yoy"), target=k.get("target"),
        attainment=k.get("attainment"), chance=k.get("target_probability"),
        run_rate_projection=k.get("run_rate_projection"),
        new_customers=k.get("new_customers"), returning_customers=k.get("returning_customers"),
        top_products=products, findings=int(k.get("data_health_findings") or 0))


class _Words:
    """The picture's words and numbers in its language."""

    def __init__(self, data: ShareData, lang: str) -> None:
        self.d = data
        self.text = ReportText(lang)
        self.f = self.text.fmt

    def t(self, source: str) -> str:
        return self.text.translate("Share", source)

    def fill(self, source: str, *values: str) -> str:
        from kpidesk.i18n.format import fill

        return fill(self.t(source), *values)

    def money(self, minor: int | None) -> str:
        return self.f.figure(minor, self.d.currency)

    def title(self) -> str:
        return self.d.shop_name.strip() or self.t(QT_TRANSLATE_NOOP("Share", "Our shop"))

    def period(self) -> str:
        month = self.f.month(self.d.month)
        if self.d.in_progress:
            return self.fill(QT_TRANSLATE_NOOP("Share", "%1, up to %2"), month, self.f.date(self.d.today))
        return month

    def growth(self) -> list[tuple[str, float | None]]:
        return [(self.fill(QT_TRANSLATE_NOOP("Share", "%1 on the month before"), self.f.percent(self.d.growth_mom,
                                                                     signed=True)),
                 self.d.growth_mom),
                (self.fill(QT_TRANSLATE_NOOP("Share", "%1 on the same month last year"),
                           self.f.percent(self.d.growth_yoy, signed=True)), self.d.growth_yoy)]

    def target_lines(self) -> list[str]:
        d = self.d
        if d.target is None:
            return [self.t(QT_TRANSLATE_NOOP("Share", "No target set for this month"))]
        lines = [self.fill(QT_TRANSLATE_NOOP("Share", "%1 · %2 reached"), self.money(d.target),
                           self.f.percent(d.attainment))]
        if d.chance is not None and d.in_progress:
            lines.append(self.fill(QT_TRANSLATE_NOOP("Share", "Chance of making it: %1"), self.f.percent(d.chance, places=0)))
        elif d.in_progress and d.run_rate_projection is not None:
            lines.append(self.fill(QT_TRANSLATE_NOOP("Share", "At this pace: %1 by the month's end"),
                                   self.money(d.run_rate_projection)))
        return lines

    def customers(self) -> str:
        return self.fill(QT_TRANSLATE_NOOP("Share", "New customers %1 · returning %2"), self.f.integer(self.d.new_customers),
                         self.f.integer(self.d.returning_customers))

    def health(self) -> str:
        if self.d.findings:
            return self.fill(QT_TRANSLATE_NOOP("Share", "Check the data: %1 entries look wrong"),
                             self.f.integer(self.d.findings))
        return self.t(QT_TRANSLATE_NOOP("Share", "Data checked: nothing looks wrong"))


def share_text(data: ShareData, lang: str) -> str:
    """The picture as a short text (for the clipboard)."""
    w = _Words(data, lang)
    target_lines = w.target_lines()
    if data.target is not None:
        target_lines[0] = w.fill(QT_TRANSLATE_NOOP("Share", "Target: %1"), target_lines[0])
    lines = [f"{w.title()} — {w.period()}",
             w.fill(QT_TRANSLATE_NOOP("Share", "Revenue: %1"), w.money(data.revenue)),
             " · ".join(text for text, _ in w.growth()),
             *target_lines,
             w.customers()]
    if data.top_products:
        lines.append(w.fill(QT_TRANSLATE_NOOP("Share", "Best sellers: %1"), ", ".join(
            f"{name} ({w.money(rev)})" for name, rev in data.top_products)))
    lines.append(w.health())
    # without the zero-width word breaks of the Khmer translations: a chat app keeps
    # them, and a search for a word would then miss it
    return "\n".join(lines).replace("\u200b", "")


def picture_font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies([KHMER_FAMILY, LATIN_FAMILY])
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def render_share(data: ShareData, lang: str) -> QImage:
    """The picture, 1080 × 1920 (needs a QGuiApplication)."""
    register_fonts()
    w = _Words(data, lang)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = 64
    inner = WIDTH - 2 * margin
    wrap = Qt.TextFlag.TextWordWrap

    dry = False  # a first pass measures a block, the second draws it on its card

    def text(y: int, value: str, pixels: int, colour: QColor = INK, bold: bool = False,
             x: int = margin, width: int = inner, align=Qt.AlignmentFlag.AlignLeft) -> int:
        p.setFont(picture_font(pixels, bold))
        p.setPen(colour)
        box = p.boundingRect(QRect(x, y, width, HEIGHT), int(align) | int(wrap), value)
        if not dry:
            p.drawText(QRect(x, y, width, box.height()), int(align) | int(wrap), value)
        return y + box.height()

    def block(y: int, draw, fill: QColor = CARD, border: QColor | None = None) -> int:
        nonlocal dry
        dry = True
        bottom = draw(y + 32)
        dry = False
        p.setPen(QPen(border, 4) if border is not None else Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(QRectF(margin - 24, y, inner + 48, bottom - y + 32), 28, 28)
        return draw(y + 32) + 32

    # header band
    dry = True
    band = text(text(70, w.title(), 64, bold=True) + 14, w.period(), 44) + 56
    dry = False
    p.fillRect(0, 0, WIDTH, band, NAVY)
    text(text(70, w.title(), 64, QColor("white"), bold=True) + 14, w.period(), 44,
         QColor("#dbe6f4"))

    def revenue(y: int) -> int:
        y = text(y, w.t(QT_TRANSLATE_NOOP("Share", "Revenue")), 40, HINT)
        y = text(y + 4, w.money(data.revenue), 112, NAVY, bold=True)
        for label, value in w.growth():
            colour = HINT if value is None else GOOD if value >= 0 else BAD
            y = text(y + 10, label, 40, colour)
        return y

    def target(y: int) -> int:
        y = text(y, w.t(QT_TRANSLATE_NOOP("Share", "Target")), 40, HINT)
        lines = w.target_lines()
        y = text(y + 6, lines[0], 44, INK, bold=True)
        if data.attainment is not None:
            if not dry:
                bar = QRectF(margin, y + 20, inner, 28)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor("#d6deea"))
                p.drawRoundedRect(bar, 14, 14)
                p.setBrush(GOOD if data.attainment >= 1 else NAVY)
                p.drawRoundedRect(QRectF(bar.x(), bar.y(),
                                         max(28.0, bar.width() * min(1.0, data.attainment)),
                                         bar.height()), 14, 14)
            y += 64
        for line in lines[1:]:
            y = text(y + 6, line, 38, INK)
        return y

    def people(y: int) -> int:
        y = text(y, w.t(QT_TRANSLATE_NOOP("Share", "Customers")), 40, HINT)
        y = text(y + 6, w.customers(), 44, INK, bold=True)
        y = text(y + 30, w.t(QT_TRANSLATE_NOOP("Share", "Best sellers")), 40, HINT)
        if not data.top_products:
            y = text(y + 6, w.t(QT_TRANSLATE_NOOP("Share", "No product sales this month")), 40, INK)
        for n, (name, revenue) in enumerate(data.top_products, 1):
            row_y = y + 8
            p.setFont(picture_font(40, True))
            amount = w.money(revenue)
            amount_width = p.fontMetrics().horizontalAdvance(amount) + 24
            left = text(row_y, f"{w.f.integer(n)}. {name}", 40, INK, width=inner - amount_width)
            y = max(left, text(row_y, amount, 40, NAVY, bold=True,
                               align=Qt.AlignmentFlag.AlignRight))
        return y

    colour = WARN if data.findings else GOOD
    y = band + 40
    y = block(y, revenue) + 28
    y = block(y, target) + 28
    y = block(y, people) + 28
    block(y, lambda top: text(top, w.health(), 42, colour, bold=True,
                              align=Qt.AlignmentFlag.AlignHCenter),
          QColor("#fff4e5") if data.findings else QColor("#e8f5eb"), colour)
    text(HEIGHT - 80, w.fill(QT_TRANSLATE_NOOP("Share", "Made with KPI Desk · %1"), w.f.date(data.today)), 30, HINT,
         align=Qt.AlignmentFlag.AlignHCenter)
    p.end()
    return image
