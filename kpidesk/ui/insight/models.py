"""Table models of the Insight tab: read-only rows of dicts, each column a
`ui.models.base.Column` whose kind says how the cell is shown, sorted, aligned and
exported (RowsModel)."""

from __future__ import annotations

from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.ui.models.base import Column
from kpidesk.ui.models.dashboard_models import RowsModel


class BridgeDetailModel(RowsModel):
    """What is behind one bar of the bridge: customers, or days."""

    CONTEXT = "InsightModels"
    COLUMNS = (
        Column("label", QT_TRANSLATE_NOOP("InsightModels", "Customer, product or day")),
        Column("value", QT_TRANSLATE_NOOP("InsightModels", "Change"), kind="signed"),
    )


class ChanceModel(RowsModel):
    """Per salesperson: revenue, target, attainment, chance, commission."""

    CONTEXT = "InsightModels"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("InsightModels", "Salesperson")),
        Column("actual", QT_TRANSLATE_NOOP("InsightModels", "Revenue"), kind="money"),
        Column("target", QT_TRANSLATE_NOOP("InsightModels", "Target"), kind="money"),
        Column("attainment", QT_TRANSLATE_NOOP("InsightModels", "Attainment"),
               kind="percent"),
        Column("chance", QT_TRANSLATE_NOOP("InsightModels", "Chance of making it"),
               kind="chance"),
        Column("commission", QT_TRANSLATE_NOOP("InsightModels", "Commission"), kind="money"),
    )


class NeedsModel(RowsModel):
    """What each salesperson needs per day to reach their target."""

    CONTEXT = "InsightModels"
    COLUMNS = (
        Column("name", QT_TRANSLATE_NOOP("InsightModels", "Salesperson")),
        Column("target", QT_TRANSLATE_NOOP("InsightModels", "Target"), kind="money"),
        Column("actual", QT_TRANSLATE_NOOP("InsightModels", "So far"), kind="money"),
        Column("needed_per_day", QT_TRANSLATE_NOOP("InsightModels", "Needed per day"),
               kind="money"),
        Column("needed_orders_per_day", QT_TRANSLATE_NOOP("InsightModels", "Orders per day"),
               kind="integer"),
        Column("needed_basket", QT_TRANSLATE_NOOP("InsightModels", "Average order needed"),
               kind="money"),
    )


class ProposalModel(RowsModel):
    """Next year's proposed monthly targets."""

    CONTEXT = "InsightModels"
    COLUMNS = (
        Column("month_name", QT_TRANSLATE_NOOP("InsightModels", "Month")),
        Column("value", QT_TRANSLATE_NOOP("InsightModels", "Proposed target"), kind="money"),
        Column("trend", QT_TRANSLATE_NOOP("InsightModels", "Trend alone"), kind="money"),
    )


class WeeksModel(RowsModel):
    """The month's target cut into weeks by the day weights."""

    CONTEXT = "InsightModels"
    COLUMNS = (
        Column("first", QT_TRANSLATE_NOOP("InsightModels", "From"), kind="date"),
        Column("last", QT_TRANSLATE_NOOP("InsightModels", "To"), kind="date"),
        Column("target", QT_TRANSLATE_NOOP("InsightModels", "Target"), kind="money"),
        Column("actual", QT_TRANSLATE_NOOP("InsightModels", "Revenue"), kind="money"),
    )


class CalendarModel(RowsModel):
    """Holidays and days the shop marked, of the coming months."""

    CONTEXT = "InsightModels"
    COLUMNS = (
        Column("day", QT_TRANSLATE_NOOP("InsightModels", "Day"), kind="date"),
        Column("holiday", QT_TRANSLATE_NOOP("InsightModels", "Holiday")),
        Column("mark", QT_TRANSLATE_NOOP("InsightModels", "The shop")),
        Column("note", QT_TRANSLATE_NOOP("InsightModels", "Note")),
    )
