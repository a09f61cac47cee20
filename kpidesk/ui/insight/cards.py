"""The Dashboard's part of issue #19: the chance of making the target and commission
earned as two cards, and pacing by the shop calendar (KPI.md §2b) for its pace,
expected-by-today and needed-per-day cards."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics import insight, pacing
from kpidesk.metrics.results import AttainmentSummary
from kpidesk.reports.insight import chance_words
from kpidesk.store.db import Store

INSIGHT_CARDS = ["target_probability", "commission"]


tr = translator("DashboardInsight")


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def insight_card_titles() -> dict[str, tuple[str, str]]:
    return {
        "target_probability": (tr("Chance of making it"), fmt.fill(tr(
            "Chance of making the month's revenue target, from %1 simulated ends of the "
            "month (each day left drawn from the same weekday of the last eight weeks)"),
            fmt.current().integer(pacing.SIMULATIONS))),
        "commission": (tr("Commission"), tr(
            "Commission earned by the salespeople this month, at their rates")),
    }


def with_calendar_pacing(store: Store, month: str, today: date,
                         att: AttainmentSummary) -> AttainmentSummary:
    """`att` (targets.attainment_summary) with expected_to_date, pace and needed_per_day
    paced by the shop calendar when the month is in progress; days left = open days."""
    pace = pacing.pacing(store, month, today)
    if pace is None or pace.target is None:
        return att
    return replace(att, expected_to_date=pace.expected_to_date, pace=pace.pace,
                   needed_per_day=pace.needed_per_day, open_days_left=pace.open_days_left)


def fill_insight_cards(cards, store: Store, month: str, today: date) -> None:
    f = fmt.current()
    currency = store.reporting_currency
    probability = pacing.target_probability(store, month, today)
    card = cards["target_probability"]
    if probability is None:
        card.set_value(None)
        card.set_note("")
    else:
        card.set_value(f.percent(probability, places=0))
        from kpidesk.metrics.targets import actual_for, target_for

        target = target_for(store, month, "revenue")
        actual = actual_for(store, month, "revenue", today=today)
        met = target is not None and actual is not None and actual >= target
        card.set_note(chance_words(_translate, f, probability, met))
    rows = insight.commissions(store, month, today)
    earned = [r.commission for r in rows if r.commission is not None]
    cards["commission"].set_value(f.figure(sum(earned), currency) if earned else None)
    cards["commission"].set_note(fmt.fill(tr("%1 salespeople"), f.integer(len(earned)))
                                 if earned else tr("no rate set"))
