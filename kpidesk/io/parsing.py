"""Values as spreadsheets and point-of-sale exports write them → what the store keeps.

Dates: 2026-11-26 (with or without a time of day), 26/11/2026, 26.11.2026,
26-11-2026, 26-Nov-2026, 26 November 2026, Khmer month names, Excel serial
numbers, Python dates from XLSX cells; Khmer or Latin digits. Slashed dates
are day first (Cambodia) unless the mapping says ``mdy``.

Amounts: 1,250.50 · 1.250,50 · 1 250,5 · $12 · 12 USD · ៛5,000 · 5000 KHR ·
(12.50) · Khmer digits. The currency a value names ($, ៛, USD, KHR) is
returned with it.

Numbers are bounded: a value of 10^15 or more (or a money amount of 10^12 minor
units or more) is ``too_large`` rather than a number SQLite cannot hold.

Errors are ``ParseError(code)``; the importer adds the line and column.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from kpidesk.i18n.format import MONTHS, latin_digits
from kpidesk.store.money import MINOR_DIGITS


class ParseError(ValueError):
    def __init__(self, code: str, value: object = "") -> None:
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value


_MONTH_NAMES: dict[str, int] = {}
for _i, _name in enumerate(MONTHS["en"], start=1):
    _MONTH_NAMES[_name.lower()] = _i
    _MONTH_NAMES[_name[:3].lower()] = _i
_MONTH_NAMES["sept"] = 9
for _i, _name in enumerate(MONTHS["km"], start=1):
    _MONTH_NAMES[_name] = _i

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?Z?")
_NUMERIC = re.compile(
    r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?")
_NAMED = re.compile(
    r"(\d{1,2})[\s\-/.]+([^\W\d_]+\.?|[\u1780-\u17ff]+)[\s\-/.,]+(\d{2,4})"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?", re.UNICODE)
_NAMED_MDY = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_EXCEL_EPOCH = date(1899, 12, 30)
MAX_DIGITS = 15  # a number of 10^15 or more is too large (no quantity or price is)
MAX_MINOR = 10**12  # an amount: $10,000,000,000.00 or ៛1,000,000,000,000


def _year(y: int) -> int:
    return y + 2000 if y < 100 else y


def _make(y: int, m: int, d: int, value: object) -> str:
    try:
        return date(_year(y), m, d).isoformat()
    except ValueError as exc:
        raise ParseError("bad_date", value) from exc


def parse_date(value: object, order: str = "dmy") -> str:
    """Any supported date → 'YYYY-MM-DD'. `order` is 'dmy' or 'mdy' for slashed dates."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _excel_serial(value)
    text = str(value).strip()
    if not text:
        raise ParseError("required")
    # Fast path: ISO as most exports write it.
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            pass
    text = latin_digits(text)
    m = _ISO.fullmatch(text)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]), value)
    m = _NUMERIC.fullmatch(text)
    if m:
        a, b, c = int(m[1]), int(m[2]), int(m[3])
        if len(m[1]) == 4:  # 2026/11/26
            return _make(a, b, c, value)
        if order == "mdy":
            a, b = b, a
        return _make(c, b, a, value)
    m = _NAMED.fullmatch(text)
    if m:
        month = _MONTH_NAMES.get(m[2].rstrip(".").lower())
        if month is None:
            raise ParseError("bad_date", value)
        return _make(int(m[3]), month, int(m[1]), value)
    m = _NAMED_MDY.fullmatch(text)
    if m:
        month = _MONTH_NAMES.get(m[1].lower())
        if month is None:
            raise ParseError("bad_date", value)
        return _make(int(m[3]), month, int(m[2]), value)
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return _excel_serial(float(text))
    raise ParseError("bad_date", value)


def _excel_serial(serial: float) -> str:
    # 1 = 1900-01-01; Excel's phantom 1900-02-29 is day 60, so count from 1899-12-30.
    if not 1 <= serial < 2958466:
        raise ParseError("bad_date", serial)
    return (_EXCEL_EPOCH + timedelta(days=int(serial))).isoformat()


def guess_date_order(samples: list[object]) -> str:
    """'mdy' when some slashed sample can only be month first, else 'dmy'."""
    for value in samples:
        m = _NUMERIC.fullmatch(latin_digits(str(value).strip()))
        if m and len(m[1]) <= 2:
            a, b = int(m[1]), int(m[2])
            if b > 12 >= a:
                return "mdy"
            if a > 12:
                return "dmy"
    return "dmy"


_CURRENCY_MARKS = (("USD", "USD"), ("usd", "USD"), ("US$", "USD"), ("$", "USD"),
                   ("KHR", "KHR"), ("khr", "KHR"), ("៛", "KHR"), ("riel", "KHR"),
                   ("Riel", "KHR"))
_MARK_CODES = dict(_CURRENCY_MARKS)
_MARK = re.compile("|".join(re.escape(m) for m, _ in _CURRENCY_MARKS))
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"[\s\u00a0\u202f_']")


def parse_number(value: object) -> tuple[Decimal, str | None]:
    """A number as written → (Decimal, currency named in it or None)."""
    if isinstance(value, bool):
        raise ParseError("bad_number", value)
    if isinstance(value, int):
        return _bounded(Decimal(value), value), None
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ParseError("bad_number", value)
        return _bounded(Decimal(repr(value)), value), None
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ParseError("bad_number", value)
        return _bounded(value, value), None
    if isinstance(value, CurrencyCell):  # an XLSX number formatted with its currency
        dec, _ = parse_number(value.value)
        return dec, value.currency
    text = str(value).strip()
    if not text:
        raise ParseError("required")
    # Fast path: a plain number.
    if text[0] != "N" and text[0] != "n" and text[0] != "I" and text[0] != "i":
        try:
            dec = Decimal(text)
            if dec.is_finite() and "e" not in text and "E" not in text:
                return _bounded(dec, value), None
        except InvalidOperation:
            pass
    currency = None
    for m in _MARK.finditer(text):
        before, after = text[:m.start()], text[m.end():]
        if _DIGIT.search(before) and _DIGIT.search(after):
            raise ParseError("bad_number", value)  # 12$34
        currency = _MARK_CODES[m[0]]
    text = _MARK.sub("", text)
    text = _SPACES.sub("", latin_digits(text))
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if text.endswith("-"):  # 12.50-
        negative, text = True, text[:-1]
    if text.startswith("-"):
        negative, text = not negative, text[1:]
    elif text.startswith("+"):
        text = text[1:]
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):  # 1.250,50
            text = text.replace(".", "").replace(",", ".")
        else:  # 1,250.50
            text = text.replace(",", "")
    elif "," in text:
        parts = text.split(",")
        if len(parts) > 2 or (len(parts[1]) == 3 and parts[0] not in ("", "0")):
            text = text.replace(",", "")  # 1,250 or 1,250,000
        else:
            text = text.replace(",", ".")  # 12,5
    elif text.count(".") > 1:
        text = text.replace(".", "")  # 1.250.000
    if not re.fullmatch(r"\d+(\.\d*)?|\.\d+", text):
        raise ParseError("bad_number", value)
    dec = _bounded(Decimal(text), value)
    return (-dec if negative else dec), currency


class CurrencyCell:
    """A spreadsheet number shown with its currency ("$#,##0.00", "#,##0 ៛")."""

    __slots__ = ("value", "currency")

    def __init__(self, value: float | int, currency: str) -> None:
        self.value, self.currency = value, currency

    def __str__(self) -> str:  # as an error message shows it
        return f"{self.value} {self.currency}"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, CurrencyCell) and other.value == self.value
                and other.currency == self.currency)

    def __hash__(self) -> int:
        return hash((self.value, self.currency))

    def __repr__(self) -> str:
        return f"CurrencyCell({self.value!r}, {self.currency!r})"


def _bounded(dec: Decimal, value: object) -> Decimal:
    if dec and dec.adjusted() >= MAX_DIGITS:
        raise ParseError("too_large", value)
    return dec


def to_minor(value: Decimal, currency: str, whole: bool = False) -> int:
    """Major units → minor units (half to even). With `whole`, riel with a fraction
    (៛1.5: there is no such coin) is an error, "fractional_riel", not rounded."""
    exact = value.scaleb(MINOR_DIGITS[currency])
    scaled = exact.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    if whole and currency == "KHR" and scaled != exact:
        raise ParseError("fractional_riel", value)
    if abs(scaled) >= MAX_MINOR:
        raise ParseError("too_large", value)
    return int(scaled)


_CURRENCY_WORDS = {"usd": "USD", "$": "USD", "us$": "USD", "dollar": "USD", "dollars": "USD",
                   "ដុល្លារ": "USD", "khr": "KHR", "៛": "KHR", "riel": "KHR", "riels": "KHR",
                   "រៀល": "KHR"}


def parse_currency(value: object) -> str:
    text = str(value).strip()
    code = _CURRENCY_WORDS.get(text.lower())
    if code is None:
        raise ParseError("bad_currency", value)
    return code


def parse_int(value: object) -> int:
    dec, _ = parse_number(value)
    if dec != dec.to_integral_value():
        raise ParseError("not_whole", value)
    return int(dec)


def parse_period(value: object) -> str:
    """'2026-11', '11/2026', 'Nov 2026', a date in the month → 'YYYY-MM'."""
    if isinstance(value, (date, datetime)):
        return parse_date(value)[:7]
    text = latin_digits(str(value).strip())
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})", text)
    if m and 1 <= int(m[2]) <= 12:
        return f"{int(m[1]):04d}-{int(m[2]):02d}"
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{4})", text)
    if m and 1 <= int(m[1]) <= 12:
        return f"{int(m[2]):04d}-{int(m[1]):02d}"
    m = re.fullmatch(r"([^\W\d_]+|[\u1780-\u17ff]+)[\s\-/.]+(\d{4})", text)
    if m and m[1].lower() in _MONTH_NAMES:
        return f"{int(m[2]):04d}-{_MONTH_NAMES[m[1].lower()]:02d}"
    try:
        return parse_date(value)[:7]
    except ParseError:
        raise ParseError("bad_period", value) from None


_TRUE = {"1", "yes", "y", "true", "x", "refund", "refunded", "cancelled", "canceled", "void",
         "voided", "return", "returned", "បង្វិលសង", "លុបចោល", "បាទ", "ចាស"}


def is_marked(value: object) -> bool:
    """True for a cell that flags a refund / cancellation ('Refund', 'Cancelled', 'yes', 1)."""
    if value is None:
        return False
    return str(value).strip().lower() in _TRUE


def clean_ref(value: object) -> str:
    """An external id as a spreadsheet writes it: 17850.0 → '17850'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if text.endswith(".0") and text[:-2].isdigit():
        return text[:-2]
    return text
