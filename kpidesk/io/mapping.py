"""Which column of a file holds which field: guessed from the headers, editable, remembered.

A mapping is a plain dict, stored as JSON (``--mapping MAP.json``, and in the
shop's settings per source so the next file of the same shape needs no
clicks)::

    {"kind": "sales",
     "columns": {"date": "InvoiceDate", "order": "InvoiceNo", ...},
     "options": {"currency": "USD", "date_order": "dmy", "refund_prefix": "C"}}

A JSON file holding only ``{field: header}`` is accepted as the columns.

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


def load(path: Path | str, kind: str) -> dict:
    data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    if "columns" not in data:
        data = {"columns": data}
    data["kind"] = kind
    data.setdefault("options", {})
    return data


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
        data = json.loads(raw)
    except ValueError:
        return None
    if not set(data.get("columns", {}).values()) <= set(header):
        return None
    data["kind"] = kind
    return data


def remember(store, kind: str, header: list[str], mapping: dict) -> None:
    data = {"columns": mapping.get("columns", {}), "options": mapping.get("options", {})}
    store.set_setting(source_key(kind, header), json.dumps(data, ensure_ascii=False))
