"""Upgrading older shop files to the lean layout (schema version 4) keeps every row, every
UUID and every KPI: the committed version-1 file, and a freshly built 100,000-line shop
written back in the layout of version 3."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from datetime import date
from pathlib import Path

import pytest

from kpidesk import cli
from kpidesk.store import backup_archive, schema
from kpidesk.store.db import Store
from kpidesk.store.uuids import uuid_text
from tests.conftest import forget_receipt_details
from tests.test_store_customer_days import write_customer_days_as_text

TODAY = date(2026, 11, 26)
MONTHS = ("2026-11", "2026-10", "2026-06", "2026-01", "2025-12", "2025-06", "2025-01",
          "2024-12")
RAW_TABLES = ("settings", "salespeople", "categories", "channels", "products", "contacts",
              "orders", "sale_lines", "targets", "stages", "lost_reasons", "opportunities",
              "import_keys")


def kpi_json(path: Path, month: str) -> dict:
    """`python -m kpidesk kpi --json` of a month, run in this process (a file of an older
    version is upgraded by the command first, as from the command line)."""
    out = io.StringIO()
    with redirect_stdout(out):
        code = cli.main(["kpi", "--db", str(path), "--month", month, "--today",
                         TODAY.isoformat(), "--json"])
    assert code == 0
    return json.loads(out.getvalue())


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in RAW_TABLES}


def uuids(path: Path) -> dict[str, list[str]]:
    """Every row's UUID in text form, per table."""
    with sqlite3.connect(path) as conn:
        return {t: sorted(uuid_text(r[0]) for r in conn.execute(f"SELECT uuid FROM {t}"))
                for t in schema.UUID_TABLES}


def lines(path: Path) -> list[tuple]:
    """Every sale line as (order UUID, position in the order, the line's values)."""
    with sqlite3.connect(path) as conn:
        has_position = "position" in {r[1] for r in conn.execute("PRAGMA table_info(sale_lines)")}
        position = ("l.position" if has_position else
                    "ROW_NUMBER() OVER (PARTITION BY l.order_id ORDER BY l.id)")
        return sorted(
            (uuid_text(r[0]), *r[1:]) for r in conn.execute(
                f"SELECT o.uuid, {position}, o.date, l.product_id, l.quantity, l.amount,"
                " l.currency, l.rate, l.amount_usd, l.amount_khr, l.note"
                " FROM sale_lines l JOIN orders o ON o.id = l.order_id"))


def forget_opportunity_stages(store: Store) -> None:
    """A demo records each opportunity's stages as they went; a shop of version 3 or older
    never kept them (its pipeline of a past day is read from the opportunities as they
    are): without them the two agree to the last figure."""
    with store.transaction() as conn:
        conn.execute("DELETE FROM opportunity_history")


def write_as_version_3(source: Path, target: Path) -> None:
    """The rows of `source` in a file laid out as schema version 3 made it: tables made by
    the first three migrations themselves, UUIDs as text, every sale line with an id and
    a UUID of its own."""
    real = schema.MIGRATIONS
    schema.MIGRATIONS = real[:3]
    schema.SCHEMA_VERSION = 3
    try:
        Store(target).close()
    finally:
        schema.MIGRATIONS = real
        schema.SCHEMA_VERSION = len(real)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.create_function("uuid_text", 1, uuid_text, deterministic=True)
    conn.create_function("new_text_uuid", 0, lambda: str(uuid.uuid4()))
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN")
    for table in (*RAW_TABLES, "daily_revenue", "daily_orders", "customer_day",
                  "customer_month", "cohort_month", "month_revenue", "change_history"):
        conn.execute(f"DELETE FROM {table}")
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        if table == "sale_lines":
            conn.execute(
                "INSERT INTO sale_lines (uuid, order_id, product_id, quantity, amount, currency,"
                " rate, amount_usd, amount_khr, note) SELECT new_text_uuid(), order_id,"
                " product_id, quantity, amount, currency, rate, amount_usd, amount_khr, note"
                " FROM src.sale_lines ORDER BY order_id, position")
            continue
        select = ", ".join("uuid_text(uuid)" if c == "uuid" else c for c in columns)
        if table == "customer_day":  # the source keeps day numbers (number_customer_days)
            select = select.replace("day", "date(day * 86400, 'unixepoch')", 1)
        conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select}"
                     f" FROM src.{table}")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    conn.close()


def test_the_version_1_file_keeps_every_row_uuid_and_kpi(tmp_path, v1_shop):
    """The committed v1 file (a 1,500-line demo, seed 11) upgraded by `kpi --json`: the
    same rows and UUIDs as before, and the KPIs of a shop built now with the same seed."""
    from kpidesk.demo import build_demo

    old = v1_shop()
    before = (counts(old), uuids(old), lines(old))
    fresh = tmp_path / "fresh.db"
    with Store(fresh) as s:
        build_demo(s, months=24, lines=1500, today=TODAY, seed=11)
        forget_opportunity_stages(s)
        forget_receipt_details(s)
    expected = {m: kpi_json(fresh, m) for m in MONTHS}
    assert {m: kpi_json(old, m) for m in MONTHS} == expected
    with sqlite3.connect(old) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert (counts(old), uuids(old), lines(old)) == before
    assert before[0]["sale_lines"] == 1500 and len(before[1]["orders"]) == 937


@pytest.fixture(scope="module")
def shop_100k(tmp_path_factory) -> Path:
    from kpidesk.demo import build_demo

    path = tmp_path_factory.mktemp("big") / "shop-100k.db"
    with Store(path) as s:
        build_demo(s, months=24, lines=100_000, today=TODAY, seed=5)
        forget_opportunity_stages(s)
        forget_receipt_details(s)
    return path


def test_a_100k_shop_written_as_version_3_upgrades_to_the_same_rows_and_kpis(tmp_path,
                                                                             shop_100k):
    expected = ({m: kpi_json(shop_100k, m) for m in MONTHS}, counts(shop_100k),
                uuids(shop_100k), lines(shop_100k))
    old = tmp_path / "old.db"
    write_as_version_3(shop_100k, old)
    with sqlite3.connect(old) as conn:  # really the old layout
        assert conn.execute("SELECT typeof(uuid), length(uuid) FROM sale_lines LIMIT 1"
                            ).fetchone() == ("text", 36)
        assert conn.execute("SELECT typeof(uuid) FROM orders LIMIT 1").fetchone() == ("text",)
    assert (counts(old), uuids(old), lines(old)) == expected[1:]

    stages: list[tuple[str, float]] = []
    with Store(old, progress=lambda stage, f: stages.append((stage, f))):
        pass
    got = ({m: kpi_json(old, m) for m in MONTHS}, counts(old), uuids(old), lines(old))
    assert got[1:] == expected[1:]
    assert got[0] == expected[0]
    assert expected[1]["sale_lines"] > 99_000
    # a backup first, then the upgrade and the compaction, each reported up to the end
    assert [s for s, _ in stages if s == "backup"] and stages[-1] == ("compact", 1.0)
    order = [s for i, (s, _) in enumerate(stages) if i == 0 or stages[i - 1][0] != s]
    assert order == ["backup", "upgrade", "compact"]
    upgrade = [f for s, f in stages if s == "upgrade"]
    assert upgrade == sorted(upgrade) and upgrade[-1] == 1.0 and len(upgrade) > 3
    backups = list((old.parent / "backups").glob("old-*-before-v4-*.zip"))
    assert len(backups) == 1  # the copy made first, as version 3 had the shop
    meta = backup_archive.verify_archive(backups[0])
    assert meta["schema_version"] == 3
    assert all(meta["counts"][table] == n for table, n in expected[1].items()
               if table in meta["counts"])
    # the upgraded file is as small as one built in the new layout
    assert old.stat().st_size <= shop_100k.stat().st_size * 1.05


def customer_figures(path: Path, today: date) -> dict:
    """Every customer figure and what the contacts tab shows, as values a test compares:
    `kpi --json` of several months, the customer KPIs, funnel and win-back of months and of
    past days, the at-risk list (whole and the dashboard's first rows), the contact
    statuses and table of several days, contact pages, and the customer rollups with each
    day as text."""
    from kpidesk.metrics import contact_status, customers, winback
    from kpidesk.store import contacts, customer_days

    result: dict = {f"kpi {m}": kpi_json(path, m) for m in MONTHS[:5]}
    days = [today, date(today.year, today.month, 1), date(2025, 6, 15), date(2025, 12, 31)]
    with Store(path) as s:
        for month in MONTHS[:4]:
            result[f"kpis {month}"] = customers.customer_kpis(s, month, today)
            result[f"funnel {month}"] = contact_status.funnel(s, month, today)
            result[f"winback {month}"] = winback.winback(s, month, today)
        for d in days:
            result[f"kpis on {d}"] = customers.customer_kpis(s, f"{d:%Y-%m}", d)
            result[f"funnel on {d}"] = contact_status.funnel(s, f"{d:%Y-%m}", d)
            result[f"at risk {d}"] = customers.at_risk(s, d)
            result[f"at risk top {d}"] = customers.at_risk(s, d, 20)
            result[f"statuses {d}"] = contact_status.contact_statuses(s, d)
            result[f"table {d}"] = list(contacts.contact_table(s, d))
        ids = [r[0] for r in s.conn.execute(
            "SELECT id FROM contacts ORDER BY purchase_days DESC, id LIMIT 3")]
        ids += [r[0] for r in s.conn.execute(
            "SELECT id FROM contacts WHERE purchase_days <= 1 ORDER BY id LIMIT 3")]
        result["pages"] = {i: contacts.contact_page(s, i) for i in ids}
        result["rows"] = {
            "customer_day": [(c, customer_days.as_text(d), *rest) for c, d, *rest in
                             s.conn.execute("SELECT * FROM customer_day ORDER BY 1, 2")],
            "summaries": s.conn.execute(
                "SELECT id, first_purchase, last_purchase, purchase_days, usual_gap,"
                " loyal_from, second_purchase_90, orders_total FROM contacts ORDER BY id"
            ).fetchall(),
            **{t: s.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall()
               for t in ("customer_month", "cohort_month", "risk_spans", "month_day_counts",
                         "contact_day_counts")}}
    return result


@contextmanager
def code_of_version(version: int) -> Iterator[None]:
    """The code as it ran a file of `version`: its migrations (so no upgrade on opening)."""
    real = schema.MIGRATIONS
    schema.MIGRATIONS = real[:version]
    schema.SCHEMA_VERSION = version
    try:
        yield
    finally:
        schema.MIGRATIONS = real
        schema.SCHEMA_VERSION = len(real)


def test_a_100k_shop_of_the_version_before_numbers_its_customer_days(tmp_path, shop_100k):
    """`number_customer_days`: a 100k-line shop whose customer_day holds days as text (the
    layout of the version before) is upgraded to day numbers; every customer figure is the
    same before and after, and the same as a shop built in the new layout; the file is
    smaller."""
    from kpidesk.store import customer_days

    before = schema.MIGRATIONS.index(customer_days.number_customer_days)
    old = tmp_path / "old.db"
    with sqlite3.connect(shop_100k) as src, sqlite3.connect(old) as dst:
        src.backup(dst)
    with sqlite3.connect(old) as conn:  # customer_day as the version before laid it out
        write_customer_days_as_text(conn)
    with sqlite3.connect(old) as conn:
        conn.execute("VACUUM")
        assert conn.execute("SELECT typeof(day), count(*) FROM customer_day").fetchone()[0] == "text"
        rows = conn.execute("SELECT count(*) FROM customer_day").fetchone()[0]
    assert rows > 20_000
    size_before = old.stat().st_size
    kept = tmp_path / "kept.db"
    shutil.copy(old, kept)
    with code_of_version(before):
        expected = customer_figures(kept, TODAY)
    assert expected["at risk " + TODAY.isoformat()] and expected["pages"]

    stages: list[tuple[str, float]] = []
    with Store(old, progress=lambda stage, f: stages.append((stage, f))) as s:
        assert customer_days.numbered(s.conn)
        assert s.scalar("SELECT typeof(day) FROM customer_day LIMIT 1") == "integer"
    upgrade = [f for stage, f in stages if stage == "upgrade"]
    assert upgrade == sorted(upgrade) and upgrade[-1] == 1.0 and len(upgrade) > 3
    assert stages[-1] == ("compact", 1.0)
    assert old.stat().st_size < size_before
    assert customer_figures(old, TODAY) == expected
    assert customer_figures(shop_100k, TODAY) == expected  # built in the new layout
