"""KPI Desk at scale: every figure of issue 17 with its goal beside it, at 10k, 100k and
1M sale lines (and 10M with --with-10m).

    .venv/bin/python bench/dashboard.py [DIR] [--sizes 10000,100000,1000000] [--with-10m]
                                        [--runs 9]

Demo shops are built (once) under DIR (default /tmp/kpidesk-bench) with
``python -m kpidesk demo --lines N``; building one records its time and peak memory
beside it (demo-N.build.json). Each shop is then measured in processes of its own, so
each peak RSS is that shop's:

  file          the shop file's size
  cold          every metric call the Dashboard makes for one month (cards, the 24-month
                revenue/target series, per-salesperson attainment, and the customer,
                cohort, at-risk, pipeline and forecast figures), every remembered result
                forgotten first (as on the first refresh after opening the shop);
  DuckDB        the same month's core figures — revenue, orders, average order value,
                growth on the month before (like for like), new, active and retained
                customers — computed by DuckDB from the raw rows (orders and lines read
                with sqlite3 into DataFrames first; that load is not counted), in a
                process of its own; the figures are checked equal to the app's;
  after a sale  the same calls just after one sale is recorded for a customer picked at
                random, as a cashier does (on a copy of the shop);
  widgets       DashboardTab.refresh() on a real (offscreen) tab after such a sale;
  table open    the sales table's first page and first screenful of cells;
  sort          the sales table sorted by each column, both ways: its first page
                (the slowest column, and the goal's four: amount, customer, product,
                salesperson);
  report        the monthly report of the last complete month: figures, layout, PDF;
  first figures launch of ``python -m kpidesk`` on the shop until the main window has
                painted the Dashboard's figures (median of 3 launches);
  RSS           peak resident memory of the measuring process (Dashboard, tab, table,
                sorts and report).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 26)
MONTH = "2026-11"
REPORT_MONTH = "2026-10"
SIZES = (10_000, 100_000, 1_000_000)
BIG = 10_000_000
GOAL_SORTS = ("Amount", "Customer", "Product", "Salesperson")


# -- building the shops ------------------------------------------------------------------
def line_count(path: Path) -> int:
    import sqlite3

    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT count(*) FROM sale_lines").fetchone()[0]


def ensure_shop(folder: Path, lines: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"demo-{lines}.db"
    if path.exists():
        return path
    print(f"building a demo shop of {lines:,} lines in {path} …", flush=True)
    tmp = path.with_suffix(".partial")
    for leftover in folder.glob(tmp.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    code = ("import resource, sys; from kpidesk.cli import main; rc = main(sys.argv[1:]);"
            " print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr);"
            " sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code, "demo", "--db", str(tmp), "--lines",
                           str(lines), "--today", TODAY.isoformat()],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"building the demo failed:\n{done.stderr[-2000:]}")
    seconds = time.perf_counter() - started
    rss = [int(x.split()[1]) for x in done.stderr.splitlines() if x.startswith("RSS ")]
    tmp.rename(path)
    info = {"seconds": round(seconds, 1), "rss_mb": round(rss[0] / 1024) if rss else None}
    path.with_suffix(".build.json").write_text(json.dumps(info))
    print(f"  built in {seconds:.0f} s, peak RSS {info['rss_mb']} MB", flush=True)
    return path


def build_info(path: Path) -> dict:
    sidecar = path.with_suffix(".build.json")
    return json.loads(sidecar.read_text()) if sidecar.exists() else {}


# -- measuring one shop (in a child process) -----------------------------------------------
def optional(module: str):
    try:
        return importlib.import_module(f"kpidesk.metrics.{module}")
    except ModuleNotFoundError as exc:
        if exc.name == f"kpidesk.metrics.{module}":
            return None
        raise


def dashboard_calls(store) -> tuple[list[tuple[str, object]], list[str]]:
    """(name, zero-argument call) for every metric the Dashboard uses; and the missing ones."""
    from kpidesk.metrics import growth, targets
    from kpidesk.metrics.periods import add_months

    last_complete = add_months(MONTH, -1)
    calls = [
        ("growth.sales_summary", lambda: growth.sales_summary(store, MONTH, TODAY)),
        ("targets.attainment_summary", lambda: targets.attainment_summary(store, MONTH, TODAY)),
        ("growth.revenue_series(25)", lambda: growth.revenue_series(store, MONTH, 25)),
        ("targets.target_series(24)", lambda: targets.target_series(store, MONTH, 24)),
        ("targets.salesperson_attainment",
         lambda: targets.salesperson_attainment(store, MONTH, TODAY)),
    ]
    missing = []
    customers, pipeline, forecast = optional("customers"), optional("pipeline"), \
        optional("forecast")
    cohorts, contact_status = optional("cohorts"), optional("contact_status")
    if customers:
        calls += [
            ("customers.customer_kpis", lambda: customers.customer_kpis(store, MONTH, TODAY)),
            ("customers.cohort_table(24)",
             lambda: cohorts.cohort_table(store, MONTH, 24, TODAY)),
            ("customers.at_risk", lambda: customers.at_risk(store, TODAY, limit=200)),
        ]
        if contact_status is not None:
            calls.append(("customers.funnel", lambda: contact_status.funnel(store, MONTH, TODAY)))
    else:
        missing.append("customers")
    if pipeline:
        calls.append(("pipeline.pipeline_kpis", lambda: pipeline.pipeline_kpis(store, MONTH, TODAY)))
    else:
        missing.append("pipeline")
    if forecast:
        calls.append(("forecast.trend_forecast",
                      lambda: forecast.trend_forecast(store, last_complete, 3)))
    else:
        missing.append("forecast")
    pacing, insight = optional("pacing"), optional("insight")
    if pacing and insight:  # issue #19: calendar pacing, the chance card, commission
        calls += [
            ("pacing.pacing", lambda: pacing.pacing(store, MONTH, TODAY)),
            ("pacing.target_probability",
             lambda: pacing.target_probability(store, MONTH, TODAY)),
            ("insight.commissions", lambda: insight.commissions(store, MONTH, TODAY)),
            ("insight.salesperson_probabilities",
             lambda: insight.salesperson_probabilities(store, MONTH, TODAY)),
        ]
        if hasattr(pacing, "probability_history"):  # the chance chart, filled after the paint
            calls.append(("pacing.probability_history (after paint)",
                          lambda: pacing.probability_history(store, MONTH, TODAY)))
    return calls, missing


def clear_memos() -> None:
    """Forget memoised metric results, as a write does (metrics.memo keeps them all: the
    metric modules no longer have a clear_memo of their own, so looking for one there
    forgot nothing and "cold" figures were remembered ones)."""
    from kpidesk.metrics.memo import clear_memo

    clear_memo()


CPU_MS: list[float] = []  # the median CPU time of the last median_ms call


def median_ms(fn, runs: int, before=None) -> tuple[float, float]:
    """(median, first) wall time in ms; its median CPU time (this process) in CPU_MS[0]:
    on a shared machine wall time also counts the waits for a core."""
    times, cpu = [], []
    for _ in range(runs):
        if before:
            before()
        started, cpu_started = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    CPU_MS[:] = [statistics.median(cpu)]
    return statistics.median(times), times[0]


def core_figures(store) -> dict:
    """The figures DuckDB computes too, as the app computes them."""
    from kpidesk.metrics import customers, growth

    sales = growth.sales_summary(store, MONTH, TODAY, currency="USD")
    kpis = customers.customer_kpis(store, MONTH, TODAY)
    return {"revenue": sales.revenue, "orders": sales.orders,
            "average_order_value": sales.average_order_value,
            "growth_mom": round(sales.growth_mom, 9),
            "new_customers": kpis["new_customers"], "active_customers": kpis["active_customers"],
            "retention": round(kpis["retention"], 9)}


def measure(path: Path, runs: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kpidesk.store.db import Store

    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841 (kept alive)
    out: dict = {"lines": line_count(path), "file_mb": path.stat().st_size / 1e6}

    from kpidesk.store.sales import LineInput, OrderInput, add_order

    # writes go to a copy: the shop stays as built for the next run
    scratch = Path(tempfile.mkdtemp(prefix="kpidesk-bench-"))
    copy = scratch / "shop.db"
    shutil.copy(path, copy)
    store = Store(copy)
    customer_ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM contacts WHERE first_purchase IS NOT NULL")]
    pick = random.Random(7)

    def record_sale() -> None:
        add_order(store, OrderInput(TODAY.isoformat(), [LineInput(1500)],
                                    contact_id=pick.choice(customer_ids)))
    calls, missing = dashboard_calls(store)
    out["measured"] = [name for name, _ in calls]
    out["missing"] = missing
    out["core"] = core_figures(store)

    def refresh() -> None:
        for _name, call in calls:
            call()

    out["cold_ms"], out["cold_first_ms"] = median_ms(refresh, runs, clear_memos)
    out["cold_cpu_ms"] = CPU_MS[0]
    out["per_call_ms"] = {name: round(median_ms(call, runs, clear_memos)[0], 2)
                          for name, call in calls}
    refresh()  # the dashboard on screen: every figure computed once
    out["refresh_ms"], _ = median_ms(refresh, runs, record_sale)
    out["refresh_cpu_ms"] = CPU_MS[0]
    out["per_call_after_sale_ms"] = {
        name: round(median_ms(call, runs, record_sale)[0], 2) for name, call in calls}

    # the Dashboard tab itself, widgets included
    from PySide6.QtCore import QSettings, Qt

    from kpidesk.i18n.language import LanguageManager
    from kpidesk.ui.context import AppContext
    from kpidesk.ui.tabs.dashboard import DashboardTab

    settings = QSettings(str(scratch / "bench.ini"), QSettings.Format.IniFormat)
    language = LanguageManager(app)
    language.set_language("en")
    ctx = AppContext(store, language, settings)
    ctx.fixed_today = TODAY
    tab = DashboardTab(ctx, None)
    tab.resize(1200, 800)
    if hasattr(tab, "set_month"):
        tab.set_month(MONTH)
    tab.refresh()
    out["widgets_ms"], _ = median_ms(tab.refresh, runs, record_sale)

    # the sales table: first page loaded and first screenful read; then every sort
    from kpidesk.ui.models.sales_model import COLUMNS, SalesTableModel

    def read_screen(model) -> None:
        for row in range(min(40, model.rowCount())):
            for col in range(model.columnCount()):
                model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)

    def open_table() -> None:
        model = SalesTableModel(store)
        assert model.rowCount() > 0
        read_screen(model)

    out["table_ms"], out["table_first_ms"] = median_ms(open_table, runs)
    model = SalesTableModel(store)
    sorts: dict[str, float] = {}
    for column, spec in enumerate(COLUMNS):
        name = spec.header.replace(" (%1)", " in USD")
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            def sort(column=column, order=order) -> None:
                model.sort(column, order)
                read_screen(model)
            ms, _ = median_ms(sort, max(3, runs // 3))
            sorts[name] = max(sorts.get(name, 0.0), ms)
    out["sort_ms"] = sorts

    # the monthly report of the last complete month
    from kpidesk.reports.data import collect
    from kpidesk.reports.monthly import MonthlyReport

    def report() -> None:
        data = collect(store, REPORT_MONTH, TODAY)
        built = MonthlyReport(data, "en")
        built.build()
        built.write_pdf(scratch / "report.pdf")
    clear_memos()
    out["report_ms"], _ = median_ms(report, 3, clear_memos)
    out["report_cpu_ms"] = CPU_MS[0]

    store.close()
    shutil.rmtree(scratch, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    out["rss_mb"] = peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    return out


# -- DuckDB on the raw rows (in a child process) ------------------------------------------
DUCKDB_SQL = """
WITH o AS (
    SELECT o.id, o.date, o.contact_id, SUM(l.amount_usd) AS usd, SUM(l.amount_khr) AS khr
    FROM orders o JOIN lines l ON l.order_id = o.id
    GROUP BY o.id, o.date, o.contact_id),
bought AS (SELECT contact_id, date FROM o WHERE contact_id IS NOT NULL AND khr >= 0),
firsts AS (SELECT contact_id, MIN(date) AS first FROM bought GROUP BY contact_id),
cur AS (SELECT DISTINCT contact_id FROM bought WHERE date BETWEEN $p0 AND $p1),
prev AS (SELECT DISTINCT contact_id FROM bought WHERE date BETWEEN $q0 AND $q1)
SELECT
    (SELECT SUM(usd) FROM o WHERE date BETWEEN $p0 AND $today) AS revenue,
    (SELECT COUNT(*) FROM o WHERE date BETWEEN $p0 AND $today AND khr >= 0) AS orders,
    (SELECT SUM(usd) FROM o WHERE date BETWEEN $q0 AND $q_same) AS previous_like_for_like,
    (SELECT COUNT(*) FROM firsts WHERE first BETWEEN $p0 AND $p1) AS new_customers,
    (SELECT COUNT(*) FROM cur) AS active_customers,
    (SELECT COUNT(*) FROM prev) AS previous_active,
    (SELECT COUNT(*) FROM cur JOIN prev USING (contact_id)) AS retained
"""


def measure_duckdb(path: Path, runs: int) -> dict:
    import sqlite3
    from datetime import date as _date

    import duckdb
    import pandas as pd

    started = time.perf_counter()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        orders = pd.read_sql_query("SELECT id, date, contact_id FROM orders", conn,
                                   dtype={"id": "int64", "contact_id": "Int64"})
        lines = pd.read_sql_query("SELECT order_id, amount_usd, amount_khr FROM sale_lines",
                                  conn, dtype={"order_id": "int64", "amount_usd": "int64",
                                               "amount_khr": "int64"})
    orders["date"] = pd.to_datetime(orders["date"]).dt.date
    load_s = time.perf_counter() - started
    con = duckdb.connect()
    con.register("orders", orders)
    con.register("lines", lines)
    params = {"p0": _date(2026, 11, 1), "p1": _date(2026, 11, 30), "today": TODAY,
              "q0": _date(2026, 10, 1), "q1": _date(2026, 10, 31),
              "q_same": _date(2026, 10, TODAY.day)}
    result = None

    def run() -> None:
        nonlocal result
        result = con.execute(DUCKDB_SQL, params).fetchone()
    ms, _ = median_ms(run, runs)
    revenue, n_orders, previous, new, active, previous_active, retained = result
    figures = {"revenue": int(revenue), "orders": int(n_orders),
               "average_order_value": round(revenue / n_orders),
               "growth_mom": round((revenue - previous) / previous, 9),
               "new_customers": int(new), "active_customers": int(active),
               "retention": round(retained / previous_active, 9)}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"duckdb_ms": ms, "load_s": load_s, "core": figures,
            "rss_mb": peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024}


# -- launching the app -----------------------------------------------------------------------
def first_figures_ms(path: Path, launches: int = 3) -> float:
    """Launch → the main window painted with the Dashboard's figures (median)."""
    clock = re.compile(r"clock (\d+\.\d+)")
    times = []
    backups = path.parent / "backups"  # the app's backup on the first start of a day
    made_backups = not backups.exists()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   KPIDESK_DATA_DIR=str(Path(tmp) / "data"), KPIDESK_SMOKE_FIRST_PAINT="1",
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for i in range(launches + 1):  # the first warms the disk cache and the .pyc files
            started = time.time()
            done = subprocess.run([sys.executable, "-m", "kpidesk", "--smoke", "--db",
                                   str(path)], cwd=ROOT, capture_output=True, text=True,
                                  env=env, timeout=600)
            match = clock.search(done.stdout)
            if done.returncode or not match:
                raise SystemExit(f"launching the app failed:\n{done.stdout}\n{done.stderr}")
            if i:
                times.append((float(match.group(1)) - started) * 1000)
    if made_backups:  # not left beside the bench's shops (a full copy each)
        shutil.rmtree(backups, ignore_errors=True)
    return statistics.median(times)


# -- the report ---------------------------------------------------------------------------------
def child(flag: str, path: Path, runs: int) -> dict:
    done = subprocess.run([sys.executable, __file__, flag, str(path), "--runs", str(runs)],
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        raise SystemExit(1)
    return json.loads(done.stdout.strip().splitlines()[-1])


def cell(value, fmt: str = "{:,.0f}") -> str:
    return "—" if value is None else fmt.format(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("/tmp/kpidesk-bench"))
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--with-10m", action="store_true",
                        help="also 10M lines (building that shop takes 4 minutes on an idle"
                             " 2-core machine, an hour or more on a busy one, and 1.5 GB of"
                             " disk)")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--duckdb", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:
        print(json.dumps(measure(args.measure, args.runs)))
        return 0
    if args.duckdb:
        print(json.dumps(measure_duckdb(args.duckdb, args.runs)))
        return 0

    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.with_10m and BIG not in sizes:
        sizes.append(BIG)
    results = []
    for lines in sizes:
        path = ensure_shop(args.folder, lines)
        print(f"measuring {path.name} …", flush=True)
        r = child("--measure", path, args.runs)
        r["duck"] = child("--duckdb", path, args.runs)
        r["first_ms"] = first_figures_ms(path)
        r["build"] = build_info(path)
        if r["duck"]["core"] != r["core"]:
            print(f"  DuckDB's figures differ from the app's: {r['duck']['core']} vs"
                  f" {r['core']}", file=sys.stderr)
        results.append(r)

    first = results[0]
    print(f"\nDashboard metrics measured: {', '.join(first['measured'])}")
    if first["missing"]:
        print(f"Not measured (module not written yet): {', '.join(first['missing'])}")
    print(f"Medians of {args.runs} runs; all times in ms. Core figures equal DuckDB's: "
          + ", ".join(f"{r['lines']:,}: {'yes' if r['duck']['core'] == r['core'] else 'NO'}"
                      for r in results) + "\n")

    def at(size: int):
        return next((r for r in results if abs(r["lines"] - size) <= size // 50), None)

    one, big = at(1_000_000), at(BIG)
    rows = [
        ("shop file (MB)", lambda r: r["file_mb"], "{:,.1f}", "≤ 150 at 1M",
         one and one["file_mb"] <= 150),
        ("cold dashboard refresh", lambda r: r["cold_ms"], "{:,.1f}", "", None),
        ("  its CPU time", lambda r: r.get("cold_cpu_ms"), "{:,.1f}", "", None),
        ("DuckDB, core figures from raw rows", lambda r: r["duck"]["duckdb_ms"], "{:,.1f}",
         "", None),
        ("cold refresh / DuckDB", lambda r: r["cold_ms"] / r["duck"]["duckdb_ms"], "{:.2f}×",
         "≤ 0.5× at every size",
         all(r["cold_ms"] <= 0.5 * r["duck"]["duckdb_ms"] for r in results)),
        ("refresh after a sale", lambda r: r["refresh_ms"], "{:,.1f}", "≤ 20 at 1M",
         one and one["refresh_ms"] <= 20),
        ("  its CPU time", lambda r: r.get("refresh_cpu_ms"), "{:,.1f}", "", None),
        ("refresh with widgets, after a sale", lambda r: r["widgets_ms"], "{:,.1f}", "", None),
        ("sales table open", lambda r: r["table_ms"], "{:,.1f}", "≤ 300 at 10M",
         big and big["table_ms"] <= 300),
        ("sort by " + "/".join(s.lower() for s in GOAL_SORTS) + " (slowest)",
         lambda r: max(r["sort_ms"][s] for s in GOAL_SORTS), "{:,.1f}", "≤ 300 at 10M",
         big and max(big["sort_ms"][s] for s in GOAL_SORTS) <= 300),
        ("sort by any column (slowest)", lambda r: max(r["sort_ms"].values()),
         "{:,.1f}", "≤ 300 at 10M", big and max(big["sort_ms"].values()) <= 300),
        ("report of a month", lambda r: r["report_ms"], "{:,.0f}", "≤ 2,000 at 10M",
         big and big["report_ms"] <= 2000),
        ("  its CPU time", lambda r: r.get("report_cpu_ms"), "{:,.0f}", "", None),
        ("peak RSS (MB)", lambda r: r["rss_mb"], "{:,.0f}", "≤ 300 at 10M",
         big and big["rss_mb"] <= 300),
        ("launch → first figures painted", lambda r: r["first_ms"], "{:,.0f}", "≤ 1,000 at 10M",
         big and big["first_ms"] <= 1000),
        ("demo build (s)", lambda r: r["build"].get("seconds"), "{:,.0f}", "", None),
        ("demo build peak RSS (MB)", lambda r: r["build"].get("rss_mb"), "{:,.0f}",
         "bounded: ≤ 300 at 10M",
         (big["build"].get("rss_mb") or 10**9) <= 300 if big else None),
    ]
    width = 54
    header = f"{'':<{width}}" + "".join(f"{r['lines']:>13,}" for r in results) + "   goal"
    print(header)
    print("-" * len(header))
    for label, value, fmt, goal, met in rows:
        cells = "".join(f"{cell(value(r), fmt):>13}" for r in results)
        verdict = "" if met is None or not goal else (" — met" if met else " — NOT met")
        print(f"{label:<{width}}{cells}   {goal}{verdict}")
    if one and big:
        ratio = big["cold_ms"] / one["cold_ms"]
        print(f"{'cold refresh, 10M / 1M':<{width}}{'':>{13 * (len(results) - 1)}}"
              f"{ratio:>12.2f}×   ≤ 2× — {'met' if ratio <= 2 else 'NOT met'}")
        cpu_ratio = big["cold_cpu_ms"] / one["cold_cpu_ms"]
        print(f"{'  in CPU time':<{width}}{'':>{13 * (len(results) - 1)}}{cpu_ratio:>12.2f}×")
    last = results[-1]
    print("\nSlowest calls at {:,} lines (median ms, after a sale / cold):".format(last["lines"]))
    for name, ms in sorted(last["per_call_ms"].items(), key=lambda kv: -kv[1])[:6]:
        print(f"  {last['per_call_after_sale_ms'][name]:7.2f} / {ms:7.2f}  {name}")
    print("Sales table, first page sorted by each column at {:,} lines (ms, slower way):"
          .format(last["lines"]))
    print("  " + ", ".join(f"{k} {v:.0f}" for k, v in last["sort_ms"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
