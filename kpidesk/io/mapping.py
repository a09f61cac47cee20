"""Which column of a file holds which field: guessed from the headers, editable, remembered.

A mapping is a plain dict, stored as JSON (``--mapping MAP.json``, and in the
shop's settings per source so the next file of the same shape needs no
clicks)::

    {"kind": "sales",
     "columns": {"date": "InvoiceDate", "order": "InvoiceNo", ...},
     "options": {"currency": "USD", "date_order": "dmy", "refund_prefix": "C"}}

A JSON file holding only ``{field: header}`` is accepted as the columns. Options:
``currency`` (USD or KHR: amounts that do not say theirs), ``currency_rule``
(``fixed``: that currency; ``by_size``: riel from ``riel_from`` up, dollars
below), ``date_order`` (dmy or mdy), ``rate``, ``refund_prefix``. Anything else
is refused (``validate``).

Headers are recognised in English and Khmer, from kpidesk's own export, a
Loyverse "receipts" / "receipts by item" export and the UCI "Online Retail"
export (InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice,
CustomerID, Country). That last one is in pounds sterling; kpidesk has no
pound, so its amounts are taken as the shop's reporting currency (the
``currency`` option, default the reporting currency) — change it in the
mapping if needed.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

KINDS = ("sales", "contacts", "opportunities", "targets")

# field → header names (normalised: lower case, no spaces/punctuation).
FIELDS: dict[str, dict[str, list[str]]] = {
    "sales": {
        "date": ["date", "day", "invoicedate", "orderdate", "saledate", "receiptdate",
                 "datetime", "created", "time", "កាលបរិច្ឆេទ", "ថ្ងៃខែ", "ថ្ងៃ", "ថ្ងៃលក់"],
        "order": ["order", "ordernumber", "orderno", "orderid", "receipt", "receiptnumber",
                  "receiptno", "invoice", "invoiceno", "invoicenumber", "invoiceid", "ticket",
                  "billno", "វិក្កយបត្រ", "លេខវិក្កយបត្រ", "លេខបង្កាន់ដៃ", "បង្កាន់ដៃ"],
        "order_ref": ["orderref", "orderuuid"],
        "customer": ["customer", "customername", "client", "clientname", "buyer", "អតិថិជន",
                     "ឈ្មោះអតិថិជន"],
        "customer_ref": ["customerref", "customerid", "customerno", "customernumber",
                         "clientid", "customercode", "លេខអតិថិជន"],
        "phone": ["phone", "customerphone", "customercontacts", "mobile", "tel", "telephone",
                  "ទូរស័ព្ទ", "លេខទូរស័ព្ទ"],
        "salesperson": ["salesperson", "seller", "cashier", "cashiername", "employee", "staff",
                        "salesrep", "អ្នកលក់", "បុគ្គលិក"],
        "product": ["product", "item", "productname", "itemname", "description", "article",
                    "ផលិតផល", "ទំនិញ", "មុខទំនិញ"],
        "category": ["category", "productcategory", "group", "ប្រភេទ", "ប្រភេទទំនិញ"],
        "quantity": ["quantity", "qty", "count", "units", "បរិមាណ", "ចំនួន"],
        "unit_price": ["unitprice", "price", "priceeach", "itemprice", "តម្លៃរាយ", "តម្លៃឯកតា",
                       "តម្លៃ"],
        "amount": ["amount", "total", "linetotal", "netsales", "netamount", "net", "sales",
                   "revenue", "value", "subtotal", "totalcollected", "សរុប", "ទឹកប្រាក់",
                   "ចំនួនទឹកប្រាក់", "តម្លៃសរុប"],
        "currency": ["currency", "curr", "រូបិយប័ណ្ណ"],
        "rate": ["rate", "exchangerate", "fxrate", "អត្រា", "អត្រាប្តូរប្រាក់"],
        "channel": ["channel", "saleschannel", "diningoption", "source", "ឆានែល", "ប្រភព"],
        "refund": ["refund", "receipttype", "status", "cancelled", "canceled", "type",
                   "ការបង្វិលសង"],
        "note": ["note", "notes", "comment", "comments", "remark", "remarks", "កំណត់ចំណាំ"],
        "order_note": ["ordernote"],
        "daily_total": ["dailytotal"],
        "receipts": ["receipts", "receiptcount", "customersserved", "ចំនួនបង្កាន់ដៃ"],
        # receipt details (see store/receipts.py); Loyverse: Discounts, Cost of goods,
        # Payment type, and the time inside its Date column (read from "time" when apart)
        "discount": ["discount", "discounts", "linediscount", "totaldiscount",
                     "ការបញ្ចុះតម្លៃ", "បញ្ចុះតម្លៃ"],
        "unit_cost": ["unitcost", "cost", "costprice", "costofgoods", "itemcost", "ថ្លៃដើម"],
        "payment": ["payment", "paymenttype", "paymentmethod", "paidby", "tender",
                    "វិធីបង់ប្រាក់", "ការបង់ប្រាក់"],
        "time": ["time", "saletime", "receipttime", "ម៉ោង"],
    },
    "contacts": {
        "name": ["name", "customer", "customername", "contact", "fullname", "ឈ្មោះ",
                 "អតិថិជន"],
        "kind": ["kind", "type", "status", "ប្រភេទ"],
        "phone": ["phone", "mobile", "tel", "telephone", "phonenumber", "ទូរស័ព្ទ",
                  "លេខទូរស័ព្ទ"],
        "source": ["source", "channel", "from", "ប្រភព"],
        "salesperson": ["salesperson", "owner", "seller", "អ្នកលក់"],
        "created": ["created", "date", "createdon", "since", "firstseen", "ថ្ងៃបង្កើត"],
        "note": ["note", "notes", "comment", "កំណត់ចំណាំ"],
        "ref": ["ref", "customerid", "id", "code", "customercode", "លេខអតិថិជន"],
    },
    "opportunities": {
        "title": ["title", "opportunity", "deal", "name", "ចំណងជើង"],
        "customer": ["customer", "contact", "client", "អតិថិជន"],
        "customer_ref": ["customerref", "customerid"],
        "owner": ["owner", "salesperson", "seller", "អ្នកលក់"],
        "value": ["value", "amount", "dealvalue", "តម្លៃ"],
        "currency": ["currency", "រូបិយប័ណ្ណ"],
        "rate": ["rate", "exchangerate", "អត្រា"],
        "stage": ["stage", "ដំណាក់កាល"],
        "probability": ["probability", "prob", "ប្រូបាប៊ីលីតេ"],
        "created": ["created", "date", "createdon", "opened", "ថ្ងៃបង្កើត"],
        "expected_close": ["expectedclose", "closedate", "expectedclosedate", "due"],
        "status": ["status", "ស្ថានភាព"],
        "closed": ["closed", "closedon", "closeddate"],
        "lost_reason": ["lostreason", "reason", "មូលហេតុ"],
        "note": ["note", "notes", "comment"],
        "ref": ["ref", "id"],
    },
    "targets": {
        "period": ["period", "month", "date", "ខែ", "រយៈពេល"],
        "salesperson": ["salesperson", "seller", "scope", "អ្នកលក់"],
        "measure": ["measure", "kpi", "metric", "type", "រង្វាស់"],
        "value": ["value", "target", "amount", "គោលដៅ", "តម្លៃ"],
        "currency": ["currency", "រូបិយប័ណ្ណ"],
    },
}

REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    # each inner tuple: at least one of these fields must be mapped
    "sales": (("date",), ("amount", "unit_price")),
    "contacts": (("name", "ref"),),
    "opportunities": (("title",), ("value",), ("created",)),
    "targets": (("period",), ("measure",), ("value",)),
}

_NORMALISE = re.compile(r"[\s_\-./()#:]+")


def normalise(header: str) -> str:
    return _NORMALISE.sub("", str(header).strip().lstrip("\ufeff").lower())


def guess_columns(kind: str, header: list[str]) -> dict[str, str]:
    """{field: header} for every field a header names (each header used once)."""
    fields = FIELDS[kind]
    normal = [normalise(h) for h in header]
    taken: set[int] = set()
    result: dict[str, str] = {}
    # Exact matches, in the order of each field's synonym list (best first) …
    for field, names in fields.items():
        for name in names:
            if name in normal:
                i = normal.index(name)
                if i not in taken:
                    result[field] = header[i]
                    taken.add(i)
                    break
    # … then a header that contains a synonym (e.g. "Customer name (Khmer)").
    for field, names in fields.items():
        if field in result:
            continue
        for i, h in enumerate(normal):
            if i not in taken and any(len(n) >= 4 and n in h for n in names):
                result[field] = header[i]
                taken.add(i)
                break
    return result


def guess(kind: str, header: list[str], sample_rows: list[list] | None = None,
          reporting_currency: str = "USD") -> dict:
    """A whole mapping for a file: columns plus options."""
    from kpidesk.io.parsing import guess_date_order

    columns = guess_columns(kind, header)
    sample_rows = [r for r in sample_rows or [] if isinstance(r, list)]  # not BadRows
    options: dict[str, object] = {"currency": reporting_currency, "date_order": "dmy"}
    normal = {normalise(h) for h in header}
    if kind == "sales" and {"invoiceno", "stockcode", "unitprice"} <= normal:
        options["refund_prefix"] = "C"  # UCI online retail: C-invoices are cancellations
    date_field = {"sales": "date", "contacts": "created", "opportunities": "created"}.get(kind)
    if date_field and date_field in columns and sample_rows:
        i = header.index(columns[date_field])
        options["date_order"] = guess_date_order([r[i] for r in sample_rows if i < len(r)])
    return {"kind": kind, "columns": columns, "options": options}


def missing_fields(mapping: dict) -> list[str]:
    """Required fields the mapping lacks (each as 'a|b' when one of several will do)."""
    cols = mapping.get("columns", {})
    return ["|".join(group) for group in REQUIRED[mapping["kind"]]
            if not any(cols.get(f) for f in group)]


class MappingError(ValueError):
    """A mapping that cannot be used; `code` says why, `detail` where."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


MAX_MAPPING_BYTES = 1024 * 1024
OPTION_KEYS = ("currency", "date_order", "rate", "refund_prefix", "currency_rule", "riel_from")


def _number_option(value: object, key: str, low: float, high: float) -> int | float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise MappingError("bad_option", key)
    try:
        number = float(value) if isinstance(value, str) else value
    except ValueError:
        raise MappingError("bad_option", key) from None
    if not low <= number <= high:  # also refuses NaN
        raise MappingError("bad_option", key)
    return int(number) if float(number).is_integer() else number


def validate(data: object, kind: str) -> dict:
    """A mapping as read from JSON (or the settings) → a clean one, or MappingError.

    Accepts ``{"columns": {field: header}, "options": {...}}`` or just
    ``{field: header}``; refuses anything else (a list, null, a string, numbers
    where headers belong, unknown fields, currencies other than USD and KHR)."""
    from kpidesk.io.importer import MAX_RATE

    if not isinstance(data, dict):
        raise MappingError("not_an_object")
    if "columns" in data or "options" in data:
        columns, options = data.get("columns", {}), data.get("options", {})
        extra = set(data) - {"columns", "options", "kind"}
        if extra:
            raise MappingError("unknown_key", ", ".join(sorted(map(str, extra))))
    else:
        columns, options = data, {}
    if not isinstance(columns, dict):
        raise MappingError("bad_columns")
    if options is None:
        options = {}
    if not isinstance(options, dict):
        raise MappingError("bad_options")
    known = FIELDS[kind]
    clean_columns: dict[str, str] = {}
    for name, header in columns.items():
        if name not in known:
            raise MappingError("unknown_field", str(name)[:60])
        if header in (None, ""):
            continue
        if not isinstance(header, str):
            raise MappingError("bad_column", name)
        clean_columns[name] = header
    clean_options: dict[str, object] = {}
    for key, value in options.items():
        if key not in OPTION_KEYS:
            raise MappingError("unknown_option", str(key)[:60])
        if value is None:
            continue
        if key == "currency":
            if not isinstance(value, str) or value.strip().upper() not in ("USD", "KHR"):
                raise MappingError("bad_currency", str(value)[:20])
            value = value.strip().upper()
        elif key == "date_order":
            if value not in ("dmy", "mdy"):
                raise MappingError("bad_option", key)
        elif key == "currency_rule":
            if value not in ("fixed", "by_size"):
                raise MappingError("bad_option", key)
        elif key == "rate":
            value = _number_option(value, key, 1, MAX_RATE)
        elif key == "riel_from":
            value = _number_option(value, key, 1, 10**12)
        elif key == "refund_prefix" and (not isinstance(value, str) or len(value) > 20):
            raise MappingError("bad_option", key)
        clean_options[key] = value
    return {"kind": kind, "columns": clean_columns, "options": clean_options}


def load(path: Path | str, kind: str) -> dict:
    """A mapping file (JSON), validated; MappingError says what is wrong with it."""
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_MAPPING_BYTES + 1)
    except OSError as exc:
        raise MappingError("unreadable", exc.strerror or str(exc)) from exc
    if len(raw) > MAX_MAPPING_BYTES:
        raise MappingError("too_big")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
        raise MappingError("not_json", str(exc)[:100]) from None
    mapping = validate(data, kind)
    if "currency" in mapping["options"]:  # the file says the currency: no question left
        mapping["options"].setdefault("currency_rule", "fixed")
    return mapping


def merge_options(mapping: dict, defaults: dict) -> dict:
    out = dict(mapping)
    out["options"] = {**defaults, **mapping.get("options", {})}
    return out


def source_key(kind: str, header: list[str]) -> str:
    """Settings key of a remembered mapping: the same headers = the same source."""
    digest = hashlib.sha1("\x1f".join(normalise(h) for h in header).encode()).hexdigest()[:16]
    return f"import_mapping.{kind}.{digest}"


def remembered(store, kind: str, header: list[str]) -> dict | None:
    raw = store.scalar("SELECT value FROM settings WHERE key = ?", (source_key(kind, header),))
    if not raw:
        return None
    try:
        data = validate(json.loads(raw), kind)
    except (ValueError, RecursionError):  # MappingError is a ValueError
        return None
    if not set(data["columns"].values()) <= set(header):
        return None
    return data


def remember(store, kind: str, header: list[str], mapping: dict) -> None:
    data = {"columns": mapping.get("columns", {}), "options": mapping.get("options", {})}
    store.set_setting(source_key(kind, header), json.dumps(data, ensure_ascii=False))
