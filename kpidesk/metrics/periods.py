"""Reporting periods: a calendar month ('2026-11'), quarter ('2026-Q4') or year ('2026').

A sale belongs to the period of its local date (KPI.md, Conventions). Periods
are immutable values with inclusive `start` and `end` dates; keys are what the
rest of the app passes around.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTH = "month"
QUARTER = "quarter"
YEAR = "year"

_MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_QUARTER_RE = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_YEAR_RE = re.compile(r"^(\d{4})$")


def month_key(d: date) -> str:
    """'YYYY-MM' of a date."""
    return f"{d.year:04d}-{d.month:02d}"


def _month_index(key: str) -> int:
    m = _MONTH_RE.match(key)
    if not m:
        raise ValueError(f"not a month key: {key!r}")
    return int(m.group(1)) * 12 + int(m.group(2)) - 1


def _from_index(index: int) -> str:
    year, month0 = divmod(index, 12)
    return f"{year:04d}-{month0 + 1:02d}"


def add_months(key: str, n: int) -> str:
    """The month key `n` months after `key` (n may be negative)."""
    return _from_index(_month_index(key) + n)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, order=True)
class Period:
    kind: str  # 'month' | 'quarter' | 'year'
    key: str
    start: date
    end: date  # inclusive

    # -- size and membership ------------------------------------------------
    @property
    def days(self) -> int:
        """Number of days in the period."""
        return (self.end - self.start).days + 1

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    def day_of(self, d: date) -> int:
        """Day number of `d` inside the period, clamped to 0 (before) .. days (after)."""
        if d < self.start:
            return 0
        if d > self.end:
            return self.days
        return (d - self.start).days + 1

    def months(self) -> list[str]:
        """Month keys of the period, in order."""
        first = _month_index(month_key(self.start))
        last = _month_index(month_key(self.end))
        return [_from_index(i) for i in range(first, last + 1)]

    # -- neighbours ------------------------------------------------------------
    def _shift_months(self, n: int) -> Period:
        first = add_months(month_key(self.start), n)
        year = int(first[:4])
        if self.kind == MONTH:
            return parse_period(first)
        if self.kind == QUARTER:
            return parse_period(f"{year:04d}-Q{(int(first[5:7]) - 1) // 3 + 1}")
        return parse_period(f"{year:04d}")

    def previous(self, n: int = 1) -> Period:
        """The period of the same kind `n` steps earlier (P−1 for n=1)."""
        step = {MONTH: 1, QUARTER: 3, YEAR: 12}[self.kind]
        return self._shift_months(-step * n)

    def next(self, n: int = 1) -> Period:
        return self.previous(-n)

    def year_before(self) -> Period:
        """The same period one year earlier (P−12 months)."""
        return self._shift_months(-12)

    # -- ISO strings for SQL --------------------------------------------------
    @property
    def first_day(self) -> str:
        return self.start.isoformat()

    @property
    def last_day(self) -> str:
        return self.end.isoformat()

    def __str__(self) -> str:
        return self.key


def parse_period(key: str | Period) -> Period:
    """Period of a key '2026-11', '2026-Q4' or '2026'; ValueError otherwise."""
    if isinstance(key, Period):
        return key
    text = str(key).strip()
    m = _MONTH_RE.match(text)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if year < 1:
            raise ValueError(f"not a period key: {key!r}")
        return Period(MONTH, text, date(year, month, 1), _last_day(year, month))
    m = _QUARTER_RE.match(text)
    if m:
        year, q = int(m.group(1)), int(m.group(2))
        if year < 1:
            raise ValueError(f"not a period key: {key!r}")
        return Period(QUARTER, f"{year:04d}-Q{q}", date(year, 3 * q - 2, 1),
                      _last_day(year, 3 * q))
    m = _YEAR_RE.match(text)
    if m and int(m.group(1)) >= 1:
        year = int(m.group(1))
        return Period(YEAR, text, date(year, 1, 1), date(year, 12, 31))
    raise ValueError(f"not a period key: {key!r}")


def month_range(last_month: str, months: int) -> list[str]:
    """The `months` month keys ending with `last_month`, oldest first."""
    return [add_months(last_month, -i) for i in range(months - 1, -1, -1)]
