"""Everything the monthly report shows, gathered from the metrics in one pass (no Qt).

Runs off the UI thread. Money is in minor units of the report's currency,
which may differ from the shop's reporting currency: the metrics then read
the store through `CurrencyView`, which only changes that one setting.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from kpidesk.metrics import analysis, callbacks, customers, health, pipeline
from kpidesk.metrics.growth import ratio, revenue_series, sales_summary, windows
from kpidesk.metrics.kpis import all_kpis, comparison_kpis, in_currency
from kpidesk.metrics.periods import add_months, parse_period
from kpidesk.metrics.results import KpiFigures
from kpidesk.metrics.targets import target_series
from kpidesk.store.db import Store

AT_RISK_ROWS = 100  # a printed call-back list longer than this is not called through


@dataclass
class ReportData:
    shop_name: str
    month: str
    currency: str
    today: date
    as_of: date  # the month's last day, or today for the month in progress
    kpis: KpiFigures
    # the figures the report compares the month with (kpis.comparison_kpis: a part of
    # KpiFigures' keys)
    previous: dict[str, Any]  # the month before
    year_before: dict[str, Any]  # the same month a year before
    revenue_series: list[tuple[str, int | None]] = field(default_factory=list)
    target_series: list[tuple[str, int | None]] = field(default_factory=list)
    pipeline_stages: list[dict] = field(default_factory=list)
    top_products: list[dict] = field(default_factory=list)
    top_customers: list[dict] = field(default_factory=list)
    at_risk: list[dict] = field(default_factory=list)  # the most valuable, at most AT_RISK_ROWS
    at_risk_total: int = 0  # how many customers are at risk in all
    health_findings: list = field(default_factory=list)  # metrics.health.Finding, the month's
    # A month in progress: revenue, orders and average order value of the month before and
    # of the same month a year before up to the same day (KPI.md §1: like-for-like), with
    # their "as_of" date; None for a month that is over.
    previous_to_day: dict | None = None
    year_before_to_day: dict | None = None
    insight: dict = field(default_factory=dict)  # issue #19: see reports.insight.collect
    # KPI.md §7: the branch a report is of ('' = every branch together), and for a report
    # of every branch of a shop with several, the month's figures of each (name, revenue,
    # share, orders, gross_profit)
    branch: str = ""
    revenue_by_branch: list[dict] = field(default_factory=list)


def top_products(store: Store, month: str, currency: str, limit: int = 10,
                 upto: date | None = None) -> list[dict]:
    """The month's best-selling products by revenue (up to `upto`), quantities net of
    refunds. Daily totals are no product's sales and are left out (KPI.md Conventions);
    lines of receipts without a product are one row with product_id None. Read from the
    product breakdown's rollup, not the month's lines."""
    p = parse_period(month)
    last = min(p.end, upto) if upto else p.end
    if last < p.start:
        return []
    found = analysis.breakdown(store, "product", analysis.parse_range(
        f"{p.start.isoformat()}..{last.isoformat()}"), last, currency=currency, limit=limit)
    ids = [row.key for row in found.rows if row.key is not None]
    categories = dict(store.conn.execute(
        "SELECT p.id, IFNULL(c.name, '') FROM products p"
        " LEFT JOIN categories c ON c.id = p.category_id"
        f" WHERE p.id IN ({', '.join('?' * len(ids))})", ids).fetchall()) if ids else {}
    return [{"product_id": row.key, "name": row.name, "category": categories.get(row.key, ""),
             "quantity": row.quantity, "revenue": row.revenue} for row in found.rows]


def top_customers(store: Store, month: str, currency: str, limit: int = 10,
                  upto: date | None = None) -> list[dict]:
    """The month's best customers by revenue (their purchases up to `upto`)."""
    column = "revenue_usd" if currency == "USD" else "revenue_khr"
    p = parse_period(month)
    last = min(p.end, upto) if upto else p.end
    rows = store.query(
        f"""SELECT c.name, c.phone, SUM(x.orders) AS orders, SUM(x.{column}) AS revenue
            FROM customer_day x JOIN contacts c ON c.id = x.contact_id
            WHERE x.day BETWEEN ? AND ? GROUP BY x.contact_id, c.name, c.phone
            ORDER BY revenue DESC, orders DESC LIMIT ?""",
        (p.first_day, last.isoformat(), limit))
    return [dict(r) for r in rows]


SALES_FIGURES = ("revenue", "orders", "average_order_value")


def _sales_to_day(store, month: str, last_day: str, target: int | None) -> dict:
    """Revenue, orders and average order value of `month` up to `last_day` (ISO), and the
    attainment of its revenue `target` by then (KPI.md §2: actual / target)."""
    summary = sales_summary(store, month, last_day)
    figures = {"as_of": last_day, **{key: summary[key] for key in SALES_FIGURES}}
    revenue = summary["revenue"]
    figures["attainment"] = ratio(revenue, target)
    return figures


def collect(store: Store, month: str, today: date, currency: str | None = None,
            progress=None) -> ReportData:
    """Gather the report of `month` as of `today`. `progress(pct)` is called along the way."""
    report = progress or (lambda pct: None)
    currency = currency or store.reporting_currency
    view = in_currency(store, currency)
    period = parse_period(month)
    as_of = min(today, period.end)
    report(5)
    kpis = all_kpis(view, month, today)
    report(35)
    # the figures the report compares the month with (MonthlyReport.kpi_rows), no more
    previous = comparison_kpis(view, add_months(month, -1), today)
    year_before = comparison_kpis(view, add_months(month, -12), today)
    report(65)
    data = ReportData(
        shop_name=store.setting("shop_name"), month=month, currency=currency, today=today,
        as_of=as_of, kpis=kpis, previous=previous, year_before=year_before,
        revenue_series=revenue_series(view, month, 12, today=today),
        target_series=target_series(view, month, 12),
        top_products=top_products(store, month, currency, upto=as_of),
        top_customers=top_customers(store, month, currency, upto=as_of),
    )
    w = windows(period, today)
    if w.in_progress and w.previous is not None and w.year_before is not None:
        data.previous_to_day = _sales_to_day(view, add_months(month, -1), w.previous[1],
                                             previous["target"])
        data.year_before_to_day = _sales_to_day(view, add_months(month, -12), w.year_before[1],
                                                year_before["target"])
    report(80)
    data.pipeline_stages = pipeline.pipeline_by_stage(view, as_of)
    # with each one's last call; those not to call again left out (metrics.callbacks)
    data.at_risk = [dict(asdict(r), last_call=r.last_call)
                    for r in callbacks.call_list(view, as_of, limit=AT_RISK_ROWS)]
    data.at_risk_total = customers.at_risk_count(view, as_of)
    data.health_findings = health.check(store, month, today).findings
    from kpidesk.reports.insight import collect_insight

    data.insight = collect_insight(view, month, today)
    from kpidesk.store.branches import has_several

    if has_several(store):
        from kpidesk.metrics import analysis

        found = analysis.breakdown(store, "branch", month, as_of, currency=currency)
        data.revenue_by_branch = [
            {"key": r.key, "name": r.name, "revenue": r.revenue, "share": r.share,
             "orders": r.orders, "gross_profit": r.gross_profit} for r in found.rows]
    report(95)
    return data
