"""Contacts: update, delete (only without sales), merge (sales and KPIs follow), page query."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.store import rollups
from kpidesk.store.contacts import (
    ContactInput,
    add_contact,
    contact_page,
    delete_contact,
    get_contact,
    list_contacts,
    merge_contacts,
    restore_contact,
    unmerge_contacts,
    update_contact,
    visit_gaps,
)
from kpidesk.store.errors import ValidationError
from kpidesk.store.opportunities import OpportunityInput, add_opportunity, stages
from kpidesk.store.sales import LineInput, OrderInput, add_order

DEMO_TODAY = date(2026, 11, 26)


def _sale(store, contact_id, day, cents=1000):
    return add_order(store, OrderInput(day, [LineInput(cents)], contact_id=contact_id))


def _rollups_equal_rebuild(store):
    incremental = rollups.snapshot(store.conn)
    with store.transaction() as conn:
        rollups.rebuild_all(conn)
    assert rollups.snapshot(store.conn) == incremental


def test_update_and_not_found(store):
    cid = add_contact(store, ContactInput("Sok Dara", "2026-01-02", phone="012 345"))
    update_contact(store, cid, ContactInput("សុខ ដារ៉ា", "2026-01-02", kind="lead", phone="099"))
    c = get_contact(store, cid)
    assert (c.name, c.kind, c.phone) == ("សុខ ដារ៉ា", "lead", "099")
    with pytest.raises(ValidationError) as err:
        update_contact(store, 999, ContactInput("X", "2026-01-02"))
    assert err.value.code == "not_found"
    with pytest.raises(ValidationError) as err:
        update_contact(store, cid, ContactInput("  ", "2026-01-02"))
    assert err.value.field == "name"


def test_delete_refused_with_sales(store):
    cid = add_contact(store, ContactInput("Dara", "2026-01-02"))
    _sale(store, cid, "2026-02-01")
    topics = []
    store.subscribe(topics.append)
    with pytest.raises(ValidationError) as err:
        delete_contact(store, cid)
    assert (err.value.field, err.value.code) == ("contact", "has_sales")
    assert store.scalar("SELECT count(*) FROM contacts") == 1
    assert topics == []


def test_delete_and_restore_without_sales(store):
    cid = add_contact(store, ContactInput("Lead", "2026-01-02", kind="lead", phone="012"))
    stage = stages(store)[0]["id"]
    opp = add_opportunity(store, OpportunityInput("Deal", 5000, "2026-01-03", stage,
                                                  contact_id=cid))
    uuid = store.scalar("SELECT uuid FROM contacts WHERE id = ?", (cid,))
    snap = delete_contact(store, cid)
    assert store.scalar("SELECT count(*) FROM contacts") == 0
    assert store.scalar("SELECT contact_id FROM opportunities WHERE id = ?", (opp,)) is None
    restore_contact(store, snap)
    assert store.scalar("SELECT uuid FROM contacts WHERE id = ?", (cid,)) == uuid
    assert store.scalar("SELECT contact_id FROM opportunities WHERE id = ?", (opp,)) == cid
    assert get_contact(store, cid).phone == "012"


def test_merge_moves_sales_and_kpis_follow(store):
    keep = add_contact(store, ContactInput("Sok Dara", "2026-03-01"))
    dup = add_contact(store, ContactInput("សុខ ដារ៉ា", "2026-01-01", phone="012 999",
                                          source="Facebook"))
    _sale(store, keep, "2026-03-05", 2000)
    _sale(store, keep, "2026-04-10", 3000)
    _sale(store, dup, "2026-01-15", 1000)  # earlier than any of keep's
    _sale(store, dup, "2026-03-05", 500)  # same day as keep's: one visit day after merge
    stage = stages(store)[0]["id"]
    opp = add_opportunity(store, OpportunityInput("Deal", 5000, "2026-01-03", stage,
                                                  contact_id=dup))
    before = rollups.snapshot(store.conn)
    customers = pytest.importorskip("kpidesk.metrics.customers")

    def new_customers(month):
        return customers.customer_kpis(store, month, DEMO_TODAY)["new_customers"]

    assert (new_customers("2026-01"), new_customers("2026-03")) == (1, 1)

    snap = merge_contacts(store, keep, dup)

    # one customer now, whose first purchase is the removed duplicate's
    assert (new_customers("2026-01"), new_customers("2026-03")) == (1, 0)

    assert store.scalar("SELECT count(*) FROM orders WHERE contact_id = ?", (keep,)) == 4
    assert store.scalar("SELECT count(*) FROM contacts WHERE id = ?", (dup,)) == 0
    assert store.scalar("SELECT contact_id FROM opportunities WHERE id = ?", (opp,)) == keep
    # customer_month rows moved and were recomputed
    months = store.query("SELECT month, orders, days, revenue_usd FROM customer_month"
                         " WHERE contact_id = ? ORDER BY month", (keep,))
    assert [tuple(r) for r in months] == [("2026-01", 1, 1, 1000), ("2026-03", 2, 1, 2500),
                                          ("2026-04", 1, 1, 3000)]
    assert store.scalar("SELECT count(*) FROM customer_month WHERE contact_id = ?", (dup,)) == 0
    assert store.scalar("SELECT count(*) FROM customer_day WHERE contact_id = ?", (dup,)) == 0
    row = store.query("SELECT first_purchase, last_purchase, phone, source FROM contacts"
                      " WHERE id = ?", (keep,))[0]
    assert tuple(row) == ("2026-01-15", "2026-04-10", "012 999", "Facebook")  # blanks filled
    _rollups_equal_rebuild(store)

    unmerge_contacts(store, snap)
    assert rollups.snapshot(store.conn) == before
    assert (new_customers("2026-01"), new_customers("2026-03")) == (1, 1)
    assert store.scalar("SELECT contact_id FROM opportunities WHERE id = ?", (opp,)) == dup
    assert get_contact(store, keep).phone == ""
    assert get_contact(store, dup).name == "សុខ ដារ៉ា"


def test_merge_refuses_same_or_missing(store):
    cid = add_contact(store, ContactInput("A", "2026-01-01"))
    with pytest.raises(ValidationError):
        merge_contacts(store, cid, cid)
    with pytest.raises(ValidationError) as err:
        merge_contacts(store, cid, 42)
    assert err.value.code == "not_found"


def test_page_lists_purchases_opportunities_and_gaps(store):
    cid = add_contact(store, ContactInput("A", "2026-01-01"))
    for day in ("2026-01-01", "2026-01-11", "2026-01-11", "2026-02-10", "2026-02-12"):
        _sale(store, cid, day)
    add_order(store, OrderInput("2026-03-01", [LineInput(-1000)], contact_id=cid))  # refund
    stage = stages(store)[1]["id"]
    add_opportunity(store, OpportunityInput("Deal", 5000, "2026-01-03", stage, contact_id=cid))
    page = contact_page(store, cid)
    assert len(page["purchases"]) == 6
    assert page["purchases"][0]["total_usd"] == -1000
    assert [o["title"] for o in page["opportunities"]] == ["Deal"]
    assert page["visit_days"] == ["2026-01-01", "2026-01-11", "2026-02-10", "2026-02-12"]
    assert page["gaps"] == [10, 30, 2]
    assert page["median_gap"] == 10
    assert visit_gaps([]) == [] and visit_gaps(["2026-01-01"]) == []


def test_list_contacts_counts_orders_and_revenue_365(store):
    cid = add_contact(store, ContactInput("A", "2025-01-01"))
    _sale(store, cid, "2025-11-26", 700)  # 366 days before DEMO_TODAY: outside
    _sale(store, cid, "2025-11-27", 500)  # 364 days before: inside
    _sale(store, cid, "2026-11-26", 300)
    lead = add_contact(store, ContactInput("B", "2026-11-01", kind="lead"))
    rows = {r["id"]: r for r in list_contacts(store, DEMO_TODAY)}
    assert rows[cid]["orders"] == 3
    assert rows[cid]["orders_365"] == 2
    assert rows[cid]["revenue_365_usd"] == 800
    assert rows[lead]["orders"] == 0 and rows[lead]["first_purchase"] is None
