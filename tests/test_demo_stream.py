"""The demo shop is written in chunks (#17: 10M lines in bounded memory): the size of a
chunk changes nothing in what is built — the same rows, rollups and KPIs for a seed as
when every row is held and written at once."""

from __future__ import annotations

from datetime import date

from kpidesk import demo
from kpidesk.metrics.kpis import all_kpis
from kpidesk.store import rollups
from kpidesk.store.db import Store

TODAY = date(2026, 11, 26)
MONTHS = ("2026-11", "2026-10", "2025-12", "2025-04")


def _built(path, monkeypatch, batch: int) -> tuple[dict, dict, list, list, dict]:
    monkeypatch.setattr(demo, "BATCH", batch)
    with Store(path) as store:
        counts = demo.build_demo(store, months=18, lines=3000, today=TODAY, seed=5)
        kpis = {m: all_kpis(store, m, TODAY) for m in MONTHS}
        # every column but the UUIDs (random by design)
        orders = store.conn.execute(
            "SELECT id, number, date, contact_id, salesperson_id, channel_id, payment_id,"
            " time FROM orders ORDER BY id").fetchall()
        lines = store.conn.execute(
            "SELECT order_id, position, product_id, quantity, amount, currency, rate,"
            " amount_usd, amount_khr FROM sale_lines ORDER BY order_id, position").fetchall()
        return counts, kpis, orders, lines, rollups.snapshot(store.conn)


def test_chunks_of_any_size_build_the_same_shop(tmp_path, monkeypatch):
    whole = _built(tmp_path / "whole.db", monkeypatch, 10**9)  # everything held at once
    chunked = _built(tmp_path / "chunked.db", monkeypatch, 97)  # many small chunks
    counts, kpis, orders, lines, snapshot = chunked
    assert counts == whole[0]
    assert counts["lines"] == len(lines)
    assert 2900 < len(lines) <= 3000  # about the lines asked for
    assert len(orders) > 18 * 28  # every day has sales: more chunks than one
    assert orders == whole[2]
    assert lines == whole[3]
    assert kpis == whole[1]
    assert kpis["2026-10"]["revenue"] > 0
    assert snapshot == whole[4]
    # the KPIs are those of the raw lines: the month's revenue summed from them
    day_of = {o[0]: o[2] for o in orders}
    month_usd = sum(row[7] for row in lines if day_of[row[0]].startswith("2026-10"))
    assert kpis["2026-10"]["revenue"] == month_usd
