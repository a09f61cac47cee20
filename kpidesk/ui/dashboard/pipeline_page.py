"""The dashboard's "Pipeline" page: pipeline KPIs and the open pipeline by stage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.i18n.tr import translator
from kpidesk.metrics import pipeline
from kpidesk.metrics.results import StageFigures
from kpidesk.store.db import Store
from kpidesk.ui.context import AppContext
from kpidesk.ui.dashboard.cards import PIPELINE_CARDS, card_defs, show
from kpidesk.ui.dashboard.chart_box import LazyCharts
from kpidesk.ui.plots.cards import CardGrid

if TYPE_CHECKING:  # the charts are made late (pyqtgraph): their classes only for mypy
    from kpidesk.ui.plots.charts import StageChart

tr = translator("DashboardTab")


class PipelinePage(QWidget):
    def __init__(self, ctx: AppContext, charts: LazyCharts, last_refresh: dict,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # the store the figures are read from: the shop's, or one branch's (the tab's picker)
        self.figures_store: Callable[[], Store] = lambda: ctx.store
        self.ctx = ctx
        self.charts = charts
        self.last_refresh = last_refresh
        self.cards = CardGrid(PIPELINE_CARDS, columns=4, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.cards)
        layout.addWidget(charts.box("stageChart"), 1)

    def retranslate_ui(self) -> None:
        for key, card in card_defs(self.ctx.store).items():
            if key in PIPELINE_CARDS:
                self.cards[key].set_title(card.title, card.tooltip)

    def retranslate_charts(self) -> None:
        chart = cast("StageChart | None", self.charts.charts.get("stageChart"))
        if chart is not None:
            chart.set_texts(tr("Open pipeline by stage"))
            chart.set_legend_names(tr("Value"), tr("Weighted"))

    def refresh(self, month: str, today: date) -> None:
        store = self.figures_store()
        f = fmt.current()
        currency = store.reporting_currency
        kpis = pipeline.pipeline_kpis(store, month, today)
        self.last_refresh["pipeline"] = kpis
        defs = card_defs(store)
        for key in PIPELINE_CARDS:
            self.cards[key].set_value(show(defs[key], kpis.get(key), currency))
        self.cards["open_pipeline"].set_note(fmt.fill(
            tr("%1 open"), f.integer(kpis.get("open_pipeline_count"))))
        self.cards["overdue_value"].set_value(show(defs["overdue_value"],
                                                   kpis.get("overdue_value"), currency),
                                              "#b3261e" if kpis.get("overdue_count") else "")
        self.cards["overdue_value"].set_note(fmt.fill(
            tr("%1 overdue"), f.integer(kpis.get("overdue_count"))))
        stages: list[StageFigures] = [{**row, "name": display_name(row["name"] or "")}
                  for row in pipeline.pipeline_by_stage(store, today)]
        self.charts.set_empty("stageChart", tr(
            "No open opportunities: add them in the Pipeline tab.")
            if not any(row["count"] for row in stages) else "")
        self.charts.set_data("stageChart", stages, currency)
