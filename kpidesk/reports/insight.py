"""Issue #19 in words and pictures: the revenue bridge as a waterfall chart and as one
plain sentence, and the chance of making a target said as "about N in 10". Used by the
monthly report and by the Insight tab (the same sentences in both).

`translate(context, text)` is the caller's (the report's own language, or the UI's).
"""

from __future__ import annotations

from collections.abc import Callable

from kpidesk.i18n.format import Formatter
from kpidesk.i18n.format import fill as fmt_fill
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]

COMPONENT_LABELS = {
    "new": QT_TRANSLATE_NOOP("Insight", "new customers"),
    "lost": QT_TRANSLATE_NOOP("Insight", "lost customers"),
    "returning": QT_TRANSLATE_NOOP("Insight", "returning customers"),
    "reactivated": QT_TRANSLATE_NOOP("Insight", "customers who came back"),
    "walk_in": QT_TRANSLATE_NOOP("Insight", "walk-in sales"),
    "orders_effect": QT_TRANSLATE_NOOP("Insight", "number of orders"),
    "basket_effect": QT_TRANSLATE_NOOP("Insight", "average order value"),
    "fx_effect": QT_TRANSLATE_NOOP("Insight", "exchange rate"),
}
# the chart's bar names: short, so seven fit side by side
SHORT_LABELS = {
    "new": QT_TRANSLATE_NOOP("Insight", "New"),
    "lost": QT_TRANSLATE_NOOP("Insight", "Lost"),
    "returning": QT_TRANSLATE_NOOP("Insight", "Returning"),
    "reactivated": QT_TRANSLATE_NOOP("Insight", "Came back"),
    "walk_in": QT_TRANSLATE_NOOP("Insight", "Walk-in"),
    "orders_effect": QT_TRANSLATE_NOOP("Insight", "Orders"),
    "basket_effect": QT_TRANSLATE_NOOP("Insight", "Basket"),
    "fx_effect": QT_TRANSLATE_NOOP("Insight", "Exchange rate"),
}
CUSTOMER_ORDER = ("new", "lost", "returning", "reactivated", "walk_in")
BASKET_ORDER = ("orders_effect", "basket_effect")


def signed_money(fmt: Formatter, minor: int, currency: str) -> str:
    """'+$900.00' / '-$400.00' (a hyphen-minus, as every amount: the bundled Noto Sans
    has no U+2212, and a machine font would leak into the PDF)."""
    text = fmt.figure(abs(minor), currency)
    return ("+" if minor >= 0 else "-") + text


def bridge_sentence(translate: Translate, fmt: Formatter, components: dict[str, int | None],
                    change: int, currency: str, compare: str = "mom",
                    by: tuple[str, ...] = CUSTOMER_ORDER, with_fx: bool = True) -> str:
    """"Revenue rose $1,240.00 on the month before: new customers +$900.00, …"."""
    if compare == "mom":
        rose = translate("Insight", "Revenue rose %1 on the month before: %2.")
        fell = translate("Insight", "Revenue fell %1 on the month before: %2.")
        same = translate("Insight", "Revenue did not change on the month before.")
    else:
        rose = translate("Insight", "Revenue rose %1 on the same month last year: %2.")
        fell = translate("Insight", "Revenue fell %1 on the same month last year: %2.")
        same = translate("Insight", "Revenue did not change on the same month last year.")
    if change == 0:
        return same
    items = [(c, v) for c in by if (v := components.get(c))]
    items.sort(key=lambda cv: -abs(cv[1]))
    part = translate("Insight", "%1 %2")
    parts = [fmt_fill(part, translate("Insight", COMPONENT_LABELS[c]),
                      signed_money(fmt, v, currency)) for c, v in items]
    fx = components.get("fx_effect")
    text = fmt_fill(rose if change > 0 else fell, fmt.figure(abs(change), currency),
                    ", ".join(parts))
    if fx and with_fx:
        text += " " + fmt_fill(translate("Insight", "Of this, the exchange rate made %1."),
                               signed_money(fmt, fx, currency))
    return text


def chance_words(translate: Translate, fmt: Formatter, probability: float | None,
                 met: bool = False) -> str:
    """"about 3 in 10" (or "already met", "almost certain", "not available")."""
    if probability is None:
        return translate("Insight", "not available")
    if met:
        return translate("Insight", "the target is already met")
    if probability >= 0.995:
        return translate("Insight", "almost certain")
    if probability <= 0.005:
        return translate("Insight", "very unlikely")
    in_ten = int(round(probability * 10))
    return fmt_fill(translate("Insight", "about %1 in %2"), fmt.integer(in_ten), fmt.integer(10))


def chance_sentence(translate: Translate, fmt: Formatter, probability: float | None,
                    month: str, next_month: bool = True, met: bool = False) -> str:
    template = (translate("Insight", "Chance of making the target of %1: %2 (%3).")
                if next_month else
                translate("Insight", "Chance of making this month's target (%1): %2 (%3)."))
    return fmt_fill(template, fmt.month(month), chance_words(translate, fmt, probability, met),
                    fmt.percent(probability, places=0))


def waterfall_chart(text, title: str, before: int, components: list[tuple[str, int]],
                    after: int, currency: str, labels: tuple[str, str]):
    """A waterfall image: the start bar, one floating bar per component (green up, red
    down), the end bar. `text` is a ReportText (its translate and fmt)."""
    import pyqtgraph as pg
    from PySide6.QtGui import QColor

    from kpidesk.reports import charts
    from kpidesk.store.money import to_major

    names = [labels[0]] + [text.translate("Insight", SHORT_LABELS[c]) for c, _ in components] \
        + [labels[1]]

    def label(value: float) -> str:
        i = int(round(value))
        return names[i] if 0 <= i < len(names) and abs(value - i) < 0.01 else ""

    left = charts._AmountAxis(text, currency)
    widget = charts._plot(text, title, left, label, size=(800, 330))
    major = [float(to_major(v, currency)) for v in (before, *[v for _, v in components], after)]
    level = major[0]
    bottoms, heights, brushes = [0.0], [major[0]], [charts.BAR]
    for value in major[1:-1]:
        bottoms.append(level if value >= 0 else level + value)
        heights.append(abs(value))
        brushes.append(QColor("#3a9a5b") if value >= 0 else QColor("#c0392b"))
        level += value
    bottoms.append(0.0)
    heights.append(major[-1])
    brushes.append(charts.BAR)
    x = list(range(len(names)))
    widget.addItem(pg.BarGraphItem(x=x, y0=bottoms, height=heights, width=0.6, brushes=brushes,
                                   pen=pg.mkPen(None)))
    axis = widget.getPlotItem().getAxis("bottom")
    axis.setTicks([[(i, label(i)) for i in x]])
    widget.setXRange(-0.6, len(x) - 0.4, padding=0)
    tops = [b + h for b, h in zip(bottoms, heights, strict=True)]
    top = max(tops + [1.0]) * 1.15
    # start the axis near the lowest level reached, so the changes can be read
    low = min(bottoms[1:-1] + [major[0], major[-1]]) * 0.8 if len(major) > 2 else 0.0
    low = min(0.0, min(bottoms)) if low <= 0 else low
    widget.setYRange(low, top, padding=0)
    left.fit_labels(top)
    return charts._export(widget)


# -- the monthly report -------------------------------------------------------------------
def collect_insight(store, month: str, today) -> dict:
    """What the report shows of issue #19 (no Qt): the bridge on the month before, the
    chance of making next month's target, commission earned."""
    from dataclasses import asdict

    from kpidesk.metrics import bridge, insight, pacing
    from kpidesk.metrics.periods import add_months
    from kpidesk.metrics.targets import target_for

    b = bridge.revenue_bridge(store, month, today, "mom")
    next_month = add_months(month, 1)
    chance_month = next_month
    # the month after a past one may be the month in progress: its chance is known;
    # for the month in progress itself, its own chance is the one that says something
    probability = pacing.target_probability(store, next_month, today)
    target = target_for(store, next_month, "revenue")
    if target is None or probability is None:
        own = pacing.target_probability(store, month, today)
        if own is not None:
            chance_month, probability = month, own
            target = target_for(store, month, "revenue")
    from kpidesk.metrics.targets import actual_for

    actual = actual_for(store, chance_month, "revenue", today=today)
    return {
        "met": bool(target is not None and actual is not None and actual >= target),
        "bridge": b,
        "chance_month": chance_month if target is not None else None,
        "probability": probability if target is not None else None,
        "next_target": target,
        "commission": [asdict(c) for c in insight.commissions(store, month, today)],
    }


def report_section(report) -> str:
    """The report's HTML for issue #19 (after the revenue chart)."""
    d = report.data
    ins = d.insight or {}
    tr, fmt = report.text.translate, report.text.fmt
    parts = []
    b = ins.get("bridge")
    if b is not None:
        parts.append(f'<p><img src="chart://bridge" width="{report.image_width()}"></p>')
        parts.append("<p>" + bridge_sentence(tr, fmt, b.components, b.change, d.currency)
                     + "</p>")
        if b.components.get("orders_effect") is not None:
            parts.append("<p>" + bridge_sentence(tr, fmt, b.components, b.change, d.currency,
                                                 by=BASKET_ORDER, with_fx=False) + "</p>")
    if ins.get("chance_month"):
        parts.append("<p><b>" + chance_sentence(
            tr, fmt, ins.get("probability"), ins["chance_month"],
            next_month=ins["chance_month"] != d.month, met=ins.get("met", False))
            + "</b></p>")
    if ins.get("commission"):
        rows = [[_esc_name(c["name"]), report.money(c["revenue"]), report.money(c["target"]),
                 report.pct(c["attainment"]), report.money(c["commission"])]
                for c in ins["commission"]]
        parts.append(report._table(
            tr("Insight", "Commission earned"),
            [tr("Report", "Salesperson"), tr("Report", "Revenue"), tr("Report", "Target"),
             tr("Report", "Attainment"), tr("Insight", "Commission")], rows,
            widths=[36, 18, 18, 14, 14]))
    return "".join(parts)


def _esc_name(value: object) -> str:
    from kpidesk.reports.monthly import _name

    return _name(value)


def add_report_charts(report, doc) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    b = (report.data.insight or {}).get("bridge")
    if b is None:
        return
    tr = report.text.translate
    image = waterfall_chart(
        report.text, tr("Insight", "Why revenue changed on the month before"),
        b.revenue_before, [(c, b.components.get(c) or 0) for c in CUSTOMER_ORDER],
        b.revenue_after, report.data.currency,
        (tr("Insight", "Month before"), tr("Insight", "This month")))
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://bridge"), image)
