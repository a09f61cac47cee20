"""Headless commands, for scripts, month-end jobs and tests.

    python -m kpidesk demo    --db PATH [--months N] [--lines N]
    python -m kpidesk import  sales|contacts|opportunities|targets FILE --db PATH
    python -m kpidesk export  sales|contacts|opportunities|targets --db PATH --out FILE
    python -m kpidesk imports --db PATH [--json]
    python -m kpidesk undo-import ID --db PATH [--edited remove|keep]
    python -m kpidesk kpi     --db PATH --month YYYY-MM | --period P [--json] [--currency USD|KHR]
                              [--branch NAME]
    python -m kpidesk analyse --db PATH --period P [--compare Q] --by BREAKDOWN [--json]
    python -m kpidesk report  --db PATH --month YYYY-MM --lang km|en --out FILE.pdf [--branch NAME]
    python -m kpidesk backup  --db PATH [--to DIR]
    python -m kpidesk backups --db PATH [--json]
    python -m kpidesk restore --db PATH FILE [--other-shop]
    python -m kpidesk history --db PATH [--json] [--action A] [--since D] [--until D]
    python -m kpidesk pin     set|clear --db PATH
    python -m kpidesk import  calls FILE --db PATH / export calls --db PATH --out FILE
    python -m kpidesk check   --db PATH [--period P] [--today D] [--json]
    python -m kpidesk share   --db PATH --month YYYY-MM --lang km|en --out FILE.png
    python -m kpidesk plan    --db PATH --period YYYY-MM --target AMOUNT [--today D] [--json]
    python -m kpidesk branch  --db PATH [--name NAME]
    python -m kpidesk sync    --from BRANCH.db --to TARGET [--json]

With an owner PIN set, export, import of targets or of a whole shop, restore, report
and history ask for it (a terminal prompt, else --pin or KPIDESK_PIN; see cli_pin.py).

Exit codes: 0 ok, 1 the input was refused (one sentence on stderr, never a traceback),
2 bad usage. Commands that write take the shop file's lock (a shop open in the app is
refused); a file that is not a sound shop is refused and never written to.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from kpidesk.store.dialect import shop_label

COMMANDS = ("demo", "import", "export", "kpi", "report", "backup", "backups", "restore",
            "history", "pin", "imports", "undo-import", "check", "share", "plan", "analyse", "branch", "sync")
# Months a shop's figures can be asked for (dates outside them cannot be imported either;
# a month near year 9999 would overflow the date arithmetic).
FIRST_MONTH, LAST_MONTH = "1990-01", "2100-12"
RECORD_KINDS = ("sales", "contacts", "opportunities", "targets", "all",  # all: a folder (export all)
                "calls")  # call-backs: see act_cli.py


def _db_arg(parser: argparse.ArgumentParser) -> None:
    from kpidesk.cli_pin import add_pin_option

    parser.add_argument("--db", type=Path, help="shop file (default: the one in your data folder)")
    add_pin_option(parser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kpidesk", description="KPI Desk headless commands")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="create the demo shop in an empty file")
    _db_arg(p)
    p.add_argument("--months", type=int, default=24)
    p.add_argument("--lines", type=int, default=None, help="number of sale lines")
    p.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    p.add_argument("--seed", type=int, default=7)

    p = sub.add_parser("import", help="import records from CSV or XLSX")
    p.add_argument("kind", choices=RECORD_KINDS)
    p.add_argument("file", type=Path)
    _db_arg(p)
    p.add_argument("--mapping", type=Path, help="column mapping as JSON")
    p.add_argument("--skip-bad", action="store_true", help="import the good rows, skip bad ones")

    p = sub.add_parser("export", help="export records to CSV or XLSX")
    p.add_argument("kind", choices=RECORD_KINDS)
    _db_arg(p)
    p.add_argument("--out", type=Path, required=True)

    p = sub.add_parser("imports", help="the imports made in this shop (the import log)")
    _db_arg(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("undo-import", help="remove what one import added")
    p.add_argument("id", type=int, help="the import's number (see: imports)")
    _db_arg(p)
    p.add_argument("--edited", choices=("remove", "keep"), default=None,
                   help="records changed since the import: remove them too, or keep them")

    p = sub.add_parser("kpi", help="every KPI of one month, quarter or year")
    _db_arg(p)
    when = p.add_mutually_exclusive_group(required=True)
    when.add_argument("--month", help="YYYY-MM")
    when.add_argument("--period", help="YYYY-MM, YYYY-Qn or YYYY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--currency", choices=("USD", "KHR"), default=None,
                   help="money in this currency (default: the shop's reporting currency)")
    p.add_argument("--today", type=date.fromisoformat, default=None,
                   help="the shop's date (default: today)")
    p.add_argument("--branch", default=None,
                   help="the figures of one branch (default: every branch together)")

    p = sub.add_parser("report", help="the monthly report as PDF")
    _db_arg(p)
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--lang", choices=("en", "km"), default="en")
    p.add_argument("--currency", choices=("USD", "KHR"), default=None)
    p.add_argument("--paper", choices=("A4", "Letter"), default="A4")
    # The number settings of Settings ▸ Language (the user's own; these flags override)
    p.add_argument("--digits", choices=("khmer", "latin"), default=None,
                   help="digits of a Khmer report (default: your choice in the app)")
    p.add_argument("--dollar-digits", choices=("latin", "khmer"), default=None,
                   help="digits of dollar amounts in a Khmer report (default: your choice)")
    p.add_argument("--riel-rounding", choices=("100", "1"), default=None,
                   help="converted riel rounded to 100 or to 1 (default: your choice)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    p.add_argument("--branch", default=None,
                   help="the report of one branch (default: every branch, with a table of each)")

    from kpidesk.analysis_cli import add_parser as add_analyse

    add_analyse(sub, _db_arg)

    p = sub.add_parser("backup", help="back the shop file up now")
    _db_arg(p)
    p.add_argument("--to", type=Path, help="backup folder (default: next to the data)")
    p.add_argument("--daily", action="store_true",
                   help="the day's automatic backup, as the app takes it (for Task Scheduler"
                        " or cron): nothing when today's is taken (on a shared shop: by any"
                        " laptop); 14 daily and 12 monthly backups kept")

    p = sub.add_parser("backups", help="list the shop's backups")
    _db_arg(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("restore", help="replace the shop file by a backup")
    _db_arg(p)
    p.add_argument("file", type=Path)
    p.add_argument("--other-shop", action="store_true",
                   help="restore even a backup of another shop")

    p = sub.add_parser("history", help="the change history (the owner's)")
    _db_arg(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--action", default=None, help="only this kind of change, e.g. edit_sale")
    p.add_argument("--since", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
    p.add_argument("--until", type=date.fromisoformat, default=None, help="YYYY-MM-DD")

    p = sub.add_parser("pin", help="set or remove the owner PIN")
    p.add_argument("action", choices=("set", "clear"))
    _db_arg(p)

    from kpidesk.act_cli import add_parsers

    add_parsers(sub, _db_arg)
    from kpidesk.plan_cli import add_plan_parser

    add_plan_parser(sub, _db_arg)
    from kpidesk.sync_cli import add_parsers as add_branch_parsers

    add_branch_parsers(sub, _db_arg)
    return parser


def _db_path(args: argparse.Namespace) -> Path:
    if args.db:
        return args.db
    from kpidesk.paths import default_db_path

    return default_db_path()


def _fail(message: str) -> int:
    print(f"kpidesk: {message}", file=sys.stderr)
    return 1


def cmd_demo(args: argparse.Namespace) -> int:
    from kpidesk.demo import build_demo
    from kpidesk.shop_cli import cli_store

    with cli_store(_db_path(args), write=True, create=True) as store:
        if store.scalar("SELECT count(*) FROM orders"):
            shown = store.server_url or store.path
            return _fail(f"{shown} already has sales; the demo needs an empty shop file")
        counts = build_demo(store, months=args.months, lines=args.lines, today=args.today,
                            seed=args.seed)
    print(f"demo shop written to {shop_label(_db_path(args))}: {counts['orders']} orders, "
          f"{counts['lines']} lines, {counts['contacts']} contacts")
    return 0


def cmd_kpi(args: argparse.Namespace) -> int:
    from kpidesk.metrics.kpis import all_kpis
    from kpidesk.shop_cli import cli_store
    from kpidesk.store.targets import check_period

    if args.period is not None:
        from kpidesk.metrics.periods import parse_period

        try:
            key = parse_period(args.period).key
        except ValueError:
            return _fail(f"--period must be YYYY-MM, YYYY-Qn or YYYY, not {args.period!r}")
        if not FIRST_MONTH[:4] <= key[:4] <= LAST_MONTH[:4]:
            return _fail(f"--period must lie between {FIRST_MONTH} and {LAST_MONTH}")
    else:
        try:
            check_period(args.month)
        except ValueError:
            return _fail(f"--month must be YYYY-MM, not {args.month!r}")
        if not FIRST_MONTH <= args.month <= LAST_MONTH:
            return _fail(f"--month must be a month from {FIRST_MONTH} to {LAST_MONTH}")
        key = args.month
    from kpidesk.shop_cli import of_branch

    with cli_store(_db_path(args)) as shop, of_branch(shop, args.branch) as store:
        figures = all_kpis(store, key, today=args.today or date.today(),
                           currency=args.currency)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        width = max(len(k) for k in figures)
        for key, value in figures.items():
            print(f"{key:<{width}}  {value if value is not None else '—'}")
    return 0


def cmd_analyse(args: argparse.Namespace) -> int:
    from kpidesk.analysis_cli import run

    return run(args, _db_path(args), _fail)


def cmd_import(args: argparse.Namespace) -> int:
    from kpidesk.io.cli import run_import

    if args.kind == "calls":
        from kpidesk.act_cli import run_import_calls

        return run_import_calls(_db_path(args), args.file)

    return run_import(_db_path(args), args.kind, args.file, mapping=args.mapping,
                      skip_bad=args.skip_bad, pin=getattr(args, "pin", None))


def cmd_export(args: argparse.Namespace) -> int:
    from kpidesk.io.cli import run_export

    if args.kind == "calls":
        from kpidesk.act_cli import run_export_calls

        return run_export_calls(_db_path(args), args.out)

    return run_export(_db_path(args), args.kind, args.out)


def cmd_imports(args: argparse.Namespace) -> int:
    from kpidesk.io.cli import run_imports

    return run_imports(_db_path(args), args.json)


def cmd_undo_import(args: argparse.Namespace) -> int:
    from kpidesk.io.cli import run_undo_import

    return run_undo_import(_db_path(args), args.id, args.edited)


def cmd_report(args: argparse.Namespace) -> int:
    from kpidesk.reports.cli import run_report

    if args.month[:4].isdigit() and not FIRST_MONTH <= args.month[:7] <= LAST_MONTH:
        return _fail(f"--month must be a month from {FIRST_MONTH} to {LAST_MONTH}")
    choices = {"khmer_digits": None if args.digits is None else args.digits == "khmer",
               "latin_dollars": None if args.dollar_digits is None
               else args.dollar_digits == "latin",
               "round_riel": None if args.riel_rounding is None
               else args.riel_rounding == "100"}
    return run_report(_db_path(args), args.month, args.lang, args.out, currency=args.currency,
                      paper=args.paper, today=args.today,
                      numbers={k: v for k, v in choices.items() if v is not None},
                      branch=args.branch)


def cmd_backup(args: argparse.Namespace) -> int:
    from kpidesk.shop_cli import run_backup

    return run_backup(_db_path(args), args.to, daily=args.daily)


def cmd_backups(args: argparse.Namespace) -> int:
    from kpidesk.shop_cli import run_backups

    return run_backups(_db_path(args), args.json)


def cmd_restore(args: argparse.Namespace) -> int:
    from kpidesk.cli_pin import keep_pin_across
    from kpidesk.shop_cli import run_restore

    with keep_pin_across(_db_path(args)):  # a backup made before the PIN keeps it
        return run_restore(_db_path(args), args.file, other_shop=args.other_shop)


def cmd_history(args: argparse.Namespace) -> int:
    from kpidesk.store import dialect, history
    from kpidesk.store.db import Store, upgrade_if_needed

    path = _db_path(args)
    if not dialect.is_server_url(path) and not path.is_file():
        return _fail(f"no shop file at {path}")
    if args.action and args.action not in history.ACTIONS:
        return _fail(f"--action must be one of {', '.join(history.ACTIONS)}")
    upgrade_if_needed(path)
    with Store(path, read_only=True) as store:
        found = history.entries(store, action=args.action,
                                since=args.since.isoformat() if args.since else None,
                                until=args.until.isoformat() if args.until else None)
    if args.json:
        print(json.dumps([e.__dict__ for e in found], ensure_ascii=False, indent=2))
        return 0
    for e in found:
        change = " → ".join(json.dumps(v, ensure_ascii=False, sort_keys=True)
                            for v in (e.before, e.after))
        pin = "with PIN" if e.with_pin else "no PIN"
        print(f"{e.at}  {e.action:<11}  {e.subject}  {change}  ({pin}, {e.source}, {e.user})")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from kpidesk.act_cli import run_check

    return run_check(_db_path(args), args.period, args.today or date.today(), args.json)


def cmd_share(args: argparse.Namespace) -> int:
    from kpidesk.act_cli import run_share

    return run_share(_db_path(args), args.month, args.lang, args.out,
                     today=args.today or date.today(), currency=args.currency)


def cmd_pin(args: argparse.Namespace) -> int:
    from kpidesk.cli_pin import run_pin

    return run_pin(_db_path(args), args.action, args.pin)


def cmd_plan(args: argparse.Namespace) -> int:
    from kpidesk.plan_cli import run_plan

    return run_plan(args, _db_path(args), _fail)


def cmd_branch(args: argparse.Namespace) -> int:
    from kpidesk.sync_cli import run_branch

    return run_branch(args, _db_path(args))


def cmd_sync(args: argparse.Namespace) -> int:
    from kpidesk.sync_cli import run_sync

    return run_sync(args)


def main(argv: list[str]) -> int:
    import os

    from kpidesk.shop_cli import Refused, english
    from kpidesk.store.errors import StoreError

    args = build_parser().parse_args(argv)
    handler = globals()[f"cmd_{args.command.replace('-', '_')}"]
    from kpidesk.cli_pin import check_command
    from kpidesk.store import security

    path = getattr(args, "db", None)
    try:
        refusal = check_command(args, _db_path(args))  # the owner PIN, where it is needed
        if refusal:
            return _fail(refusal)
        code = handler(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # the reader went away (`kpi --json | head`): end quietly, as other tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (Refused, StoreError, OSError) as exc:
        return _fail(english(exc, path or _db_path_quiet(args)))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a defect: one sentence here, the details in the log
        from kpidesk.logs import log, setup_logging

        where = setup_logging()
        log.exception("headless command %s failed", args.command)
        return _fail(f"unexpected error ({type(exc).__name__}: {exc})"
                     + (f"; details in {where}" if where else ""))
    finally:
        security.revoke_process(_db_path(args))


def _db_path_quiet(args: argparse.Namespace) -> Path | None:
    try:
        return _db_path(args) if hasattr(args, "db") else None
    except Exception:  # noqa: BLE001 - only for a message
        return None
