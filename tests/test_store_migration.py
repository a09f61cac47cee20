"""Upgrading older shop files to the lean layout (schema version 4) keeps every row, every
UUID and every KPI: the committed version-1 file, and a freshly built 100,000-line shop
written back in the layout of version 3."""

from __future__ import annotations

import io
import json
import sqlite3
import uuid
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest

from kpidesk import cli
from kpidesk.store import backup_archive, schema
from kpidesk.store.db import Store
from kpidesk.store.uuids import uuid_text
from tests.conftest import forget_receipt_details

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
