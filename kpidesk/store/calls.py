"""Call-backs (KPI.md §4b): who was called, when, with what outcome and follow-up.

A call belongs to a contact and, when known, to the salesperson who made it. The
contact is not a foreign key: a contact deleted or merged away leaves its calls behind
(they then match no contact and count nowhere), so deleting a contact never fails on
its calls. `move_calls` carries a merged contact's calls over to the one kept.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from kpidesk.store import history
from kpidesk.store.db import Store, inserted_id
from kpidesk.store.errors import ValidationError
from kpidesk.store.sales import check_date
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import new_uuid, uuid_text

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS calls ("
    " id INTEGER PRIMARY KEY,"
    " uuid BLOB NOT NULL,"
    " contact_id INTEGER NOT NULL,"
    " date TEXT NOT NULL,"  # YYYY-MM-DD
    " outcome TEXT NOT NULL,"  # one of OUTCOMES
    " note TEXT NOT NULL DEFAULT '',"
    " follow_up TEXT,"  # YYYY-MM-DD or NULL
    " salesperson_id INTEGER)",  # who called; NULL = not said
    "CREATE UNIQUE INDEX IF NOT EXISTS idx_calls_uuid ON calls(uuid)",
    # a contact's calls, newest last (its last call; its page)
    "CREATE INDEX IF NOT EXISTS idx_calls_contact_date ON calls(contact_id, date)",
    # the calls of a month (win-back figures) and of a day
    "CREATE INDEX IF NOT EXISTS idx_calls_date ON calls(date)",
]

OUTCOMES = ("reached", "no_answer", "promised", "not_interested", "wrong_number")
# after such a call the customer leaves the call-back list
NO_MORE_CALLS = frozenset({"not_interested", "wrong_number"})


@dataclass(frozen=True)
class CallInput:
    contact_id: int
    date: str  # YYYY-MM-DD
    outcome: str
    note: str = ""
    follow_up: str | None = None
    salesperson_id: int | None = None


@dataclass(frozen=True)
class Call:
    id: int
    uuid: str
    contact_id: int
    contact_name: str
    phone: str
    date: str
    outcome: str
    note: str
    follow_up: str | None
    salesperson_id: int | None
    salesperson: str


def _validate(conn: sqlite3.Connection, call: CallInput) -> None:
    check_date(call.date, "date")
    if call.outcome not in OUTCOMES:
        raise ValidationError("outcome", "bad_outcome", value=call.outcome)
    if call.follow_up:
        check_date(call.follow_up, "follow_up")
        if call.follow_up < call.date:
            raise ValidationError("follow_up", "before_call", value=call.follow_up)
    if conn.execute("SELECT 1 FROM contacts WHERE id = ?", (call.contact_id,)).fetchone() is None:
        raise ValidationError("contact", "not_found", id=call.contact_id)
    if call.salesperson_id is not None and conn.execute(
            "SELECT 1 FROM salespeople WHERE id = ?", (call.salesperson_id,)).fetchone() is None:
        raise ValidationError("salesperson", "not_found", id=call.salesperson_id)


def add_call(store: Store, call: CallInput) -> int:
    """Record one call; returns its id."""
    with store.transaction() as conn:
        _validate(conn, call)
        cur = conn.execute(
            "INSERT INTO calls (uuid, contact_id, date, outcome, note, follow_up, salesperson_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (new_uuid(), call.contact_id, call.date, call.outcome, call.note.strip(),
             call.follow_up or None, call.salesperson_id))
        store.mark_changed(Topic.CALLS)
        return inserted_id(cur)


def add_calls(store: Store, rows: list[CallInput]) -> int:
    """Record many calls in one transaction (an import); a call already recorded (same
    contact, date, outcome and note) is not added twice. Returns how many were added."""
    added = 0
    with store.transaction() as conn:
        for call in rows:
            _validate(conn, call)
            if conn.execute(
                    "SELECT 1 FROM calls WHERE contact_id = ? AND date = ? AND outcome = ?"
                    " AND note = ?", (call.contact_id, call.date, call.outcome,
                                      call.note.strip())).fetchone():
                continue
            conn.execute(
                "INSERT INTO calls (uuid, contact_id, date, outcome, note, follow_up,"
                " salesperson_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (new_uuid(), call.contact_id, call.date, call.outcome, call.note.strip(),
                 call.follow_up or None, call.salesperson_id))
            added += 1
        if added:
            store.mark_changed(Topic.CALLS)
    return added


def delete_call(store: Store, call_id: int) -> dict:
    """Delete one call (a call logged by mistake); returns what `restore_call` needs."""
    with store.transaction() as conn:
        cur = conn.execute("SELECT id, uuid, contact_id, date, outcome, note, follow_up,"
                           " salesperson_id FROM calls WHERE id = ?", (call_id,))
        row = cur.fetchone()
        if row is None:
            raise ValidationError("call", "not_found", id=call_id)
        snapshot = dict(zip([c[0] for c in cur.description], row, strict=True))
        conn.execute("DELETE FROM calls WHERE id = ?", (call_id,))
        history.note(store, "delete", f"call {call_id}", _brief(snapshot), None)
        store.mark_changed(Topic.CALLS)
    return snapshot


def restore_call(store: Store, snapshot: dict) -> int:
    """Undo of `delete_call`: the call back under its id and uuid."""
    with store.transaction() as conn:
        columns = ", ".join(snapshot)
        conn.execute(f"INSERT INTO calls ({columns}) VALUES ({', '.join('?' * len(snapshot))})",
                     tuple(snapshot.values()))
        history.note(store, "undelete", f"call {snapshot['id']}", None, _brief(snapshot))
        store.mark_changed(Topic.CALLS)
    return int(snapshot["id"])


def _brief(row: dict) -> dict:
    return {k: row[k] for k in ("contact_id", "date", "outcome", "note", "follow_up")}


def move_calls(conn: sqlite3.Connection, from_contact: int, to_contact: int) -> list[int]:
    """A merge: the removed contact's calls become the kept one's (inside the caller's
    transaction). Returns their ids, for `move_back`."""
    ids = [r[0] for r in conn.execute("SELECT id FROM calls WHERE contact_id = ?",
                                      (from_contact,))]
    conn.execute("UPDATE calls SET contact_id = ? WHERE contact_id = ?",
                 (to_contact, from_contact))
    return ids


def move_back(conn: sqlite3.Connection, call_ids: list[int], contact_id: int) -> None:
    """Undo of a merge: these calls are the restored contact's again."""
    conn.executemany("UPDATE calls SET contact_id = ? WHERE id = ?",
                     [(contact_id, i) for i in call_ids])


_SELECT = (
    "SELECT k.id, k.uuid, k.contact_id, c.name, c.phone, k.date, k.outcome, k.note,"
    " k.follow_up, k.salesperson_id, IFNULL(s.name, '')"
    " FROM calls k JOIN contacts c ON c.id = k.contact_id"
    " LEFT JOIN salespeople s ON s.id = k.salesperson_id")


def _call(row: tuple) -> Call:
    return Call(row[0], uuid_text(row[1]) or "", *row[2:])


def calls_of(store: Store, contact_id: int) -> list[Call]:
    """A contact's calls, newest first."""
    return [_call(r) for r in store.conn.execute(
        _SELECT + " WHERE k.contact_id = ? ORDER BY k.date DESC, k.id DESC", (contact_id,))]


def calls_between(store: Store, first: str | None = None, last: str | None = None) -> list[Call]:
    """Every call dated from `first` to `last` (ISO dates, inclusive; None: no bound),
    oldest first."""
    return [_call(r) for r in store.conn.execute(
        _SELECT + " WHERE k.date BETWEEN ? AND ? ORDER BY k.date, k.id",
        (first or "0000-01-01", last or "9999-12-31"))]


def last_calls(store: Store, contact_ids: list[int], upto: date | str | None = None
               ) -> dict[int, Call]:
    """The latest call (up to `upto`, if given) of each of these contacts that has one."""
    last = str(upto) if upto else "9999-12-31"
    result: dict[int, Call] = {}
    for start in range(0, len(contact_ids), 500):
        chunk = [int(i) for i in contact_ids[start:start + 500]]
        rows = store.conn.execute(
            _SELECT + f" WHERE k.contact_id IN ({','.join('?' * len(chunk))})"
            " AND k.date <= ? ORDER BY k.contact_id, k.date, k.id", (*chunk, last))
        for row in rows:
            result[row[2]] = _call(row)  # in date order: the last one stays
    return result


def follow_ups_due(store: Store, day: date | str) -> list[Call]:
    """Calls whose follow-up date has come by `day` and that no later call answered:
    the customers promised a call back today (or earlier and not called yet)."""
    d = str(day)
    return [_call(r) for r in store.conn.execute(
        _SELECT + " WHERE k.follow_up IS NOT NULL AND k.follow_up <= ?"
        " AND NOT EXISTS (SELECT 1 FROM calls n WHERE n.contact_id = k.contact_id"
        "   AND (n.date > k.date OR (n.date = k.date AND n.id > k.id)))"
        " ORDER BY k.follow_up, k.id", (d,))]


def count_calls(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM calls").fetchone()[0])
