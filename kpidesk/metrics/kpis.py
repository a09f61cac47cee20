"""Every KPI of one month as a flat JSON-ready dict (`kpi --json`, the monthly report).

Keys are named as in KPI.md. Money is int minor units of the reporting
currency (except `revenue_by_currency`, in each original currency), ratios
are fractions, and a figure that cannot be computed is None (null).

Sales dated after `today` count in no figure. A month in progress counts up to
today; its customer figures are "so far", with `previous_same_day` (the month
before on the same day). A month that has not started has no figures (null),
only its targets and forecasts.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from kpidesk.metrics import analysis, customers, forecast, health, pipeline, winback
from kpidesk.metrics.growth import as_date, revenue_by_currency, sales_summary, windows
from kpidesk.metrics.periods import Period, add_months, month_key, parse_period
from kpidesk.metrics.results import (
    InsightKpis,
    KpiFigures,
    SalesKpis,
    SalespersonAttainment,
    SalespersonFigures,
    SalesSummary,
)
from kpidesk.metrics.targets import attainment_summary, salesperson_attainment
from kpidesk.store.db import Store


class CurrencyView:
    """The same store, seen with another reporting currency (the metrics that read
    `store.reporting_currency` then count in that one)."""

    def __init__(self, store: Store, currency: str) -> None:
        self._store = store
        self.reporting_currency = currency

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def in_currency(store: Store, currency: str) -> Store:
    """`store` seen with `currency` as its reporting currency (a CurrencyView, typed as
    the Store the metrics take)."""
    if currency == store.reporting_currency:
        return store
    return cast(Store, CurrencyView(store, currency))


def sales_kpis(sales: SalesSummary) -> SalesKpis:
    """The §1 keys of `kpi --json` from a period's sales summary."""
    return {"revenue": sales.revenue, "orders": sales.orders,
            "average_order_value": sales.average_order_value,
            "daily_totals_without_receipts": sales.daily_totals_without_receipts,
            "growth_mom": sales.growth_mom, "growth_yoy": sales.growth_yoy,
            "revenue_previous_month": sales.previous_revenue,
            "revenue_year_before": sales.year_before_revenue}


def _minor_units(figure: int | float | None) -> int | None:
    """A revenue target figure of `assess`: money, so whole minor units (a count's
    figures may be fractions, never money's)."""
    assert figure is None or isinstance(figure, int), figure
    return figure


def last_complete_month(month: str, today: date) -> str:
    """`month` if it is over by `today`, else the month before today's."""
    return min(month, add_months(month_key(today), -1))


def all_kpis(store: Store, month: str, today: date | str, *,
             currency: str | None = None) -> KpiFigures:
    """Every KPI that exists for `month` ('YYYY-MM'), as of `today`."""
    today = as_date(today)
    period = parse_period(month)
    currency = currency or store.reporting_currency
    w = windows(period, today)
    sales = sales_summary(store, period, today, currency=currency)
    att = attainment_summary(store, period, today, currency=currency)
    by_measure = {measure: attainment_summary(store, period, today, measure=measure,
                                              currency=currency)
                  for measure in ("new_customers", "won_opportunities")}
    view = in_currency(store, currency)
    points = forecast.trend_forecast(view, last_complete_month(month_key(period.end), today),
                                     periods=3)
    insight, salespeople = insight_kpis(
        store, period, today, currency,
        salesperson_attainment(store, period, today, currency=currency))
    pacing = insight["pacing"]
    result: KpiFigures = {
        "month": period.key,
        "currency": currency,
        "today": today.isoformat(),
        "in_progress": w.in_progress,
        "day": w.day,
        "days": period.days,
        # §1 sales growth
        **sales_kpis(sales),
        "revenue_by_currency": revenue_by_currency(store, period, today),
        # §2 targets (shop, revenue); a month in progress paces by the shop's calendar
        # (KPI.md §2b)
        "target": att.target,
        "attainment": att.attainment,
        "expected_to_date": _minor_units(att.expected_to_date) if pacing is None
        else pacing["expected_to_date"],
        "pace": att.pace if pacing is None else pacing["pace"],
        "run_rate_projection": _minor_units(att.run_rate_projection),
        "gap": att.gap,
        "needed_per_day": _minor_units(att.needed_per_day) if pacing is None
        else pacing["needed_per_day"],
        "salespeople": salespeople,
        "new_customers_target": by_measure["new_customers"].target,
        "new_customers_attainment": by_measure["new_customers"].attainment,
        "won_opportunities_target": by_measure["won_opportunities"].target,
        "won_opportunities_attainment": by_measure["won_opportunities"].attainment,
        "won_opportunities": attainment_summary(
            store, period, today, measure="won_opportunities").actual,
        # §3-5: customers, pipeline and the trend forecast
        **customers.customer_kpis(view, period.key, today),
        **pipeline.pipeline_kpis(view, period.key, today),
        "trend_forecast": list(points) if points is not None else None,
        # §4b call-backs and §6 data health
        **winback.winback_kpis(view, period.key, today),
        "data_health_findings": health.count(store, period.key, today),
        **insight,
        # §1 gross profit, discounts, breakdowns; the pipeline by stage, cohorts, at-risk list
        **analysis.kpi_additions(view, period.key, today, currency),
    }
    return result


def comparison_kpis(store: Store, month: str, today: date | str, *,
                    currency: str | None = None) -> dict[str, Any]:
    """The figures of `month` the monthly report compares its month with (its table's
    other columns), as `all_kpis` gives them: sales, targets, customer and pipeline
    figures, gross profit and margin. Not the data-health check, insight, call-back,
    forecast or breakdown keys: at 10M lines the health check alone is a pass over the
    month's lines, and the report prints none of them for these months."""
    today = as_date(today)
    period = parse_period(month)
    currency = currency or store.reporting_currency
    w = windows(period, today)
    sales = sales_summary(store, period, today, currency=currency)
    att = attainment_summary(store, period, today, currency=currency)
    view = in_currency(store, currency)
    totals = analysis.period_totals(view, period.key, today, currency=currency)
    return {
        "month": period.key, "currency": currency, "today": today.isoformat(),
        "in_progress": w.in_progress, "day": w.day, "days": period.days,
        **sales_kpis(sales),
        "target": att.target,
        "attainment": att.attainment,
        **customers.customer_kpis(view, period.key, today),
        **pipeline.pipeline_kpis(view, period.key, today),
        "gross_profit": totals.gross_profit if totals else None,
        "gross_margin": totals.gross_margin if totals else None,
    }


def insight_kpis(store: Store, period: Period, today: date, currency: str,
                 rows: list[SalespersonAttainment],
                 ) -> tuple[InsightKpis, list[SalespersonFigures]]:
    """Issue #19's keys, and the `salespeople` rows of `rows` with each one's chance of
    making their target and their pace by the shop's calendar (KPI.md §2b)."""
    from kpidesk.metrics.insight import (
        calendar_paced,
        insight_json,
        salesperson_probabilities,
    )

    extra = insight_json(store, period, today, currency=currency)
    chances = salesperson_probabilities(store, period, today, currency=currency)
    salespeople: list[SalespersonFigures] = [
        {"salesperson_id": r.salesperson_id, "name": r.name, "revenue": r.actual,
         "target": r.target, "attainment": r.attainment, "pace": r.pace,
         "target_probability": chances.get(r.salesperson_id)}
        for r in calendar_paced(store, period, today, rows, currency=currency)]
    return extra, salespeople
