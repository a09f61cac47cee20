"""The import wizard: file → columns → check → import (wizard.py), one class per page
(pages.py), page 2 at work (mapping_step.py), pages 3 and 4 at work (run_step.py), the
worker thread (worker.py) and its words (texts.py)."""

from kpidesk.ui.import_wizard.wizard import ImportWizard

__all__ = ["ImportWizard"]
