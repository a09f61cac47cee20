"""The dashboard's cards: which figure each page shows, in order, and what each card is
called and explains (card titles and tooltips in the user's language).

To add a card: put its key in a page's list here, its title and tooltip in
`card_titles`, and its value in the page's refresh (ui/tabs/dashboard.py), read from a
metrics result.
"""

from __future__ import annotations

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics import customers
from kpidesk.store.db import Store

tr = translator("DashboardTab")  # the tab's own context: the cards are its texts

SALES_CARDS = ["revenue", "orders", "average_order_value", "growth_mom", "growth_yoy",
               "target", "attainment", "pace", "run_rate_projection", "needed_per_day"]
CUSTOMER_CARDS = ["new_customers", "lead_conversion", "second_purchase_rate",
                  "active_customers", "returning_customers", "retention", "churn", "crr",
                  "repeat_purchase_rate", "loyal_customers"]
PIPELINE_CARDS = ["open_pipeline", "weighted_pipeline", "overdue_value", "win_rate",
                  "average_deal_size", "sales_cycle_days", "pipeline_forecast",
                  "pipeline_coverage"]


def card_titles(store: Store) -> dict[str, tuple[str, str]]:
    """(title, tooltip) of every card, in the current language."""
    f = fmt.current()
    return {
        "revenue": (tr("Revenue"), tr("Net revenue of the month, refunds included")),
        "orders": (tr("Orders"), tr("Receipts, not counting refunds")),
        "average_order_value": (tr("Average order value"),
                                tr("Revenue divided by orders")),
        "growth_mom": (tr("Growth vs last month"),
                       tr("Revenue against the month before (MoM)")),
        "growth_yoy": (tr("Growth vs last year"),
                       tr("Revenue against the same month a year before (YoY)")),
        "target": (tr("Target"), tr("Revenue target of the month")),
        "attainment": (tr("Attainment"), tr("Revenue divided by the target")),
        "pace": (tr("Pace"), tr("Revenue against the target expected by today")),
        "run_rate_projection": (tr("Run-rate projection"),
                                tr("Revenue at the month's end if sales go on as so"
                                        " far")),
        "needed_per_day": (tr("Needed per day"),
                           tr("Revenue needed each remaining day to reach the"
                                   " target")),
        "new_customers": (tr("New customers"),
                          tr("Customers whose first purchase is in the period")),
        "lead_conversion": (tr("Lead conversion"),
                            tr("Leads created in the period who bought within the"
                                    " lead window")),
        "second_purchase_rate": (tr("Second purchase"),
                                 fmt.fill(tr("New customers who bought again within"
                                                  " %1 days"), f.integer(90))),
        "active_customers": (tr("Active customers"),
                             tr("Customers with a purchase in the period (so far, "
                                     "while it is in progress)")),
        "returning_customers": (tr("Returning customers"),
                                tr("Active customers who are not new")),
        "retention": (tr("Retention"),
                      tr("Customers of the period before who bought again")),
        "churn": (tr("Churn"), tr("Customers of the period before who did not"
                                            " buy again")),
        "crr": (tr("Customer retention rate"),
                tr("(active − new) / active in the period before; counts customers"
                        " coming back after a gap")),
        "repeat_purchase_rate": (tr("Repeat purchase rate"),
                                 tr("Active customers with two orders or more")),
        "loyal_customers": (tr("Loyal customers (%1 days)").replace(
                                "%1", fmt.current().integer(customers.LOYAL_WINDOW_DAYS)),
                            tr("Customers with at least %1 orders in the %2 days up "
                                    "to the period's end (or today)").replace(
                                "%1", fmt.current().integer(
                                    customers.loyal_min_orders(store))).replace(
                                "%2", fmt.current().integer(customers.LOYAL_WINDOW_DAYS))),
        "open_pipeline": (tr("Open pipeline"),
                          tr("Value of the open opportunities")),
        "weighted_pipeline": (tr("Weighted pipeline"),
                              tr("Value × probability of the open opportunities")),
        "overdue_value": (tr("Overdue"),
                          tr("Open opportunities past their expected close date")),
        "win_rate": (tr("Win rate"), tr("Won / (won + lost), closed this month")),
        "average_deal_size": (tr("Average deal size"),
                              tr("Mean value of the opportunities won this month")),
        "sales_cycle_days": (tr("Sales cycle"),
                             tr("Mean days from creation to won")),
        "pipeline_forecast": (tr("Pipeline forecast"),
                              tr("Revenue so far + weighted opportunities expected"
                                      " to close this month")),
        "pipeline_coverage": (tr("Pipeline coverage"),
                              tr("Weighted pipeline closing this month / gap to"
                                      " target")),
    }
