"""Headless commands for branches (KPI.md §7):

    python -m kpidesk branch --db PATH [--name NAME]     the file's branch name (set with --name)
    python -m kpidesk sync --from BRANCH.db --to TARGET [--json]

`sync` brings a branch file's rows into a head-office shop (see store/sync.py): it takes
the target's lock and, when the target has an owner PIN, asks for it. The branch file is
only read.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path


def add_parsers(sub, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    from kpidesk.cli_pin import add_pin_option

    p = sub.add_parser("branch", help="this shop file's branch name (set it with --name)")
    db_arg(p)
    p.add_argument("--name", default=None, help="the new branch name")

    p = sub.add_parser("sync", help="bring a branch file's sales, customers and "
                                    "opportunities into a head-office shop")
    p.add_argument("--from", dest="source", type=Path, required=True, metavar="BRANCH.db",
                   help="the branch's shop file (only read)")
    # the target is the shop the command changes: `--db` of every other command
    p.add_argument("--to", dest="db", type=Path, required=True, metavar="TARGET",
                   help="the head-office shop file or postgresql://user@host/dbname")
    p.add_argument("--json", action="store_true")
    add_pin_option(p)


def run_branch(args: argparse.Namespace, db: Path) -> int:
    from kpidesk.shop_cli import Refused, cli_store
    from kpidesk.store import branches
    from kpidesk.store.errors import ValidationError

    if args.name is None:
        with cli_store(db) as store:
            name = branches.branch_name(store)
            others = [b for b in branches.branches(store) if b != name]
        print(name or "(no branch name)")
        for other in others:
            print(f"brought in: {other}")
        return 0
    with cli_store(db, write=True) as store:
        try:
            name = branches.set_branch_name(store, args.name)
        except ValidationError as exc:
            raise Refused(name_refusal(exc)) from exc
    print(f"branch name of {db}: {name}")
    return 0


def name_refusal(exc) -> str:
    from kpidesk.store.branches import MAX_NAME

    return {
        "empty": "the branch name is empty",
        "too_long": f"the branch name is longer than {MAX_NAME} characters",
        "bad_characters": "the branch name holds control characters",
        "taken": f"a branch called \"{exc.params.get('name')}\" was brought into this shop: "
                 "choose another name",
    }.get(exc.code, "the branch name was refused")


def sync_refusal(exc, source: Path, target: Path | str) -> str:
    return {
        "no_branch_name": f"{source} has no branch name: give it one first with "
                          f"'kpidesk branch --db {source} --name NAME'",
        "same_branch": f"{source} and {target} are both branch \"{exc.params.get('branch')}\": "
                       "give each laptop's file its own branch name",
        "same_shop": f"{source} is the same shop as {target} (a copy of it): nothing to bring in",
        "other_file": f"a different shop file already brought branch "
                      f"\"{exc.params.get('branch')}\" in (from {exc.params.get('file')}); "
                      "nothing was changed: give this branch its own name",
        "cancelled": "cancelled; nothing was changed",
    }.get(exc.code, "the branch file could not be brought in")


def run_sync(args: argparse.Namespace) -> int:
    from kpidesk.shop_cli import Refused, cli_store
    from kpidesk.store import check_marks, dialect, sync
    from kpidesk.store.sales import has_orders

    source, target = Path(args.source), Path(args.db)
    if dialect.is_server_url(source):
        raise Refused("--from takes a branch's shop file, not a server's address")
    if source.is_file() and target.is_file() and source.resolve() == target.resolve():
        raise Refused("--from and --to are the same file")
    shown = dialect.shop_label(target)
    # A file as KPI Desk left it after a check that passed (the same branch file brought
    # in again, head office as the last command left it) is not read page by page again
    # (10 s for a 1M-line file); any other file is (`check_marks`).
    source_known = check_marks.unchanged_since_check(source)
    target_known = not dialect.is_server_url(target) and \
        check_marks.unchanged_since_check(target)
    with cli_store(source, full_check=not source_known) as branch_store:
        with cli_store(target, write=True, create=True, full_check=not target_known) as head:
            try:
                sync.check(branch_store, head)
                # the way back, as before an import (a file brought in again unchanged
                # changes nothing: no backup)
                unchanged = sync.is_unchanged(branch_store, head)
                had_sales = has_orders(head) and not unchanged
                made = sync.backup_first(head) if had_sales else None
                result = sync.sync(branch_store, head, source_path=source,
                                   unchanged=unchanged)
            except sync.SyncError as exc:
                raise Refused(sync_refusal(exc, source, shown)) from exc
    if target_known:  # checked before, and written since by this command alone
        check_marks.remember(target)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    print(f"branch \"{result.branch}\" from {source} into {shown}:")
    for kind, counts in result.counts.items():
        line = (f"  {kind:<14} {counts.added} added, {counts.updated} updated, "
                f"{counts.deleted} deleted")
        if counts.kept:
            line += f" ({counts.kept} deleted in the branch kept: used by other branches)"
        print(line)
    if result.names_added:
        print(f"  {result.names_added} new names (products, salespeople, channels…) added")
    if not result.changed:
        print("  nothing new: the shop already had everything in this branch file")
    if made is not None:
        print(f"the shop was backed up first: {made}")
    elif had_sales:
        print("no backup was made first: pg_dump (PostgreSQL's client tools) was not found")
    return 0
