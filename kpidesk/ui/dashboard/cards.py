"""The dashboard's cards as data: key, title, tooltip, how the value is shown, and the
Analysis view a click on the card opens. Pages fill the values; this module only says
what each card is. Texts are in the "DashboardTab" context (as before the split)."""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics import customers
from kpidesk.store.db import Store
from kpidesk.ui.dashboard.links import GROSS_PROFIT, gross_profit_titles
from kpidesk.ui.insight.cards import INSIGHT_CARDS, insight_card_titles

tr = translator("DashboardTab")

SALES_CARDS = ["revenue", "orders", "average_order_value", GROSS_PROFIT, "growth_mom",
               "growth_yoy", "target", "attainment", "pace", "run_rate_projection",
               "needed_per_day", *INSIGHT_CARDS]
CUSTOMER_CARDS = ["new_customers", "lead_conversion", "second_purchase_rate",
                  "active_customers", "returning_customers", "retention", "churn", "crr",
                  "repeat_purchase_rate", "loyal_customers"]
PIPELINE_CARDS = ["open_pipeline", "weighted_pipeline", "overdue_value", "win_rate",
                  "average_deal_size", "sales_cycle_days", "pipeline_forecast",
                  "pipeline_coverage"]


@dataclass(frozen=True)
class CardDef:
    key: str
    title: str
    tooltip: str
    shown_as: str  # "money", "integer", "percent", "signed_percent" or "days"
    link: str | None = None  # the Analysis view a click opens (see links.py)


def show(card: CardDef, value, currency: str) -> str | None:
    """`value` as the card shows it (None: "—")."""
    f = fmt.current()
    if card.shown_as == "money":
        return f.figure(value, currency)
    if card.shown_as == "integer":
        return f.integer(value)
    if card.shown_as == "percent":
        return f.percent(value)
    if card.shown_as == "signed_percent":
        return f.percent(value, signed=True)
    # whole days: "២៩ ថ្ងៃ", never "២៩.៤ ថ្ងៃ"
    return fmt.fill(tr("%1 days"), f.decimal(value, 0)) if value is not None else None


def card_defs(store: Store) -> dict[str, CardDef]:
    """Every card of the dashboard, in the current language."""
    f = fmt.current()
    loyal_days = f.integer(customers.LOYAL_WINDOW_DAYS)
    table = [
        CardDef("revenue", tr("Revenue"), tr("Net revenue of the month, refunds included"),
                "money", "day"),
        CardDef(GROSS_PROFIT, *gross_profit_titles(), "money", "product"),
        CardDef("orders", tr("Orders"), tr("Receipts, not counting refunds"), "integer",
                "basket"),
        CardDef("average_order_value", tr("Average order value"),
                tr("Revenue divided by orders"), "money", "basket"),
        CardDef("growth_mom", tr("Growth vs last month"),
                tr("Revenue against the month before (MoM)"), "signed_percent"),
        CardDef("growth_yoy", tr("Growth vs last year"),
                tr("Revenue against the same month a year before (YoY)"), "signed_percent"),
        CardDef("target", tr("Target"), tr("Revenue target of the month"), "money"),
        CardDef("attainment", tr("Attainment"), tr("Revenue divided by the target"),
                "percent"),
        CardDef("pace", tr("Pace"), tr("Revenue against the target expected by today"),
                "percent"),
        CardDef("run_rate_projection", tr("Run-rate projection"),
                tr("Revenue at the month's end if sales go on as so far"), "money"),
        CardDef("needed_per_day", tr("Needed per day"),
                tr("Revenue needed each remaining day to reach the target"), "money"),
        CardDef("new_customers", tr("New customers"),
                tr("Customers whose first purchase is in the period"), "integer"),
        CardDef("lead_conversion", tr("Lead conversion"),
                tr("Leads created in the period who bought within the lead window"),
                "percent"),
        CardDef("second_purchase_rate", tr("Second purchase"),
                fmt.fill(tr("New customers who bought again within %1 days"),
                         f.integer(90)), "percent"),
        CardDef("active_customers", tr("Active customers"),
                tr("Customers with a purchase in the period (so far, while it is in "
                   "progress)"), "integer"),
        CardDef("returning_customers", tr("Returning customers"),
                tr("Active customers who are not new"), "integer"),
        CardDef("retention", tr("Retention"),
                tr("Customers of the period before who bought again"), "percent"),
        CardDef("churn", tr("Churn"),
                tr("Customers of the period before who did not buy again"), "percent"),
        CardDef("crr", tr("Customer retention rate"),
                tr("(active − new) / active in the period before; counts customers coming "
                   "back after a gap"), "percent"),
        CardDef("repeat_purchase_rate", tr("Repeat purchase rate"),
                tr("Active customers with two orders or more"), "percent"),
        CardDef("loyal_customers", fmt.fill(tr("Loyal customers (%1 days)"), loyal_days),
                fmt.fill(tr("Customers with at least %1 orders in the %2 days up to the "
                            "period's end (or today)"),
                         f.integer(customers.loyal_min_orders(store)), loyal_days),
                "integer"),
        CardDef("open_pipeline", tr("Open pipeline"), tr("Value of the open opportunities"),
                "money"),
        CardDef("weighted_pipeline", tr("Weighted pipeline"),
                tr("Value × probability of the open opportunities"), "money"),
        CardDef("overdue_value", tr("Overdue"),
                tr("Open opportunities past their expected close date"), "money"),
        CardDef("win_rate", tr("Win rate"), tr("Won / (won + lost), closed this month"),
                "percent"),
        CardDef("average_deal_size", tr("Average deal size"),
                tr("Mean value of the opportunities won this month"), "money"),
        CardDef("sales_cycle_days", tr("Sales cycle"), tr("Mean days from creation to won"),
                "days"),
        CardDef("pipeline_forecast", tr("Pipeline forecast"),
                tr("Revenue so far + weighted opportunities expected to close this month"),
                "money"),
        CardDef("pipeline_coverage", tr("Pipeline coverage"),
                tr("Weighted pipeline closing this month / gap to target"), "percent"),
    ]
    for key, (title, tooltip) in insight_card_titles().items():
        table.append(CardDef(key, title, tooltip, "percent" if key == "target_probability"
                             else "money"))
    return {card.key: card for card in table}


def card_titles(store: Store) -> dict[str, tuple[str, str]]:
    """(title, tooltip) of every card, in the current language."""
    return {key: (card.title, card.tooltip) for key, card in card_defs(store).items()}


def card_links(store: Store) -> dict[str, str]:
    """{card key: the Analysis view it opens}."""
    return {key: card.link for key, card in card_defs(store).items() if card.link}
