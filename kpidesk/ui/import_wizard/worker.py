"""A check or an import, run on its own store connection in a QThread."""

from __future__ import annotations

import threading
from contextlib import nullcontext
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kpidesk.i18n.tr import translator
from kpidesk.io import mapping as mapping_mod
from kpidesk.io.importer import (
    Cancelled,
    Importer,
)
from kpidesk.io.read_base import FileError
from kpidesk.store import security
from kpidesk.store.db import Store
from kpidesk.store.errors import PinRequiredError, StoreError
from kpidesk.ui.messages import message, store_error_text

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
                 today, owner: bool = False) -> None:
        super().__init__()
        self.db_path, self.kind, self.mapping, self.path = db_path, kind, mapping, path
        self.mode, self.today = mode, today
        self.owner = owner  # the owner's PIN was typed for this import
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
                    with (security.owner_session(store, with_pin=True) if self.owner
                          else nullcontext()):
                        report = importer.run(self.path, skip_bad=True)
                    if report.committed:
                        mapping_mod.remember(store, self.kind, report.header, self.mapping)
                        report.topics = frozenset(report.topics | store.touched)
            self.done.emit(report)
        except Cancelled:
            self.cancelled.emit()
        except (FileError, PinRequiredError) as exc:  # a refund the check did not see…
            self.failed.emit(message(exc))  # … nothing was written
        except (StoreError, OSError) as exc:  # e.g. the backup before it: a full disk
            self.failed.emit(store_error_text(exc, self.db_path))
        except Exception as exc:  # noqa: BLE001 - shown to the user, nothing was saved
            self.failed.emit(str(exc))
