"""Importing sales, contacts, opportunities and targets from CSV / XLSX files.

One module per kind (sales.py, contacts.py, opportunities.py, targets.py: the row
parser and the sink that writes), the run itself (core.py: check, then one
transaction), what it reports (report.py), reading one cell (fields.py) and the names
looked up on the way (names.py).
"""

from kpidesk.io.importer.core import Cancelled, Importer, backup_before_import, import_file
from kpidesk.io.importer.fields import (
    EARLIEST_DATE,
    MAX_NAME,
    MAX_NOTE,
    MAX_RATE,
    RECORD_FIELDS,
    CurrencyMix,
    currency_decided,
)
from kpidesk.io.importer.report import MAX_ERRORS, REASONS, Report, RowError

__all__ = ["EARLIEST_DATE", "MAX_ERRORS", "MAX_NAME", "MAX_NOTE", "MAX_RATE", "REASONS",
           "RECORD_FIELDS", "Cancelled", "CurrencyMix", "Importer", "Report", "RowError",
           "backup_before_import", "currency_decided", "import_file"]
