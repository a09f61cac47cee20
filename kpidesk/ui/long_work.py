"""Long work (a backup, a restore, an upgrade, an import's reading) on a thread while a
modal dialog shows its progress: the one loop every such wait in the app goes through."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressBar, QProgressDialog, QWidget

from kpidesk.i18n import format as fmt

T = TypeVar("T")
SHOW_AFTER = 0.3  # seconds: quicker work shows no dialog at all


class Cancelled(Exception):
    """The user pressed Cancel."""


def run_with_progress(parent: QWidget | None, title: str, label: str,
                      work: Callable[..., T], cancel_text: str | None = None, *,
                      busy: bool = False,
                      step_text: Callable[[str], str] | None = None) -> T:
    """Run `work(progress)` on a thread; `progress(fraction, step=None)` moves the bar and
    raises Cancelled once the user cancelled (only when `cancel_text` gives a Cancel
    button). With `step_text`, a named step is said under `label`. `busy`: no fraction
    is known, the bar only shows that work goes on. Returns what `work` returns, or
    raises what it raised."""
    state: dict[str, Any] = {"fraction": 0.0, "step": None}
    cancel = threading.Event()

    def progress(fraction: float, step: str | None = None) -> None:
        state["fraction"] = fraction
        if step is not None:
            state["step"] = step
        if cancel.is_set():
            raise Cancelled

    def run() -> None:
        try:
            state["value"] = work(progress)
        except BaseException as exc:  # handed over to the UI thread
            state["error"] = exc

    dialog = QProgressDialog(label, cancel_text, 0, 0 if busy else 100, parent)
    bar = QProgressBar(dialog)
    bar.setRange(0, 0 if busy else 100)
    dialog.setBar(bar)
    if cancel_text is None:
        dialog.setCancelButton(None)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.hide()  # shown only if the work lasts longer than a blink
    dialog.canceled.connect(cancel.set)
    thread = threading.Thread(target=run, name="long-work")
    started = time.monotonic()
    shown_step = None
    thread.start()
    while thread.is_alive():
        if not dialog.isVisible() and time.monotonic() - started > SHOW_AFTER:
            dialog.show()
        step = state["step"]
        if step_text is not None and step is not None and step != shown_step:
            dialog.setLabelText(label + "\n\n" + step_text(step))
            shown_step = step
        value = int(100 * state["fraction"])
        if not busy and dialog.value() != value:
            dialog.setValue(value)
            bar.setFormat(fmt.current().percent(state["fraction"], 0))  # the user's digits
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        thread.join(0.03)
    dialog.close()
    dialog.deleteLater()
    if "error" in state:
        raise state["error"]
    return state["value"]
