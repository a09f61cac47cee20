"""Several laptops writing to one shared shop at once (issue #21): processes that add,
change and delete sales on the same PostgreSQL database, and one that reads while they
do. Every write is one transaction and writers take the shop's write lock in turn, so the
rollups each write refreshes stay exactly what a recomputation from the sale lines gives,
and a reader never sees a total that its rollups disagree with."""

from __future__ import annotations

import multiprocessing
import random

import pytest

from kpidesk.store import rollups
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order, delete_order, update_order

WRITERS = 6
WRITES_EACH = 30
DAYS = ["2026-01-31", "2026-02-01"]  # few days and contacts: writers meet on the same rows


def _order(rnd: random.Random) -> OrderInput:
    lines = [LineInput(rnd.randint(-2000, 50000), currency=rnd.choice(["USD", "KHR"]),
                       rate=rnd.choice([4000, 4100])) for _ in range(rnd.randint(1, 3))]
    return OrderInput(rnd.choice(DAYS), lines, contact_id=rnd.choice([None, 1, 2]),
                      salesperson_id=rnd.choice([None, 1]))


def _writer(url: str, seed: int, done) -> None:
    rnd = random.Random(seed)
    mine: list[int] = []
    with Store(url) as store:
        for _ in range(WRITES_EACH):
            action = rnd.random()
            if action < 0.6 or not mine:
                mine.append(add_order(store, _order(rnd)))
            elif action < 0.8:
                update_order(store, rnd.choice(mine), _order(rnd))
            else:
                delete_order(store, mine.pop(rnd.randrange(len(mine))))
    done.put(len(mine))


def _reader(url: str, stop, seen) -> None:
    """Reads totals while the writers write: each statement sees one committed state."""
    disagreements = reads = 0
    with Store(url, read_only=True) as store:
        while not stop.is_set() or reads < 5:
            usd_rollup, usd_lines, orders_rollup, orders = store.conn.execute(
                "SELECT (SELECT IFNULL(SUM(revenue_usd), 0) FROM daily_revenue),"
                " (SELECT IFNULL(SUM(amount_usd), 0) FROM sale_lines),"
                " (SELECT IFNULL(SUM(orders + refunds), 0) FROM daily_orders),"
                " (SELECT count(*) FROM orders)").fetchone()
            reads += 1
            disagreements += (usd_rollup != usd_lines) + (orders_rollup != orders)
    seen.put((reads, disagreements))


def test_several_writers_and_a_reader_keep_the_rollups_exact(pg_url):
    with Store(pg_url) as store:
        with store.transaction():
            store.conn.execute("INSERT INTO salespeople(uuid, name) VALUES (?, 'A')",
                               (b"\x01" * 16,))
            for i in (1, 2):
                store.conn.execute("INSERT INTO contacts(uuid, kind, name, created)"
                                   " VALUES (?, 'customer', ?, '2026-01-01')",
                                   (bytes([i + 1]) * 16, f"C{i}"))
    context = multiprocessing.get_context("spawn")  # as on Windows
    done, seen, stop = context.Queue(), context.Queue(), context.Event()
    reader = context.Process(target=_reader, args=(pg_url, stop, seen))
    reader.start()
    writers = [context.Process(target=_writer, args=(pg_url, seed, done))
               for seed in range(WRITERS)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=300)
        assert process.exitcode == 0
    stop.set()
    reader.join(timeout=60)
    assert reader.exitcode == 0
    kept = sum(done.get(timeout=5) for _ in writers)
    reads, disagreements = seen.get(timeout=5)
    assert reads >= 5 and disagreements == 0

    with Store(pg_url) as store:
        assert store.scalar("SELECT count(*) FROM orders") == kept
        incremental = rollups.snapshot(store.conn)
        # the rollups as the writes left them equal a recomputation from the raw lines
        with store.transaction():
            rollups.rebuild_all(store.conn)
        assert rollups.snapshot(store.conn) == incremental
        lines_usd = store.scalar("SELECT IFNULL(SUM(amount_usd), 0) FROM sale_lines")
        assert store.scalar("SELECT IFNULL(SUM(revenue_usd), 0) FROM daily_revenue") == lines_usd
        # every write raised the shop's data version (how other laptops notice changes)
        assert store.scalar("SELECT n FROM data_version") >= WRITERS * WRITES_EACH


@pytest.fixture
def pg_url(pg_url):  # the writers need the schema made before they start
    Store(pg_url).close()
    return pg_url
