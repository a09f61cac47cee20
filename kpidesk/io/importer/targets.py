"""Targets rows: the row parser and the sink.
"""

from __future__ import annotations

from kpidesk.io.importer.fields import (
    EARLIEST_DATE,
    CurrencyMix,
    _amount_currency,
    _Bad,
    _getter,
    _minor,
    _number,
    _rule,
    _text,
)
from kpidesk.io.importer.names import _Names
from kpidesk.io.parsing import (
    ParseError,
    parse_int,
    parse_period,
)
from kpidesk.store.db import Store
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import new_uuid, uuid_text

_MEASURES = {"revenue": "revenue", "sales": "revenue", "ចំណូល": "revenue",
             "newcustomers": "new_customers", "new_customers": "new_customers",
             "អតិថិជនថ្មី": "new_customers", "wonopportunities": "won_opportunities",
             "won_opportunities": "won_opportunities", "wondeals": "won_opportunities"}


def _targets_parser(opts: dict, index: dict[str, int], width: int, today: str,
                    mix: CurrencyMix | None = None):
    get = _getter(index)
    default_currency = opts.get("currency") or "USD"
    riel_from = _rule(opts)
    last_period = f"{int(today[:4]) + 1}-12"  # targets are set up to the end of next year

    def parse(row: list) -> tuple:
        raw = get(row, "period")
        if raw in ("", None):
            raise _Bad("period", "required")
        try:
            period = parse_period(raw)
        except ParseError:
            raise _Bad("period", "bad_period", raw) from None
        if period < EARLIEST_DATE[:7]:
            raise _Bad("period", "date_too_early", raw)
        if period > last_period:
            raise _Bad("period", "date_too_late", raw)
        m_raw = _text(get(row, "measure"))
        measure = _MEASURES.get(m_raw.lower().replace(" ", "")) or _MEASURES.get(m_raw)
        if measure is None:
            raise _Bad("measure", "bad_measure" if m_raw else "required", m_raw)
        v_raw = get(row, "value")
        if v_raw in ("", None):
            raise _Bad("value", "required")
        value, named = _number(v_raw, "value")
        if value < 0:
            raise _Bad("value", "negative", v_raw)
        if measure == "revenue":
            currency = _amount_currency(get(row, "currency"), named, value, v_raw, "value",
                                        default_currency, riel_from, None)
            amount = _minor(value, currency, "value", v_raw)
        else:
            currency = None
            try:
                amount = parse_int(value)
            except ParseError:
                raise _Bad("value", "not_whole", v_raw) from None
        return (period, _text(get(row, "salesperson")), measure, amount, currency)
    return parse


# -- sinks: records → rows in the store, inside the import's transaction ----------


class _TargetsSink:
    topics = (Topic.TARGETS, Topic.SALESPEOPLE)

    def __init__(self, store: Store, opts: dict, today: str, import_id: int) -> None:
        self.conn = store.conn
        self.import_id = import_id
        self.salespeople = _Names(self.conn, "salespeople", import_id)
        self.counts = {"targets": 0}
        self.replaced: list[dict] = []  # targets this import overwrote (an undo puts them back)

    def add(self, rec: tuple, line: int) -> None:
        period, sp, measure, value, currency = rec
        sp_id = self.salespeople.get(sp)
        where = "period = ? AND measure = ? AND IFNULL(salesperson_id, 0) = ?"
        cur = self.conn.execute(
            "SELECT id, uuid, period, salesperson_id, measure, value, currency, import_id"
            f" FROM targets WHERE {where} AND IFNULL(import_id, 0) <> ?",
            (period, measure, sp_id or 0, self.import_id))
        for row in cur.fetchall():
            old = dict(zip(("id", "uuid", "period", "salesperson_id", "measure", "value",
                            "currency", "import_id"), row, strict=True))
            old["uuid"] = uuid_text(old["uuid"])  # kept as JSON: text (an undo reads it back)
            self.replaced.append(old)
        self.conn.execute(f"DELETE FROM targets WHERE {where}", (period, measure, sp_id or 0))
        self.conn.execute(
            "INSERT INTO targets(uuid, period, salesperson_id, measure, value, currency,"
            " import_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (new_uuid(), period, sp_id, measure, value, currency, self.import_id))
        self.counts["targets"] += 1

    def finish(self) -> dict[str, int]:
        return self.counts
