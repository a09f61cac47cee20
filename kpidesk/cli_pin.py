"""The owner PIN for the headless commands.

A command that does what the PIN protects (export, import of targets or of a whole shop,
a backup copied to a folder of one's choosing (``backup --to``), restore, the report with customers' names, the change history, undo of an import) asks
for it when the shop has one: typed on a terminal (not echoed), else from ``--pin`` or the
``KPIDESK_PIN`` environment variable. Wrong or missing → one sentence, exit code 1.
`cli.main()` calls `check_command()` before each command; the stores the command then
opens on that file may make owner-only changes, recorded as from the command line.

    python -m kpidesk pin set   --db PATH   (the new PIN from the terminal or standard input)
    python -m kpidesk pin clear --db PATH   (needs the current PIN)
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path

ENV = "KPIDESK_PIN"

# Commands that need the owner: name → which uses of it (None: every use).
OWNER_COMMANDS: dict[str, Callable[[argparse.Namespace], bool] | None] = {
    "export": None,
    "restore": None,
    "report": None,
    "share": None,  # the month's figures, to forward: a print by another name
    "history": None,
    "undo-import": None,
    "import": lambda args: getattr(args, "kind", None) in ("targets", "all"),
    # A copy of the whole shop into any folder is an export (names and phones): the owner's.
    # Into the shop's own backup folder (no --to) it stays staff's daily safety net.
    "backup": lambda args: getattr(args, "to", None) is not None,
    # the branch name is a shop setting; a sync changes the head office's past
    "branch": lambda args: getattr(args, "name", None) is not None,
    "sync": None,
}


def add_pin_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pin", default=None,
                        help=f"the owner PIN, if the shop has one (safer: type it when asked,"
                             f" or set {ENV})")


class PinRefused(Exception):
    """The owner PIN was wrong, missing, or cannot be tried yet: `str()` says which."""


def _is_tty() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _typed_pin(given: str | None, prompt: str = "Owner PIN: ") -> str | None:
    if given:
        return given
    if os.environ.get(ENV):
        return os.environ[ENV]
    if _is_tty():
        try:
            return getpass.getpass(prompt)
        except (EOFError, KeyboardInterrupt):
            return None
    return None


def _shown(db_path: object) -> str:
    """A shop as messages name it: a shared shop's address without its password."""
    from kpidesk.store import dialect

    return dialect.public_url(db_path) if dialect.is_server_url(db_path) else str(db_path)


def _shop_has_pin(db_path: Path) -> bool:
    """Whether the shop file asks for an owner PIN (read without writing to it).

    A file that is missing or not a shop answers False: the command then refuses it
    in its own words."""
    from kpidesk.store import dialect, security
    from kpidesk.store.db import Store, upgrade_if_needed
    from kpidesk.store.errors import OlderSchemaError, StoreError

    if dialect.is_server_url(db_path):  # a shared shop: read on its server
        try:
            with Store(db_path, read_only=True) as store:
                return security.has_pin(store)
        except StoreError:
            return False
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return False
    from kpidesk.store import check_marks

    # one setting read: the page-by-page check is the command's own, not repeated here
    # for a file as KPI Desk left it after a check that passed
    full_check = not check_marks.unchanged_since_check(db_path)
    try:
        with Store(db_path, read_only=True, quick_check=full_check) as store:
            return security.has_pin(store)
    except OlderSchemaError:
        upgrade_if_needed(db_path)  # the commands migrate it anyway (backed up first)
        with Store(db_path, read_only=True) as store:
            return security.has_pin(store)
    except StoreError:
        return False


def verify(db_path: Path, given: str | None) -> bool:
    """Ask for and check the owner PIN of `db_path`. True when the shop has one and it
    was given right; False when the shop has none. Raises PinRefused otherwise."""
    from kpidesk.store import security
    from kpidesk.store.db import Store

    if not _shop_has_pin(db_path):
        return False
    pin = _typed_pin(given)
    if not pin:
        raise PinRefused(f"{_shown(db_path)} has an owner PIN: type it when asked (on a terminal), "
                         f"or give it with --pin or the {ENV} environment variable")
    with Store(db_path) as store:  # writable: a wrong PIN is counted in the file
        try:
            right = security.check_pin(store, pin)
        except security.PinDelayError as exc:
            raise PinRefused(f"too many wrong PINs: try again in {exc.seconds} seconds") from exc
    if not right:
        raise PinRefused("that owner PIN is not right")
    return True


def grant_open_store(store, given: str | None, reason: str) -> None:
    """A command found on the way that it needs the owner (e.g. an import holding refunds):
    ask for the PIN of the shop `store` holds open (and locked) and let its changes through.
    Raises PinRefused with the sentence to print."""
    from kpidesk.store import security

    pin = _typed_pin(given)
    if not pin:
        raise PinRefused(f"{_shown(store.location)} has an owner PIN and this needs it ({reason}): type it"
                         f" when asked (on a terminal), or give it with --pin or the {ENV}"
                         f" environment variable; nothing was written")
    try:
        right = security.check_pin(store, pin)
    except security.PinDelayError as exc:
        raise PinRefused(f"too many wrong PINs: try again in {exc.seconds} seconds") from exc
    if not right:
        raise PinRefused("that owner PIN is not right; nothing was written")
    security.grant_process(store.location, with_pin=True, source="cli")


def needs_owner(args: argparse.Namespace) -> bool:
    command = getattr(args, "command", "")
    if command not in OWNER_COMMANDS:
        return False
    rule = OWNER_COMMANDS[command]
    return True if rule is None else bool(rule(args))


def check_command(args: argparse.Namespace, db_path: Path) -> str | None:
    """Before a command runs: None when it may go on, else the sentence to print (exit 1).
    Changes the command makes are recorded as from the command line (with the PIN or not)."""
    from kpidesk.store import security

    security.set_process_source(db_path, "cli")
    if not needs_owner(args):
        return None
    try:
        with_pin = verify(db_path, getattr(args, "pin", None))
    except PinRefused as exc:
        return str(exc)
    security.grant_process(db_path, with_pin=with_pin, source="cli")
    return None


def _read_new_pin() -> str | None:
    if _is_tty():
        first = getpass.getpass("New owner PIN (4 to 12 digits): ")
        second = getpass.getpass("Type it again: ")
        if first != second:
            raise PinRefused("the two PINs are not the same; nothing changed")
        return first
    line = sys.stdin.readline()
    return line.strip() or None


def run_pin(db_path: Path, action: str, given: str | None) -> int:
    """``pin set`` / ``pin clear``: exit 0 done, 1 refused."""
    from kpidesk.store import security
    from kpidesk.store.db import Store
    from kpidesk.store.errors import ValidationError

    def fail(text: str) -> int:
        print(f"kpidesk: {text}", file=sys.stderr)
        return 1

    from kpidesk.store import dialect

    server = dialect.is_server_url(db_path)
    if not server and (not db_path.is_file() or db_path.stat().st_size == 0):
        return fail(f"no shop file at {_shown(db_path)}")
    security.set_process_source(db_path, "cli")
    try:
        with_pin = verify(db_path, given)
        new_pin = _read_new_pin() if action == "set" else None
    except PinRefused as exc:
        return fail(str(exc))
    if action == "set" and not new_pin:
        return fail("no new PIN given: type it on a terminal or write it to standard input")
    security.grant_process(db_path, with_pin=with_pin, source="cli")
    with Store(db_path, lock=True) as store:  # a shop open in the app is refused
        if action == "clear" and not security.has_pin(store):
            print(f"{_shown(db_path)} has no owner PIN")
            return 0
        try:
            security.set_pin(store, new_pin)
        except ValidationError:
            return fail("a PIN is 4 to 12 digits; nothing changed")
    print(f"owner PIN {'set' if action == 'set' else 'removed'} for {_shown(db_path)}")
    return 0


class keep_pin_across:  # noqa: N801 - used as a context manager, like contextlib's
    """Around a restore: the shop's owner PIN stays when the backup has none."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.hashed = ""

    def __enter__(self) -> keep_pin_across:
        from kpidesk.store import security
        from kpidesk.store.db import Store
        from kpidesk.store.errors import StoreError

        if _shop_has_pin(self.db_path):
            try:
                with Store(self.db_path, read_only=True) as store:
                    self.hashed = security.snapshot(store)
            except StoreError:
                self.hashed = ""
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None or not self.hashed or not self.db_path.is_file():
            return
        from kpidesk.store import security
        from kpidesk.store.db import Store

        with Store(self.db_path) as store:
            security.carry_over(store, self.hashed)
