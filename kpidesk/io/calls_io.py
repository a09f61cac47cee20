"""Calls from and to CSV / XLSX: columns `date, customer, outcome, note, follow_up`
(plus, optional, `phone` and `salesperson`, which `export calls` writes too).

The customer is found by phone when the row has one that matches exactly one contact,
else by name (ignoring case) when exactly one contact has it. Outcomes are read as their
codes (reached, no_answer, promised, not_interested, wrong_number) or as the English or
Khmer words the app shows. Dates as YYYY-MM-DD (or D/M/YYYY, Khmer digits too).
A file with any bad row is refused whole, each bad row listed (`CallsFileError`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

from kpidesk.i18n.format import latin_digits, parse_date
from kpidesk.io.readers import open_reader
from kpidesk.store import calls as store_calls
from kpidesk.store.calls import OUTCOMES, CallInput
from kpidesk.store.db import Store

COLUMNS = ("date", "customer", "outcome", "note", "follow_up")
EXPORT_COLUMNS = ("date", "customer", "phone", "outcome", "note", "follow_up", "salesperson")

# the words a person may write for each outcome (English and Khmer, as the app shows them)
OUTCOME_WORDS = {
    "reached": ("reached", "answered", "talked", "បាននិយាយ", "ទាក់ទងបាន"),
    "no_answer": ("no answer", "no_answer", "not answered", "មិនលើក", "គ្មានអ្នកលើក"),
    "promised": ("promised", "promised to come", "will come", "សន្យាមក", "សន្យាថានឹងមក"),
    "not_interested": ("not interested", "not_interested", "មិនចាប់អារម្មណ៍"),
    "wrong_number": ("wrong number", "wrong_number", "លេខខុស"),
}


@dataclass(frozen=True)
class BadRow:
    line: int
    column: str
    reason: str  # missing, bad_date, bad_outcome, unknown_customer, ambiguous_customer,
    #              before_call, unknown_salesperson
    value: str


class CallsFileError(Exception):
    """The file's rows that cannot be imported (nothing was)."""

    def __init__(self, rows: list[BadRow]) -> None:
        super().__init__(f"{len(rows)} bad row(s)")
        self.rows = rows


def _outcome(text: str) -> str | None:
    word = " ".join(text.strip().lower().replace("_", " ").split())
    for code, words in OUTCOME_WORDS.items():
        if word == code.replace("_", " ") or word in (w.replace("_", " ") for w in words):
            return code
    return None


def _date(text: str) -> str | None:
    try:
        return parse_date(latin_digits(str(text).strip())).isoformat()
    except (ValueError, TypeError):
        return None


def _digits(phone: str) -> str:
    return "".join(ch for ch in latin_digits(phone) if ch.isdigit())


def read_calls(store: Store, path: Path) -> list[CallInput]:
    """The file's calls, every row checked; CallsFileError lists the bad rows."""
    bad: list[BadRow] = []
    found: list[CallInput] = []
    by_name: dict[str, list[int]] = {}
    by_phone: dict[str, list[int]] = {}
    for cid, name, phone in store.conn.execute("SELECT id, name, phone FROM contacts"):
        by_name.setdefault(name.strip().lower(), []).append(cid)
        if _digits(phone or ""):
            by_phone.setdefault(_digits(phone), []).append(cid)
    people = {name.strip().lower(): sid for sid, name in
              store.conn.execute("SELECT id, name FROM salespeople")}
    with open_reader(path) as reader:
        header = [str(h or "").strip().lower().replace(" ", "_") for h in reader.header]
        missing = [c for c in ("date", "customer", "outcome") if c not in header]
        if missing:
            raise CallsFileError([BadRow(1, c, "missing", "") for c in missing])
        for line, values in reader:
            row = {h: ("" if v is None else str(v))
                   for h, v in zip(header, cast(list, values), strict=False)}
            if not any(v.strip() for v in row.values()):
                continue
            day = _date(row.get("date", ""))
            if day is None:
                bad.append(BadRow(line, "date", "bad_date", row.get("date", "")))
            outcome = _outcome(row.get("outcome", ""))
            if outcome is None:
                bad.append(BadRow(line, "outcome", "bad_outcome", row.get("outcome", "")))
            follow = row.get("follow_up", "").strip()
            follow_day = _date(follow) if follow else None
            if follow and follow_day is None:
                bad.append(BadRow(line, "follow_up", "bad_date", follow))
            elif follow_day and day and follow_day < day:
                bad.append(BadRow(line, "follow_up", "before_call", follow))
            name = row.get("customer", "").strip()
            ids = by_phone.get(_digits(row.get("phone", "")), []) if _digits(
                row.get("phone", "")) else []
            if len(ids) != 1:
                ids = by_name.get(name.lower(), [])
            if not name and not ids:
                bad.append(BadRow(line, "customer", "missing", ""))
            elif not ids:
                bad.append(BadRow(line, "customer", "unknown_customer", name))
            elif len(ids) > 1:
                bad.append(BadRow(line, "customer", "ambiguous_customer", name))
            who = row.get("salesperson", "").strip()
            salesperson = people.get(who.lower()) if who else None
            if who and salesperson is None:
                bad.append(BadRow(line, "salesperson", "unknown_salesperson", who))
            if day and outcome and len(ids) == 1 and not (follow and not follow_day):
                found.append(CallInput(ids[0], day, outcome, row.get("note", "").strip(),
                                       follow_day, salesperson))
    if bad:
        raise CallsFileError(bad)
    return found


def import_calls(store: Store, path: Path) -> tuple[int, int]:
    """Import the file's calls in one transaction: (rows read, calls added); a call
    already recorded is not added twice."""
    rows = read_calls(store, path)
    if not rows:
        return 0, 0
    return len(rows), store_calls.add_calls(store, rows)


def export_calls(store: Store, out: Path) -> int:
    """Every call to a CSV or XLSX file (as the other exports write them)."""
    from kpidesk.io.exporter import write_table

    rows = store_calls.calls_between(store)
    return write_table(out, list(EXPORT_COLUMNS), (
        [c.date, c.contact_name, c.phone, c.outcome, c.note, c.follow_up or "", c.salesperson]
        for c in rows))


assert set(OUTCOME_WORDS) == set(OUTCOMES)
