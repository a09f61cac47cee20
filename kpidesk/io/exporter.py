"""Exporting records as kpidesk's own CSV/XLSX, and any table as a spreadsheet.

A table is written as values: numbers as numbers, dates as dates (ISO text in
CSV), shares as numbers (shown as percentages in XLSX), text as text (phone
numbers keep their leading 0).

CSV is UTF-8 with a BOM (Excel then opens Khmer correctly), CRLF line ends.
XLSX is written by openpyxl in write-only (streaming) mode. Text cells that a
spreadsheet would run as a formula (starting with = + - @ tab or CR) get a
leading apostrophe; numbers are written as numbers, never neutralised.

The columns of each kind are those the importer reads back, so an export of
the whole shop (``export_all``) imports into an empty store with the same
figures.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from kpidesk.paths import prepare_private_file
from kpidesk.store.db import Store
from kpidesk.store.money import to_major

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = {
    "sales": ["date", "order", "customer", "salesperson", "product", "category", "quantity",
              "amount", "currency", "rate", "channel", "customer_ref", "order_ref", "note",
              "order_note", "daily_total", "receipts", "unit_price", "discount", "unit_cost",
              "payment", "time"],
    "contacts": ["name", "kind", "phone", "source", "salesperson", "created", "note", "ref"],
    "opportunities": ["title", "customer", "customer_ref", "owner", "value", "currency", "rate",
                      "stage", "probability", "created", "expected_close", "status", "closed",
                      "lost_reason", "note", "ref"],
    "targets": ["period", "salesperson", "measure", "value", "currency"],
}
# Columns holding numbers (written as numbers); every other column is text.
NUMERIC = {"quantity", "amount", "rate", "value", "probability", "receipts", "unit_price",
           "discount", "unit_cost"}

_QUERIES = {
    "sales": """
        SELECT o.date, o.number, c.name, sp.name, p.name, cat.name, l.quantity, l.amount,
               l.currency, l.rate, ch.name, uuid_text(c.uuid), uuid_text(o.uuid), l.note, o.note,
               CASE WHEN o.is_daily_total <> 0 THEN 'yes' ELSE '' END, o.receipts,
               l.unit_price, l.discount, l.unit_cost, pm.name, o.time
        FROM sale_lines l JOIN orders o ON o.id = l.order_id
        LEFT JOIN payment_methods pm ON pm.id = o.payment_id
        LEFT JOIN contacts c ON c.id = o.contact_id
        LEFT JOIN salespeople sp ON sp.id = o.salesperson_id
        LEFT JOIN products p ON p.id = l.product_id
        LEFT JOIN categories cat ON cat.id = p.category_id
        LEFT JOIN channels ch ON ch.id = o.channel_id
        ORDER BY o.day, o.id, l.position""",  # the day index's order: no sort
    "contacts": """
        SELECT c.name, c.kind, c.phone, c.source, sp.name, c.created, c.note, uuid_text(c.uuid)
        FROM contacts c LEFT JOIN salespeople sp ON sp.id = c.salesperson_id ORDER BY c.id""",
    "opportunities": """
        SELECT o.title, c.name, uuid_text(c.uuid), sp.name, o.value, o.currency, o.rate, st.name,
               o.probability, o.created, o.expected_close, o.status, o.closed, o.lost_reason,
               o.note, uuid_text(o.uuid)
        FROM opportunities o LEFT JOIN contacts c ON c.id = o.contact_id
        LEFT JOIN salespeople sp ON sp.id = o.owner_id
        JOIN stages st ON st.id = o.stage_id ORDER BY o.id""",
    "targets": """
        SELECT t.period, sp.name, t.measure, t.value, t.currency
        FROM targets t LEFT JOIN salespeople sp ON sp.id = t.salesperson_id
        ORDER BY t.period, t.measure, sp.name""",
}


@dataclass(frozen=True)
class Percent:
    """A share (0.25 = 25 %): a number in CSV, a number shown as a percentage in XLSX."""

    ratio: float


def neutralise(text: str) -> str:
    """A text cell made safe from formula injection."""
    if text and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _quantity(q: float | None) -> int | float | str:
    if q is None:
        return ""
    return int(q) if float(q).is_integer() else q


def records(store: Store, kind: str) -> Iterator[list]:
    """Rows of one kind with typed values (numbers as int/Decimal, text as str)."""
    cur = store.conn.execute(_QUERIES[kind])
    for row in cur:
        row = list(row)
        if kind == "sales":
            row[6] = _quantity(row[6])
            row[7] = to_major(row[7], row[8])
            for i in (17, 18, 19):  # unit price, discount, unit cost: the line's currency
                row[i] = to_major(row[i], row[8]) if row[i] is not None else None
        elif kind == "opportunities":
            row[4] = to_major(row[4], row[5])
        elif kind == "targets":
            if row[2] == "revenue":
                row[3] = to_major(row[3], row[4] or "USD")
        yield ["" if v is None else v for v in row]


def _cell_text(value: object, numeric: bool) -> str:
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, Percent):
        return repr(float(value.ratio))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value) if isinstance(value, float) else str(value)
    text = "" if value is None else str(value)
    return text if numeric else neutralise(text)


def write_table(path: Path | str, header: list[str], rows: Iterable[list],
                numeric: set[int] | None = None) -> int:
    """Write a table as CSV or XLSX (by suffix). `numeric`: column indexes holding numbers
    (other columns are text and neutralised; a value of a Python number type is always a
    number, a `date` a date — ISO in CSV —, a `Percent` a share). Returns the number of data
    rows."""
    path = prepare_private_file(path)  # names and phones: readable by the user only
    numeric = numeric or set()
    if path.suffix.lower() == ".xlsx":
        return _write_xlsx(path, header, rows, numeric)
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow([neutralise(str(h)) for h in header])
        for row in rows:
            writer.writerow([_cell_text(v, i in numeric) for i, v in enumerate(row)])
            n += 1
    return n


def _write_xlsx(path: Path, header: list[str], rows: Iterable[list], numeric: set[int]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    bold = Font(bold=True)
    head = []
    for h in header:
        c = WriteOnlyCell(ws, value=neutralise(str(h)))
        c.font = bold
        head.append(c)
    ws.append(head)
    n = 0
    for row in rows:
        out: list[object] = []
        for i, v in enumerate(row):
            if isinstance(v, Decimal):
                out.append(float(v))
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                out.append(v)
            elif isinstance(v, Percent):
                cell = WriteOnlyCell(ws, value=float(v.ratio))
                cell.number_format = "0.0%"
                out.append(cell)
            elif isinstance(v, (date, datetime)):
                cell = WriteOnlyCell(ws, value=v)
                cell.number_format = "yyyy-mm-dd" if not isinstance(v, datetime) \
                    else "yyyy-mm-dd hh:mm"
                out.append(cell)
            elif v is None or v == "":
                out.append(None)
            else:
                text = str(v)
                out.append(text if i in numeric and _is_number_text(text) else neutralise(text))
        ws.append(out)
        n += 1
    wb.save(path)
    return n


def _is_number_text(text: str) -> bool:
    try:
        Decimal(text)
        return True
    except ArithmeticError:
        return False


def export_kind(store: Store, kind: str, out: Path | str) -> int:
    header = COLUMNS[kind]
    numeric = {i for i, h in enumerate(header) if h in NUMERIC}
    return write_table(out, header, records(store, kind), numeric)


SETTINGS_EXPORTED = ("shop_name", "reporting_currency", "default_rate", "loyal_min_orders",
                     "lead_window_days")


def export_all(store: Store, folder: Path | str, suffix: str = ".csv") -> dict[str, int]:
    """The whole shop as kpidesk's own files: settings, contacts, sales, opportunities, targets."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    settings = [[k, store.setting(k)] for k in SETTINGS_EXPORTED]
    counts["settings"] = write_table(folder / f"settings{suffix}", ["key", "value"], settings)
    lists = []
    for table in ("salespeople", "categories", "channels", "products"):
        extra = ", (SELECT name FROM categories c WHERE c.id = t.category_id)" \
            if table == "products" else ", NULL"
        active = "active" if table in ("salespeople", "products") else "1"
        for row_id, name, category, is_active in store.conn.execute(
                f"SELECT id, name{extra}, {active} FROM {table} t ORDER BY id"):
            lists.append([table, row_id, name, category or "", is_active])
    counts["lists"] = write_table(folder / f"lists{suffix}",
                                  ["list", "id", "name", "category", "active"], lists, {1, 4})
    for kind in ("contacts", "sales", "opportunities", "targets"):
        counts[kind] = export_kind(store, kind, folder / f"{kind}{suffix}")
    counts["opportunity_history"] = write_table(
        folder / f"opportunity_history{suffix}", HISTORY_COLUMNS,
        ([*row[:4], to_major(row[4], row[5]), *("" if v is None else v for v in row[5:])]
         for row in store.conn.execute(_HISTORY_QUERY)),
        {i for i, h in enumerate(HISTORY_COLUMNS) if h in NUMERIC})
    return counts


# Each opportunity's recorded states (the pipeline of a past date), by the opportunity's ref.
HISTORY_COLUMNS = ["opportunity_ref", "day", "stage", "probability", "value", "currency",
                   "expected_close", "status", "closed"]
_HISTORY_QUERY = """
    SELECT uuid_text(o.uuid), h.day, st.name, h.probability, h.value, h.currency, h.expected_close,
           h.status, h.closed
    FROM opportunity_history h JOIN opportunities o ON o.id = h.opportunity_id
    LEFT JOIN stages st ON st.id = h.stage_id
    ORDER BY h.id"""
