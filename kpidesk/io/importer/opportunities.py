"""Opportunities rows: the row parser and the sink.
"""

from __future__ import annotations

import hashlib

from kpidesk.io.importer.fields import (
    CurrencyMix,
    _amount_currency,
    _Bad,
    _date,
    _getter,
    _latest,
    _minor,
    _number,
    _rate,
    _rule,
    _text,
    _uuid_of,
)
from kpidesk.io.importer.names import _Contacts, _Names
from kpidesk.io.parsing import (
    clean_ref,
)
from kpidesk.store.db import Store
from kpidesk.store.money import convert
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import new_uuid

_STATUSES = {"open": "open", "won": "won", "lost": "lost", "បើក": "open", "ឈ្នះ": "won",
             "ចាញ់": "lost"}


def _opportunities_parser(opts: dict, index: dict[str, int], width: int, today: str,
                          mix: CurrencyMix | None = None):
    get = _getter(index)
    order = opts.get("date_order", "dmy")
    default_currency = opts.get("currency") or "USD"
    default_rate = int(opts.get("rate") or 4100)
    riel_from = _rule(opts)
    latest = _latest(today)

    def parse(row: list) -> tuple:
        title = _text(get(row, "title"))
        if not title:
            raise _Bad("title", "required")
        raw = get(row, "value")
        if raw in ("", None):
            raise _Bad("value", "required")
        value, named = _number(raw, "value")
        if value < 0:
            raise _Bad("value", "negative", raw)
        currency = _amount_currency(get(row, "currency"), named, value, raw, "value",
                                    default_currency, riel_from, mix)
        minor = _minor(value, currency, "value", raw)
        rate = _rate(get(row, "rate"), default_rate)
        prob_raw = get(row, "probability")
        probability = None
        if prob_raw not in ("", None):
            p, _ = _number(str(prob_raw).replace("%", ""), "probability")
            if not 0 <= p <= 100:
                raise _Bad("probability", "bad_probability", prob_raw)
            probability = int(p)
        status_raw = _text(get(row, "status"))
        status = _STATUSES.get(status_raw.lower()) if status_raw else None
        if status_raw and status is None:
            raise _Bad("status", "bad_status", status_raw)
        created = _date(get(row, "created"), "created", order, latest)
        expected = _date(get(row, "expected_close"), "expected_close", order, latest,
                         required=False)
        closed = _date(get(row, "closed"), "closed", order, latest, required=False)
        if status in ("won", "lost") and not closed:
            raise _Bad("closed", "required")
        return (title, _text(get(row, "customer")),
                clean_ref(get(row, "customer_ref")) if "customer_ref" in index else "",
                _text(get(row, "owner")), minor, currency, rate,
                _text(get(row, "stage")), probability, created, expected, status, closed,
                _text(get(row, "lost_reason")), _text(get(row, "note")),
                _text(get(row, "ref")))
    return parse


class _OpportunitiesSink:
    topics = (Topic.OPPORTUNITIES, Topic.CONTACTS, Topic.SALESPEOPLE)

    def __init__(self, store: Store, opts: dict, today: str, import_id: int) -> None:
        self.conn = store.conn
        self.import_id = import_id
        self.contacts = _Contacts(self.conn, import_id)
        self.salespeople = _Names(self.conn, "salespeople", import_id)
        self.stages = {}
        self.first_of_kind: dict[str, tuple[int, int]] = {}
        for sid, name, prob, kind in self.conn.execute(
                "SELECT id, name, probability, kind FROM stages ORDER BY position DESC"):
            self.stages[name.strip().lower()] = (sid, prob, kind)
            self.first_of_kind[kind] = (sid, prob)
        self.counts = {"opportunities": 0, "duplicates": 0}

    def add(self, rec: tuple, line: int) -> None:
        (title, customer, cref, owner, value, currency, rate, stage, probability, created,
         expected, status, closed, lost_reason, note, ref) = rec
        if stage:
            found = self.stages.get(stage.lower())
            if found is None:
                raise _Bad("stage", "unknown_stage", stage)
            stage_id, default_prob, stage_kind = found
        else:
            stage_kind = status or "open"
            stage_id, default_prob = self.first_of_kind[stage_kind]
        status = status or stage_kind
        digest = ref if ref else hashlib.blake2b(repr(rec).encode(), digest_size=12).hexdigest()
        if self.conn.execute("SELECT 1 FROM import_keys WHERE kind = 'opportunity' AND key = ?",
                             (digest,)).fetchone() or (ref and self.conn.execute(
                "SELECT 1 FROM opportunities WHERE uuid = ?", (_uuid_of(ref),)).fetchone()):
            self.counts["duplicates"] += 1
            return
        contact_id = None
        if customer or cref:
            contact_id = self.contacts.find(customer, cref)
            if contact_id is None:
                contact_id = self.contacts.make(customer, cref, created, kind="lead")
        usd, khr = convert(value, currency, rate)
        uid = _uuid_of(ref) or new_uuid()
        row_id = self.conn.execute(
            "INSERT INTO opportunities(uuid, title, contact_id, owner_id, value, currency, rate,"
            " value_usd, value_khr, stage_id, probability, created, expected_close, status,"
            " closed, lost_reason, note, import_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, title, contact_id, self.salespeople.get(owner), value, currency, rate, usd, khr,
             stage_id, default_prob if probability is None else probability, created, expected,
             status, closed if status != "open" else None, lost_reason, note,
             self.import_id)).lastrowid
        self.conn.execute("INSERT INTO import_keys(kind, key, row_id) VALUES ('opportunity', ?, ?)",
                          (digest, row_id))
        self.counts["opportunities"] += 1

    def finish(self) -> dict[str, int]:
        return self.counts
