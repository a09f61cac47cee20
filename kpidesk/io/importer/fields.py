"""Reading one cell of any kind of file: dates, numbers, amounts, currencies, rates,
texts, with the limits past which a value is refused.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from kpidesk.io.parsing import (
    ParseError,
    parse_currency,
    parse_date,
    parse_number,
    to_minor,
)
from kpidesk.io.read_base import MAX_CELL
from kpidesk.store.uuids import is_uuid_text, uuid_value

RECORD_FIELDS = {
    "sales": ("date", "order", "order_ref", "customer", "customer_ref", "phone", "salesperson",
              "product", "category", "quantity", "amount", "currency", "rate", "channel",
              "note", "daily_total", "order_note", "receipts", "unit_price", "discount",
              "unit_cost", "payment", "time"),
    "contacts": ("name", "kind", "phone", "source", "salesperson", "created", "note", "ref"),
    "opportunities": ("title", "customer", "customer_ref", "owner", "value", "currency", "rate",
                      "stage", "probability", "created", "expected_close", "status", "closed",
                      "lost_reason", "note", "ref"),
    "targets": ("period", "salesperson", "measure", "value", "currency"),
}


MAX_NAME = 200  # characters of a name, number or reference (longer is not a name)
MAX_NOTE = 2000  # characters of a note
_LONG_TEXT = {"note": MAX_NOTE, "order_note": MAX_NOTE, "lost_reason": MAX_NOTE,
              # numbers and dates: a long one is "too large" or "not a date" instead
              **dict.fromkeys(("amount", "unit_price", "quantity", "rate", "value",
                               "probability", "date", "created", "expected_close", "closed",
                               "period"), MAX_CELL)}


def _getter(index: dict[str, int]):
    def get(row: list, name: str) -> object:
        i = index.get(name)
        if i is None or i >= len(row):
            return ""
        v = row[i]
        if isinstance(v, str):
            v = v.strip()
            if len(v) > MAX_NAME and len(v) > _LONG_TEXT.get(name, MAX_NAME):
                raise _Bad(name, "text_too_long", v)
        return v
    return get


def _key(text: str) -> int:
    """A name's key in the import's look-up tables: a 64-bit hash of it in lower case, so
    a million distinct long names cost a few dozen MB, not their text."""
    return hash(text.lower())


EARLIEST_DATE = "1990-01-01"  # a sale, contact or deal dated before this is a typo
LATEST_DAYS = 365  # … or more than a year after today


def _latest(today: str) -> str:
    return (date.fromisoformat(today) + timedelta(days=LATEST_DAYS)).isoformat()


def _in_range(day: str, name: str, value: object, latest: str) -> str:
    if day < EARLIEST_DATE:
        raise _Bad(name, "date_too_early", value)
    if day > latest:
        raise _Bad(name, "date_too_late", value)
    return day


def _date(value: object, name: str, order: str, latest: str,
          required: bool = True) -> str | None:
    if value in ("", None):
        if required:
            raise _Bad(name, "required")
        return None
    try:
        day = parse_date(value, order)
    except ParseError as exc:
        raise _Bad(name, exc.code, value) from None
    return _in_range(day, name, value, latest)


def _number(value: object, name: str) -> tuple[Decimal, str | None]:
    try:
        return parse_number(value)
    except ParseError as exc:
        raise _Bad(name, exc.code, value) from None


def _currency(value: object, name: str) -> str:
    try:
        return parse_currency(value)
    except ParseError as exc:
        raise _Bad(name, exc.code, value) from None


def _minor(value: Decimal, currency: str, name: str, raw: object, whole: bool = True) -> int:
    """Minor units of a written amount: riel with a fraction is an error (``whole``)."""
    try:
        return to_minor(value, currency, whole=whole)
    except ParseError as exc:
        raise _Bad(name, exc.code, raw) from None


MAX_RATE = 100_000  # riel per dollar; the real rate is about 4,000


def _rate(value: object, default: int, name: str = "rate") -> int:
    if value in ("", None):
        return default
    dec, _ = _number(value, name)
    if dec <= 0:
        raise _Bad(name, "bad_rate", value)
    if dec > MAX_RATE:
        raise _Bad(name, "rate_too_large", value)
    return int(dec.to_integral_value())


MAX_QUANTITY = 10**9


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in _FORMULA_STARTS and text[1:2]:
        return text[1:]  # a cell our exporter (or Excel) protected from formula injection
    return text


_FORMULA_STARTS = "=+-@\t\r"


class CurrencyMix:
    """Amounts that said no currency (no currency column, no $ or ៛), by how they look:
    whole hundreds from 1,000 up look like riel, amounts with cents like dollars. Both
    in one file means the shop mixed them and the file must say which is which."""

    def __init__(self) -> None:
        self.riel_like = 0
        self.dollar_like = 0
        self.unmarked = 0

    def note(self, value: Decimal) -> None:
        self.unmarked += 1
        if value != value.to_integral_value():
            self.dollar_like += 1
        elif abs(value) >= 1000 and value % 100 == 0:
            self.riel_like += 1

    @property
    def mixed(self) -> bool:
        least = max(2, self.unmarked // 50)  # each kind in 2 % of them at least
        return self.riel_like >= least and self.dollar_like >= least


def currency_decided(mapping: dict) -> bool:
    """Whether the mapping says how amounts without a currency are read (a currency
    column, or a rule chosen by the user), so a mix of magnitudes is no question."""
    return bool(mapping.get("columns", {}).get("currency")
                or mapping.get("options", {}).get("currency_rule"))


def _amount_currency(cur_raw: object, named: str | None, value: Decimal, raw: object,
                     field_name: str, default: str, riel_from: Decimal | None,
                     mix: CurrencyMix | None) -> str:
    """The currency of one amount: its currency column, else what it is written with,
    else the mapping's rule (by size, or one currency)."""
    if cur_raw not in ("", None):
        currency = _currency(cur_raw, "currency")
        if named and named != currency:
            raise _Bad(field_name, "currency_conflict", raw)
        return currency
    if named:
        return named
    if riel_from is not None:
        return "KHR" if abs(value) >= riel_from else "USD"
    if mix is not None:
        mix.note(value)
    return default


def _rule(opts: dict) -> Decimal | None:
    """The "by size" threshold of a mapping (riel from this amount up), or None."""
    if opts.get("currency_rule") != "by_size":
        return None
    return Decimal(str(opts.get("riel_from") or 1000))


def _uuid_of(ref: str) -> bytes | None:
    """The stored form of a ref written as a UUID (kpidesk's own export), else None."""
    return uuid_value(ref) if ref and is_uuid_text(ref) else None


class _Bad(Exception):
    def __init__(self, field_name: str, code: str, value: object = "") -> None:
        super().__init__(code)
        self.field = field_name
        self.code = code
        self.value = value
