"""A check or an import, run on its own store connection in a QThread."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kpidesk.i18n.tr import translator
from kpidesk.io import mapping as mapping_mod
from kpidesk.io.importer import (
    Cancelled,
    Importer,
)
from kpidesk.io.readers import FileError
from kpidesk.store.db import Store
from kpidesk.store.errors import StoreError
from kpidesk.ui.messages import file_error_text, store_error_text

CONTEXT = "Import"
PREVIEW_ROWS = 8

tr = translator("Import")


class _Worker(QObject):
    """Runs a check or an import on its own store connection, in a QThread."""

    progress = Signal(int)
    done = Signal(object)  # Report
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, db_path: Path, kind: str, mapping: dict, path: Path, mode: str,
                 today) -> None:
        super().__init__()
        self.db_path, self.kind, self.mapping, self.path = db_path, kind, mapping, path
        self.mode, self.today = mode, today
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            with Store(self.db_path, read_only=self.mode == "check") as store:
                importer = Importer(store, self.kind, self.mapping,
                                    progress=lambda f: self.progress.emit(int(f * 1000)),
                                    should_cancel=self.stop.is_set, today=self.today)
                if self.mode == "check":
                    report = importer.check(self.path)
                else:
                    report = importer.run(self.path, skip_bad=True)
                    if report.committed:
                        mapping_mod.remember(store, self.kind, report.header, self.mapping)
                        report.topics = frozenset(report.topics | store.touched)
            self.done.emit(report)
        except Cancelled:
            self.cancelled.emit()
        except FileError as exc:
            self.failed.emit(file_error_text(exc))
        except (StoreError, OSError) as exc:  # e.g. the backup before it: a full disk
            self.failed.emit(store_error_text(exc, self.db_path))
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was saved
            self.failed.emit(str(exc))
