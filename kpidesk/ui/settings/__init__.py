"""The Settings tab, in parts: the shop form and language (tab.py), the named lists
(lists.py) and the opportunity stages (stages.py)."""

from kpidesk.ui.settings.lists import NamedListModel
from kpidesk.ui.settings.stages import StagesModel
from kpidesk.ui.settings.tab import SettingsTab

__all__ = ["NamedListModel", "SettingsTab", "StagesModel"]
