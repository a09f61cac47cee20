"""The shapes of what the metrics hand to the report, the CLI and the UI as dicts.

`kpi --json` prints `all_kpis` as it is, so its keys are a public interface; typing them
here lets mypy catch a misspelt key in any reader (reports/data.py, the CLI, the UI)
instead of a KeyError on a shop's laptop. The sections follow KPI.md.
"""

from __future__ import annotations

from typing import Any, TypedDict


class SalespersonFigures(TypedDict):
    """One row of `salespeople` (§2, per salesperson)."""

    salesperson_id: int
    name: str
    revenue: int
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
    pipeline_by_stage: list[dict[str, Any]]
    cohort_table: list[dict[str, Any]]
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


class KpiFigures(CustomerKpis, PipelineKpis, WinbackKpis, AnalysisKpis, InsightKpis):
    """`kpis.all_kpis`: every KPI of one period, the JSON of `kpi --json`."""

    month: str
    currency: str
    today: str
    in_progress: bool
    day: int
    days: int
    # §1 sales growth
    revenue: int
    orders: int
    average_order_value: int | None
    daily_totals_without_receipts: int
    growth_mom: float | None
    growth_yoy: float | None
    revenue_previous_month: int | None
    revenue_year_before: int | None
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
