"""The call-back list with each customer's last call, and the calls due today.

The at-risk list (KPI.md §5) less the customers not to call again: those whose last
call, made since their last purchase, ended "not interested" or "wrong number". Each
row carries the last call. "To call today" (per salesperson) = follow-ups due by today
that no later call answered, then the at-risk customers not called since their last
purchase, most valuable first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kpidesk.metrics import customers
from kpidesk.store import calls as store_calls
from kpidesk.store.calls import NO_MORE_CALLS, Call
from kpidesk.store.db import Store


@dataclass(frozen=True)
class CallBackRow:
    contact_id: int
    name: str
    phone: str | None
    salesperson_id: int | None
    last_purchase: str
    usual_gap_days: float
    days_since: int
    revenue_365: int
    last_call: Call | None


@dataclass(frozen=True)
class DueCall:
    contact_id: int
    name: str
    phone: str | None
    salesperson_id: int | None
    reason: str  # 'follow_up' (promised a call back) or 'at_risk' (not called yet)
    since: str  # the follow-up date, or the last purchase
    revenue_365: int | None  # at-risk rows only
    last_call: Call | None


def _salespeople(store: Store, ids: list[int]) -> dict[int, int | None]:
    found: dict[int, int | None] = {}
    for start in range(0, len(ids), 500):
        chunk = [int(i) for i in ids[start:start + 500]]
        found.update(store.conn.execute(
            f"SELECT id, salesperson_id FROM contacts WHERE id IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
    return found


def call_list(store: Store, day: date, limit: int | None = None,
              salesperson_id: int | None = None) -> list[CallBackRow]:
    """The call-back list on `day` with each customer's last call, not-to-call-again ones
    left out; optionally only one salesperson's customers."""
    # ask for a few more: some may be hidden
    wanted = None if limit is None else limit + 50
    rows = customers.at_risk(store, day, limit=wanted)
    ids = [r["contact_id"] for r in rows]
    last = store_calls.last_calls(store, ids, upto=day)
    owners = _salespeople(store, ids)
    result: list[CallBackRow] = []
    for r in rows:
        call = last.get(r["contact_id"])
        if call is not None and call.outcome in NO_MORE_CALLS \
                and call.date >= r["last_purchase"]:
            continue
        owner = owners.get(r["contact_id"])
        if salesperson_id is not None and owner != salesperson_id:
            continue
        result.append(CallBackRow(r["contact_id"], r["name"], r["phone"], owner,
                                  r["last_purchase"], r["usual_gap_days"], r["days_since"],
                                  r["revenue_365"], call))
        if limit is not None and len(result) >= limit:
            break
    return result


def due_today(store: Store, day: date, salesperson_id: int | None = None,
              at_risk_rows: int = 20) -> list[DueCall]:
    """Whom to call on `day`: follow-ups due, then at-risk customers not called since
    their last purchase (at most `at_risk_rows` of them)."""
    due: list[DueCall] = []
    seen: set[int] = set()
    follow = store_calls.follow_ups_due(store, day)
    owners = _salespeople(store, [c.contact_id for c in follow])
    for c in follow:
        owner = c.salesperson_id if c.salesperson_id is not None else owners.get(c.contact_id)
        if salesperson_id is not None and owner != salesperson_id:
            continue
        if c.outcome in NO_MORE_CALLS or c.contact_id in seen:
            continue
        seen.add(c.contact_id)
        due.append(DueCall(c.contact_id, c.contact_name, c.phone, owner, "follow_up",
                           c.follow_up or c.date, None, c))
    added = 0
    for r in call_list(store, day, limit=None, salesperson_id=salesperson_id):
        if added >= at_risk_rows:
            break
        if r.contact_id in seen:
            continue
        if r.last_call is not None and r.last_call.date >= r.last_purchase:
            continue  # called since the last purchase: waits for its follow-up
        due.append(DueCall(r.contact_id, r.name, r.phone, r.salesperson_id, "at_risk",
                           r.last_purchase, r.revenue_365, r.last_call))
        added += 1
    return due


def usual_products(store: Store, contact_id: int, limit: int = 2) -> list[str]:
    """The products a customer buys most often (by number of orders), for a ready
    message."""
    return [r[0] for r in store.conn.execute(
        "SELECT p.name FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " JOIN products p ON p.id = l.product_id"
        " WHERE o.contact_id = ? AND l.quantity > 0"
        " GROUP BY p.id ORDER BY COUNT(DISTINCT o.id) DESC, SUM(l.amount_usd) DESC LIMIT ?",
        (contact_id, limit))]
