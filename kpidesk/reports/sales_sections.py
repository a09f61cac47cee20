"""The monthly report's revenue by category and by payment method (KPI.md "The monthly
report"), from the `revenue_by_category` / `revenue_by_payment` rows of `kpi --json`."""

from __future__ import annotations

from kpidesk.i18n.defaults import is_seeded


def _label(report, row: dict, none_text: str) -> str:
    from kpidesk.reports.monthly import _name

    name = row.get("name") or ""
    if not name or row.get("key") is None:
        return none_text
    if is_seeded(name):  # a seeded payment method, in the report's language
        return report.text.translate("DefaultNames", name)
    return _name(name)


def breakdown_tables(report) -> str:
    """Two tables: revenue, share and gross profit by category and by payment method."""
    tr = report.text.translate
    k = report.data.kpis
    parts = []
    for key, title, first, none_text in (
            ("revenue_by_category", tr("Report", "Revenue by category"),
             tr("Report", "Category"), tr("Report", "(no category)")),
            ("revenue_by_payment", tr("Report", "Revenue by payment method"),
             tr("Report", "Payment method"), tr("Report", "(not recorded)"))):
        rows = k.get(key) or []
        if not rows:
            continue
        parts.append(report._table(
            title, [first, tr("Report", "Revenue"), tr("Report", "Share"),
                    tr("Report", "Gross profit")],
            [[_label(report, r, none_text), report.money(r.get("revenue")),
              report.pct(r.get("share")), report.money(r.get("gross_profit"))] for r in rows],
            widths=[46, 20, 14, 20]))
    branches = report.data.revenue_by_branch
    if branches:  # a report of every branch of a shop with several (KPI.md §7)
        parts.append(report._table(
            tr("Report", "Revenue by branch"),
            [tr("Report", "Branch"), tr("Report", "Revenue"), tr("Report", "Share"),
             tr("Report", "Orders"), tr("Report", "Gross profit")],
            [[_label(report, r, tr("Report", "(this shop)")), report.money(r.get("revenue")),
              report.pct(r.get("share")), report.num(r.get("orders")),
              report.money(r.get("gross_profit"))] for r in branches],
            widths=[36, 20, 12, 12, 20]))
    return "".join(parts)
