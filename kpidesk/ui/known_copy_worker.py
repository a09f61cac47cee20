"""The refresh of this laptop's copy of a shared shop (`store/known_copy.py`) on a thread
of its own, with a connection of its own: at 250,000 contacts one refresh takes seconds
(README § Figures), and the window keeps answering meanwhile. The copy is replaced only
once the new one is complete, so a refresh cut off (the server lost, the app closed)
leaves the previous one whole. Its outcome comes back on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from kpidesk.store import known_copy
from kpidesk.store.db import Store


class _Outcome(QObject):
    done = Signal(object)  # the copy's Path, or the error that stopped the refresh


def start_refresh(url: str, folder: Path | str,
                  on_done: Callable[[object], None]) -> threading.Thread:
    """Refresh the copy of the shop at `url` (its full address) on a thread;
    `on_done(path or error)` runs on the UI thread (not at all if its receiver is gone)."""
    outcome = _Outcome()
    outcome.done.connect(on_done, Qt.ConnectionType.QueuedConnection)

    def run() -> None:
        result: object
        try:
            with Store(url, read_only=True) as reader:  # never the window's connection
                result = known_copy.refresh(reader, folder)
        except Exception as err:  # noqa: BLE001 a StoreError, sqlite3's, the OS's, or the
            result = err  # driver's own from a server lost as the store opens: logged
        outcome.done.emit(result)

    thread = threading.Thread(target=run, name="known-copy", daemon=True)
    thread.outcome = outcome  # type: ignore[attr-defined]  # kept alive with the thread
    thread.start()
    return thread
