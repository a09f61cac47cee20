"""Dashboard refresh, sales-table open and peak memory at 10k, 100k and 1M sale lines.

    .venv/bin/python bench/dashboard.py [DIR] [--sizes 10000,100000,1000000] [--runs 9]

Builds (or reuses) demo shops under DIR (default /tmp/kpidesk-bench) with
``python -m kpidesk demo --lines N`` (the 1M shop is copied from
/tmp/demo1000000.db when that exists: building it takes about a minute). Each
shop is measured in its own process, so the peak RSS is that shop's.

Printed per shop, as medians over --runs:
  refresh   every metric call the Dashboard makes for one month (cards, the
            24-month revenue/target series, per-salesperson attainment, and the
            customer, cohort, at-risk, pipeline and forecast figures), just after
            a write: one sale recorded for a customer picked at random, as a
            cashier does (on a copy of the shop, which stays as it was);
  cold      the same calls with every remembered result forgotten first (the
            first refresh after opening the shop or after an import);
  widgets   DashboardTab.refresh() on a real (offscreen) tab after such a sale,
            i.e. the same calls plus filling cards, charts and tables;
  table     SalesTableModel(store) until its first page is loaded and the
            first screenful of cells has been read;
  RSS       peak resident memory of the process (resource.getrusage).
Goals at 1M lines: refresh <= 50 ms (after a sale, and cold), table <= 300 ms,
RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 26)
MONTH = "2026-11"
SIZES = (10_000, 100_000, 1_000_000)
PREBUILT = {1_000_000: Path("/tmp/demo1000000.db")}
GOALS = {"refresh_ms": 50, "table_ms": 300, "rss_mb": 300}


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
    source = PREBUILT.get(lines)
    if source and source.exists() and abs(line_count(source) - lines) <= lines // 100:
        print(f"copying {source} -> {path}", flush=True)
        shutil.copy(source, path)
        return path
    print(f"building a demo shop of {lines:,} lines in {path} …", flush=True)
    started = time.perf_counter()
    tmp = path.with_suffix(".partial")
    for leftover in folder.glob(tmp.name + "*"):
        leftover.unlink()
    subprocess.run([sys.executable, "-m", "kpidesk", "demo", "--db", str(tmp),
                    "--lines", str(lines), "--today", TODAY.isoformat()],
                   check=True, cwd=ROOT)
    tmp.rename(path)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


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
    if customers:
        calls += [
            ("customers.customer_kpis", lambda: customers.customer_kpis(store, MONTH, TODAY)),
            ("customers.cohort_table(24)", lambda: customers.cohort_table(store, MONTH, 24)),
            ("customers.at_risk", lambda: customers.at_risk(store, TODAY, limit=200)),
        ]
        if hasattr(customers, "funnel"):
            calls.append(("customers.funnel", lambda: customers.funnel(store, MONTH, TODAY)))
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
    return calls, missing


def clear_memos() -> None:
    """Forget memoised metric results, as a write does."""
    for name in ("customers", "growth", "targets", "pipeline", "forecast"):
        module = sys.modules.get(f"kpidesk.metrics.{name}")
        if module is not None and hasattr(module, "clear_memo"):
            module.clear_memo()


def median_ms(fn, runs: int, before=None) -> tuple[float, float]:
    """(median, first) in ms."""
    times = []
    for _ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), times[0]


def measure(path: Path, runs: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kpidesk.store.db import Store

    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841 (kept alive)
    out: dict = {"lines": line_count(path)}
    import random
    import tempfile

    from kpidesk.store.backup import make_backup
    from kpidesk.store.sales import LineInput, OrderInput, add_order

    # writes go to a copy: the shop stays as built for the next run
    scratch = Path(tempfile.mkdtemp(prefix="kpidesk-bench-"))
    with Store(path, read_only=True) as original:
        copy = make_backup(original, "manual", scratch, prune_after=False).path
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

    def refresh() -> None:
        for _name, call in calls:
            call()

    out["cold_ms"], out["cold_first_ms"] = median_ms(refresh, runs, clear_memos)
    out["per_call_ms"] = {name: round(median_ms(call, runs, clear_memos)[0], 2)
                          for name, call in calls}
    refresh()  # the dashboard on screen: every figure computed once
    out["refresh_ms"], _ = median_ms(refresh, runs, record_sale)
    out["per_call_after_sale_ms"] = {
        name: round(median_ms(call, runs, record_sale)[0], 2) for name, call in calls}

    # the Dashboard tab itself, widgets included
    try:
        from PySide6.QtCore import QSettings

        from kpidesk.i18n.language import LanguageManager
        from kpidesk.ui.context import AppContext
        from kpidesk.ui.tabs.dashboard import DashboardTab

        settings = QSettings(str(Path(path).with_suffix(".ini")), QSettings.Format.IniFormat)
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
    except ModuleNotFoundError as exc:
        out["widgets_ms"] = None
        out["widgets_note"] = f"no dashboard tab ({exc.name})"

    # the sales table: first page loaded, first screenful read
    try:
        from PySide6.QtCore import Qt

        from kpidesk.ui.models.sales_model import SalesTableModel

        def open_table() -> None:
            model = SalesTableModel(store)
            assert model.rowCount() > 0
            for row in range(min(40, model.rowCount())):
                for col in range(model.columnCount()):
                    model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole)

        out["table_ms"], out["table_first_ms"] = median_ms(open_table, runs)
    except ModuleNotFoundError as exc:
        out["table_ms"] = None
        out["table_note"] = f"no sales model ({exc.name})"

    store.close()
    shutil.rmtree(scratch, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    out["rss_mb"] = peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    return out


# -- the report ---------------------------------------------------------------------------------
def fmt_ms(value) -> str:
    return "—" if value is None else f"{value:7.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("/tmp/kpidesk-bench"))
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:
        print(json.dumps(measure(args.measure, args.runs)))
        return 0

    results = []
    for lines in (int(s) for s in args.sizes.split(",")):
        path = ensure_shop(args.folder, lines)
        done = subprocess.run([sys.executable, __file__, "--measure", str(path),
                               "--runs", str(args.runs)], capture_output=True, text=True,
                              cwd=ROOT)
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))

    first = results[0]
    print(f"\nDashboard metrics measured: {', '.join(first['measured'])}")
    if first["missing"]:
        print(f"Not measured (module not written yet): {', '.join(first['missing'])}")
    print(f"Medians of {args.runs} runs. refresh: just after a sale is recorded; cold: every"
          " remembered result forgotten first.\n")
    print(f"{'sale lines':>11} | {'refresh ms':>10} | {'cold ms':>8} | {'widgets ms':>10} | "
          f"{'table ms':>9} | {'peak RSS MB':>11}")
    print("-" * 75)
    for r in results:
        print(f"{r['lines']:>11,} | {fmt_ms(r['refresh_ms']):>10} | {fmt_ms(r['cold_ms']):>8} | "
              f"{fmt_ms(r.get('widgets_ms')):>10} | {fmt_ms(r.get('table_ms')):>9} | "
              f"{r['rss_mb']:>11.0f}")
    big = results[-1]
    print(f"\nGoals at 1M lines: refresh (after a sale, and cold) <= {GOALS['refresh_ms']} ms,"
          f" table <= {GOALS['table_ms']} ms, RSS <= {GOALS['rss_mb']} MB")
    verdicts = [
        ("refresh", big["refresh_ms"], GOALS["refresh_ms"]),
        ("cold refresh", big["cold_ms"], GOALS["refresh_ms"]),
        ("table", big.get("table_ms"), GOALS["table_ms"]),
        ("RSS", big["rss_mb"], GOALS["rss_mb"]),
    ]
    print("At {:,} lines: ".format(big["lines"]) + "; ".join(
        f"{name} {'met' if value is not None and value <= goal else 'NOT met'}"
        for name, value, goal in verdicts))
    print("\nSlowest calls at {:,} lines (median ms, after a sale / cold):".format(big["lines"]))
    for name, ms in sorted(big["per_call_ms"].items(), key=lambda kv: -kv[1])[:6]:
        print(f"  {big['per_call_after_sale_ms'][name]:7.2f} / {ms:7.2f}  {name}")
    for key in ("widgets_note", "table_note"):
        if key in big:
            print(big[key])
    return 0


if __name__ == "__main__":
    sys.exit(main())
