"""Headless commands of the call-backs, the data-health check and the shared month:

    python -m kpidesk check  --db PATH [--period P] [--today D] [--json]
    python -m kpidesk share  --db PATH --month YYYY-MM --lang km|en --out FILE.png
    python -m kpidesk import calls FILE --db PATH
    python -m kpidesk export calls --db PATH --out FILE.csv|FILE.xlsx

`check` exits 0 when it ran, findings or not: they are advice, not errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kpidesk.metrics.health import Finding

KIND_TEXT = {
    "missing_days": "no sale entered on a usual trading day",
    "above_usual": "a unit price over 10 times its product's usual",
    "rate_unusual": "a rate outside 3,000-5,000 riel per dollar",
    "usd_looks_like_riel": "a dollar amount that looks like riel",
    "khr_looks_like_usd": "a riel amount that looks like dollars",
    "duplicate": "the same customer, day, product and amount on different orders",
    "future_sale": "a sale dated after today",
    "before_created": "a sale dated before its customer was created",
}
REASONS = {
    "missing": "missing", "bad_date": "not a date", "bad_outcome":
    "not an outcome (reached, no answer, promised, not interested, wrong number)",
    "unknown_customer": "no contact has this name or phone",
    "ambiguous_customer": "several contacts have this name: give the phone too",
    "before_call": "the follow-up is before the call",
    "unknown_salesperson": "no salesperson has this name",
}


def add_parsers(sub, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("check", help="the data-health check: entries that look wrong")
    db_arg(p)
    p.add_argument("--period", default=None,
                   help="YYYY-MM, YYYY-Qn or YYYY (default: all the shop's data)")
    p.add_argument("--today", type=date.fromisoformat, default=None,
                   help="the shop's date (default: today)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("share", help="the month's key figures as a phone-sized picture")
    db_arg(p)
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--lang", choices=("en", "km"), default="en")
    p.add_argument("--currency", choices=("USD", "KHR"), default=None)
    p.add_argument("--out", type=Path, required=True, help="FILE.png")
    p.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)


def _fail(message: str, code: int = 1) -> int:
    print(f"kpidesk: {message}", file=sys.stderr)
    return code


def _money(minor: int, currency: str) -> str:
    return f"{minor / 100:,.2f} USD" if currency == "USD" else f"{minor:,} KHR"


def describe(f: Finding) -> str:
    """One English line for a finding, with the rows behind it."""
    if f.kind == "missing_days":
        days = f.dates[0] if len(f.dates) == 1 else f"{f.dates[0]} to {f.dates[-1]}"
        return f"{KIND_TEXT[f.kind]}: {days} ({len(f.dates)} day(s))"
    rows = "; ".join(
        f"order {r.number or '#' + str(r.order_id)} of {r.date}"
        + (f" line {r.position}" if r.position else "")
        + (f" {r.product}" if r.product else "") + (f" ({r.customer})" if r.customer else "")
        + f": {_money(r.amount, r.currency)}"
        + (f" for {r.quantity:g}" if r.quantity not in (1, None) else "")
        + f" at {r.rate:,} riel/$" for r in f.rows)
    extra = ""
    if f.kind == "above_usual":
        extra = f" (usual {_money(f.params.get('usual', 0), 'USD')} a unit)"
    elif f.kind == "before_created":
        extra = f" (customer created {f.params.get('created')})"
    return f"{KIND_TEXT[f.kind]}{extra}: {rows}"


def run_check(db_path: Path, period: str | None, today: date, as_json: bool) -> int:
    from kpidesk.metrics import health
    from kpidesk.metrics.periods import parse_period
    from kpidesk.shop_cli import cli_store

    if period is not None:
        try:
            period = parse_period(period).key
        except ValueError:
            return _fail(f"--period must be YYYY-MM, YYYY-Qn or YYYY, not {period!r}", 2)
    with cli_store(Path(db_path)) as store:
        result = health.check(store, period, today)
    if as_json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return 0
    where = period or "all the data"
    kinds = ", ".join(f"{n} {k}" for k, n in result.by_kind().items())
    print(f"{where}: {result.count} finding(s)" + (f" ({kinds})" if kinds else "")
          + (f"; {result.marked_right} marked as right" if result.marked_right else ""))
    for f in result.findings:
        print(f"{f.date}  {f.kind:<19}  {describe(f)}")
    return 0


def run_import_calls(db_path: Path, file: Path) -> int:
    from kpidesk.io.calls_io import CallsFileError, import_calls
    from kpidesk.io.read_base import FileError
    from kpidesk.shop_cli import cli_store

    with cli_store(Path(db_path), write=True) as store:
        try:
            read, added = import_calls(store, Path(file))
        except FileError as exc:
            return _fail(f"{file}: cannot read it ({exc.code})")
        except CallsFileError as exc:
            for bad in exc.rows[:20]:
                print(f"kpidesk: {file} line {bad.line}, {bad.column}"
                      f"{' ' + repr(bad.value) if bad.value else ''}:"
                      f" {REASONS.get(bad.reason, bad.reason)}", file=sys.stderr)
            return _fail(f"{file}: {len(exc.rows)} bad row(s); nothing imported")
    print(f"{file}: {added} call(s) imported"
          + (f", {read - added} already there" if read - added else ""))
    return 0


def run_export_calls(db_path: Path, out: Path) -> int:
    from kpidesk.io.calls_io import export_calls
    from kpidesk.shop_cli import cli_store

    out = Path(out)
    if out.suffix.lower() not in (".csv", ".xlsx"):
        return _fail(f"{out}: the file name must end in .csv or .xlsx", 2)
    with cli_store(Path(db_path)) as store:
        n = export_calls(store, out)
    print(f"{out}: {n} calls rows")
    return 0


def run_share(db_path: Path, month: str, lang: str, out: Path, *, today: date,
              currency: str | None = None) -> int:
    from kpidesk.metrics.periods import parse_period
    from kpidesk.reports.cli import ensure_gui_application
    from kpidesk.shop_cli import cli_store

    try:
        period = parse_period(month)
    except ValueError:
        period = None
    if period is None or period.kind != "month":
        return _fail(f"--month must be YYYY-MM, not {month!r}", 2)
    out = Path(out)
    if out.suffix.lower() != ".png":
        return _fail(f"{out}: the file name must end in .png", 2)
    ensure_gui_application()
    from kpidesk.reports.share import collect_share, render_share, share_text

    with cli_store(Path(db_path)) as store:
        data = collect_share(store, period.key, today, currency)
    image = render_share(data, lang)
    if not image.save(str(out), "PNG"):  # type: ignore[call-overload]  # stubs: bytes only
        return _fail(f"cannot write {out}")
    print(share_text(data, lang))
    print(f"picture of {period.key} ({lang}, {image.width()}×{image.height()}) written to {out}")
    return 0
