"""Contacts rows: the row parser and the sink.
"""

from __future__ import annotations

from kpidesk.io.importer.fields import CurrencyMix, _Bad, _date, _getter, _latest, _text
from kpidesk.io.importer.names import _Contacts, _Names
from kpidesk.io.parsing import (
    clean_ref,
)
from kpidesk.store.db import Store
from kpidesk.store.topics import Topic

_KINDS = {"lead": "lead", "leads": "lead", "prospect": "lead", "អតិថិជនសក្តានុពល": "lead",
          "customer": "customer", "customers": "customer", "client": "customer",
          "អតិថិជន": "customer"}


def _contacts_parser(opts: dict, index: dict[str, int], width: int, today: str,
                     mix: CurrencyMix | None = None):
    get = _getter(index)
    order = opts.get("date_order", "dmy")
    latest = _latest(today)

    def parse(row: list) -> tuple:
        ref = clean_ref(get(row, "ref")) if "ref" in index else ""
        name = _text(get(row, "name")) or ref
        if not name:
            raise _Bad("name", "required")
        kind_raw = _text(get(row, "kind"))
        kind = _KINDS.get(kind_raw.lower(), None) if kind_raw else "customer"
        if kind is None:
            raise _Bad("kind", "bad_kind", kind_raw)
        created = _date(get(row, "created"), "created", order, latest, required=False) or today
        return (name, kind, _text(get(row, "phone")), _text(get(row, "source")),
                _text(get(row, "salesperson")), created, _text(get(row, "note")), ref)
    return parse


class _ContactsSink:
    topics = (Topic.CONTACTS, Topic.SALESPEOPLE)

    def __init__(self, store: Store, opts: dict, today: str, import_id: int) -> None:
        self.conn = store.conn
        self.contacts = _Contacts(self.conn, import_id)
        self.salespeople = _Names(self.conn, "salespeople", import_id)
        self.phones = {hash((n.lower(), p)) for n, p in self.conn.execute(
            "SELECT name, phone FROM contacts")}
        self.counts = {"contacts": 0, "duplicates": 0}

    def add(self, rec: tuple, line: int) -> None:
        name, kind, phone, source, sp, created, note, ref = rec
        if ref and self.contacts.find(name, ref) is not None:
            self.counts["duplicates"] += 1
            return
        if not ref and hash((name.lower(), phone)) in self.phones:
            self.counts["duplicates"] += 1
            return
        self.contacts.make(name, ref, created, kind, phone, source, self.salespeople.get(sp),
                           note)
        self.phones.add(hash((name.lower(), phone)))
        self.counts["contacts"] += 1

    def finish(self) -> dict[str, int]:
        return self.counts
