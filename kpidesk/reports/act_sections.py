"""The monthly report's call-back figures and data-health badge (KPI.md §4b, §6, "The
monthly report"): HTML parts the report adds after its call-back list."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from kpidesk.i18n.format import fill

if TYPE_CHECKING:
    from kpidesk.reports.monthly import MonthlyReport

SHOWN_FINDINGS = 30  # a printed list longer than this is read in the app


def _esc(value: object) -> str:
    return html.escape(str(value or ""))


def last_call(report: MonthlyReport, call) -> str:
    """A row's last call in the call-back list: outcome and date, or "—"."""
    from kpidesk.reports.call_words import OUTCOME_NAMES

    if call is None:
        return "—"
    return _esc(fill(report.text.translate("Calls", "%1, %2"),
                     report.text.translate("Calls", OUTCOME_NAMES[call.outcome]),
                     report.text.fmt.date(call.date)))


def winback_section(report: MonthlyReport) -> str:
    """Win-back rate and recovered revenue, for the shop and per salesperson."""
    tr = report.text.translate
    f, k = report.text.fmt, report.data.kpis
    title = tr("Report", "Call-backs: customers won back")
    if not k.get("winback_called"):
        return (f"<h2>{title}</h2><p>"
                + tr("Report", "No customer at risk was called this month.") + "</p>")
    rows = [[tr("Report", "Whole shop"), f.integer(k.get("winback_called")),
             f.integer(k.get("winback_won_back")), f.percent(k.get("winback_rate")),
             report.money(k.get("recovered_revenue"))]]
    rows += [[_esc(r["name"]) or tr("Report", "(no salesperson)"), f.integer(r["called"]),
              f.integer(r["won_back"]), f.percent(r["winback_rate"]),
              report.money(r["recovered_revenue"])]
             for r in k.get("winback_by_salesperson") or []]
    note = fill(tr("Report", "At-risk customers called this month; won back: bought within"
                             " %1 days of the call."), f.integer(30))
    if k.get("winback_provisional"):
        note += " " + fill(tr("Report", "Provisional: the %1 days after some calls are not"
                                        " over yet."), f.integer(30))
    return report._table(
        title, [tr("Report", "Salesperson"), tr("Report", "Called"), tr("Report", "Won back"),
                tr("Report", "Win-back rate"), tr("Report", "Recovered revenue")],
        rows, widths=[36, 14, 14, 16, 20], note=note)


def health_section(report: MonthlyReport) -> str:
    """The data-health badge with its count and findings."""
    from kpidesk.reports.health_words import finding_sentence

    tr = report.text.translate
    f = report.text.fmt
    findings = report.data.health_findings
    if not findings:
        return ('<p style="color:#1e7b34"><b>'
                + tr("Report", "Data checked: nothing looks wrong this month.") + "</b></p>")
    badge = fill(tr("Report", "Check the data: %1 entries look wrong this month"),
                 f.integer(len(findings)))
    rows = [[f.date(x.date), _esc(finding_sentence(x, tr, f, report.data.currency))]
            for x in findings[:SHOWN_FINDINGS]]
    note = ""
    if len(findings) > SHOWN_FINDINGS:
        note = fill(tr("Report", "The first %1; the Dashboard shows them all."),
                    f.integer(SHOWN_FINDINGS))
    return report._table(
        f'<span style="color:#a15c00">⚠ {badge}</span>',
        [tr("Report", "Date"), tr("Report", "What looks wrong")], rows, numeric_from=2,
        widths=[18, 82], note=note)
