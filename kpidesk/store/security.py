"""The optional owner PIN: a salted PBKDF2-SHA256 hash in the shop file, a growing delay
after five wrong tries, and the owner's sessions that let owner-only writes through.

Staff see every KPI and enter sales and contacts; changing targets and settings,
editing or deleting sales of earlier days and refunds, deleting or merging records,
restoring backups, exporting and printing reports need the PIN when one is set. The UI
asks through `ui/dialogs/pin.py`, the headless commands through `kpidesk/cli_pin.py`;
both then run the change inside `owner_session()`. Store functions that make owner-only
changes call `demand_owner()`, so a route that forgot to ask is refused, not let through.

Tampering: every PIN change appends a ``pin`` entry to the change history (append-only)
holding the hash as a check value. A settings row that no longer matches the latest
entry (removed or edited with a SQL editor) does not open the shop: the PIN of the
history entry is still asked for, and entering it repairs the row.

The delay counts wrong tries in the file (restarting does not reset it) and measures
the time waited with the system's monotonic clock, so setting the wall clock forward
does not shorten it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kpidesk.digits import latin_digits
from kpidesk.store.errors import PinRequiredError, StoreError, ValidationError

if TYPE_CHECKING:
    from kpidesk.store.db import Store

ITERATIONS = 600_000  # OWASP's figure for PBKDF2-HMAC-SHA256 (tests lower it for speed)
FREE_TRIES = 5
MAX_DELAY = 3600

# Settings rows kept by this module (never shown as "setting changes" in the history).
PIN_SETTINGS = ("owner_pin", "pin_failures", "pin_wait", "pin_failed_mono", "pin_failed_wall",
                "pin_wait_until")

# Settings of the shop that only the owner changes (each change is in the change history).
OWNER_SETTINGS = ("shop_name", "reporting_currency", "default_rate", "loyal_min_orders",
                  "lead_window_days", "backup_keep_daily", "backup_keep_monthly", "backup_dir",
                  "pacing", "yearly_spread", "branch_name")

# ... and those kept per laptop under a prefix (`pg_backup.FOLDER_KEY`: this laptop's
# backup folder of a shared shop).
OWNER_SETTING_PREFIXES = ("shared_backup_dir:",)

Clock = tuple[float, float]  # (wall time, monotonic time), seconds


class PinDelayError(StoreError):
    """Too many wrong PINs: wait `seconds` before the next try."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"wait {seconds} s")
        self.seconds = seconds


# -- hashing ---------------------------------------------------------------------------
def _digits(pin: str) -> str:
    return latin_digits((pin or "").strip())


def hash_pin(pin: str, salt: bytes | None = None, iterations: int | None = None) -> str:
    """'pbkdf2_sha256$iterations$salt$digest' of a PIN (Khmer digits count as Latin)."""
    salt = salt or secrets.token_bytes(16)
    iterations = iterations or ITERATIONS
    digest = hashlib.pbkdf2_hmac("sha256", _digits(pin).encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def iterations_of(stored: str) -> int:
    try:
        return int(stored.split("$")[1])
    except (IndexError, ValueError):
        return 0


def _matches(pin: str, stored: str) -> bool:
    try:
        algo, iterations, salt, digest = stored.split("$")
        count, salt_bytes = int(iterations), bytes.fromhex(salt)
    except ValueError:
        return False
    if algo != "pbkdf2_sha256" or count < 1:
        return False
    candidate = hash_pin(pin, salt_bytes, count).split("$")[3]
    return hmac.compare_digest(candidate, digest)


def pin_matches(pin: str, stored: str) -> bool:
    """Whether `pin` is the one hashed in `stored` (a hash as `hash_pin` makes it): for a
    copy of the hash kept on a laptop while the shop's server does not answer."""
    return _matches(pin, stored)


# -- the PIN's state -------------------------------------------------------------------
def _latest_check(store: Store) -> str | None:
    """The check value of the latest ``pin`` history entry: the hash then set, '' when the
    PIN was removed, None when the history holds no PIN change."""
    try:
        row = store.conn.execute(
            "SELECT after FROM change_history WHERE action = 'pin'"
            " ORDER BY id DESC LIMIT 1").fetchone()
    except Exception:  # a file without the history table (read-only, older version)
        return None
    if row is None or row[0] is None:
        return None
    try:
        after = json.loads(row[0])
    except ValueError:
        return None
    return str(after.get("check") or "") if isinstance(after, dict) else None


def pin_state(store: Store) -> tuple[str, str]:
    """('none' | 'set' | 'tampered', the hash a typed PIN must match).

    'tampered': the settings row differs from the check value kept in the history
    (removed or replaced outside KPI Desk); the history's hash is the one that counts.
    """
    stored = store.setting("owner_pin")
    check = _latest_check(store)
    if not check:  # never recorded, or recorded as removed
        return ("set", stored) if stored else ("none", "")
    if hmac.compare_digest(stored, check):
        return "set", check
    return "tampered", check


def has_pin(store: Store) -> bool:
    """True when owner-only actions must ask for the PIN (a tampered PIN counts)."""
    return pin_state(store)[0] != "none"


def _record(store: Store, what: str, check: str, before: str) -> None:
    from kpidesk.store import history

    history.record(store.conn, "pin", "owner PIN", {"pin": before}, {"pin": what, "check": check},
                   with_pin=pin_given(store), source=history_source(store))


def set_pin(store: Store, pin: str | None) -> None:
    """Set the owner PIN (4 to 12 digits, Khmer or Latin), or remove it with None/''.

    The caller has checked that the owner asked for it (the current PIN, if any).
    """
    state = pin_state(store)[0]
    before = "none" if state == "none" else "set"
    if not pin:
        with store.transaction():
            store.set_setting("owner_pin", "")
            _reset_failures(store)
            _record(store, "removed", "", before)
        return
    digits = _digits(pin)
    if not digits.isdigit() or not 4 <= len(digits) <= 12 or not digits.isascii():
        raise ValidationError("pin", "bad_pin")
    hashed = hash_pin(digits)
    with store.transaction():
        store.set_setting("owner_pin", hashed)
        _reset_failures(store)
        _record(store, "changed" if before == "set" else "set", hashed, before)


def snapshot(store: Store) -> str:
    """The PIN hash in force ('' for none), to carry over a restore (`carry_over`)."""
    state, hashed = pin_state(store)
    return "" if state == "none" else hashed


def carry_over(store: Store, hashed: str) -> bool:
    """After a restore: keep the owner PIN the shop had before it when the restored
    content has none (a backup made before the PIN must not open everything).
    True when the PIN was put back."""
    if not hashed or has_pin(store):
        return False
    with store.transaction():
        store.set_setting("owner_pin", hashed)
        _record(store, "kept after a restore", hashed, "none")
    return True


def salvage_pin(path: Path) -> str:
    """The owner PIN hash a damaged shop file (set aside unchanged) still shows, '' when
    none can be read. Read with SQLite's immutable read-only mode: the file and its -wal
    are never written, checkpointed or rolled back."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1",
                               uri=True)
    except (sqlite3.Error, ValueError, OSError):
        return ""
    try:
        try:  # the check value of the latest PIN change counts (a removal is '')
            row = conn.execute("SELECT after FROM change_history WHERE action = 'pin'"
                               " ORDER BY id DESC LIMIT 1").fetchone()
            if row is not None and row[0] is not None:
                after = json.loads(row[0])
                if isinstance(after, dict):
                    return str(after.get("check") or "")
        except (sqlite3.Error, ValueError):
            pass
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = 'owner_pin'").fetchone()
            return str(row[0] or "") if row else ""
        except sqlite3.Error:
            return ""
    finally:
        conn.close()


# -- the growing delay -------------------------------------------------------------------
def _clock(now: Clock | float | None) -> Clock:
    """(wall, monotonic) now; tests pass one number for both, or a pair."""
    if now is None:
        return time.time(), time.monotonic()
    if isinstance(now, int | float):
        return float(now), float(now)
    return now


def delay_after(failures: int) -> int:
    """Seconds to wait after this many wrong PINs in a row: 0 for the first five,
    then 30 s, 1 min, 2 min … up to an hour."""
    if failures < FREE_TRIES:
        return 0
    return min(MAX_DELAY, 30 * 2 ** (failures - FREE_TRIES))


def _float(store: Store, key: str) -> float:
    try:
        return float(store.setting(key) or 0)
    except ValueError:
        return 0.0


def seconds_to_wait(store: Store, now: Clock | float | None = None) -> int:
    """Seconds before the next PIN may be tried (0: now).

    The time waited is the monotonic clock's (time since the computer started, the same
    in every process) since the last wrong PIN; after a restart only the time since the
    restart counts. The wall clock can only make it shorter-counted, never longer: a clock
    set forward does not end the wait.
    """
    wait = _float(store, "pin_wait")
    if wait <= 0:
        return 0
    wall, mono = _clock(now)
    failed_mono, failed_wall = _float(store, "pin_failed_mono"), _float(store, "pin_failed_wall")
    waited = mono - failed_mono if mono >= failed_mono else mono  # restarted since
    wall_waited = wall - failed_wall
    if wall_waited >= 0:  # a clock set back tells nothing; never trust it to add time
        waited = min(waited, wall_waited)
    return max(0, int(wait - max(0.0, waited) + 0.999))


def _reset_failures(store: Store) -> None:
    if store.setting("pin_failures") not in ("", "0") or _float(store, "pin_wait"):
        with store.transaction():
            store.set_setting("pin_failures", "0")
            store.set_setting("pin_wait", "0")


def check_pin(store: Store, pin: str, now: Clock | float | None = None) -> bool:
    """True if `pin` is the owner PIN (or no PIN is set). Raises PinDelayError while waiting.

    A wrong PIN is counted in the file. A right one resets the count, re-hashes a PIN
    stored with fewer than ITERATIONS rounds, and repairs a tampered settings row.
    """
    state, stored = pin_state(store)
    if state == "none":
        return True
    wall, mono = _clock(now)
    wait = seconds_to_wait(store, (wall, mono))
    if wait:
        raise PinDelayError(wait)
    if stored and _matches(pin, stored):
        with store.transaction():
            _reset_failures(store)
            if iterations_of(stored) < ITERATIONS:
                store.set_setting("owner_pin", hash_pin(pin))
                _record(store, "upgraded", store.setting("owner_pin"), "set")
            elif state == "tampered":
                store.set_setting("owner_pin", stored)
                _record(store, "repaired", stored, "tampered")
        return True
    try:
        failures = int(store.setting("pin_failures") or 0) + 1
    except ValueError:
        failures = FREE_TRIES  # a mangled count: no free tries left
    with store.transaction():
        store.set_setting("pin_failures", str(failures))
        store.set_setting("pin_wait", str(delay_after(failures)))
        store.set_setting("pin_failed_mono", repr(mono))
        store.set_setting("pin_failed_wall", repr(wall))
    return False


# -- owner sessions ------------------------------------------------------------------------
_sessions: weakref.WeakKeyDictionary[Store, list[bool]] = weakref.WeakKeyDictionary()
_process_grants: dict[str, bool] = {}  # resolved path → with PIN (headless commands)
_sources: dict[str, str] = {}  # resolved path → 'cli' for headless commands
_own_orders: weakref.WeakKeyDictionary[Store, dict[int, str]] = weakref.WeakKeyDictionary()


def _key(path: Path | str) -> str:
    from kpidesk.store import dialect

    if dialect.is_server_url(path):  # a shared shop: its address (never its password)
        from kpidesk.store.server_address import parse

        return parse(path).public_url
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(path)


def _store_key(store: Store) -> str:
    """The key of the shop `store` holds open: a file's path, or a shared shop's address."""
    return _key(store.location if getattr(store, "is_server", False) else store.path)


@contextmanager
def owner_session(store: Store, *, with_pin: bool) -> Iterator[None]:
    """Owner-only writes of `store` are allowed inside (the owner was asked first).
    `with_pin`: the PIN was typed (recorded in the change history)."""
    stack = _sessions.setdefault(store, [])
    stack.append(with_pin)
    try:
        yield
    finally:
        stack.pop()


def grant_process(path: Path | str, *, with_pin: bool, source: str = "cli") -> None:
    """A headless command checked the PIN: its stores of this file may make owner-only
    changes, recorded as from `source`."""
    _process_grants[_key(path)] = with_pin
    _sources[_key(path)] = source


def set_process_source(path: Path | str, source: str) -> None:
    _sources[_key(path)] = source


def revoke_process(path: Path | str | None = None) -> None:
    if path is None:
        _process_grants.clear()
        _sources.clear()
    else:
        _process_grants.pop(_key(path), None)
        _sources.pop(_key(path), None)


def in_owner_session(store: Store) -> bool:
    return bool(_sessions.get(store)) or _store_key(store) in _process_grants


def pin_given(store: Store) -> bool:
    """Whether the PIN was typed for the change being made now."""
    stack = _sessions.get(store)
    if stack:
        return stack[-1]
    return _process_grants.get(_store_key(store), False)


def history_source(store: Store) -> str:
    return _sources.get(_store_key(store), "app")


def owner_granted(store: Store) -> bool:
    return in_owner_session(store) or not has_pin(store)


def demand_owner(store: Store, reason: str) -> None:
    """Refuse an owner-only change made outside an owner session (PinRequiredError)."""
    if not owner_granted(store):
        raise PinRequiredError(reason)


# -- today's own sales ----------------------------------------------------------------------
def today(store: Store) -> date:
    """The shop's date (the app sets `store.today_fn`; tests fix it)."""
    fn: Callable[[], date] | None = getattr(store, "today_fn", None)
    return fn() if fn is not None else date.today()


def note_own_order(store: Store, order_id: int) -> None:
    """An order entered through this open store today: staff may still correct it."""
    _own_orders.setdefault(store, {})[int(order_id)] = today(store).isoformat()


def is_own_order(store: Store, order_id: int | None) -> bool:
    if order_id is None:
        return False
    return _own_orders.get(store, {}).get(int(order_id)) == today(store).isoformat()
