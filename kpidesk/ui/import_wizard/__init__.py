"""The import wizard: file → columns → check → import (wizard.py), one class per page
(pages.py), the worker thread (worker.py) and its words (texts.py)."""

from kpidesk.ui.import_wizard.wizard import ImportWizard

__all__ = ["ImportWizard"]
