"""Python's cyclic garbage collector, run on the UI thread only, between events.

Left automatic, the collector runs wherever an allocation happens to cross its threshold:
on a backup, import or server-probe thread, or in the middle of Qt delivering an event. A
window or dialog whose Python side sits in a reference cycle is then deleted from the
wrong thread, or while Qt is still dispatching to it, and the app crashes at random. So
the automatic collector is switched off and a timer on the UI thread collects what is
due, generation by generation, as the automatic one would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


def collect_due() -> int:
    """Collect the oldest generation whose count passed its threshold, with the younger
    ones (what the automatic collector would have done by now). Returns the number of
    unreachable objects found."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = -1
    for generation in range(3):
        if 0 < thresholds[generation] < counts[generation]:
            due = generation
        else:
            break
    return gc.collect(due) if due >= 0 else 0


class UiThreadCollector(QObject):
    """Switches the automatic collector off while it lives, and collects on a timer of
    the thread it was made on (the UI thread)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(collect_due)
        self.timer.start()

    def stop(self) -> None:
        """Stop the timer and give the automatic collector back as it was."""
        self.timer.stop()
        if self._was_enabled:
            gc.enable()
