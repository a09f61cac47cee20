"""--smoke / --screenshot runs: render every tab unattended, refuse dialogs, report."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kpidesk.i18n.fonts import khmer_family_used
from kpidesk.ui.splash import Splash


class RefuseDialogs:
    """--smoke / --screenshot run with nobody to answer: a modal dialog shown while the shop
    opens (a missing shop with backups, a locked file…) is printed to stderr and closed
    unanswered, so the run fails with the reason instead of waiting for ever."""

    def __init__(self) -> None:
        self.refused: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._refuse)
        self._timer.start()

    def _refuse(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        text = getattr(dialog, "text", lambda: "")()
        self.refused.append(f"{dialog.windowTitle()}: {text}")
        print(f"no one to answer a dialog, refused: {self.refused[-1]}", file=sys.stderr,
              flush=True)
        dialog.reject()

    def stop(self) -> None:
        self._timer.stop()


def drivers_text() -> str:
    """The TLS library Python's ssl loaded and psycopg's libpq, for the smoke line: a
    bundle that cannot import ssl or psycopg opens no shop on a server."""
    try:
        import ssl

        tls = ssl.OPENSSL_VERSION
    except Exception as exc:  # reported, not raised: the line says it
        tls = f"missing ({exc})"
    try:
        from psycopg import pq

        version = pq.version()
        libpq = f"{pq.__impl__} {version // 10000}.{version % 10000}"
    except Exception as exc:
        libpq = f"missing ({exc})"
    return f"tls: {tls}; libpq: {libpq}"


def smoke_run(app: QApplication, window, started: float, language,
              screenshot: Path | None, splash: Splash | None = None) -> int:
    """--smoke / --screenshot: render the window and every tab, report, exit non-zero on
    any failure (an exception anywhere, even inside a paint event, no tabs, a null image)."""
    import traceback

    errors: list[str] = []

    def record(exc_type, exc, tb) -> None:  # instead of the error dialog (it would block)
        errors.append("".join(traceback.format_exception(exc_type, exc, tb)))
        print(errors[-1], file=sys.stderr)

    sys.excepthook = record
    app.processEvents()
    image = window.grab()
    elapsed = (time.perf_counter() - started) * 1000
    painted_at = time.time()  # wall clock: bench/startup.py measures from process launch
    ok = not image.isNull() and window.tabs.count() > 0
    if os.environ.get("KPIDESK_SMOKE_FIRST_PAINT"):  # bench/dashboard.py: the first figures
        print(f"first paint: {'ok' if ok else 'FAILED'}; painted in {elapsed:.0f} ms;"
              f" clock {painted_at:.3f}", flush=True)
        return 0 if ok else 1
    # What the first paint left for just after it (the dashboard's charts) must be done
    # once the event loop has run: the user sees the whole window a moment later.
    for _ in range(3):
        app.processEvents()
    dashboard = window.pages.built().get("dashboard")
    if dashboard is not None and not dashboard.charts_built:
        errors.append("the dashboard's charts were not made after the first paint")
        print(errors[-1], file=sys.stderr)
    if splash is not None and splash.screen is not None:
        errors.append("the splash is still up after the main window painted")
        print(errors[-1], file=sys.stderr)
    if screenshot:
        window.grab().save(str(screenshot))
    current = window.tabs.currentIndex()
    for index in range(window.tabs.count()):  # render every tab, not only the first
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        ok = ok and not window.tabs.widget(index).grab().isNull()
    window.tabs.setCurrentIndex(current)
    app.processEvents()
    # Tabs may have started background work when shown (e.g. the report preview):
    # let it finish before the window goes, as a user would.
    from PySide6.QtCore import QThreadPool

    ok = QThreadPool.globalInstance().waitForDone(60_000) and ok
    app.processEvents()
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    ok = ok and not errors
    shown = (f"; splash painted in {splash.elapsed:.0f} ms; splash clock {splash.painted_at:.3f}"
             if splash is not None else "")
    print(f"smoke: {'ok' if ok else 'FAILED'}; tabs: {', '.join(tabs)}; "
          f"khmer font: {khmer_family_used()}; language: {language.lang}; "
          f"{drivers_text()}; painted in {elapsed:.0f} ms; clock {painted_at:.3f}{shown}")
    return 0 if ok else 1
