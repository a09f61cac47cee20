"""Opportunities and their stages."""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.store.db import Store, new_uuid
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import CURRENCIES, convert
from kpidesk.store.sales import check_date

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
        store.mark_changed("opportunities")
        return int(cur.lastrowid)
