"""The optional owner PIN: a salted PBKDF2 hash in the shop file, with a growing delay
after five wrong tries (counted in the file, so restarting the app does not reset it).

Staff see every KPI and enter sales and contacts; changing targets, settings
and stages, deleting or merging records, restoring backups and exporting
need the PIN when one is set (the UI asks through `ui/dialogs/pin.py`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from kpidesk.store.db import Store
from kpidesk.store.errors import StoreError, ValidationError

ITERATIONS = 240_000
FREE_TRIES = 5
MAX_DELAY = 3600


class PinDelayError(StoreError):
    """Too many wrong PINs: wait `seconds` before the next try."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"wait {seconds} s")
        self.seconds = seconds


def _digits(pin: str) -> str:
    from kpidesk.i18n.format import latin_digits  # pure Python, no Qt

    return latin_digits(pin.strip())


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", _digits(pin).encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def _matches(pin: str, stored: str) -> bool:
    try:
        algo, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if algo != "pbkdf2_sha256":
        return False
    candidate = hash_pin(pin, bytes.fromhex(salt), int(iterations)).split("$")[3]
    return hmac.compare_digest(candidate, digest)


def has_pin(store: Store) -> bool:
    return bool(store.setting("owner_pin"))


def set_pin(store: Store, pin: str | None) -> None:
    """Set the owner PIN (4 to 12 digits, Khmer or Latin), or remove it with None/''."""
    if not pin:
        store.set_setting("owner_pin", "")
        return
    digits = _digits(pin)
    if not digits.isdigit() or not 4 <= len(digits) <= 12 or not digits.isascii():
        raise ValidationError("pin", "bad_pin")
    with store.transaction():
        store.set_setting("owner_pin", hash_pin(digits))
        store.set_setting("pin_failures", "0")
        store.set_setting("pin_wait_until", "0")


def delay_after(failures: int) -> int:
    """Seconds to wait after this many wrong PINs in a row: 0 for the first five,
    then 30 s, 1 min, 2 min … up to an hour."""
    if failures < FREE_TRIES:
        return 0
    return min(MAX_DELAY, 30 * 2 ** (failures - FREE_TRIES))


def seconds_to_wait(store: Store, now: float | None = None) -> int:
    now = time.time() if now is None else now
    try:
        until = float(store.setting("pin_wait_until") or 0)
    except ValueError:
        until = 0.0
    return max(0, int(until - now + 0.999))


def check_pin(store: Store, pin: str, now: float | None = None) -> bool:
    """True if `pin` is the owner PIN (or no PIN is set). Raises PinDelayError while waiting."""
    stored = store.setting("owner_pin")
    if not stored:
        return True
    now = time.time() if now is None else now
    wait = seconds_to_wait(store, now)
    if wait:
        raise PinDelayError(wait)
    if _matches(pin, stored):
        store.set_setting("pin_failures", "0")
        return True
    try:
        failures = int(store.setting("pin_failures") or 0) + 1
    except ValueError:
        failures = 1
    with store.transaction():
        store.set_setting("pin_failures", str(failures))
        store.set_setting("pin_wait_until", str(now + delay_after(failures)))
    return False
