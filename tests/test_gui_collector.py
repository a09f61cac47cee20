"""Garbage is collected on the UI thread only (kpidesk.ui.collector): a window dropped in a
reference cycle is never freed by a background thread's allocations, and is freed by the
UI thread's timer soon after."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from kpidesk.app import make_application
from kpidesk.ui.collector import UiThreadCollector, collect_due


class _Dropped(QWidget):
    """A window whose Python side is in a reference cycle (here with itself; in the app,
    a dialog kept by its own slots); records the thread that frees it."""

    freed_on: list[int] = []

    def __init__(self) -> None:
        super().__init__()
        self.me = self  # the cycle: only the cyclic collector frees it

    def __del__(self) -> None:
        _Dropped.freed_on.append(threading.get_ident())


def _allocate_on_a_thread() -> None:
    """What a backup or import thread does: allocate many container objects (each of which
    counts toward the automatic collector's next run)."""
    def work() -> None:
        keep = [[i] for i in range(200_000)]
        del keep

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()


@pytest.fixture
def automatic_gc():
    """The interpreter's default, as before the app starts (the test run turns it off)."""
    was = gc.isenabled()
    gc.collect()
    gc.enable()
    _Dropped.freed_on.clear()
    yield
    if not was:
        gc.disable()


def test_a_dropped_window_is_freed_on_the_ui_thread_only(qtbot, qapp, automatic_gc):
    collector = UiThreadCollector(None, interval_ms=50)
    try:
        assert not gc.isenabled()
        window = _Dropped()
        del window
        _allocate_on_a_thread()
        assert _Dropped.freed_on == []  # not freed by the busy thread
        survivors: list[list[int]] = []

        def freed() -> bool:
            # the UI thread keeps allocating, so that a collection falls due even while
            # an earlier test's widgets are being freed (each free lowers the count)
            survivors.extend([i] for i in range(gc.get_threshold()[0]))
            return _Dropped.freed_on != []

        qtbot.waitUntil(freed, timeout=5000)
        assert _Dropped.freed_on == [threading.get_ident()]
        survivors.clear()
    finally:
        collector.stop()
        collector.deleteLater()
    assert gc.isenabled()  # given back as it was


class _Cycle:
    """A plain object in a reference cycle: what a window would be, without freeing a
    window on a background thread in the test run itself."""

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Dropped.freed_on.append(threading.get_ident())


def test_without_it_a_busy_thread_frees_what_was_dropped(automatic_gc):
    """Why the collector exists: the interpreter's own collector frees a dropped cycle on
    whichever thread happens to allocate (here: the only allocating thread)."""
    dropped = _Cycle()
    del dropped
    _allocate_on_a_thread()
    assert _Dropped.freed_on and _Dropped.freed_on[0] != threading.get_ident()


def test_collect_due_collects_only_what_is_due():
    gc.collect()
    assert collect_due() == 0  # nothing counted yet
    threshold = gc.get_threshold()[0]
    was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(threshold + 1):
            cycle: list = []
            cycle.append(cycle)
        del cycle
        assert gc.get_count()[0] > threshold
        assert collect_due() >= threshold
        assert gc.get_count()[0] < threshold
    finally:
        if was:
            gc.enable()


def test_the_app_collects_on_its_own_thread(qapp):
    assert make_application() is QApplication.instance()
    make_application()  # a second call adds no second collector
    collectors = qapp.findChildren(UiThreadCollector)
    try:
        assert len(collectors) == 1 and collectors[0].timer.isActive()
        assert not gc.isenabled()
    finally:  # the other tests collect between tests, not on a timer
        for collector in collectors:
            collector.stop()
            collector.setParent(None)
            collector.deleteLater()
