"""The import wizard's words: kinds, fields, notes, and values shown in the preview."""

from __future__ import annotations

from kpidesk.i18n.format import current
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.io.importer import (
    Report,
)

CONTEXT = "Import"
PREVIEW_ROWS = 8

tr = translator("Import")


def kind_label(kind: str) -> str:
    return {"sales": tr("Sales"), "contacts": tr("Contacts"),
            "opportunities": tr("Opportunities"), "targets": tr("Targets")}[kind]


def field_label(field: str) -> str:
    labels = {
        "date": tr("Date"), "order": tr("Receipt / order number"),
        "order_ref": tr("Order reference"), "customer": tr("Customer"),
        "customer_ref": tr("Customer ID"), "phone": tr("Phone"),
        "salesperson": tr("Salesperson"), "product": tr("Product"),
        "category": tr("Category"), "quantity": tr("Quantity"),
        "unit_price": tr("Unit price"), "amount": tr("Amount (line total)"),
        "currency": tr("Currency"), "rate": tr("Exchange rate"), "channel": tr("Channel"),
        "refund": tr("Refund / cancelled mark"), "note": tr("Note"), "name": tr("Name"),
        "order_note": tr("Order note"), "daily_total": tr("Daily total (yes/no)"),
        "kind": tr("Lead or customer"), "source": tr("Source"), "created": tr("Created"),
        "ref": tr("Reference"), "title": tr("Title"), "owner": tr("Owner"),
        "value": tr("Value"), "stage": tr("Stage"), "probability": tr("Probability"),
        "expected_close": tr("Expected close"), "status": tr("Status"),
        "closed": tr("Closed"), "lost_reason": tr("Lost reason"), "period": tr("Month"),
        "measure": tr("Measure"),
    }
    return labels.get(field, field)






def future_note(report: Report) -> str:
    """The rows dated after today, said before and after the import: they are kept but
    count in no figure until their day comes."""
    if not report.future_count:
        return ""
    fmt = current()
    first_line, first_day = report.future_dated[0]
    lines = ", ".join(fmt.integer(line) for line, _day in report.future_dated[:10])
    return "\n\n" + (fill_in(tr("%1 rows are dated after today (the first: %2, line %3); they count "
                         "in no figure until their day comes. Lines: %4."), fmt.integer(report.future_count), fmt.date(first_day), fmt.integer(first_line), lines + ("…" if report.future_count > 10 else "")))


_PREVIEW_FIELDS = {
    "sales": ["date", "order", "customer", "customer_ref", "salesperson", "product", "category",
              "quantity", "amount", "currency", "rate", "channel"],
    "contacts": ["name", "kind", "phone", "source", "salesperson", "created", "ref"],
    "opportunities": ["title", "customer", "owner", "value", "currency", "stage", "probability",
                      "created", "expected_close", "status", "closed"],
    "targets": ["period", "salesperson", "measure", "value", "currency"],
}


def _format_value(field: str, rec: dict) -> str:
    fmt = current()
    value = rec.get(field)
    if value is None or value == "":
        return ""
    if field in ("date", "created", "expected_close", "closed"):
        return fmt.date(value)
    if field == "period":
        return fmt.month(value)
    if field in ("amount", "value") and (field != "value" or rec.get("currency")):
        return fmt.money(value, rec["currency"])
    if field == "value":
        return fmt.integer(value)
    if field == "quantity":
        return fmt.integer(int(value)) if float(value).is_integer() else fmt.decimal(value, 2)
    if field == "rate":
        return fmt.integer(value)
    if field == "kind":
        return {"lead": tr("Lead"), "customer": tr("Customer")}.get(value, value)
    if field == "status":
        return {"open": tr("Open"), "won": tr("Won"), "lost": tr("Lost")}.get(value, value)
    if field == "measure":
        return {"revenue": tr("Revenue"), "new_customers": tr("New customers"),
                "won_opportunities": tr("Won opportunities")}.get(value, value)
    if field == "probability":
        return fmt.percent(value / 100, 0)
    return str(value)
