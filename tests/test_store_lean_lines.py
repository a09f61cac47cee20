"""Sale lines in the lean layout (`schema.lean_sale_lines`): the currency stored as a code,
the amount and the cost in the line's currency; the converted columns are generated. Every store function returns the same values; an older file upgrades to the
same rows, export and KPIs."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from kpidesk.io import exporter
from kpidesk.store import dialect, reference, schema
from kpidesk.store.db import Store
from kpidesk.store.money import convert
from kpidesk.store.sales import LineInput, OrderInput, add_order, get_order, write_sale_rows
from tests.test_store_migration import MONTHS, kpi_json

TODAY = date(2026, 11, 26)
# the columns of a sale line as every reader sees them, before and after the layout
LINE_VIEW = ("order_id", "position", "product_id", "quantity", "amount", "currency", "rate",
             "amount_usd", "amount_khr", "note", "unit_price", "discount", "unit_cost",
             "cost_usd", "cost_khr", "discount_usd", "discount_khr")


def _line_rows(conn) -> list[tuple]:
    return [tuple(r) for r in conn.execute(
        f"SELECT {', '.join(LINE_VIEW)} FROM sale_lines ORDER BY order_id, position")]


def _expected(line: LineInput, quantity: float) -> dict:
    """What KPI.md's conventions make of a line: its amount and the quantity × unit cost
    and the discount (given back by a refund) converted with the line's own rate."""
    usd, khr = convert(line.amount, line.currency, line.rate)
    cost = (None, None) if line.unit_cost is None else convert(
        round(quantity * line.unit_cost), line.currency, line.rate)
    sign = -1 if line.amount < 0 else 1
    discount = (None, None) if not line.discount else convert(
        sign * line.discount, line.currency, line.rate)
    return {"amount": line.amount, "currency": line.currency, "amount_usd": usd,
            "amount_khr": khr, "cost_usd": cost[0], "cost_khr": cost[1],
            "discount_usd": discount[0], "discount_khr": discount[1]}


def test_lines_read_back_as_written(store: Store):
    """Riel and dollar lines, a fractional quantity, costs and discounts whose conversion
    falls on a half (rounded to even), a refund: get_order gives back what was written,
    and every converted column is `money.convert` of the line's own values."""
    product = reference.add_named(store, "products", "Rice")
    lines = [
        LineInput(amount=4400, currency="USD", rate=4100, product_id=product, quantity=3,
                  unit_price=1500, discount=100, unit_cost=911),
        # 2.5 × 8,020 riel = 20,050 riel at 4,000 riel a dollar: 501.25 cents → 501
        LineInput(amount=19_000, currency="KHR", rate=4000, product_id=product,
                  quantity=2.5, unit_price=8000, discount=1000, unit_cost=8020),
        # 60 riel at 4,000: 1.5 cents → 2 (to even); 20 riel: 0.5 cent → 0
        LineInput(amount=60, currency="KHR", rate=4000, quantity=1, unit_cost=20,
                  note="odd"),
        LineInput(amount=1, currency="USD", rate=4093),  # no price, cost or discount
    ]
    sale = add_order(store, OrderInput(TODAY.isoformat(), lines, number="A-7/ឆ្នាំ"))
    refund = add_order(store, OrderInput(TODAY.isoformat(), [
        LineInput(amount=-1450, currency="USD", rate=4100, product_id=product, quantity=1,
                  unit_price=1500, discount=50, unit_cost=911),
        LineInput(amount=-60, currency="KHR", rate=4000, quantity=1, discount=20,
                  unit_cost=20)], number="00012", refund_of=sale))

    for order_id, written in ((sale, lines), (refund, None)):
        got = get_order(store, order_id)
        source = written or [
            LineInput(amount=-1450, currency="USD", rate=4100, product_id=product,
                      quantity=-1, unit_price=1500, discount=50, unit_cost=911),
            LineInput(amount=-60, currency="KHR", rate=4000, quantity=-1, discount=20,
                      unit_cost=20)]
        assert [(x.amount, x.currency, x.rate, x.product_id, x.quantity, x.unit_price,
                 x.discount, x.unit_cost, x.note or "") for x in got.lines] == [
            (x.amount, x.currency, x.rate, x.product_id,
             -abs(x.quantity) if x.amount < 0 else x.quantity, x.unit_price,
             x.discount or 0, x.unit_cost, x.note or "") for x in source]
        rows = store.conn.execute(
            "SELECT amount, currency, amount_usd, amount_khr, cost_usd, cost_khr,"
            " discount_usd, discount_khr FROM sale_lines WHERE order_id = ? ORDER BY position",
            (order_id,)).fetchall()
        names = ("amount", "currency", "amount_usd", "amount_khr", "cost_usd", "cost_khr",
                 "discount_usd", "discount_khr")
        assert [dict(zip(names, r, strict=True)) for r in rows] == [
            _expected(x, -abs(x.quantity) if x.amount < 0 else x.quantity) for x in source]
    assert get_order(store, sale).number == "A-7/ឆ្នាំ"
    assert get_order(store, refund).number == "00012"
    # the rounding to even at a half, spelled out
    assert store.conn.execute("SELECT cost_usd, amount_usd FROM sale_lines"
                              " WHERE order_id = ? AND position = 3", (sale,)).fetchone() == (0, 2)
    assert store.conn.execute("SELECT cost_usd FROM sale_lines WHERE order_id = ?"
                              " AND position = 2", (sale,)).fetchone() == (501,)
    # what is stored: a code, and no column of what is computed
    written = dialect.column_names(store.conn, "sale_lines")
    assert {"cur", "amount", "cost"} <= set(written)
    assert not {"currency", "amount_usd", "amount_khr", "cost_usd", "cost_khr",
                "discount_usd", "discount_khr"} & set(written)
    assert store.conn.execute("SELECT cur, cost FROM sale_lines WHERE order_id = ?"
                              " ORDER BY position", (sale,)).fetchall() == [
        (0, 2733), (1, 20050), (1, 20), (0, None)]


def test_imported_rows_and_a_line_the_layout_cannot_hold(store: Store):
    """The importer's and the demo's path (write_sale_rows, lines in LINE_COLUMNS): a line
    whose amount is not its own converted value would be stored wrong, and is refused."""
    with store.transaction() as conn:
        write_sale_rows(conn, [(1, b"\x01" * 16, "INV 9", "2026-11-02", None, None, None,
                                "", 0, None, None)],
                        [(1, 1, None, 2.0, 90_000, "KHR", 4100, *convert(90_000, "KHR", 4100),
                          "imported")])
    assert _line_rows(store.conn) == [
        (1, 1, None, 2.0, 90_000, "KHR", 4100, 2195, 90_000, "imported", None, None, None,
         None, None, None, None)]
    with pytest.raises(ValueError), store.transaction() as conn:
        write_sale_rows(conn, [], [(1, 2, None, 1.0, 500, "USD", 4100, 499, 2050_00, "")])
    assert len(_line_rows(store.conn)) == 1


def write_as_version_before(source: Path, target: Path) -> None:
    """`source` (the current layout) with its sale lines as the version before
    lean_sale_lines laid them out: every column stored, the currency as text."""
    before = schema.MIGRATIONS.index(schema.lean_sale_lines)
    memory = sqlite3.connect(":memory:", isolation_level=None)
    from kpidesk.store.uuids import add_sql_functions

    add_sql_functions(memory)
    import sqlite_utils

    db = sqlite_utils.Database(memory)
    for migration in schema.MIGRATIONS[:before]:
        migration(db)
    old = memory.execute("SELECT type, sql FROM sqlite_master WHERE tbl_name = 'sale_lines'"
                         " AND sql IS NOT NULL ORDER BY type DESC").fetchall()
    memory.close()
    shutil.copy(source, target)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute("ALTER TABLE sale_lines RENAME TO sale_lines_now")
    for kind, sql in old:
        if kind == "table":
            conn.execute(sql)
    conn.execute(f"INSERT INTO sale_lines ({', '.join(LINE_VIEW)})"
                 f" SELECT {', '.join(LINE_VIEW)} FROM sale_lines_now ORDER BY 1, 2")
    conn.execute("DROP TABLE sale_lines_now")
    for kind, sql in old:
        if kind == "index":
            conn.execute(sql)
    conn.execute(f"PRAGMA user_version = {before}")
    conn.execute("COMMIT")
    assert "currency" in {r[1] for r in conn.execute("PRAGMA table_info(sale_lines)")}
    conn.execute("VACUUM")
    conn.close()


def _export(path: Path, folder: Path) -> dict[str, bytes]:
    with Store(path) as s:
        exporter.export_all(s, folder)
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def shop_100k(tmp_path_factory) -> Path:
    from kpidesk.demo import build_demo

    path = tmp_path_factory.mktemp("lean") / "shop-100k.db"
    with Store(path) as s:
        build_demo(s, months=24, lines=100_000, today=TODAY, seed=5)
    return path


@pytest.mark.sqlite_only("upgrades a shop file")
def test_a_100k_file_of_the_version_before_upgrades_to_the_same_lines_export_and_kpis(
        tmp_path, shop_100k):
    old = tmp_path / "old.db"
    write_as_version_before(shop_100k, old)
    with sqlite3.connect(old) as conn:
        lines_before = _line_rows(conn)
        size_before = old.stat().st_size
    with sqlite3.connect(shop_100k) as conn:
        assert _line_rows(conn) == lines_before  # the same rows, in the layout before
    expected_export = _export(shop_100k, tmp_path / "export-now")
    expected_kpis = {m: kpi_json(shop_100k, m) for m in MONTHS}

    stages: list[tuple[str, float]] = []
    with Store(old, progress=lambda stage, f: stages.append((stage, f))) as s:
        assert s.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert _line_rows(s.conn) == lines_before
        assert s.conn.execute("SELECT typeof(cur), typeof(currency) FROM sale_lines LIMIT 1"
                              ).fetchone() == ("integer", "text")
    assert _export(old, tmp_path / "export-upgraded") == expected_export
    assert {m: kpi_json(old, m) for m in MONTHS} == expected_kpis
    assert len(lines_before) > 99_000
    assert {r[5] for r in lines_before} == {"USD", "KHR"}
    assert any(r[13] is not None for r in lines_before)  # costs…
    assert any(r[15] is not None and r[4] < 0 for r in lines_before)  # …a refund's discount
    # backed up first, the upgrade's progress to the end, and the file smaller
    names = [s for i, (s, _) in enumerate(stages) if i == 0 or stages[i - 1][0] != s]
    assert names[0] == "backup" and "upgrade" in names and ("upgrade", 1.0) in stages
    assert old.stat().st_size < size_before * 0.95


def test_the_upgrade_is_idempotent_and_keeps_other_columns(tmp_path, demo_file):
    """Run again it changes nothing; a column another migration added to the sale lines
    comes along with its values."""
    path = tmp_path / "shop.db"
    write_as_version_before(demo_file, path)
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE sale_lines ADD COLUMN extra TEXT")
        conn.execute("UPDATE sale_lines SET extra = 'x' || order_id WHERE position = 1")
        before = _line_rows(conn)
        extra = conn.execute("SELECT order_id, extra FROM sale_lines ORDER BY 1, 2").fetchall()
    with Store(path, upgrade_backup=False) as s:
        assert _line_rows(s.conn) == before
        assert s.conn.execute("SELECT order_id, extra FROM sale_lines ORDER BY 1, 2"
                              ).fetchall() == extra
        with s.transaction():
            schema.lean_sale_lines(s.db)
        assert _line_rows(s.conn) == before
        indexes = {r[0] for r in s.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sale_lines'"
            " AND sql IS NOT NULL")}
    assert "idx_lines_amount" in indexes
    # (the product and quantity indexes are dropped by the migration after it)
    assert not {"idx_lines_product", "idx_lines_quantity"} & indexes


def test_a_server_shop_of_the_version_before_is_converted(pg_url):
    """A PostgreSQL shop made before lean_sale_lines (plain columns) is given the stored
    codes and generated columns when opened, with the same values."""
    import psycopg

    from kpidesk.demo import build_demo

    with Store(pg_url) as s:
        build_demo(s, months=3, lines=400, today=TODAY, seed=2)
        expected = _line_rows(s.conn)
    before = schema.MIGRATIONS.index(schema.lean_sale_lines)
    url = pg_url
    with psycopg.connect(url, autocommit=True) as raw:  # back to the layout before
        for name, kind, _expression in schema.LINE_GENERATED:
            pg_kind = dialect.ddl_to_postgres(kind)
            raw.execute(f"ALTER TABLE sale_lines RENAME COLUMN {name} TO {name}_g")
            raw.execute(f"ALTER TABLE sale_lines ADD COLUMN {name} {pg_kind}")
            raw.execute(f"UPDATE sale_lines SET {name} = {name}_g")
            raw.execute(f"ALTER TABLE sale_lines DROP COLUMN {name}_g")
        raw.execute("ALTER TABLE sale_lines DROP COLUMN cur")
        raw.execute("ALTER TABLE sale_lines DROP COLUMN cost")
        raw.execute("UPDATE schema_version SET version = %s", (before,))
    with Store(url) as s:
        assert _line_rows(s.conn) == expected
        generated = dict(s.conn.execute(
            "SELECT column_name, is_generated FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = 'sale_lines'").fetchall())
        assert generated["currency"] == "ALWAYS" and generated["cur"] == "NEVER"
        add_order(s, OrderInput(TODAY.isoformat(), [LineInput(amount=8200, currency="KHR",
                                                              rate=4100)]))
        assert s.conn.execute("SELECT amount_usd, currency FROM sale_lines"
                              " ORDER BY order_id DESC LIMIT 1").fetchone() == (200, "KHR")
