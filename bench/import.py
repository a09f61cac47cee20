"""Import speed: kpidesk's importer against ``sqlite-utils insert --csv`` of the same file.

    .venv/bin/python bench/import.py [--sizes 10000,100000,1000000] [--no-retail] [--dir DIR]

For each size a CSV in kpidesk's own columns is synthesised (two years of a
shop: orders of 1-3 lines, walk-ins and ~2 % named customers, USD and riel,
refunds), then imported into an empty shop file with ``python -m kpidesk
import sales`` (one transaction, rollups rebuilt), and the same file is
inserted with ``sqlite-utils insert --csv`` into a bare table of an empty
database. Both run as subprocesses; wall-clock times and their ratio are
printed (goal: ≤ 2× at 1M lines), with the importer's peak RSS.

Then the 541,909-line online-retail export (gzip) is imported with the guessed
mapping and its figures are checked against the README's.

With ``--bombs``, hostile files (the attacks kept in ``tests/attacks``) are imported
too, each in its own process, with their wall time and peak RSS (goal: under 400 MB
whatever the file): an XLSX of 1 MB holding one 1 GiB shared string, a 2.5 MB
``.csv.gz`` of 20,000 rows with a 120 kB cell each, a 3 MB ``.gz`` of 3 GiB of blank
lines, and a million lines in which every customer is new and named with 190
characters.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
SQLITE_UTILS = Path(PY).with_name("sqlite-utils")
RETAIL = Path("/work/shared/data/online-retail/online_retail.csv.gz")
if not RETAIL.exists():
    RETAIL = ROOT.parent / "shared/data/online-retail/online_retail.csv.gz"
OWN = ["date", "order", "customer", "salesperson", "product", "category", "quantity", "amount",
       "currency", "rate", "channel"]


def synthesise(path: Path, lines: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    start = date(2024, 12, 1)
    days = 730
    customers = max(50, lines // 50)
    products = [(f"Product {i}", ["Phones", "Accessories", "Services", "Top-up"][i % 4],
                 rnd.randint(100, 50000)) for i in range(200)]
    people = ["សុខា", "Dara", "ស្រីនាង", "Vuthy"]
    channels = ["Shop", "Shop", "Shop", "Facebook", "Telegram", "Phone"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(OWN)
        n = order = 0
        while n < lines:
            order += 1
            day = (start + timedelta(days=order * days // (lines // 2 + 1))).isoformat()
            customer = f"Customer {rnd.randrange(customers)}" if rnd.random() < 0.4 else ""
            sp, ch = rnd.choice(people), rnd.choice(channels)
            refund = rnd.random() < 0.01
            rate = 4100 + (order % 40)
            for _ in range(min(rnd.choice((1, 1, 2, 3)), lines - n)):
                name, cat, price = rnd.choice(products)
                qty = rnd.choice((1, 1, 1, 2))
                cents = price * qty * (-1 if refund else 1)
                if rnd.random() < 0.3:
                    amount, cur = str(round(cents * rate / 100, -2))[:-2], "KHR"
                else:
                    amount, cur = f"{cents / 100:.2f}", "USD"
                w.writerow([day, f"R{order:08d}", customer, sp, name, cat,
                            -qty if refund else qty, amount, cur, rate, ch])
                n += 1


# Runs the CLI and reports its own peak RSS on stderr.
KPIDESK = [PY, "-c", "import resource, sys; from kpidesk.cli import main; rc = main(sys.argv[1:]);"
           " print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr);"
           " sys.exit(rc)"]


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall time of a subprocess and its peak RSS in MB (when it reports it)."""
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    rss = [int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("RSS ")]
    return elapsed, (rss[0] // 1024 if rss else 0)


def compare(csv_path: Path, work: Path, label: str, kind_args: list[str] | None = None) -> None:
    db = work / f"{label}.db"
    bare = work / f"{label}-bare.db"
    for p in (db, bare):
        for q in (p, Path(f"{p}-wal"), Path(f"{p}-shm")):
            q.unlink(missing_ok=True)
    ours, rss = timed([*KPIDESK, "import", "sales", str(csv_path), "--db", str(db)])
    theirs_src = csv_path
    if csv_path.suffix == ".gz":  # sqlite-utils reads plain CSV: give it the same file unpacked
        theirs_src = work / f"{label}.csv"
        with gzip.open(csv_path, "rb") as src, open(theirs_src, "wb") as dst:
            dst.write(src.read())
    theirs, _ = timed([str(SQLITE_UTILS), "insert", str(bare), "lines", str(theirs_src), "--csv"])
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM sale_lines").fetchone()[0]
    con.close()
    verdict = ""
    if n >= 900_000:  # the goals are set at a million lines
        verdict = (f"  [goals ≤ 2× and ≤ 400 MB: {'met' if ours <= 2 * theirs else 'NOT met'},"
                   f" {'met' if rss <= 400 else 'NOT met'}]")
    print(f"{label:>12}  {n:>9,} lines  kpidesk {ours:7.2f} s  sqlite-utils {theirs:7.2f} s"
          f"  ratio {ours / theirs:5.2f}×  (import peak RSS {rss} MB){verdict}", flush=True)
    return db


def measured(cmd: list[str]) -> tuple[float, int, int, str]:
    """(wall time, peak RSS in MB, exit code, last line of stderr) of a subprocess."""
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - t
    lines = proc.stderr.splitlines()
    rss = [int(line.split()[1]) for line in lines if line.startswith("RSS ")]
    said = [line for line in lines if not line.startswith("RSS ")]
    return elapsed, (rss[0] // 1024 if rss else 0), proc.returncode, (said[-1] if said else "")


def bombs(work: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "attacks"))
    from attack_files import gz_repeated, xlsx

    made = []
    path = work / "bomb-shared-string.xlsx"
    if not path.exists():
        xlsx(path, [["date", "customer", "amount"], ["2026-11-20", 0, "12.50"],
                    ["2026-11-21", "Dara", "3.00"]], huge_shared=1 << 30)
    made.append(("xlsx, 1 GiB shared string", path))
    path = work / "bomb-wide-cells.csv.gz"
    if not path.exists():
        cell = "x" * 120_000
        rows = "".join(f"2026-11-20,{cell},1.00\n" for _ in range(100)).encode()
        gz_repeated(path, rows, 200, head=b"date,customer,amount\n")
    made.append(("csv.gz, 20k × 120 kB cells", path))
    path = work / "bomb-blank-lines.csv.gz"
    if not path.exists():
        gz_repeated(path, b"\n" * (64 << 20), 48,
                    head=b"date,customer,amount\n2026-11-20,Sokha,1.00\n")
    made.append(("gz, 3 GiB of blank lines", path))
    path = work / "bomb-1m-new-customers.csv"
    if not path.exists():
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("date,order,customer,amount\n")
            pad = "ក" * 150
            for i in range(1_000_000):
                f.write(f"2026-{1 + i % 11:02d}-{1 + i % 28:02d},R{i},{pad}{i:038d},"
                        f"{1 + i % 50}.{i % 100:02d}\n")
    made.append(("1M lines, 1M new 190-char names", path))
    for label, path in made:
        db = work / "bomb.db"
        for q in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            q.unlink(missing_ok=True)
        elapsed, rss, rc, said = measured([*KPIDESK, "import", "sales", str(path), "--db",
                                           str(db), "--skip-bad"])
        size = path.stat().st_size / 1e6
        print(f"  {label:<34} {size:7.1f} MB on disk  {elapsed:6.1f} s  peak RSS {rss:4d} MB"
              f"  exit {rc}  {said[:90]}", flush=True)


def check_retail(db: Path) -> None:
    con = sqlite3.connect(db)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    clean = ("FROM sale_lines l JOIN orders o ON o.id = l.order_id WHERE o.contact_id IS NOT NULL"
             " AND l.quantity > 0 AND o.number NOT LIKE 'C%'")
    rows, invoices, customers = q("SELECT (SELECT count(*) FROM sale_lines),"
                                  " (SELECT count(*) FROM orders),"
                                  " (SELECT count(*) FROM contacts)")[0]
    revenue = q("SELECT SUM(revenue_usd) FROM daily_revenue")[0][0]
    monthly = dict(q("SELECT substr(day, 1, 7), SUM(revenue_usd) FROM daily_revenue GROUP BY 1"))
    c_rows, c_customers, c_invoices, c_revenue = q(
        f"SELECT count(*), count(DISTINCT o.contact_id), count(DISTINCT o.id), SUM(l.amount)"
        f" {clean}")[0]
    c_monthly = dict(q(f"SELECT substr(o.date, 1, 7), SUM(l.amount) {clean} GROUP BY 1"))
    new = dict(q("SELECT substr(first_purchase, 1, 7), count(*) FROM contacts"
                 " WHERE first_purchase IS NOT NULL GROUP BY 1"))
    cohort = [r[0] for r in q("SELECT id FROM contacts WHERE first_purchase LIKE '2010-12%'")]
    active = {}
    for month in ("2011-01", "2011-02", "2011-03"):
        active[month] = q(
            f"SELECT count(DISTINCT o.contact_id) {clean} AND o.date LIKE '{month}%'"
            " AND o.contact_id IN (SELECT id FROM contacts WHERE first_purchase LIKE '2010-12%')"
        )[0][0] / len(cohort)
    con.close()
    m = ("2010-12", "2011-01", "2011-02")
    got = {
        "rows / invoices / customers": (rows, invoices, customers),
        "revenue, all rows": f"{revenue / 100:,.2f}",
        "monthly revenue, all rows": [f"{monthly[k] / 100:,.2f}" for k in m],
        "clean rows / customers / invoices / revenue":
            (c_rows, c_customers, c_invoices, f"{c_revenue / 100:,.2f}"),
        "clean monthly revenue": [f"{c_monthly[k] / 100:,.2f}" for k in m],
        "clean new customers": [new[k] for k in m],
        "Dec-2010 cohort active +1, +2, +3": [f"{active[k] * 100:.1f} %" for k in active],
    }
    want = {
        "rows / invoices / customers": (541909, 25900, 4372),
        "revenue, all rows": "9,747,747.93",
        "monthly revenue, all rows": ["748,957.02", "560,000.26", "498,062.65"],
        "clean rows / customers / invoices / revenue": (397924, 4339, 18536, "8,911,407.90"),
        "clean monthly revenue": ["572,713.89", "569,445.04", "447,137.35"],
        "clean new customers": [885, 417, 380],
        "Dec-2010 cohort active +1, +2, +3": ["36.6 %", "32.3 %", "38.4 %"],
    }
    ok = True
    for key, value in got.items():
        same = value == want[key]
        ok &= same
        print(f"  {'ok ' if same else 'BAD'} {key}: {value}" + ("" if same else
                                                               f" (README: {want[key]})"))
    print("  online-retail figures match the README" if ok else "  MISMATCH with the README")
    # The same figures through the metric modules (what the app shows).
    sys.path.insert(0, str(ROOT))
    from kpidesk.metrics.cohorts import cohort_table
    from kpidesk.metrics.customers import customer_kpis
    from kpidesk.metrics.growth import sales_summary
    from kpidesk.store.db import Store

    today = date(2011, 12, 9)
    with Store(db, read_only=True) as store:
        revenue = [f"{sales_summary(store, k, today).revenue / 100:,.2f}" for k in m]
        new = [customer_kpis(store, k, today)["new_customers"] for k in m]
        dec = cohort_table(store, "2011-03", cohorts=4)[0]
    print(f"  metrics: revenue {revenue}, new customers {new}, cohort {dec['cohort']}"
          f" +1..+3 {[f'{x * 100:.1f} %' for x in dec['shares'][1:4]]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--no-retail", action="store_true")
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--bombs", action="store_true", help="also import the hostile files")
    args = ap.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="kpidesk-import-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder: {work}")
    for size in (int(s) for s in args.sizes.split(",") if s):
        path = work / f"own-{size}.csv"
        if not path.exists():
            synthesise(path, size)
        compare(path, work, f"own {size // 1000}k" if size < 10**6 else f"own {size // 10**6}M")
    if not args.no_retail and RETAIL.exists():
        db = compare(RETAIL, work, "retail 541k")
        check_retail(db)
    if args.bombs:
        print("hostile files (--skip-bad):")
        bombs(work)


if __name__ == "__main__":
    main()
