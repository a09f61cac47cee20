"""After a sales write only the remembered figures that read what it touched are
forgotten (`metrics/memo.py`, `store/write_scope.py`): the pacing and the chance of making
the target (shop and per salesperson), the chance history (one point per day) and the
at-risk list (patched for the sale's customer alone).

Each write below must move at least one of these figures, and after it every figure,
computed with what was remembered before, equals the same figure computed by another
store opened on the same shop (nothing remembered). Then the writes that must not touch
a figure: it is still remembered, or computed again only where they touched it.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest

from kpidesk.io.importer import Importer
from kpidesk.metrics import contact_status, customers, insight, pacing
from kpidesk.metrics.memo import clear_memo, remembered
from kpidesk.store import targets as target_store
from kpidesk.store.contacts import ContactInput, add_contact
from kpidesk.store.db import Store
from kpidesk.store.sales import (
    LineInput,
    OrderInput,
    add_order,
    delete_order,
    get_order,
    restore_order,
    update_order,
)

TODAY = date(2026, 11, 26)
MONTH = "2026-11"
BIG = 400_000  # cents: enough to move a chance


def _figures(store: Store, salespeople: list[int]) -> dict:
    figures = {
        "pacing": pacing.pacing(store, MONTH, TODAY),
        "chance": pacing.target_probability(store, MONTH, TODAY),
        "chances": insight.salesperson_probabilities(store, MONTH, TODAY),
        "history": pacing.probability_history(store, MONTH, TODAY),
        "at_risk_top": customers.at_risk(store, TODAY, limit=5),
        "at_risk_200": customers.at_risk(store, TODAY, limit=200),
        "at_risk_all": customers.at_risk(store, TODAY),
        "funnel": contact_status.funnel(store, MONTH, TODAY),
    }
    for sp in salespeople:
        figures[f"history {sp}"] = pacing.probability_history(store, MONTH, TODAY,
                                                              salesperson_id=sp)
        figures[f"pacing {sp}"] = pacing.pacing(store, MONTH, TODAY, salesperson_id=sp)
    return figures


def _fresh(store: Store, salespeople: list[int]) -> dict:
    """The figures from another store on the same shop: nothing remembered."""
    with Store(store.location, quick_check=False) as other:
        return _figures(other, salespeople)


def _people(store: Store) -> tuple[list[int], list[int]]:
    """Two salespeople with a target this month; the customers at risk today, best first."""
    salespeople = sorted(insight.salesperson_probabilities(store, MONTH, TODAY))[:2]
    at_risk = [row["contact_id"] for row in customers.at_risk(store, TODAY)]
    assert len(salespeople) == 2 and len(at_risk) > 10
    return salespeople, at_risk


def _order_of(store: Store, salesperson: int, first: str, last: str) -> int:
    return int(store.scalar(
        "SELECT MIN(id) FROM orders WHERE salesperson_id = ? AND date BETWEEN ? AND ?"
        " AND contact_id IS NOT NULL", (salesperson, first, last)))


def _sale(day: date, contact: int | None, salesperson: int | None,
          amount: int = BIG) -> OrderInput:
    return OrderInput(day.isoformat(), [LineInput(amount)], contact_id=contact,
                      salesperson_id=salesperson)


def _import(store: Store, tmp_path, name: str, day: date) -> None:
    path = tmp_path / "sales.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["date", "order", "customer", "amount", "currency"])
        writer.writerow([day.isoformat(), "IMP-1", name, "3000.00", "USD"])
    report = Importer(store, "sales", today=TODAY).run(path)
    assert report.committed


def _write(kind: str, store: Store, tmp_path, sps: list[int], at_risk: list[int]) -> None:
    s1, s2 = sps
    if kind == "sale today":  # the best at-risk customer comes back
        add_order(store, _sale(TODAY, at_risk[0], s1))
    elif kind == "back-dated sale":
        add_order(store, _sale(TODAY - timedelta(days=12), at_risk[3], s2))
    elif kind == "sale last month":  # the weeks the chance draws from
        add_order(store, _sale(date(2026, 10, 28), at_risk[1], s1, 2_000_000))
    elif kind == "walk-in sale":
        add_order(store, _sale(TODAY, None, None))
    elif kind == "deleted sale":
        delete_order(store, _order_of(store, s1, "2026-11-02", "2026-11-20"))
    elif kind == "undone delete":
        order_id = _order_of(store, s2, "2026-11-02", "2026-11-20")
        before = _figures(store, sps)
        snapshot = delete_order(store, order_id)
        between = _figures(store, sps)  # remembered between the delete and its undo
        assert between == _fresh(store, sps) and between != before
        restore_order(store, order_id, snapshot)
    elif kind == "edited sale":  # to another day, salesperson and customer
        order_id = _order_of(store, s1, "2026-11-02", "2026-11-08")
        order = get_order(store, order_id)
        order.date, order.salesperson_id, order.contact_id = "2026-11-20", s2, at_risk[2]
        order.lines[0].amount *= 20
        update_order(store, order_id, order)
    elif kind == "changed target":
        old = insight.salesperson_probabilities(store, MONTH, TODAY)
        target_store.set_target(store, MONTH, "revenue", 1_000_000_00, salesperson_id=s1)
        assert old  # the salesperson's chance had been remembered
    elif kind == "imported file":
        name = store.scalar("SELECT name FROM contacts WHERE id = ?", (at_risk[0],))
        _import(store, tmp_path, name, TODAY - timedelta(days=1))
    elif kind == "sale from another laptop":  # another connection, then this one
        with Store(store.location, quick_check=False) as other:
            add_order(other, _sale(TODAY, at_risk[0], s2))
        add_order(store, _sale(TODAY, None, s1, 100))
    else:
        raise AssertionError(kind)


WRITES = ["sale today", "back-dated sale", "sale last month", "walk-in sale", "deleted sale",
          "undone delete", "edited sale", "changed target", "imported file",
          "sale from another laptop"]


@pytest.mark.parametrize("kind", WRITES)
def test_figures_after_a_write_equal_a_fresh_store(demo_store, tmp_path, kind):
    clear_memo()
    sps, at_risk = _people(demo_store)
    before = _figures(demo_store, sps)
    _write(kind, demo_store, tmp_path, sps, at_risk)
    after = _figures(demo_store, sps)  # with what was remembered before the write
    assert after == _fresh(demo_store, sps)
    if kind == "undone delete":
        assert after == before
    else:  # the write moved a figure: else the above proves nothing
        assert after != before


def test_a_sale_keeps_the_other_salespeople_s_chance(demo_store):
    clear_memo()
    (s1, s2), at_risk = _people(demo_store)
    insight.salesperson_probabilities(demo_store, MONTH, TODAY)
    pacing.target_probability(demo_store, MONTH, TODAY)

    def kept(sp: int | None) -> bool:
        if sp is None:
            return remembered(demo_store, pacing.target_probability, MONTH, TODAY)
        return remembered(demo_store, pacing.target_probability, MONTH, TODAY,
                          currency=None, salesperson_id=sp)
    assert kept(s1) and kept(s2) and kept(None)
    add_order(demo_store, _sale(TODAY, at_risk[0], s1))
    assert kept(s2)
    assert not kept(s1) and not kept(None)  # the sale's salesperson's and the shop's
    insight.salesperson_probabilities(demo_store, MONTH, TODAY)
    add_order(demo_store, _sale(TODAY + timedelta(days=2), at_risk[1], s1))
    assert kept(s1) and kept(s2)  # a sale dated after today counts in no chance yet
    target_store.set_target(demo_store, MONTH, "revenue", 5_000_00, salesperson_id=s2)
    assert not kept(s1)  # a target: everything forgotten


def test_the_chance_history_computes_again_only_the_days_a_sale_touched(demo_store,
                                                                       monkeypatch):
    clear_memo()
    (s1, _s2), at_risk = _people(demo_store)
    simulated: list[int] = []
    simulate = pacing.simulate

    def counting(so_far, target, pools, *args, **kwargs):
        simulated.append(len(pools))  # a chance is as of the day with this many days left
        return simulate(so_far, target, pools, *args, **kwargs)
    monkeypatch.setattr(pacing, "simulate", counting)
    pacing.probability_history(demo_store, MONTH, TODAY)
    cold = len(simulated)
    assert cold >= 20  # one per day not yet met
    simulated.clear()
    add_order(demo_store, _sale(TODAY, at_risk[0], s1))
    pacing.probability_history(demo_store, MONTH, TODAY)
    assert simulated in ([], [4])  # today's point alone (4 days left: none when met)
    simulated.clear()
    add_order(demo_store, _sale(date(2026, 11, 20), at_risk[1], s1, 10_00))
    pacing.probability_history(demo_store, MONTH, TODAY)
    assert 0 < len(simulated) <= 7 and max(simulated) <= 10  # the 20th to the 26th


@pytest.mark.sqlite_only("reads the statements SQLite runs (its trace callback)")
def test_a_sale_patches_the_at_risk_list_for_its_customer_alone(demo_store):
    clear_memo()
    (s1, _s2), at_risk = _people(demo_store)
    top = customers.at_risk(demo_store, TODAY, limit=5)
    statements: list[str] = []
    demo_store.conn.set_trace_callback(statements.append)
    try:
        add_order(demo_store, _sale(TODAY, None, s1))  # a walk-in sale
        statements.clear()
        assert customers.at_risk(demo_store, TODAY, limit=5) == top
        assert not [s for s in statements if "risk_spans" in s]  # nothing read again
        add_order(demo_store, _sale(TODAY, at_risk[0], s1))  # the first comes back
        statements.clear()
        assert customers.at_risk(demo_store, TODAY, limit=5) == top[1:] + \
            [customers.at_risk(demo_store, TODAY)[4]]
        walks = [s for s in statements if "risk_spans" in s and "ORDER BY" in s]
        assert not walks  # its own row read again, not the list's walk
    finally:
        demo_store.conn.set_trace_callback(None)


def test_the_funnel_is_kept_unless_one_of_its_leads_buys(demo_store):
    clear_memo()
    (s1, _s2), at_risk = _people(demo_store)
    lead = add_contact(demo_store, ContactInput("A new lead", "2026-11-03", kind="lead"))
    before = contact_status.funnel(demo_store, MONTH, TODAY)
    add_order(demo_store, _sale(TODAY, at_risk[0], s1))  # a customer, not a lead of November
    assert remembered(demo_store, contact_status.funnel, MONTH, TODAY)
    add_order(demo_store, _sale(TODAY, lead, s1))  # the lead buys
    assert not remembered(demo_store, contact_status.funnel, MONTH, TODAY)
    after = contact_status.funnel(demo_store, MONTH, TODAY)
    assert after.customers == before.customers + 1
    with Store(demo_store.location, quick_check=False) as other:
        assert contact_status.funnel(other, MONTH, TODAY) == after


def test_a_sale_inside_a_larger_write_forgets_everything(demo_store):
    """The sale cannot speak for the rest of a transaction it did not open."""
    clear_memo()
    (s1, s2), at_risk = _people(demo_store)
    insight.salesperson_probabilities(demo_store, MONTH, TODAY)
    with demo_store.transaction():
        add_order(demo_store, _sale(TODAY, at_risk[0], s1))
    assert not remembered(demo_store, pacing.target_probability, MONTH, TODAY,
                          currency=None, salesperson_id=s2)
