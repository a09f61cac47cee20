"""`python -m kpidesk analyse`: one breakdown of a period's sales (KPI.md §1).

    python -m kpidesk analyse --db PATH --period P [--compare Q]
        --by product|category|salesperson|channel|payment|customer|day|weekday|hour|branch
        [--json]

P and Q: YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD. Rows: key (an id, an ISO date,
weekday 1 = Monday … 7, hour 0–23, a branch's name; null for none / no time / the
shop's own rows when it has no branch name), name, revenue, share, orders,
quantity, gross_profit, margin; with --compare also previous_revenue and change.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from kpidesk.metrics import analysis


def add_parser(sub: argparse._SubParsersAction, db_arg) -> None:
    p = sub.add_parser("analyse", help="one breakdown of a period's sales")
    db_arg(p)
    p.add_argument("--period", required=True,
                   help="YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD")
    p.add_argument("--compare", default=None, help="a period to compare with")
    p.add_argument("--by", required=True, choices=analysis.BY)
    p.add_argument("--json", action="store_true")
    p.add_argument("--currency", choices=("USD", "KHR"), default=None)
    p.add_argument("--today", type=date.fromisoformat, default=None,
                   help="the shop's date (default: today)")


def check_period(text: str, option: str) -> str | None:
    """None when `text` is a period the shop's figures can be asked for, else why not."""
    from kpidesk.cli import FIRST_MONTH, LAST_MONTH

    try:
        found = analysis.parse_range(text)
    except ValueError:
        return (f"{option} must be YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD,"
                f" not {text!r}")
    if not (FIRST_MONTH <= f"{found.start:%Y-%m}" and f"{found.end:%Y-%m}" <= LAST_MONTH):
        return f"{option} must lie between {FIRST_MONTH} and {LAST_MONTH}"
    return None


def run(args: argparse.Namespace, db_path, fail) -> int:
    from kpidesk.shop_cli import cli_store

    for text, option in ((args.period, "--period"), (args.compare, "--compare")):
        if text is not None and (problem := check_period(text, option)):
            return fail(problem)
    with cli_store(db_path) as store:
        found = analysis.breakdown(store, args.by, args.period, args.today or date.today(),
                                   compare=args.compare, currency=args.currency)
    with_compare = args.compare is not None
    rows = [analysis.row_json(row, with_compare) for row in found.rows]
    if args.json:
        total = found.total
        print(json.dumps({
            "period": found.period.key, "by": args.by, "currency": found.currency,
            "upto": found.upto.isoformat() if found.upto else None,
            "compare": found.compare.key if found.compare else None,
            "revenue": total.revenue if total else None,
            "previous_revenue": (found.previous_total.revenue if found.previous_total
                                 else None),
            "rows": rows}, ensure_ascii=False, indent=2))
        return 0
    if found.total is None:
        print(f"{found.period.key} has not started: no figures yet")
        return 0
    columns = ["key", "name", "revenue", "share", "orders", "quantity", "gross_profit"]
    if with_compare:
        columns += ["previous_revenue", "change"]
    print("\t".join(columns))
    for row in rows:
        print("\t".join(_cell(row[c]) for c in columns))
    return 0


def _cell(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)
