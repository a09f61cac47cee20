"""Every number, percentage, date, month name and amount, formatted for a language.

Khmer: Khmer digits (០-៩) unless the user chose Latin digits, Khmer month
names, riel as ``៛`` with no decimals. Neither QLocale(Khmer) nor Babel
writes Khmer digits (both give Latin ones), so the digit mapping is ours.
Dollar amounts keep Latin digits in Khmer by default (as banking apps and
price tags show them); the riel sign follows the number in both languages.
Riel converted from other currencies (the KPI figures in a riel reporting
currency) can be shown rounded to 100 riel, the smallest note; the stored
values stay exact.
Parsing accepts Khmer or Latin digits, grouping separators and currency
signs, whatever the language.

The current language lives here (set by the language manager) so that
code without a widget — reports, exports — formats the same way.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation

from kpidesk.digits import KHMER_DIGITS, TO_KHMER, latin_digits  # noqa: F401 (re-exported)
from kpidesk.store.money import MINOR_DIGITS

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "km": ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា",
           "តុលា", "វិច្ឆិកា", "ធ្នូ"],
}
MONTHS_SHORT_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                   "Nov", "Dec"]
NOT_AVAILABLE = "—"
NBSP = "\u00a0"  # keeps a number on the line of its unit
CURRENCY_SIGN = {"USD": "$", "KHR": "៛"}


RIEL_ROUNDING = 100  # the smallest riel note


@dataclass(frozen=True)
class NumberStyle:
    """The user's choices of digits and rounding (Settings ▸ Language).

    khmer_digits: Khmer digits (០-៩) in Khmer, else Latin digits everywhere.
    latin_dollars: dollar amounts in Latin digits even when the rest is Khmer.
    round_riel: riel figures converted from other currencies rounded to 100.
    """

    khmer_digits: bool = True
    latin_dollars: bool = True
    round_riel: bool = True


def fill(text: str, *values: object) -> str:
    """Qt's %1…%9 placeholders of a translated text replaced by `values` in one pass
    (a value that itself contains "%2" is left alone, unlike chained replace())."""
    def value(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if index < len(values) else match.group(0)

    return re.sub(r"%(\d)", value, text)


class Formatter:
    """Formatting rules of one language ('en' or 'km')."""

    def __init__(self, lang: str = "en", khmer_digits: bool = True,
                 style: NumberStyle | None = None) -> None:
        self.lang = lang if lang in MONTHS else "en"
        self.style = style or NumberStyle(khmer_digits=khmer_digits)
        self.khmer_digits = self.style.khmer_digits

    # -- digits ---------------------------------------------------------------
    @property
    def uses_khmer_digits(self) -> bool:
        return self.lang == "km" and self.khmer_digits

    def digits(self, text: str) -> str:
        """Latin digits of `text` in the digits of this language."""
        if self.uses_khmer_digits:
            return text.translate(TO_KHMER)
        return text

    def currency_digits(self, text: str, currency: str) -> str:
        """Digits of an amount in `currency`: dollars may keep Latin digits in Khmer."""
        if currency == "USD" and self.style.latin_dollars:
            return text
        return self.digits(text)

    # -- numbers ----------------------------------------------------------------
    def integer(self, value: int | None) -> str:
        if value is None:
            return NOT_AVAILABLE
        return self.digits(f"{value:,}")

    def decimal(self, value: float | Decimal | None, places: int = 1) -> str:
        if value is None:
            return NOT_AVAILABLE
        return self.digits(f"{value:,.{places}f}")

    def percent(self, ratio: float | None, places: int = 1, signed: bool = False) -> str:
        """A ratio (0.125) as a percentage ('12.5%'); None as '—'."""
        if ratio is None:
            return NOT_AVAILABLE
        sign = "+" if signed else ""
        return self.digits(f"{ratio * 100:{sign},.{places}f}%")

    def money(self, minor: int | None, currency: str, *, sign: bool = True,
              converted: bool = False) -> str:
        """Minor units as '$1,250.50' or '5,000,000៛' (riel: no decimals, the sign after
        the number in both languages). `converted`: a figure in the reporting currency
        made from sales in other currencies; riel ones are then rounded to 100 if the
        user chose so."""
        if minor is None:
            return NOT_AVAILABLE
        if converted:
            minor = self.displayed_minor(minor, currency)
        places = MINOR_DIGITS[currency]
        major = Decimal(minor).scaleb(-places)
        text = f"{abs(major):,.{places}f}"
        symbol = CURRENCY_SIGN[currency] if sign else ""
        body = f"{text}{symbol}" if currency == "KHR" else f"{symbol}{text}"
        return self.currency_digits(("-" if minor < 0 else "") + body, currency)

    def figure(self, minor: int | None, currency: str) -> str:
        """A KPI amount in the reporting currency (riel rounded to 100 if chosen)."""
        return self.money(minor, currency, converted=True)

    def displayed_minor(self, minor: int, currency: str) -> int:
        """`minor` as a converted figure is shown: riel to the nearest 100 (halves away
        from zero, as a cashier rounds) when the user chose rounding, else unchanged."""
        if currency != "KHR" or not self.style.round_riel:
            return minor
        return int((Decimal(minor) / RIEL_ROUNDING).quantize(
            Decimal(1), rounding=ROUND_HALF_UP)) * RIEL_ROUNDING

    def money_plain(self, minor: int | None, currency: str) -> str:
        """Amount for an input field: no symbol, no grouping ('1250.50')."""
        if minor is None:
            return ""
        places = MINOR_DIGITS[currency]
        return self.currency_digits(f"{Decimal(minor).scaleb(-places):.{places}f}", currency)

    def rate(self, riel_per_dollar: int | float | Decimal | None) -> str:
        """An exchange rate (riel per dollar) as '4,100', the same on every screen."""
        if riel_per_dollar is None:
            return NOT_AVAILABLE
        value = Decimal(str(riel_per_dollar))
        if value == value.to_integral_value():
            return self.digits(f"{int(value):,}")
        return self.digits(f"{value.normalize():,f}")

    def phone(self, number: str | None) -> str:
        """A phone number as typed (its digits never converted: people copy it into
        Telegram), grouped 3-3-3 or 3-3-4 when it is only digits and has no spaces."""
        text = (number or "").strip()
        if len(text) in (9, 10) and all(c in "0123456789" or c in KHMER_DIGITS for c in text):
            return f"{text[:3]} {text[3:6]} {text[6:]}"
        return text

    # -- chart axes ---------------------------------------------------------------
    def axis_unit(self, largest: float, currency: str | None = None) -> tuple[int, str]:
        """(divisor, unit) shared by every tick of an axis of amounts whose largest tick
        is `largest`: thousands from 10,000, millions from 1,000,000. The unit is the
        Khmer word (ពាន់, លាន) where the axis shows Khmer digits, else k / M."""
        largest = abs(largest)
        if largest >= 1_000_000:
            divisor, latin, khmer = 1_000_000, "M", "លាន"
        elif largest >= 10_000:
            divisor, latin, khmer = 1_000, "k", "ពាន់"
        else:
            return 1, ""
        khmer_digits = self.uses_khmer_digits and not (
            currency == "USD" and self.style.latin_dollars)
        return divisor, (khmer if khmer_digits else latin)

    def axis_amount(self, value: float, divisor: int, unit: str, step: float = 0.0,
                    currency: str | None = None) -> str:
        """One tick label of an amount axis: '40k', '៤០ ពាន់', '0' (zero needs no unit)."""
        places = _places(step / divisor) if step else 0
        text = f"{value / divisor:,.{places}f}"
        text = self.currency_digits(text, currency) if currency else self.digits(text)
        if abs(value) < 1e-9:
            return self.currency_digits("0", currency) if currency else self.digits("0")
        if not unit:
            return text
        return text + (unit if unit in ("k", "M") else NBSP + unit)

    # -- dates ------------------------------------------------------------------
    def month_name(self, month: int, short: bool = False) -> str:
        if short and self.lang == "en":
            return MONTHS_SHORT_EN[month - 1]
        return MONTHS[self.lang][month - 1]

    def month(self, period: str, short: bool = False) -> str:
        """'2026-11' as 'November 2026' / 'វិច្ឆិកា ២០២៦'."""
        year, month = int(period[:4]), int(period[5:7])
        return f"{self.month_name(month, short)} {self.digits(str(year))}"

    def date(self, value: date | str | None) -> str:
        """A date as '26 Nov 2026' / '២៦ វិច្ឆិកា ២០២៦'."""
        if value is None or value == "":
            return NOT_AVAILABLE
        if isinstance(value, str):
            value = date.fromisoformat(value)
        return self.digits(f"{value.day} {self.month_name(value.month, short=True)} {value.year}")

    def date_numeric(self, value: date | str | None) -> str:
        """A date as '26/11/2026' in this language's digits (for input fields)."""
        if value is None or value == "":
            return ""
        if isinstance(value, str):
            value = date.fromisoformat(value)
        return self.digits(f"{value.day:02d}/{value.month:02d}/{value.year}")


def _places(step: float) -> int:
    """Decimals a tick step needs (0.25 → 2, 5 → 0)."""
    if step <= 0 or step >= 1:
        return 0
    return min(3, max(0, -int(math.floor(math.log10(step)))))


# -- parsing (any language) ---------------------------------------------------
_AMOUNT_JUNK = re.compile(r"[\s,_'\u00a0\u202f$៛]|USD|KHR|usd|khr|R\b")


def parse_decimal(text: str) -> Decimal:
    """'1,250.50', '១២៥០', '$ 12', '៛5 000' → Decimal. ValueError if not a number."""
    cleaned = _AMOUNT_JUNK.sub("", latin_digits(str(text)).strip())
    if cleaned.startswith("(") and cleaned.endswith(")"):  # accounting negative
        cleaned = "-" + cleaned[1:-1]
    if not cleaned or not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", cleaned):
        raise ValueError(f"not a number: {text!r}")
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc


def parse_money(text: str, currency: str) -> int:
    """Typed amount → minor units of `currency` (half to even)."""
    value = parse_decimal(text).scaleb(MINOR_DIGITS[currency])
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


def parse_int(text: str) -> int:
    value = parse_decimal(text)
    if value != value.to_integral_value():
        raise ValueError(f"not a whole number: {text!r}")
    return int(value)


def parse_date(text: str) -> date:
    """'2026-11-26', '26/11/2026', '26-11-2026', '26.11.2026', in Khmer or Latin digits."""
    raw = latin_digits(text.strip())
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return date(y, mo, d)
    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", raw)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        return date(y, mo, d)
    m = re.fullmatch(r"(\d{1,2})\s+(\S+?)\.?,?\s+(\d{4})", raw)  # '26 Nov 2026', '២៦ វិច្ឆិកា ២០២៦'
    if m and month_number(m.group(2)):
        return date(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
    raise ValueError(f"not a date: {text!r}")


def month_number(name: str) -> int | None:
    """1-12 for an English (full or short) or Khmer month name, else None."""
    key = name.strip().rstrip(".").casefold()
    for names in (*MONTHS.values(), MONTHS_SHORT_EN):
        for index, candidate in enumerate(names):
            if candidate.casefold() == key:
                return index + 1
    return None


def parse_month(text: str) -> str:
    """'November 2026', 'វិច្ឆិកា ២០២៦', '2026-11', '11/2026' → '2026-11'."""
    raw = latin_digits(text.strip())
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", raw)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
    else:
        m = re.fullmatch(r"(\d{1,2})[/.\-](\d{4})", raw)
        if m:
            month, year = int(m.group(1)), int(m.group(2))
        else:
            m = re.fullmatch(r"(\S+?)\.?,?\s+(\d{4})", raw)
            month = month_number(m.group(1)) if m else None
            if not m or month is None:
                raise ValueError(f"not a month: {text!r}")
            year = int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"not a month: {text!r}")
    return f"{year:04d}-{month:02d}"


def parse_percent(text: str) -> Decimal:
    """'12.5%', '១២.៥ %' → Decimal('0.125') (a ratio, as the metrics use)."""
    cleaned = latin_digits(str(text)).replace("%", "").strip()
    return parse_decimal(cleaned) / 100


_current = Formatter("en")


def current() -> Formatter:
    """The formatter of the language the UI shows now."""
    return _current


def set_current(lang: str, khmer_digits: bool = True,
                style: NumberStyle | None = None) -> Formatter:
    global _current
    _current = Formatter(lang, khmer_digits, style)
    return _current
