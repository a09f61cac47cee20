"""The main window's tabs: their modules, classes and titles, each built when first shown."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kpidesk.i18n.tr import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from kpidesk.ui.main_window import MainWindow

# (module under kpidesk.ui.tabs, class name, title). Order = tab order. The title is the
# same text the tab's own title() translates (same context), so it can be shown before
# the tab is built.
TABS = [
    ("dashboard", "DashboardTab", QT_TRANSLATE_NOOP("DashboardTab", "Dashboard")),
    ("sales", "SalesTab", QT_TRANSLATE_NOOP("SalesTab", "Sales")),
    ("analysis", "AnalysisTab", QT_TRANSLATE_NOOP("AnalysisTab", "Analysis")),
    ("contacts", "ContactsTab", QT_TRANSLATE_NOOP("ContactsTab", "Contacts")),
    ("pipeline", "PipelineTab", QT_TRANSLATE_NOOP("PipelineTab", "Pipeline")),
    ("targets", "TargetsTab", QT_TRANSLATE_NOOP("TargetsTab", "Targets")),
    ("insight", "InsightTab", QT_TRANSLATE_NOOP("InsightTab", "Insight")),
    ("reports", "ReportsTab", QT_TRANSLATE_NOOP("ReportsTab", "Reports")),
    ("settings", "SettingsTab", QT_TRANSLATE_NOOP("SettingsTab", "Settings")),
]
# a tab made of several modules lives in its own package (default: kpidesk.ui.tabs.<key>)
TAB_MODULES = {"settings": "kpidesk.ui.settings"}


class TabPages(Mapping):
    """The main window's tabs by key, each built the first time it is shown or asked for.

    Building only the tab on screen keeps start-up short: the others (and heavy
    imports such as pyqtgraph) wait until the user opens them.
    """

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._built:
            self._built[key] = self._window.build_tab_or_wait(key)
        return self._built[key]

    def __iter__(self):
        return (key for key, _cls, _title in TABS)

    def __len__(self) -> int:
        return len(TABS)

    def built(self) -> dict[str, QWidget]:
        return dict(self._built)
