"""Timing of the customer, pipeline and forecast metrics on a large shop.

    .venv/bin/python bench/customers.py [--db /tmp/bench_customers.db] [--runs 7]

Uses (or builds) a shop of 1,000,000 sale lines and about 20,000 customers:
copies /tmp/demo1000000.db when it exists, else runs the demo builder (about a
minute). Prints the median time of each call and of the dashboard's set
together: customer_kpis + pipeline_kpis + cohort_table(24) + at_risk (the 200
rows the dashboard shows) + trend_forecast, cold (nothing remembered: the first
refresh after opening the shop) and warm. `bench/dashboard.py` measures the
whole dashboard just after a sale is recorded (goal: ≤ 50 ms).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kpidesk.metrics import cohorts, contact_status, customers, forecast, memo, pipeline  # noqa: E402
from kpidesk.metrics.periods import add_months, month_key  # noqa: E402
from kpidesk.store.db import Store, upgrade_if_needed  # noqa: E402

TODAY = date(2026, 11, 26)
SOURCE = Path("/tmp/demo1000000.db")


def ensure_store(path: Path, lines: int) -> None:
    if path.exists():
        return
    if SOURCE.exists() and lines == 1_000_000:
        print(f"copying {SOURCE} → {path}")
        shutil.copy(SOURCE, path)
        return
    from kpidesk.demo import build_demo

    print(f"building a demo shop of {lines:,} lines in {path} …")
    started = time.perf_counter()
    with Store(path) as store:
        build_demo(store, months=24, lines=lines, today=TODAY, seed=7)
    print(f"  built in {time.perf_counter() - started:.0f} s")


CPU: list[float] = []  # CPU ms of the last `timed` (a fairer figure on a busy machine)


def timed(fn, runs: int, cold: bool = True) -> tuple[float, object]:
    """Median wall ms of `runs` calls; cold = every remembered result forgotten before
    each call. The median CPU ms goes to CPU[0]."""
    times, cpu = [], []
    result = None
    for _ in range(runs):
        if cold:
            memo.clear_memo()
        started, cpu_started = time.perf_counter(), time.process_time()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    CPU[:] = [statistics.median(cpu)]
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench_customers.db"))
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ensure_store(args.db, args.lines)

    upgrade_if_needed(args.db)
    store = Store(args.db, read_only=True)
    today = date.fromisoformat(store.scalar("SELECT MAX(day) FROM daily_revenue") or
                               TODAY.isoformat())
    month = month_key(today)
    last_complete = add_months(month, -1)
    counts = {t: store.scalar(f"SELECT COUNT(*) FROM {t}") for t in
              ("sale_lines", "orders", "contacts", "customer_day", "customer_month")}
    customers_n = store.scalar("SELECT COUNT(*) FROM contacts WHERE first_purchase IS NOT NULL")
    print(f"{args.db}: {counts['sale_lines']:,} lines, {counts['orders']:,} orders, "
          f"{customers_n:,} customers, {counts['customer_day']:,} customer-days, "
          f"{counts['customer_month']:,} customer-months; today {today}")

    dashboard = {
        "customer_kpis (month)": lambda: customers.customer_kpis(store, month, today),
        "pipeline_kpis": lambda: pipeline.pipeline_kpis(store, month, today),
        "pipeline_by_stage": lambda: pipeline.pipeline_by_stage(store, today),
        "cohort_table (24)": lambda: cohorts.cohort_table(store, last_complete, 24),
        "at_risk (200 rows)": lambda: customers.at_risk(store, today, limit=200),
        "trend_forecast": lambda: forecast.trend_forecast(store, last_complete),
    }
    others = {
        "customer_kpis (quarter)": lambda: customers.customer_kpis(
            store, f"{today.year}-Q{(today.month - 1) // 3 + 1}", today),
        "customer_kpis (year)": lambda: customers.customer_kpis(store, str(today.year), today),
        "funnel (month)": lambda: contact_status.funnel(store, month, today),
        "contact_statuses": lambda: contact_status.contact_statuses(store, today),
        "at_risk (all rows)": lambda: customers.at_risk(store, today),
    }
    for fn in dashboard.values():  # warm the page cache once
        fn()
    total = warm_total = cpu_total = 0.0
    print(f"\nmedian of {args.runs} runs, ms: cold wall (CPU) / warm (remembered)")
    for name, fn in dashboard.items():
        ms, result = timed(fn, args.runs)
        cpu = CPU[0]
        warm, _ = timed(fn, args.runs, cold=False)
        total += ms
        cpu_total += cpu
        warm_total += warm
        size = f"{len(result)} rows" if isinstance(result, list) else ""
        print(f"  {name:26s} {ms:8.1f} ({cpu:6.1f}) / {warm:6.2f}  {size}")
    print(f"  {'dashboard set (sum)':26s} {total:8.1f} ({cpu_total:6.1f}) / {warm_total:6.2f}")
    ms, _ = timed(lambda: [fn() for fn in dashboard.values()], args.runs)
    cpu = CPU[0]
    warm, _ = timed(lambda: [fn() for fn in dashboard.values()], args.runs, cold=False)
    print(f"  {'dashboard set (together)':26s} {ms:8.1f} ({cpu:6.1f}) / {warm:6.2f}"
          "   goal ≤ 50 ms with the rest")
    print("\nalso used by other screens (cold wall (CPU) ms)")
    for name, fn in others.items():
        ms, _ = timed(fn, max(3, args.runs // 2))
        print(f"  {name:26s} {ms:8.1f} ({CPU[0]:6.1f})")
    store.close()


if __name__ == "__main__":
    main()
