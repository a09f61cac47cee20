"""Call-back figures (KPI.md §4b): of the at-risk customers called in a period, how many
came back within 30 days of the call, and what they spent in those days.

Choices where KPI.md leaves one:
- a customer counts once per period, from its first call in the period that found it at
  risk; "at risk" is as the list stood on the morning of the call: on the call's date,
  or on the day before (a customer who bought on the day of the call is off the list by
  the evening, and that purchase is the win);
- "within 30 days after the call" = the call's date and the 30 days after it;
  a purchase is a non-refund order; `recovered_revenue` is the customer's revenue
  (refunds included) of those days, in the reporting currency;
- purchases after `today` do not count; while a call's 30 days are not over the figures
  are `provisional`;
- per salesperson: the one who made the call, else the customer's salesperson.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from kpidesk.metrics.periods import Period, parse_period
from kpidesk.metrics.results import WinbackKpis
from kpidesk.store import customer_days
from kpidesk.store.db import Store

WINBACK_DAYS = 30


@dataclass(frozen=True)
class WinbackCustomer:
    contact_id: int
    name: str
    called: str  # date of the call that counts
    salesperson_id: int | None
    came_back: str | None  # date of the first purchase in the window, or None
    revenue: int  # minor units of the reporting currency, in the window


@dataclass(frozen=True)
class WinbackRow:
    salesperson_id: int | None  # None = no salesperson
    name: str
    called: int
    won_back: int
    winback_rate: float | None
    recovered_revenue: int


@dataclass
class Winback:
    period: str
    called: int  # at-risk customers called in the period
    won_back: int  # of them, those who bought within 30 days of the call
    winback_rate: float | None  # won_back / called; None when nobody was called
    recovered_revenue: int
    provisional: bool  # some call's 30 days are not over yet
    by_salesperson: list[WinbackRow] = field(default_factory=list)
    customers: list[WinbackCustomer] = field(default_factory=list)


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _was_at_risk(store: Store, contact_id: int, day: date) -> bool:
    """At risk on `day` or on the day before (see the module's note)."""
    return store.conn.execute(
        "SELECT 1 FROM risk_spans WHERE contact_id = ? AND start <= ? AND end >= ? LIMIT 1",
        (contact_id, day.isoformat(), (day - timedelta(days=1)).isoformat())
    ).fetchone() is not None


def winback(store: Store, period: str | Period, today: date | str) -> Winback:
    """The call-back figures of `period` as of `today`."""
    p = parse_period(period)
    today = _as_date(today)
    last_call_day = min(p.end, today)
    column = "revenue_usd" if store.reporting_currency == "USD" else "revenue_khr"
    counted: dict[int, WinbackCustomer] = {}
    provisional = False
    if p.start <= today:
        calls = store.conn.execute(
            "SELECT k.contact_id, k.date, IFNULL(k.salesperson_id, c.salesperson_id), c.name"
            " FROM calls k JOIN contacts c ON c.id = k.contact_id"
            " WHERE k.date BETWEEN ? AND ? ORDER BY k.date, k.id",
            (p.first_day, last_call_day.isoformat())).fetchall()
        for contact_id, called, salesperson_id, name in calls:
            if contact_id in counted:
                continue
            day = date.fromisoformat(called)
            if not _was_at_risk(store, contact_id, day):
                continue
            window_end = day + timedelta(days=WINBACK_DAYS)
            provisional |= window_end > today
            upto = min(window_end, today).isoformat()
            first, revenue = store.conn.execute(
                f"SELECT MIN(CASE WHEN orders > 0 THEN day END), SUM({column})"
                " FROM customer_day WHERE contact_id = ? AND day BETWEEN ? AND ?",
                (contact_id, *customer_days.day_params(store.conn, called, upto))).fetchone()
            first = customer_days.as_text(first)
            counted[contact_id] = WinbackCustomer(
                contact_id, name, called, salesperson_id, first,
                int(revenue or 0) if first else 0)
    rows = list(counted.values())
    result = Winback(p.key, len(rows), sum(1 for r in rows if r.came_back), None,
                     sum(r.revenue for r in rows), provisional and bool(rows), customers=rows)
    result.winback_rate = result.won_back / result.called if result.called else None
    names = {r[0]: r[1] for r in store.conn.execute("SELECT id, name FROM salespeople")}
    groups: dict[int | None, list[WinbackCustomer]] = {}
    for r in rows:
        groups.setdefault(r.salesperson_id, []).append(r)
    for sid, members in sorted(groups.items(), key=lambda kv: (kv[0] is None, names.get(kv[0], ""))):
        won = sum(1 for m in members if m.came_back)
        result.by_salesperson.append(WinbackRow(
            sid, names.get(sid, "") if sid is not None else "", len(members), won,
            won / len(members), sum(m.revenue for m in members)))
    return result


def winback_kpis(store: Store, period: str | Period, today: date | str) -> WinbackKpis:
    """The `kpi --json` keys of the call-back figures."""
    w = winback(store, period, today)
    return {
        "winback_rate": w.winback_rate,
        "recovered_revenue": w.recovered_revenue if w.called else None,
        "winback_called": w.called,
        "winback_won_back": w.won_back,
        "winback_provisional": w.provisional,
        "winback_by_salesperson": [
            {"salesperson_id": r.salesperson_id, "name": r.name, "called": r.called,
             "won_back": r.won_back, "winback_rate": r.winback_rate,
             "recovered_revenue": r.recovered_revenue} for r in w.by_salesperson],
    }
