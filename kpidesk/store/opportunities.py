"""Opportunities and their stages.

Every write also records the opportunity's state (stage, probability, value, expected
close date, status) in `opportunity_history` with the day it took effect (KPI.md §3):
the day it was created, the day it was closed, else the shop's date of the change
(`on`, default today). `snapshot` carries those states and `put_back` restores them, so
undo leaves them as they were.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from kpidesk.store import history
from kpidesk.store.db import Store, inserted_id
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import CURRENCIES, convert
from kpidesk.store.reference import get_or_create
from kpidesk.store.sales import LineInput, OrderInput, add_order, check_date
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import new_uuid

STATUSES = ("open", "won", "lost")


@dataclass
class OpportunityInput:
    title: str
    value: int  # minor units of currency
    created: str
    stage_id: int
    currency: str = "USD"
    rate: int = 4100
    probability: int | None = None  # None = the stage's default
    contact_id: int | None = None
    owner_id: int | None = None
    expected_close: str | None = None
    status: str = "open"
    closed: str | None = None
    lost_reason: str = ""
    note: str = ""


def stages(store: Store) -> list[dict]:
    return [dict(r) for r in store.query("SELECT * FROM stages ORDER BY position")]


def stage_of_kind(store: Store, kind: str) -> int:
    return int(store.scalar("SELECT id FROM stages WHERE kind = ? ORDER BY position LIMIT 1",
                            (kind,)))


def _validate(store: Store, opp: OpportunityInput) -> int:
    if not opp.title.strip():
        raise ValidationError("title", "required")
    if not isinstance(opp.value, int) or opp.value < 0:
        raise ValidationError("value", "not_positive", value=opp.value)
    if opp.currency not in CURRENCIES:
        raise ValidationError("currency", "bad_currency", value=opp.currency)
    if opp.rate <= 0:
        raise ValidationError("rate", "bad_rate", value=opp.rate)
    if opp.status not in STATUSES:
        raise ValidationError("status", "bad_status", value=opp.status)
    check_date(opp.created, "created")
    if opp.expected_close:
        check_date(opp.expected_close, "expected_close")
    if opp.status != "open":
        if not opp.closed:
            raise ValidationError("closed", "required")
        check_date(opp.closed, "closed")
    default = store.scalar("SELECT probability FROM stages WHERE id = ?", (opp.stage_id,))
    if default is None:
        raise ValidationError("stage", "not_found", id=opp.stage_id)
    probability = int(default) if opp.probability is None else opp.probability
    if not 0 <= probability <= 100:
        raise ValidationError("probability", "bad_probability", value=probability)
    return probability


_HISTORY_COLUMNS = ("day", "stage_id", "probability", "value", "currency", "value_usd",
                    "value_khr", "expected_close", "status", "closed")


def record_state(conn: sqlite3.Connection, opp_id: int, day: str) -> None:
    """Note the opportunity's current state as its state from `day` on (same transaction
    as the write that made it)."""
    conn.execute(
        "INSERT INTO opportunity_history (opportunity_id, day, stage_id, probability, value,"
        " currency, value_usd, value_khr, expected_close, status, closed)"
        " SELECT id, ?, stage_id, probability, value, currency, value_usd, value_khr,"
        " expected_close, status, closed FROM opportunities WHERE id = ?", (day, opp_id))


def _change_day(conn: sqlite3.Connection, opp_id: int, on: str | None) -> str:
    """The day a change made now takes effect: `on` (default today), never before the
    opportunity was created."""
    day = check_date(on, "date") if on else date.today().isoformat()
    created = conn.execute("SELECT created FROM opportunities WHERE id = ?",
                           (opp_id,)).fetchone()
    return max(day, created[0]) if created and created[0] else day


def stage_history(store: Store, opp_id: int) -> list[dict]:
    """The recorded states of an opportunity, in the order they were recorded (the state
    on a day d is the last one recorded among those dated d or before)."""
    return [dict(zip(_HISTORY_COLUMNS, r, strict=True)) for r in store.conn.execute(
        f"SELECT {', '.join(_HISTORY_COLUMNS)} FROM opportunity_history"
        " WHERE opportunity_id = ? ORDER BY id", (opp_id,))]


def add_opportunity(store: Store, opp: OpportunityInput, opp_id: int | None = None,
                    uuid: str | None = None) -> int:
    probability = _validate(store, opp)
    usd, khr = convert(opp.value, opp.currency, opp.rate)
    with store.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO opportunities(id, uuid, title, contact_id, owner_id, value, currency,"
            " rate, value_usd, value_khr, stage_id, probability, created, expected_close,"
            " status, closed, lost_reason, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (opp_id, uuid or new_uuid(), opp.title.strip(), opp.contact_id, opp.owner_id,
             opp.value, opp.currency, opp.rate, usd, khr, opp.stage_id, probability,
             opp.created, opp.expected_close, opp.status,
             opp.closed if opp.status != "open" else None, opp.lost_reason, opp.note),
        )
        new_id = inserted_id(cur)
        record_state(conn, new_id, opp.created)
        if opp.status != "open" and opp.closed and opp.closed > opp.created:
            # entered closed: open from its creation, at the last open stage (the one it
            # most likely left), closed on its day
            conn.execute(
                "UPDATE opportunity_history SET status = 'open', closed = NULL,"
                " (stage_id, probability) = (SELECT id, probability FROM stages"
                "  WHERE kind = 'open' ORDER BY position DESC LIMIT 1)"
                " WHERE opportunity_id = ?", (new_id,))
            record_state(conn, new_id, opp.closed)
        store.mark_changed(Topic.OPPORTUNITIES)
        return new_id


# -- reading --------------------------------------------------------------------------
_COLUMNS = ("id", "uuid", "title", "contact_id", "owner_id", "value", "currency", "rate",
            "value_usd", "value_khr", "stage_id", "probability", "created", "expected_close",
            "status", "closed", "lost_reason", "order_id", "note")


def stage(store: Store, stage_id: int) -> dict:
    rows = store.query("SELECT * FROM stages WHERE id = ?", (stage_id,))
    if not rows:
        raise ValidationError("stage", "not_found", id=stage_id)
    return dict(rows[0])


def open_stages(store: Store) -> list[dict]:
    return [s for s in stages(store) if s["kind"] == "open"]


def lost_reasons(store: Store) -> list[str]:
    """The editable list of lost reasons (names, sorted)."""
    return [r[0] for r in store.conn.execute(
        "SELECT name FROM lost_reasons ORDER BY name COLLATE NOCASE")]


def snapshot(store: Store, opp_id: int) -> dict:
    """The whole row of an opportunity and its recorded states (key "stages", see
    `stage_history`), as `put_back` takes it (undo)."""
    row = store.conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM opportunities WHERE id = ?",
                             (opp_id,)).fetchone()
    if row is None:
        raise ValidationError("opportunity", "not_found", id=opp_id)
    return {**dict(zip(_COLUMNS, row, strict=True)), "stages": stage_history(store, opp_id)}


def get_opportunity(store: Store, opp_id: int) -> OpportunityInput:
    r = snapshot(store, opp_id)
    return OpportunityInput(
        title=r["title"], value=r["value"], created=r["created"], stage_id=r["stage_id"],
        currency=r["currency"], rate=r["rate"], probability=r["probability"],
        contact_id=r["contact_id"], owner_id=r["owner_id"], expected_close=r["expected_close"],
        status=r["status"], closed=r["closed"], lost_reason=r["lost_reason"], note=r["note"])


def list_opportunities(store: Store, status: str | None = None) -> list[dict]:
    """Opportunities with their stage, contact and owner names (newest first)."""
    where, params = ("WHERE o.status = ?", (status,)) if status else ("", ())
    return [dict(r) for r in store.query(
        f"""
        SELECT o.*, st.name AS stage, st.kind AS stage_kind, st.position AS stage_position,
               IFNULL(c.name, '') AS contact, IFNULL(sp.name, '') AS owner
        FROM opportunities o JOIN stages st ON st.id = o.stage_id
        LEFT JOIN contacts c ON c.id = o.contact_id
        LEFT JOIN salespeople sp ON sp.id = o.owner_id
        {where}
        ORDER BY o.created DESC, o.id DESC
        """, params)]


# -- writing --------------------------------------------------------------------------
def put_back(store: Store, row: dict) -> None:
    """Write a whole opportunity row as it was (undo/redo), with its recorded states:
    inserted if missing."""
    with store.transaction() as conn:
        if not conn.execute("SELECT 1 FROM opportunities WHERE id = ?", (row["id"],)).fetchone():
            history.note(store, "undelete", f"opportunity {row['id']}", None,
                         {"title": row["title"], "value": row["value"],
                          "currency": row["currency"], "status": row["status"]})
        conn.execute(
            f"INSERT OR REPLACE INTO opportunities({', '.join(_COLUMNS)})"
            f" VALUES ({', '.join('?' * len(_COLUMNS))})", tuple(row[c] for c in _COLUMNS))
        if "stages" in row:
            conn.execute("DELETE FROM opportunity_history WHERE opportunity_id = ?",
                         (row["id"],))
            conn.executemany(
                f"INSERT INTO opportunity_history (opportunity_id, {', '.join(_HISTORY_COLUMNS)})"
                f" VALUES (?, {', '.join('?' * len(_HISTORY_COLUMNS))})",
                [(row["id"], *(h[c] for c in _HISTORY_COLUMNS)) for h in row["stages"]])
        store.mark_changed(Topic.OPPORTUNITIES)


def update_opportunity(store: Store, opp_id: int, opp: OpportunityInput, *,
                       on: str | None = None) -> None:
    """Replace an opportunity's fields (keeps its id, uuid and linked sale). The new state
    counts from `on` (default today), or from its closed date when this closes it."""
    probability = _validate(store, opp)
    usd, khr = convert(opp.value, opp.currency, opp.rate)
    with store.transaction() as conn:
        before = snapshot(store, opp_id)
        conn.execute(
            "UPDATE opportunities SET title = ?, contact_id = ?, owner_id = ?, value = ?,"
            " currency = ?, rate = ?, value_usd = ?, value_khr = ?, stage_id = ?,"
            " probability = ?, created = ?, expected_close = ?, status = ?, closed = ?,"
            " lost_reason = ?, note = ? WHERE id = ?",
            (opp.title.strip(), opp.contact_id, opp.owner_id, opp.value, opp.currency, opp.rate,
             usd, khr, opp.stage_id, probability, opp.created, opp.expected_close, opp.status,
             opp.closed if opp.status != "open" else None,
             opp.lost_reason if opp.status == "lost" else "", opp.note, opp_id))
        closes = before["status"] == "open" and opp.status != "open" and opp.closed
        record_state(conn, opp_id, opp.closed if closes and opp.closed
                     else _change_day(conn, opp_id, on))
        store.mark_changed(Topic.OPPORTUNITIES)


def move_stage(store: Store, opp_id: int, stage_id: int, probability: int | None = None, *,
               on: str | None = None) -> None:
    """Move an open opportunity to another open stage. Its probability becomes the new
    stage's default unless `probability` overrides it. Won and lost are reached with
    `mark_won` / `mark_lost` (they need a date, a reason, maybe a sale)."""
    target = stage(store, stage_id)
    if target["kind"] != "open":
        raise ValidationError("stage", "not_open", id=stage_id)
    new_probability = target["probability"] if probability is None else probability
    if not 0 <= new_probability <= 100:
        raise ValidationError("probability", "bad_probability", value=new_probability)
    with store.transaction() as conn:
        row = snapshot(store, opp_id)
        if row["status"] != "open":
            raise ValidationError("opportunity", "closed", id=opp_id)
        conn.execute("UPDATE opportunities SET stage_id = ?, probability = ? WHERE id = ?",
                     (stage_id, new_probability, opp_id))
        record_state(conn, opp_id, _change_day(conn, opp_id, on))
        store.mark_changed(Topic.OPPORTUNITIES)


def sale_from_opportunity(store: Store, opp_id: int, day: str) -> OrderInput:
    """The sale a won opportunity becomes: one line of its value, its contact and owner."""
    r = snapshot(store, opp_id)
    return OrderInput(date=day, contact_id=r["contact_id"], salesperson_id=r["owner_id"],
                      note=r["title"],
                      lines=[LineInput(amount=r["value"], currency=r["currency"], rate=r["rate"],
                                       note=r["title"])])


def mark_won(store: Store, opp_id: int, closed: str, create_sale: bool = False) -> int | None:
    """Close as won on `closed` (the Won stage, its probability). With `create_sale`, the
    sale is recorded too (same transaction) and linked; returns its order id."""
    check_date(closed, "closed")
    won = stage(store, stage_of_kind(store, "won"))
    with store.transaction() as conn:
        row = snapshot(store, opp_id)
        if row["status"] != "open":
            raise ValidationError("opportunity", "closed", id=opp_id)
        order_id = None
        if create_sale:
            order_id = add_order(store, sale_from_opportunity(store, opp_id, closed))
        conn.execute(
            "UPDATE opportunities SET status = 'won', stage_id = ?, probability = ?, closed = ?,"
            " lost_reason = '', order_id = IFNULL(?, order_id) WHERE id = ?",
            (won["id"], won["probability"], closed, order_id, opp_id))
        record_state(conn, opp_id, closed)
        store.mark_changed(Topic.OPPORTUNITIES)
    return order_id


def mark_lost(store: Store, opp_id: int, closed: str, reason: str) -> None:
    """Close as lost on `closed` with a reason (a name from the lost_reasons list;
    a new name is added to the list)."""
    check_date(closed, "closed")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("lost_reason", "required")
    lost = stage(store, stage_of_kind(store, "lost"))
    with store.transaction() as conn:
        row = snapshot(store, opp_id)
        if row["status"] != "open":
            raise ValidationError("opportunity", "closed", id=opp_id)
        name = get_or_create(store, "lost_reasons", reason)
        conn.execute(
            "UPDATE opportunities SET status = 'lost', stage_id = ?, probability = ?, closed = ?,"
            " lost_reason = (SELECT name FROM lost_reasons WHERE id = ?) WHERE id = ?",
            (lost["id"], lost["probability"], closed, name, opp_id))
        record_state(conn, opp_id, closed)
        store.mark_changed(Topic.OPPORTUNITIES)


def reopen(store: Store, opp_id: int, stage_id: int | None = None, *,
           on: str | None = None) -> None:
    """Open a won or lost opportunity again: status open, no closed date, no lost reason,
    back in `stage_id` (default: the last open stage) at its default probability. A sale
    recorded when it was won stays recorded, unlinked."""
    if stage_id is None:
        stage_id = open_stages(store)[-1]["id"]
    target = stage(store, stage_id)
    if target["kind"] != "open":
        raise ValidationError("stage", "not_open", id=stage_id)
    with store.transaction() as conn:
        row = snapshot(store, opp_id)
        if row["status"] == "open":
            raise ValidationError("opportunity", "not_closed", id=opp_id)
        conn.execute(
            "UPDATE opportunities SET status = 'open', closed = NULL, lost_reason = '',"
            " order_id = NULL, stage_id = ?, probability = ? WHERE id = ?",
            (stage_id, target["probability"], opp_id))
        record_state(conn, opp_id, _change_day(conn, opp_id, on))
        store.mark_changed(Topic.OPPORTUNITIES)


def delete_opportunity(store: Store, opp_id: int) -> dict:
    """Delete; returns the row for `put_back` (undo). A linked sale stays."""
    with store.transaction() as conn:
        row = snapshot(store, opp_id)
        conn.execute("DELETE FROM opportunity_history WHERE opportunity_id = ?", (opp_id,))
        conn.execute("DELETE FROM opportunities WHERE id = ?", (opp_id,))
        history.note(store, "delete", f"opportunity {opp_id}",
                     {"title": row["title"], "value": row["value"], "currency": row["currency"],
                      "status": row["status"]}, None)
        store.mark_changed(Topic.OPPORTUNITIES)
    return row


def opportunity_exists(store: Store, opp_id: int | None) -> bool:
    return opp_id is not None and store.scalar(
        "SELECT 1 FROM opportunities WHERE id = ?", (opp_id,)) is not None
