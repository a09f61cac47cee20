"""Long work (a backup, a restore) on a thread while a modal dialog shows its progress."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")


class Cancelled(Exception):
    """The user pressed Cancel."""


def run_with_progress(parent: QWidget | None, title: str, label: str,
                      work: Callable[[Callable[[float], None]], T],
                      cancel_text: str | None = None) -> T:
    """Run `work(progress)` on a thread; `progress(fraction)` moves the bar and raises
    Cancelled once the user cancelled (only when `cancel_text` gives a Cancel button).
    Returns what `work` returns, or raises what it raised."""
    state: dict = {"fraction": 0.0}
    cancel = threading.Event()

    def progress(fraction: float) -> None:
        state["fraction"] = fraction
        if cancel.is_set():
            raise Cancelled

    def run() -> None:
        try:
            state["value"] = work(progress)
        except BaseException as exc:  # handed over to the UI thread
            state["error"] = exc

    dialog = QProgressDialog(label, cancel_text, 0, 1000, parent)
    if cancel_text is None:
        dialog.setCancelButton(None)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(cancel.set)
    thread = threading.Thread(target=run, name="long-work")
    thread.start()
    while thread.is_alive():
        dialog.setValue(int(state["fraction"] * 1000))
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        thread.join(0.03)
    dialog.close()
    dialog.deleteLater()
    if "error" in state:
        raise state["error"]
    return state["value"]
