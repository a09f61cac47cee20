"""The shapes of what the metrics hand to the report, the CLI and the UI.

`kpi --json` prints `all_kpis` as it is, so its keys are a public interface: TypedDicts
here let mypy catch a misspelt key in any reader (reports/data.py, the CLI, the UI)
instead of a KeyError on a shop's laptop. What no JSON prints as it is comes back as a
frozen dataclass (a misspelt attribute fails in mypy and in every test that reads it).
The sections follow KPI.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypedDict


# -- dataclasses: results read by attribute ---------------------------------------------
@dataclass(frozen=True)
class SalesSummary:
    """`growth.sales_summary`: §1 of one period. Sales dated after today count nowhere; a
    period not started has None in every figure."""

    period: str
    currency: str
    revenue: int | None
    orders: int | None  # None when a daily total of the period has no receipts count
    average_order_value: int | None
    daily_totals_without_receipts: int | None
    growth_mom: float | None
    growth_yoy: float | None
    in_progress: bool
    days_elapsed: int
    days: int
    previous_revenue: int | None  # the compared figures: like-for-like when in progress
    year_before_revenue: int | None


@dataclass(frozen=True)
class TargetFigures:
    """`targets.assess`: the §2 figures of one target and its actual. Money in minor
    units (int); counts (new customers, won opportunities) may pace in fractions."""

    target: int | None
    actual: int | None
    attainment: float | None
    gap: int | None
    expected_to_date: int | float | None
    pace: float | None
    run_rate_projection: int | float | None
    needed_per_day: int | float | None


@dataclass(frozen=True)
class AttainmentSummary(TargetFigures):
    """`targets.attainment_summary`: a period's target figures for the shop or one
    salesperson, and where today is in the period."""

    period: str
    measure: str
    currency: str | None  # None for a measure that is not money
    in_progress: bool
    day: int
    days: int
    # paced by the shop calendar (ui.insight.cards.with_calendar_pacing): its open days left
    open_days_left: int | None = None


@dataclass(frozen=True)
class SalespersonAttainment:
    """One row of `targets.salesperson_attainment`."""

    salesperson_id: int
    name: str
    active: bool
    target: int | None
    actual: int | None
    attainment: float | None
    pace: float | None
    expected_to_date: int | float | None


@dataclass(frozen=True)
class Funnel:
    """`contact_status.funnel`: the leads created in a period and how far they came; each
    stage a subset of the one before."""

    leads: int
    customers: int
    repeat: int
    loyal: int


# -- TypedDicts: the JSON of `kpi --json` -------------------------------------------------


class SalespersonFigures(TypedDict):
    """One row of `salespeople` (§2, per salesperson)."""

    salesperson_id: int
    name: str
    revenue: int | None  # None: the period has not started
    target: int | None
    attainment: float | None
    pace: float | None
    target_probability: float | None


class AtRiskEntry(TypedDict):
    """One customer of the call-back list (§5)."""

    contact_id: int
    name: str
    phone: str | None
    last_purchase: str
    days_since: int
    usual_gap_days: int | float
    revenue_365: int


class StageFigures(TypedDict):
    """One row of `pipeline_by_stage` (§3): the opportunities open in a stage."""

    stage_id: int
    name: str
    count: int
    value: int
    weighted: int


class CohortRow(TypedDict):
    """One cohort of `cohort_table` (§4): `shares[k]` is the share of its customers with
    a purchase k months after their first month (None: no such month yet, or no
    customers)."""

    cohort: str
    size: int
    shares: list[float | None]


class SameDayFigures(TypedDict):
    """The customer figures of P−1 as they stood on the same day (§4, a period in
    progress)."""

    as_of: str
    active_customers: int | None
    new_customers: int | None
    returning_customers: int | None
    retention: float | None
    churn: float | None
    crr: float | None
    repeat_purchase_rate: float | None


class PacingFigures(TypedDict):
    """A month in progress paced by the shop calendar (§2b)."""

    expected_to_date: int | None
    pace: float | None
    needed_per_day: int | None
    open_days_left: int
    from_last_year: bool


class CustomerKpis(TypedDict):
    """`customers.customer_kpis`: §4–§5 for a period (None: not started)."""

    new_customers: int | None
    lead_conversion: float | None
    lead_conversion_provisional: bool | None
    second_purchase_rate: float | None
    loyal_customers: int | None
    loyal_share: float | None
    active_customers: int | None
    retention: float | None
    churn: float | None
    crr: float | None
    repeat_purchase_rate: float | None
    returning_customers: int | None
    previous_same_day: SameDayFigures | None


class PipelineKpis(TypedDict):
    """`pipeline.pipeline_kpis`: §3 for a period."""

    open_pipeline_count: int | None
    open_pipeline: int | None
    weighted_pipeline: int | None
    overdue_count: int | None
    overdue_value: int | None
    win_rate: float | None
    average_deal_size: int | None
    sales_cycle_days: float | None
    pipeline_forecast: int
    pipeline_coverage: float | None


class OpenPipeline(TypedDict):
    """`pipeline.open_pipeline`: the opportunities open on a day."""

    count: int
    value: int
    weighted: int
    overdue_count: int
    overdue_value: int


class WinbackKpis(TypedDict):
    """`winback.winback_kpis`: the call-back figures (§4b)."""

    winback_rate: float | None
    recovered_revenue: int | None
    winback_called: int
    winback_won_back: int
    winback_provisional: bool
    winback_by_salesperson: list[dict[str, Any]]


class AnalysisKpis(TypedDict):
    """`analysis.kpi_additions`: gross profit, discounts, breakdowns (§1), the pipeline by
    stage, cohorts and the at-risk list."""

    gross_profit: int | None
    gross_margin: float | None
    cost_coverage: float | None
    discounts: int | None
    refunds: int | None
    revenue_by_category: list[dict[str, Any]]
    revenue_by_channel: list[dict[str, Any]]
    revenue_by_payment: list[dict[str, Any]]
    revenue_by_salesperson: list[dict[str, Any]]
    pipeline_by_stage: list[StageFigures]
    cohort_table: list[CohortRow]
    at_risk: list[AtRiskEntry]


class BridgeKpis(TypedDict):
    """`bridge.bridge_json`: the revenue bridges (§1b)."""

    revenue_bridge_mom: list[dict[str, Any]] | None
    revenue_bridge_yoy: list[dict[str, Any]] | None
    growth_mom_constant_rate: float | None


class InsightKpis(BridgeKpis):
    """`insight.insight_json`: issue #19's keys (bridge, chance, pacing, commission)."""

    target_probability: float | None
    pacing: PacingFigures | None
    commission: list[dict[str, Any]]
    category_targets: list[dict[str, Any]]
    week_targets: list[dict[str, Any]]


class SalesKpis(TypedDict):
    """§1 sales growth (`kpis.sales_kpis`). None: the period has not started; orders (and
    the average order value) also when a daily total has no receipts count."""

    revenue: int | None
    orders: int | None
    average_order_value: int | None
    daily_totals_without_receipts: int | None
    growth_mom: float | None
    growth_yoy: float | None
    revenue_previous_month: int | None
    revenue_year_before: int | None


class KpiFigures(SalesKpis, CustomerKpis, PipelineKpis, WinbackKpis, AnalysisKpis,
                 InsightKpis):
    """`kpis.all_kpis`: every KPI of one period, the JSON of `kpi --json`."""

    month: str
    currency: str
    today: str
    in_progress: bool
    day: int
    days: int
    revenue_by_currency: dict[str, int] | None
    # §2 targets
    target: int | None
    attainment: float | None
    expected_to_date: int | None
    pace: float | None
    run_rate_projection: int | None
    gap: int | None
    needed_per_day: int | None
    salespeople: list[SalespersonFigures]
    new_customers_target: int | None
    new_customers_attainment: float | None
    won_opportunities_target: int | None
    won_opportunities_attainment: float | None
    won_opportunities: int | None
    trend_forecast: list[dict[str, Any]] | None
    data_health_findings: int
