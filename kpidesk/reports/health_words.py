"""One sentence per data-health finding, in any language: the report passes its own
translator and formatter, the app Qt's current ones."""

from __future__ import annotations

from collections.abc import Callable

from kpidesk.i18n.format import Formatter, fill
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.metrics.health import Finding, FindingRow
from kpidesk.metrics.sanity import RATE_RANGE

CONTEXT = "DataHealth"
KIND_NAMES = {
    "missing_days": QT_TRANSLATE_NOOP("DataHealth", "No sale entered"),
    "above_usual": QT_TRANSLATE_NOOP("DataHealth", "Far above the usual"),
    "rate_unusual": QT_TRANSLATE_NOOP("DataHealth", "Unusual exchange rate"),
    "usd_looks_like_riel": QT_TRANSLATE_NOOP("DataHealth", "Riel typed as dollars?"),
    "khr_looks_like_usd": QT_TRANSLATE_NOOP("DataHealth", "Dollars typed as riel?"),
    "duplicate": QT_TRANSLATE_NOOP("DataHealth", "Entered twice?"),
    "future_sale": QT_TRANSLATE_NOOP("DataHealth", "Dated after today"),
    "before_created": QT_TRANSLATE_NOOP("DataHealth", "Before the customer was created"),
}
SENTENCES = {
    "missing_day": QT_TRANSLATE_NOOP("DataHealth", "No sale entered on %1, a usual trading day."),
    "missing_days": QT_TRANSLATE_NOOP("DataHealth", "No sale entered from %1 to %2 (%3 usual trading days)."),
    "above_usual": QT_TRANSLATE_NOOP("DataHealth", "%1: %2 is %3 times the usual price (%4)."),
    "above_usual_quantity": QT_TRANSLATE_NOOP("DataHealth", "%1: %2 for a quantity of %3 is %4 times the usual"
                                            " price (%5 each)."),
    "rate_unusual": QT_TRANSLATE_NOOP("DataHealth", "%1: a rate of %2 riel per dollar, outside %3–%4."),
    "usd_looks_like_riel": QT_TRANSLATE_NOOP("DataHealth", "%1: %2 in dollars looks like %3 in riel (%4)."),
    "khr_looks_like_usd": QT_TRANSLATE_NOOP("DataHealth", "%1: %2 in riel looks like %3 in dollars."),
    "duplicate": QT_TRANSLATE_NOOP("DataHealth", "%1: the same customer, day, product and amount (%2)."),
    "future_sale": QT_TRANSLATE_NOOP("DataHealth", "%1 is dated %2, after today."),
    "before_created": QT_TRANSLATE_NOOP("DataHealth", "%1 is dated %2, before its customer was created (%3)."),
    "receipt": QT_TRANSLATE_NOOP("DataHealth", "receipt %1 of %2"),
    "receipt_no_number": QT_TRANSLATE_NOOP("DataHealth", "the sale of %1"),
}

Translate = Callable[[str, str], str]


def kind_name(kind: str, tr: Translate) -> str:
    return tr(CONTEXT, KIND_NAMES[kind])


def _receipt(row: FindingRow, tr: Translate, f: Formatter) -> str:
    if row.number:
        return fill(tr(CONTEXT, SENTENCES["receipt"]), row.number, f.date(row.date))
    return fill(tr(CONTEXT, SENTENCES["receipt_no_number"]), f.date(row.date))


def finding_sentence(finding: Finding, tr: Translate, f: Formatter, currency: str = "USD"
                     ) -> str:
    """What looks wrong, with the rows behind it, in one sentence."""
    kind, p = finding.kind, finding.params

    def say(key: str, *values: str) -> str:
        return fill(tr(CONTEXT, SENTENCES[key]), *values)

    if kind == "missing_days":
        if len(finding.dates) == 1:
            return say("missing_day", f.date(finding.dates[0]))
        return say("missing_days", f.date(finding.dates[0]), f.date(finding.dates[-1]),
                   f.integer(len(finding.dates)))
    row = finding.rows[0]
    receipt = _receipt(row, tr, f)
    amount = f.money(row.amount, row.currency)
    if kind == "above_usual":
        if row.quantity not in (None, 1, 1.0):
            return say("above_usual_quantity", receipt, amount,
                       f.decimal(row.quantity, 0 if float(row.quantity).is_integer() else 2),
                       f.integer(p.get("times")), f.money(p.get("usual"), "USD"))
        return say("above_usual", receipt, amount, f.integer(p.get("times")),
                   f.money(p.get("usual"), "USD"))
    if kind == "rate_unusual":
        return say("rate_unusual", receipt, f.integer(row.rate), f.integer(RATE_RANGE[0]),
                   f.integer(RATE_RANGE[1]))
    if kind == "usd_looks_like_riel":
        return say("usd_looks_like_riel", receipt, amount, f.money(p.get("riel"), "KHR"),
                   f.money(p.get("riel_in_usd"), "USD"))
    if kind == "khr_looks_like_usd":
        return say("khr_looks_like_usd", receipt, amount, f.money(p.get("usd"), "USD"))
    if kind == "duplicate":
        receipts = ", ".join(_receipt(r, tr, f) for r in finding.rows)
        details = " · ".join(x for x in (row.customer, row.product, amount) if x)
        return say("duplicate", receipts, details)
    if kind == "future_sale":
        return say("future_sale", receipt, f.date(row.date))
    return say("before_created", receipt, f.date(row.date), f.date(p.get("created")))
