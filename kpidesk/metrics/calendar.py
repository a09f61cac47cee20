"""The shop's calendar (KPI.md §2b): Cambodia's public holidays and festivals from the
`holidays` package (country KH), with their names in English and Khmer, plus the days the
shop marks closed or special (`store.insight.shop_days`).

A holiday is known by its English name (stable across years); a festival of several days
repeats its name on each, so "the same day of that festival" a year before is the one with
the same name and the same position in its run.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, timedelta

from kpidesk.store import insight
from kpidesk.store.db import Store


@dataclass(frozen=True)
class Holiday:
    day: str
    names: tuple[str, ...]  # English names (the key)
    names_km: tuple[str, ...]  # the same in Khmer

    def label(self, language: str = "en") -> str:
        return "; ".join(self.names_km if language == "km" else self.names)


@functools.lru_cache(maxsize=64)
def _year(year: int) -> dict[str, Holiday]:
    try:
        import holidays
    except ImportError:  # a bundle without it: no public holidays, the shop's days still count
        return {}
    english = holidays.country_holidays("KH", years=[year], language="en_US")
    khmer = holidays.country_holidays("KH", years=[year], language="km")
    result = {}
    for day, name in sorted(english.items()):
        names = tuple(n.strip() for n in str(name).split(";"))
        km = tuple(n.strip() for n in str(khmer.get(day, name)).split(";"))
        result[day.isoformat()] = Holiday(day.isoformat(), names, km)
    return result


def holidays_between(first: date | str, last: date | str) -> dict[str, Holiday]:
    """{ISO day: Holiday} of Cambodia's public holidays between first and last."""
    first_d, last_d = _as_date(first), _as_date(last)
    result: dict[str, Holiday] = {}
    for year in range(first_d.year, last_d.year + 1):
        for day, h in _year(year).items():
            if first_d.isoformat() <= day <= last_d.isoformat():
                result[day] = h
    return result


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def same_holiday_year_before(day: date | str) -> str | None:
    """The same day of the same named holiday in the year before (None: not a holiday,
    or that holiday was not kept then)."""
    d = _as_date(day)
    this_year = _year(d.year)
    holiday = this_year.get(d.isoformat())
    if holiday is None:
        return None
    last_year = _year(d.year - 1)
    for name in holiday.names:
        mine = [k for k, h in this_year.items() if name in h.names]
        theirs = [k for k, h in last_year.items() if name in h.names]
        position = mine.index(d.isoformat())
        if theirs:
            return theirs[min(position, len(theirs) - 1)]
    return None


@dataclass(frozen=True)
class CalendarDay:
    day: str
    holiday: Holiday | None
    closed: bool
    special: bool
    note: str


def month_calendar(store: Store, first: str, last: str) -> list[CalendarDay]:
    """Every day from first to last with its holiday and the shop's own marks."""
    marks = {d.day: d for d in insight.shop_days(store, first, last)}
    hols = holidays_between(first, last)
    out = []
    d, end = date.fromisoformat(first), date.fromisoformat(last)
    while d <= end:
        key = d.isoformat()
        mark = marks.get(key)
        out.append(CalendarDay(key, hols.get(key), bool(mark and mark.kind == "closed"),
                               bool(mark and mark.kind == "special"), mark.note if mark else ""))
        d += timedelta(days=1)
    return out
