"""The store's readers of a day or a period of orders (they go through `idx_orders_day` /
`idx_orders_contact_day`, schema 28), timed on a copy of a shop.

    .venv/bin/python bench/order_day_readers.py --shop SHOP [--runs 5] [--export]

Measures, on a copy of SHOP (writes go to the copy): `sales.date_span` (the Sales and
Reports tabs), `last_rate_of_day` for the last day and a day a year before it (the Sales
form's rate), `usual_unit_price` (the form's "looks wrong" check), a contact's page,
a backup's summary (`backup_files.summarize`: orders and last sale), a receipt search,
`line_peaks.refresh_contact` (a merge), `rollups.refresh_days` of one day with and
without the breakdown rollup's part, one sale recorded (`add_order`), and with --export
the export of every sale line to CSV (run once). Medians in ms, wall time: give the
load average (`uptime`) with them. To compare with other code, run it with PYTHONPATH
pointing at that code's tree.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # after PYTHONPATH: another tree given there is measured

import kpidesk  # noqa: E402
from kpidesk.io import exporter  # noqa: E402
from kpidesk.store import backup_files, contacts, line_peaks, receipts, rollups, sales  # noqa: E402
from kpidesk.store.db import Store  # noqa: E402

SLOW_MS = 5000  # one run that slow is enough


def median_ms(call: Callable[[], object], runs: int) -> float:
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
        if times[-1] > SLOW_MS:
            break
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shop", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--export", action="store_true")
    args = parser.parse_args()
    print("code:", Path(kpidesk.__file__).parent)
    scratch = Path(tempfile.mkdtemp(prefix="kpidesk-bench-"))
    try:
        copy = scratch / "shop.db"
        shutil.copy(args.shop, copy)
        with Store(copy) as store:
            measure(store, scratch, args.runs, args.export)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def measure(store: Store, scratch: Path, runs: int, export: bool) -> None:
    conn = store.conn
    last_day = sales.date_span(store)[1]
    if last_day is None:
        raise SystemExit("the shop has no sale")
    year_before = (date.fromisoformat(last_day) - timedelta(days=365)).isoformat()
    contact = store.scalar("SELECT contact_id FROM orders WHERE contact_id IS NOT NULL"
                           " ORDER BY id DESC LIMIT 1")
    product = store.scalar("SELECT product_id FROM sale_lines WHERE product_id IS NOT NULL"
                           " LIMIT 1 OFFSET 5000")
    number = store.scalar("SELECT number FROM orders WHERE number <> '' ORDER BY id DESC LIMIT 1")

    def show(name: str, ms: float) -> None:
        print(f"{name:36s} {ms:10.2f} ms", flush=True)

    def refresh_day() -> None:
        with store.transaction() as c:
            rollups.refresh_days(c, [last_day])

    def refresh_contact() -> None:
        with store.transaction() as c:
            line_peaks.refresh_contact(c, contact)

    def add_sale() -> None:
        sales.add_order(store, sales.OrderInput(last_day, [sales.LineInput(1500)],
                                                contact_id=contact))

    show("date_span", median_ms(lambda: sales.date_span(store), runs))
    show("last_rate_of_day (last day)", median_ms(
        lambda: sales.last_rate_of_day(store, last_day), runs))
    show("last_rate_of_day (a year before)", median_ms(
        lambda: sales.last_rate_of_day(store, year_before), runs))
    show("usual_unit_price", median_ms(lambda: sales.usual_unit_price(store, product), runs))
    show("contact_page", median_ms(lambda: contacts.contact_page(store, contact), runs))
    show("backup summary", median_ms(lambda: backup_files.summarize(conn), runs))
    show("sale_with_number", median_ms(lambda: receipts.sale_with_number(store, number), runs))
    show("line_peaks.refresh_contact", median_ms(refresh_contact, runs))
    show("rollups.refresh_days (one day)", median_ms(refresh_day, runs))
    breakdown_days = rollups.breakdowns.refresh_days
    rollups.breakdowns.refresh_days = lambda c, days: None  # type: ignore[assignment]
    try:
        show("  without the breakdown rollup", median_ms(refresh_day, runs))
    finally:
        rollups.breakdowns.refresh_days = breakdown_days  # type: ignore[assignment]
    show("add_order (one sale)", median_ms(add_sale, runs))
    if export:
        show("export of every sale line (CSV)", median_ms(
            lambda: exporter.export_kind(store, "sales", scratch / "sales.csv"), 1))


if __name__ == "__main__":
    main()
