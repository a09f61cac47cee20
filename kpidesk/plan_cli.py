"""`python -m kpidesk plan`: what it takes to reach a revenue target in a month
(KPI.md §2b what-if; see `metrics/plan.py`). Reads only; AMOUNT is in the reporting
currency's major units (dollars, or riel)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path


def add_plan_parser(sub, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("plan", help="what it takes to reach a revenue target in a month")
    db_arg(p)
    p.add_argument("--period", required=True, help="YYYY-MM")
    p.add_argument("--target", required=True,
                   help="the month's revenue target in the reporting currency, e.g. 25000")
    p.add_argument("--today", type=date.fromisoformat, default=None,
                   help="the shop's date (default: today)")
    p.add_argument("--json", action="store_true")


def run_plan(args: argparse.Namespace, db: Path, fail: Callable[[str], int]) -> int:
    from kpidesk.cli import FIRST_MONTH, LAST_MONTH
    from kpidesk.i18n.format import parse_money
    from kpidesk.metrics.plan import plan
    from kpidesk.shop_cli import cli_store
    from kpidesk.store.errors import StoreError
    from kpidesk.store.targets import check_period

    try:
        check_period(args.period)
    except (ValueError, StoreError):
        return fail(f"--period must be YYYY-MM, not {args.period!r}")
    if not FIRST_MONTH <= args.period <= LAST_MONTH:
        return fail(f"--period must be a month from {FIRST_MONTH} to {LAST_MONTH}")
    with cli_store(db) as store:
        currency = store.reporting_currency
        try:
            target = parse_money(str(args.target), currency)
        except ValueError:
            return fail(f"--target must be an amount in {currency}, not {args.target!r}")
        if target < 0:
            return fail("--target cannot be negative")
        result = plan(store, args.period, args.today or date.today(), target=target)
    data = result.as_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    people = data.pop("salespeople")
    width = max(len(k) for k in data)
    for key, value in data.items():
        print(f"{key:<{width}}  {value if value is not None else '—'}")
    for row in people:
        shown = {k: ("—" if row[k] is None else row[k])
                 for k in ("target", "needed_per_day", "needed_orders_per_day", "needed_basket")}
        print(f"- {row['name']}: " + ", ".join(f"{k} {v}" for k, v in shown.items()))
    return 0
