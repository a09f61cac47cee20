"""Memory bombs: small files that are huge inside. Each import stays under 400 MB of
memory, says what is wrong in one line per bad row, and never echoes a huge value."""

from __future__ import annotations

import gzip

import pytest
from attack_files import gz_repeated, run_cli, xlsx

from kpidesk.io.importer import Importer
from kpidesk.io.read_base import MAX_CELL, MAX_LINES, BadRow
from kpidesk.io.readers import open_reader
from kpidesk.store.db import Store

PEAK_MB = 400


def _orders(db) -> int:
    with Store(db) as s:
        return s.scalar("SELECT count(*) FROM orders")


@pytest.mark.slow
def test_xlsx_with_one_gigabyte_shared_string(tmp_path):
    path = xlsx(tmp_path / "bomb.xlsx",
                [["date", "customer", "amount"], ["2026-11-20", 0, "12.50"],
                 ["2026-11-21", "Dara", "3.00"]],
                huge_shared=1 << 30)
    assert path.stat().st_size < 2_000_000  # about 1 MB on disk
    db = tmp_path / "shop.db"
    rc, out, err, peak = run_cli("import", "sales", str(path), "--db", str(db))
    assert rc == 1, err
    assert "line 2, column 'customer': a cell is longer than 128 KiB" in err
    assert "AAAAAAAAAA" not in err and len(err) < 1000 and "Traceback" not in err
    assert peak < PEAK_MB, f"peak RSS {peak:.0f} MB"
    rc, out, err, peak = run_cli("import", "sales", str(path), "--db", str(db), "--skip-bad")
    assert rc == 0 and "1 bad rows skipped" in out
    assert _orders(db) == 1
    assert peak < PEAK_MB, f"peak RSS {peak:.0f} MB"
    print(f"xlsx with a 1 GiB shared string ({path.stat().st_size:,} bytes): "
          f"peak RSS {peak:.0f} MB")


@pytest.mark.slow
def test_csv_gz_of_20k_rows_with_120_kb_cells(tmp_path):
    cell = "x" * 120_000
    rows = "".join(f"2026-11-20,{cell},1.00\n" for _ in range(100)).encode()
    path = gz_repeated(tmp_path / "wide.csv.gz", rows, 200, head=b"date,customer,amount\n")
    assert path.stat().st_size < 3_000_000
    db = tmp_path / "shop.db"
    rc, out, err, peak = run_cli("import", "sales", str(path), "--db", str(db))
    assert rc == 1
    lines = err.splitlines()
    assert lines[0] == ("wide.csv.gz: line 2, column 'customer': text too long (names 200"
                        " characters, notes 2,000) ('" + "x" * 59 + "…')")
    assert "and 19800 more bad rows" in err and "20000 of 20000 rows are wrong" in err
    assert len(err) < 100_000 and "x" * 100 not in err
    assert peak < PEAK_MB, f"peak RSS {peak:.0f} MB"
    assert _orders(db) == 0
    print(f"csv.gz of 20k rows with a 120 kB cell ({path.stat().st_size:,} bytes): "
          f"peak RSS {peak:.0f} MB")


def test_csv_cell_over_the_limit_is_a_row_error(tmp_path, store):
    """Cells over 128 KiB, quoted over several lines or not: their rows are row errors,
    the rows around them keep their line numbers, nothing huge is kept."""
    big = "y" * (MAX_CELL + 10)
    quoted = "\n".join(["z" * 50_000] * 4)  # 200,004 characters over 4 lines, in quotes
    text = ("date,customer,amount\n"
            "2026-11-01,Sokha,1.00\n"
            f"2026-11-02,{big},2.00\n"
            "2026-11-03,Dara,3.00\n"
            f'2026-11-04,"{quoted}",4.00\n'
            "\n\n"
            "2026-11-05,Vuthy,5.00\n")
    path = tmp_path / "big-cells.csv"
    path.write_text(text, encoding="utf-8")
    with open_reader(path) as reader:
        rows = list(reader)
    assert [(line, r if isinstance(r, list) else r.code) for line, r in rows] == [
        (2, ["2026-11-01", "Sokha", "1.00"]), (3, "cell_too_long"),
        (4, ["2026-11-03", "Dara", "3.00"]), (5, "cell_too_long"),
        (11, ["2026-11-05", "Vuthy", "5.00"])]
    report = Importer(store, "sales").run(path, skip_bad=True)
    assert report.committed and report.good == 3 and report.bad == 2
    assert [(e.line, e.code) for e in report.errors] == [(3, "cell_too_long"),
                                                        (5, "cell_too_long")]
    assert store.scalar("SELECT SUM(amount) FROM sale_lines") == 900


def test_xlsx_inline_cell_over_the_limit(tmp_path, store):
    path = xlsx(tmp_path / "inline.xlsx", [["date", "customer", "amount"],
                                           ["2026-11-20", "B" * (MAX_CELL + 1), "1.00"],
                                           ["2026-11-21", "Dara", "2.00"]])
    with open_reader(path) as reader:
        rows = list(reader)
    assert isinstance(rows[0][1], BadRow) and rows[0][1].code == "cell_too_long"
    assert rows[1] == (3, ["2026-11-21", "Dara", "2.00"])


@pytest.mark.slow
def test_gz_of_3_gb_of_blank_lines(tmp_path):
    path = gz_repeated(tmp_path / "blank.csv.gz", b"\n" * (64 << 20), 48,
                       head=b"date,customer,amount\n2026-11-20,Sokha,1.00\n")
    assert path.stat().st_size < 5_000_000
    db = tmp_path / "shop.db"
    rc, out, err, peak = run_cli("import", "sales", str(path), "--db", str(db))
    assert rc == 1
    assert err == (f"kpidesk: {path}: the file has more than {MAX_LINES:,} lines, blank ones"
                   " counted: split it into smaller files")
    assert peak < PEAK_MB
    assert _orders(db) == 0


def test_blank_lines_are_counted_not_parsed(tmp_path, store):
    path = tmp_path / "blanks.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as f:
        f.write("\n\ndate,customer,amount\n" + "\n" * 300_000 + "2026-11-20,Sokha,1.00\r\n"
                + "  \r\n" * 1000 + ",,\n" + "2026-11-21,Dara,2.00")
    report = Importer(store, "sales").run(path)
    assert report.committed and report.rows == 2 and report.blank_lines == 301_003
    assert [r[0] for r in store.conn.execute("SELECT date FROM orders ORDER BY id")] == [
        "2026-11-20", "2026-11-21"]
