"""Input that must not crash: overflowing numbers, absurd dates, broken archives, malformed
mappings, unknown encodings. Each is a listed row error (skipped by --skip-bad) or one
clear sentence, never a traceback, and the shop file is left as it was."""

from __future__ import annotations

import gzip
import json
from datetime import date, timedelta

import pytest
from attack_files import xlsx

from kpidesk.cli import main
from kpidesk.store.db import Store

HEADER = "date,customer,amount,currency,rate,quantity\n"


def _lines(db) -> list[tuple]:
    with Store(db) as s:
        return [tuple(r) for r in s.conn.execute(
            "SELECT o.date, l.amount, l.currency, l.rate, l.quantity FROM sale_lines l"
            " JOIN orders o ON o.id = l.order_id ORDER BY l.order_id, l.position")]


def _one_sentence(err: str) -> None:
    assert "Traceback" not in err and err.strip(), err
    assert len(err.strip().splitlines()) == 1, err


def test_overflowing_amounts_rates_and_quantities(tmp_path, capsys):
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "\n".join([
        "2026-11-20,A,99999999999999999999,USD,,",
        "2026-11-20,B,92233720368547758.08,USD,,",
        "2026-11-20,C,\"$92,233,720,368,547,758.08\",,,",
        "2026-11-20,D,1e400,,,",
        "2026-11-20,E,10000000000,USD,,",
        "2026-11-20,F,5.00,USD,99999999999999999999,",
        "2026-11-20,G,5.00,USD,,99999999999999999999",
        "2026-11-20,H," + "9" * 5000 + ",KHR,,",
        "2026-11-20,I,12.50,USD,4100,2",
    ]) + "\n", encoding="utf-8")
    db = tmp_path / "shop.db"
    assert main(["import", "sales", str(path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for line, column, reason in [(2, "amount", "number too large"),
                                 (3, "amount", "number too large"),
                                 (4, "amount", "number too large"),
                                 (5, "amount", "not a number"),
                                 (6, "amount", "number too large"),
                                 (7, "rate", "number too large"),
                                 (8, "quantity", "number too large"),
                                 (9, "amount", "number too large")]:
        assert f"line {line}, column '{column}': {reason}" in err, (line, err)
    assert "9" * 100 not in err
    assert _lines(db) == []
    assert main(["import", "sales", str(path), "--db", str(db), "--skip-bad"]) == 0
    assert _lines(db) == [("2026-11-20", 1250, "USD", 4100, 2.0)]


def test_xlsx_numbers_of_1e308_and_1e20(tmp_path, capsys):
    path = xlsx(tmp_path / "numbers.xlsx", [
        ["date", "customer", "amount", "currency", "rate", "quantity"],
        ["2026-11-20", "A", 1e308, "USD", "", ""],
        ["2026-11-20", "B", 1e20, "USD", "", ""],
        ["2026-11-20", "C", "5.00", "USD", 1e20, ""],
        ["2026-11-20", "D", "5.00", "USD", "", 1e308],
        [1e308, "E", "5.00", "USD", "", ""],
        [1e20, "F", "5.00", "USD", "", ""],
        ["2026-11-20", "G", 7.5, "USD", "", 2.0],
    ])
    db = tmp_path / "shop.db"
    assert main(["import", "sales", str(path), "--db", str(db), "--skip-bad"]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert [line.split(": ", 1)[1].split(" (")[0] for line in captured.err.splitlines()] == [
        "line 2, column 'amount': number too large", "line 3, column 'amount': number too large",
        "line 4, column 'rate': number too large",
        "line 5, column 'quantity': number too large", "line 6, column 'date': not a date",
        "line 7, column 'date': not a date"]
    assert "6 bad rows skipped" in captured.out
    assert _lines(db) == [("2026-11-20", 750, "USD", 4100, 2.0)]  # a line total of $7.50


def test_dates_before_1990_or_over_a_year_ahead(tmp_path, capsys):
    too_late = (date.today() + timedelta(days=400)).isoformat()
    fine_ahead = (date.today() + timedelta(days=30)).isoformat()
    path = tmp_path / "dates.csv"
    path.write_text("date,customer,amount\n" + "\n".join([
        "0001-01-01,A,1.00", "9999-12-31,B,1.00", "31/12/1989,C,1.00", f"{too_late},D,1.00",
        f"{fine_ahead},E,1.00", "1990-01-01,F,1.00"]) + "\n", encoding="utf-8")
    db = tmp_path / "shop.db"
    assert main(["import", "sales", str(path), "--db", str(db), "--skip-bad"]) == 0
    err = capsys.readouterr().err
    assert "line 2, column 'date': date before 1990 ('0001-01-01')" in err
    assert "line 3, column 'date': date more than a year after today ('9999-12-31')" in err
    assert "line 4, column 'date': date before 1990" in err
    assert "line 5, column 'date': date more than a year after today" in err
    assert sorted(d for d, *_ in _lines(db)) == ["1990-01-01", fine_ahead]
    # what crashed once the absurd dates were in: the report of their month
    assert main(["kpi", "--db", str(db), "--month", "9999-12", "--json"]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


def test_truncated_gz_is_one_sentence(tmp_path, capsys):
    body = HEADER + "".join(f"2026-11-{1 + i % 28:02d},C{i},{i}.50,USD,,\n"
                            for i in range(20_000))
    whole = gzip.compress(body.encode())
    path = tmp_path / "cut.csv.gz"
    path.write_bytes(whole[:len(whole) // 2])
    db = tmp_path / "shop.db"
    Store(db).close()
    assert main(["import", "sales", str(path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    _one_sentence(err)
    assert "the compressed file is cut short" in err
    assert _lines(db) == []
    # a .gz that is not gzip at all
    path.write_bytes(b"not gzip" * 100)
    assert main(["import", "sales", str(path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    _one_sentence(err)
    assert "cannot read the file" in err


def test_damaged_xlsx_is_one_sentence(tmp_path, capsys):
    path = xlsx(tmp_path / "ok.xlsx", [["date", "amount"], ["2026-11-20", "1.00"]])
    data = path.read_bytes()
    db = tmp_path / "shop.db"
    for name, content in [("cut.xlsx", data[:len(data) // 2]), ("zero.xlsx", b""),
                          ("text.xlsx", b"date,amount\n")]:
        bad = tmp_path / name
        bad.write_bytes(content)
        assert main(["import", "sales", str(bad), "--db", str(db)]) == 1
        err = capsys.readouterr().err
        _one_sentence(err)
        assert "cannot read the file" in err, err


@pytest.mark.parametrize("content, says", [
    ("[]", "it must be a JSON object of field: column header"),
    ("null", "it must be a JSON object of field: column header"),
    ('"date"', "it must be a JSON object of field: column header"),
    ("42", "it must be a JSON object of field: column header"),
    ('{"columns": 5}', '"columns" must be an object'),
    ('{"columns": ["date"]}', '"columns" must be an object'),
    ('{"date": 5}', "a column header must be text (date)"),
    ('{"date": {"a": 1}}', "a column header must be text (date)"),
    ('{"when": "date"}', "it names a field KPI Desk does not have (when)"),
    ('{"columns": {"date": "date"}, "options": []}', '"options" must be an object'),
    ('{"options": {"currency": "EUR"}}', "the currency must be USD or KHR (EUR)"),
    ('{"options": {"currency": 5}}', "the currency must be USD or KHR (5)"),
    ('{"options": {"rate": "abc"}}', "an option has a value KPI Desk cannot use (rate)"),
    ('{"options": {"rate": 1e30}}', "an option has a value KPI Desk cannot use (rate)"),
    ('{"options": {"date_order": 3}}', "an option has a value KPI Desk cannot use"),
    ('{"options": {"colour": "red"}}', "it has an option KPI Desk does not know (colour)"),
    ("[" * 100_000 + "]" * 100_000, "it is not JSON"),
    ('{"date": "date"', "it is not JSON"),
    ("\xff\xfe garbage", "it is not JSON"),
])
def test_malformed_mapping_is_one_sentence(tmp_path, capsys, content, says):
    path = tmp_path / "s.csv"
    path.write_text("date,amount\n2026-11-20,1.00\n", encoding="utf-8")
    mapping = tmp_path / "map.json"
    mapping.write_bytes(content.encode("latin-1") if "\xff" in content else content.encode())
    db = tmp_path / "shop.db"
    assert main(["import", "sales", str(path), "--db", str(db), "--mapping", str(mapping)]) == 1
    err = capsys.readouterr().err
    _one_sentence(err)
    assert f"map.json: not a column mapping: {says}" in err


def test_unknown_currency_in_the_file_is_a_row_error(tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_text("date,amount,currency\n2026-11-20,1.00,EUR\n2026-11-20,2.00,USD\n"
                    "2026-11-20,€3.00,\n", encoding="utf-8")
    db = tmp_path / "shop.db"
    assert main(["import", "sales", str(path), "--db", str(db), "--skip-bad"]) == 0
    err = capsys.readouterr().err
    assert "line 2, column 'currency': currency must be USD or KHR ('EUR')" in err
    assert "line 4, column 'amount': not a number ('€3.00')" in err
    assert _lines(db) == [("2026-11-20", 200, "USD", 4100, 1.0)]


def test_remembered_mapping_tampered_in_the_settings_is_ignored(tmp_path):
    from kpidesk.io import mapping
    from kpidesk.io.importer import Importer

    path = tmp_path / "s.csv"
    path.write_text("date,amount\n2026-11-20,1.00\n", encoding="utf-8")
    with Store(tmp_path / "shop.db") as store:
        for junk in ("[]", "null", '{"columns": 5}', "[" * 50_000):
            store.set_setting(mapping.source_key("sales", ["date", "amount"]), junk)
            assert mapping.remembered(store, "sales", ["date", "amount"]) is None
        report = Importer(store, "sales").run(path)
        assert report.committed and report.good == 1


def test_cut_tail_rule_only_for_a_sample_shorter_than_the_file(tmp_path, capsys):
    """A small Windows-1252 file whose only accented letter is at its very end is read as
    Windows-1252 (its last bytes are not a UTF-8 character cut by the sample's end)."""
    path = tmp_path / "cafe.csv"
    path.write_bytes("date,amount,customer\r\n2026-11-20,1.00,Dara\r\n2026-11-20,2.00,Café"
                     .encode("cp1252"))
    db = tmp_path / "shop.db"
    assert main(["import", "sales", str(path), "--db", str(db)]) == 0
    with Store(db) as s:
        assert {r[0] for r in s.conn.execute("SELECT name FROM contacts")} == {"Dara", "Café"}
    # a larger UTF-8 file whose sample happens to end inside a Khmer character still reads
    from kpidesk.io.read_base import SAMPLE_BYTES

    row = "2026-11-20,សុខា,1.00\n"
    text = "date,customer,amount\n"
    while len(text.encode()) < SAMPLE_BYTES + 1000:
        text += row
    big = tmp_path / "khmer.csv"
    big.write_bytes(text.encode())
    assert SAMPLE_BYTES % len(row.encode()) != 0
    assert main(["import", "sales", str(big), "--db", str(db)]) == 0


def test_mojibake_is_refused_with_the_encodings_tried(tmp_path, capsys):
    path = tmp_path / "japan.csv"
    rows = ["日付,顧客,金額", "2026-11-20,山田太郎,1000", "2026-11-21,佐藤花子,2000",
            "2026-11-22,鈴木一郎,3000"]
    path.write_bytes("\r\n".join(rows).encode("shift_jis"))
    db = tmp_path / "shop.db"
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"date": "date", "amount": "amount"}))
    assert main(["import", "sales", str(path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    _one_sentence(err)
    assert ("the file's text encoding is not supported (tried UTF-8, UTF-16, Windows-1252;"
            " save it as CSV UTF-8)") in err
    assert _lines(db) == []
    # Shift-JIS without the bytes Windows-1252 lacks is refused too (by how it reads)
    path.write_bytes("\r\n".join(["date,customer,amount", "2026-11-20,ヤマダタロウ,1000",
                                  "2026-11-21,トウキョウ,2000"]).encode("shift_jis"))
    assert main(["import", "sales", str(path), "--db", str(db)]) == 1
    assert "tried UTF-8, UTF-16, Windows-1252" in capsys.readouterr().err


def test_western_text_in_windows_1252_is_not_mojibake(tmp_path):
    from kpidesk.io.read_base import detect_encoding

    rows = ["date,customer,amount,note"] + [
        f"2026-11-{i + 1:02d},Café Noël {i},€{i}.50,Don’t – “fragile” 20°, Größe {i}"
        for i in range(20)]
    data = "\r\n".join(rows).encode("cp1252")
    assert detect_encoding(data, complete=True) == "cp1252"
    for japanese in ("日付,顧客\r\n2026-11-20,山田太郎", "2026-11-20,ヤマダタロウ,トウキョウ"):
        with pytest.raises(Exception, match="encoding"):
            detect_encoding(japanese.encode("shift_jis"), complete=True)
