"""Opportunities: update, stage moves, won (with or without the sale), lost, reopen, undo rows."""

from __future__ import annotations

import sqlite3

import pytest

from kpidesk.store.contacts import ContactInput, add_contact
from kpidesk.store.errors import ValidationError
from kpidesk.store.opportunities import (
    OpportunityInput,
    add_opportunity,
    delete_opportunity,
    get_opportunity,
    lost_reasons,
    mark_lost,
    mark_won,
    move_stage,
    put_back,
    reopen,
    snapshot,
    stages,
    update_opportunity,
)


@pytest.fixture
def st(store):
    return {s["name"]: s for s in stages(store)}


def _opp(store, st, **kw):
    data = dict(title="10 phones", value=120000, created="2026-11-01",
                stage_id=st["New"]["id"], expected_close="2026-11-30")
    data.update(kw)
    return add_opportunity(store, OpportunityInput(**data))


def test_stage_move_probability_follows_stage(store, st):
    opp = _opp(store, st)
    assert snapshot(store, opp)["probability"] == 10
    move_stage(store, opp, st["Proposal"]["id"])
    assert snapshot(store, opp)["probability"] == 60
    move_stage(store, opp, st["Negotiation"]["id"], probability=70)  # overridden
    assert (snapshot(store, opp)["stage_id"], snapshot(store, opp)["probability"]) == (
        st["Negotiation"]["id"], 70)
    with pytest.raises(ValidationError) as err:
        move_stage(store, opp, st["Won"]["id"])
    assert err.value.code == "not_open"


def test_update_keeps_override_or_takes_default(store, st):
    opp = _opp(store, st)
    data = get_opportunity(store, opp)
    data.value, data.currency, data.rate, data.probability = 4_100_000, "KHR", 4100, 25
    update_opportunity(store, opp, data)
    row = snapshot(store, opp)
    assert (row["value_usd"], row["value_khr"], row["probability"]) == (100000, 4_100_000, 25)
    data.probability = None
    data.stage_id = st["Qualified"]["id"]
    update_opportunity(store, opp, data)
    assert snapshot(store, opp)["probability"] == 30


def _win_rate(store, month):
    won, closed = store.conn.execute(
        "SELECT SUM(status = 'won'), COUNT(*) FROM opportunities"
        " WHERE status != 'open' AND substr(closed, 1, 7) = ?", (month,)).fetchone()
    return won / closed if closed else None


def test_won_lost_reopen(store, st):
    a, b = _opp(store, st), _opp(store, st, title="Repair")
    topics = []
    store.subscribe(topics.append)
    assert mark_won(store, a, "2026-11-20") is None
    row = snapshot(store, a)
    assert (row["status"], row["closed"], row["stage_id"], row["probability"]) == (
        "won", "2026-11-20", st["Won"]["id"], 100)
    assert topics[-1] == {"opportunities"}
    with pytest.raises(ValidationError):
        mark_lost(store, b, "2026-11-21", "")
    mark_lost(store, b, "2026-11-21", "No budget")
    row = snapshot(store, b)
    assert (row["status"], row["lost_reason"], row["probability"]) == ("lost", "No budget", 0)
    assert _win_rate(store, "2026-11") == 0.5
    mark_lost(store, _opp(store, st), "2026-11-22", "Too far away")  # new reason joins the list
    assert "Too far away" in lost_reasons(store)

    reopen(store, b)
    row = snapshot(store, b)
    assert (row["status"], row["closed"], row["lost_reason"]) == ("open", None, "")
    assert row["stage_id"] == st["Negotiation"]["id"] and row["probability"] == 80
    assert _win_rate(store, "2026-11") == 0.5  # a won, the third lost
    with pytest.raises(ValidationError):
        reopen(store, b)
    with pytest.raises(ValidationError):
        mark_won(store, a, "2026-11-23")  # already closed


def test_won_with_sale_records_revenue(store, st):
    cid = add_contact(store, ContactInput("Dara", "2026-10-01", kind="lead"))
    opp = _opp(store, st, contact_id=cid, value=4_100_000, currency="KHR", rate=4100)
    order_id = mark_won(store, opp, "2026-11-20", create_sale=True)
    assert snapshot(store, opp)["order_id"] == order_id
    assert store.scalar("SELECT SUM(revenue_khr) FROM daily_revenue WHERE day = '2026-11-20'") \
        == 4_100_000
    assert store.scalar("SELECT first_purchase FROM contacts WHERE id = ?", (cid,)) == "2026-11-20"
    reopen(store, opp, st["Proposal"]["id"])
    assert snapshot(store, opp)["order_id"] is None
    assert store.scalar("SELECT count(*) FROM orders") == 1  # the sale stays


def test_won_with_sale_is_one_transaction(store, st):
    opp = _opp(store, st)
    store.conn.execute(  # make the opportunity's update fail after the sale was inserted
        "CREATE TRIGGER no_win BEFORE UPDATE OF status ON opportunities"
        " WHEN NEW.status = 'won' BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(sqlite3.IntegrityError):
        mark_won(store, opp, "2026-11-20", create_sale=True)
    assert store.scalar("SELECT count(*) FROM orders") == 0
    assert snapshot(store, opp)["status"] == "open"


def test_delete_and_put_back(store, st):
    opp = _opp(store, st)
    before = snapshot(store, opp)
    row = delete_opportunity(store, opp)
    assert store.scalar("SELECT count(*) FROM opportunities") == 0
    put_back(store, row)
    assert snapshot(store, opp) == before
    move_stage(store, opp, st["Proposal"]["id"])
    put_back(store, before)  # undo of a move
    assert snapshot(store, opp) == before
