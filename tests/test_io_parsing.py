"""Readers (encodings, delimiters, gzip, XLSX), value parsing and header guessing."""

from __future__ import annotations

import gzip
from datetime import date, datetime
from decimal import Decimal

import pytest

from kpidesk.io import mapping
from kpidesk.io.parsing import ParseError, guess_date_order, parse_date, parse_number
from kpidesk.io.read_base import FileError
from kpidesk.io.readers import open_reader

ROWS = [["date", "order", "customer", "amount"],
        ["2026-11-26", "R1", "សុខា ចាន់", "12.50"],
        ["26/11/2026", "R2", "Dara, \"the\" boss", "1,250.00"]]


def _csv_text(delimiter: str) -> str:
    out = []
    for row in ROWS:
        cells = []
        for c in row:
            if delimiter in c or '"' in c or "," in c:
                c = '"' + c.replace('"', '""') + '"'
            cells.append(c)
        out.append(delimiter.join(cells))
    return "\r\n".join(out) + "\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_encoding_and_delimiter(tmp_path, encoding, delimiter):
    path = tmp_path / "f.csv"
    path.write_bytes(_csv_text(delimiter).encode(encoding))
    with open_reader(path) as reader:
        assert reader.delimiter == delimiter
        assert reader.header == ROWS[0]
        rows = list(reader)
    assert [r for _, r in rows] == ROWS[1:]
    assert [line for line, _ in rows] == [2, 3]


def test_gzip_and_multiline_line_numbers(tmp_path):
    path = tmp_path / "f.csv.gz"
    text = 'a,b\n1,"two\nlines"\n3,4\n'
    path.write_bytes(gzip.compress(text.encode()))
    with open_reader(path) as reader:
        rows = list(reader)
    assert rows == [(2, ["1", "two\nlines"]), (4, ["3", "4"])]


def test_cp1252_fallback_and_errors(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes("name,amount\nCaf\xe9,1\n".encode("cp1252"))
    with open_reader(path) as reader:
        assert list(reader) == [(2, ["Café", "1"])]
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(FileError) as exc:
        open_reader(tmp_path / "empty.csv")
    assert exc.value.code == "empty"
    with pytest.raises(FileError):
        open_reader(tmp_path / "missing.csv")


def test_xlsx_reader_keeps_cell_types(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Amount", "Customer"])
    ws.append([datetime(2026, 11, 26, 9, 30), 12.5, "សុខា"])
    ws.append([None, None, None])
    ws.append([46352, 3, None])
    path = tmp_path / "f.xlsx"
    wb.save(path)
    with open_reader(path) as reader:
        assert reader.header == ["Date", "Amount", "Customer"]
        rows = list(reader)
    assert rows[0] == (2, [datetime(2026, 11, 26, 9, 30), 12.5, "សុខា"])
    assert rows[1][0] == 4  # the empty row is skipped but line numbers stay true
    assert parse_date(rows[1][1][0]) == "2026-11-26"  # Excel serial


@pytest.mark.parametrize("text", [
    "2026-11-26", "2026-11-26 08:26:00", "2026-11-26T08:26", "26/11/2026", "26.11.2026",
    "26-11-2026", "26-Nov-2026", "26 November 2026", "26 Nov 26", "Nov 26, 2026",
    "២៦/១១/២០២៦", "២០២៦-១១-២៦", "26 វិច្ឆិកា 2026", "46352", 46352, 46352.75,
    date(2026, 11, 26), datetime(2026, 11, 26, 23, 59), "2026/11/26", "26/11/2026 8:26",
])
def test_date_forms(text):
    assert parse_date(text) == "2026-11-26"


def test_month_first_dates():
    assert parse_date("11/26/2026", "mdy") == "2026-11-26"
    assert parse_date("12/1/2010 8:26", "mdy") == "2010-12-01"
    assert guess_date_order(["12/1/2010 8:26", "12/13/2010 9:00"]) == "mdy"
    assert guess_date_order(["26/11/2026"]) == "dmy"


@pytest.mark.parametrize("text", ["31/02/2026", "2026-13-01", "yesterday", "26-Foo-2026", "1"])
def test_bad_dates(text):
    with pytest.raises(ParseError):
        parse_date(text)


@pytest.mark.parametrize("text,value,currency", [
    ("12.50", "12.50", None), ("1,250.50", "1250.50", None), ("1.250,50", "1250.50", None),
    ("12,5", "12.5", None), ("1 250", "1250", None), ("$12", "12", "USD"),
    ("12 USD", "12", "USD"), ("៛5,000", "5000", "KHR"), ("5000 KHR", "5000", "KHR"),
    ("5,000៛", "5000", "KHR"), ("១២៥០", "1250", None), ("៛១,២៥០", "1250", "KHR"),
    ("(12.50)", "-12.50", None), ("-$3.20", "-3.20", "USD"), ("1,250,000", "1250000", None),
    (7, "7", None), (2.55, "2.55", None),
])
def test_amount_forms(text, value, currency):
    assert parse_number(text) == (Decimal(value), currency)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3,4,5", "NaN", "12$34$", "1e5"])
def test_bad_amounts(text):
    with pytest.raises(ParseError):
        parse_number(text)


def test_guess_headers():
    own = ["date", "order", "customer", "salesperson", "product", "category", "quantity",
           "amount", "currency", "rate", "channel"]
    assert mapping.guess_columns("sales", own) == {h: h for h in own}

    retail = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
              "CustomerID", "Country"]
    m = mapping.guess("sales", retail, [], "USD")
    assert m["columns"] == {"order": "InvoiceNo", "product": "Description",
                            "quantity": "Quantity", "date": "InvoiceDate",
                            "unit_price": "UnitPrice", "customer_ref": "CustomerID"}
    assert m["options"]["refund_prefix"] == "C"
    assert m["options"]["currency"] == "USD"

    loyverse = ["Date", "Receipt number", "Receipt type", "Category", "SKU", "Item", "Variant",
                "Modifiers applied", "Quantity", "Gross sales", "Discounts", "Net sales",
                "Cost of goods", "Gross profit", "Taxes", "Dining option", "POS", "Store",
                "Cashier name", "Customer name", "Customer contacts", "Comment", "Status"]
    cols = mapping.guess_columns("sales", loyverse)
    assert cols["order"] == "Receipt number"
    assert cols["amount"] == "Net sales"
    assert cols["refund"] == "Receipt type"
    assert cols["product"] == "Item"
    assert cols["salesperson"] == "Cashier name"
    assert cols["customer"] == "Customer name"
    assert cols["phone"] == "Customer contacts"

    khmer = ["កាលបរិច្ឆេទ", "លេខវិក្កយបត្រ", "អតិថិជន", "អ្នកលក់", "ផលិតផល", "បរិមាណ",
             "តម្លៃសរុប", "រូបិយប័ណ្ណ"]
    cols = mapping.guess_columns("sales", khmer)
    assert cols == {"date": "កាលបរិច្ឆេទ", "order": "លេខវិក្កយបត្រ", "customer": "អតិថិជន",
                    "salesperson": "អ្នកលក់", "product": "ផលិតផល", "quantity": "បរិមាណ",
                    "amount": "តម្លៃសរុប", "currency": "រូបិយប័ណ្ណ"}
    assert mapping.missing_fields({"kind": "sales", "columns": {"date": "x"}}) == [
        "amount|unit_price"]


def test_xlsx_time_only_cells_are_times_not_1899_dates(tmp_path):
    """A cell holding only a time of day (Excel: a fraction of a day, time format) is read
    as that time — in a note it reads "09:30:00", in a date column it is a date error —
    never as 30 December 1899."""
    from datetime import time

    from openpyxl import Workbook

    from kpidesk.io.importer import Importer
    from kpidesk.store.db import Store

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Amount", "Note"])
    ws.append([datetime(2026, 11, 26), 12.5, time(9, 30)])
    ws.append([time(10, 15), 3, "x"])
    ws["C2"].number_format = "h:mm"
    ws["A3"].number_format = "h:mm"
    path = tmp_path / "times.xlsx"
    wb.save(path)
    with open_reader(path) as reader:
        rows = list(reader)
    assert rows[0][1][2] == time(9, 30) and rows[1][1][0] == time(10, 15)
    with Store(tmp_path / "shop.db") as store:
        report = Importer(store, "sales").check(path)
    assert [(e.line, e.code) for e in report.errors] == [(3, "bad_date")]


def test_xlsx_whose_first_sheet_is_blank_is_read_from_the_next(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Cover"  # left blank
    data = wb.create_sheet("Sales")
    data.append(["Date", "Amount"])
    data.append([datetime(2026, 11, 26), 12.5])
    path = tmp_path / "two.xlsx"
    wb.save(path)
    with open_reader(path) as reader:
        assert reader.header == ["Date", "Amount"] and reader.sheet_name == "Sales"
        assert list(reader) == [(2, [datetime(2026, 11, 26), 12.5])]
    empty = Workbook()
    empty.create_sheet("Also blank")
    empty.save(tmp_path / "blank.xlsx")
    with pytest.raises(FileError) as caught:
        open_reader(tmp_path / "blank.xlsx")
    assert caught.value.code == "empty"
