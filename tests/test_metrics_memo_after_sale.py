"""The Dashboard's figures just after a sale, with what was remembered before it, equal the
same figures computed afresh (everything forgotten), on both stores: what a sale keeps
remembered (the chance simulations, keyed by their inputs) can never be stale."""

from __future__ import annotations

from datetime import date

from kpidesk.metrics import contact_status, customers, growth, insight, pacing, targets
from kpidesk.metrics.cohorts import cohort_table
from kpidesk.metrics.memo import clear_memo
from kpidesk.store.sales import LineInput, OrderInput, add_order

TODAY = date(2026, 11, 26)
MONTH = "2026-11"


def _figures(store) -> dict:
    return {
        "sales": growth.sales_summary(store, MONTH, TODAY),
        "attainment": targets.attainment_summary(store, MONTH, TODAY),
        "series": growth.revenue_series(store, MONTH, 25),
        "target_series": targets.target_series(store, MONTH, 24),
        "salespeople": targets.salesperson_attainment(store, MONTH, TODAY),
        "customers": customers.customer_kpis(store, MONTH, TODAY),
        "cohorts": cohort_table(store, MONTH, 24, TODAY),
        "at_risk": customers.at_risk(store, TODAY, limit=200),
        "funnel": contact_status.funnel(store, MONTH, TODAY),
        "pacing": pacing.pacing(store, MONTH, TODAY),
        "chance": pacing.target_probability(store, MONTH, TODAY),
        "chances": insight.salesperson_probabilities(store, MONTH, TODAY),
        "chance_history": pacing.probability_history(store, MONTH, TODAY),
        "commissions": insight.commissions(store, MONTH, TODAY),
    }


def test_every_dashboard_figure_after_a_sale_equals_a_fresh_computation(demo_store):
    clear_memo()
    before = _figures(demo_store)
    salesperson = demo_store.scalar("SELECT MIN(id) FROM salespeople")
    customer = demo_store.scalar("SELECT MIN(id) FROM contacts WHERE first_purchase IS NOT NULL")
    for amount, sp in ((250_000, salesperson), (90_000, None)):
        add_order(demo_store, OrderInput(TODAY.isoformat(), [LineInput(amount)],
                                         contact_id=customer, salesperson_id=sp))
        after = _figures(demo_store)  # with what was remembered before the sale
        clear_memo()
        fresh = _figures(demo_store)
        assert after == fresh
    # the sales moved the figures (else the comparison above proves nothing)
    assert after["sales"] != before["sales"]
    assert after["chance_history"][-1] != before["chance_history"][-1] or \
        after["chance"] != before["chance"]
