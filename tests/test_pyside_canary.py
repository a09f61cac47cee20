"""A canary for the PySide6 release in use: it must not drop references to None.

PySide6-Essentials 6.12.0 did, on Python 3.11: every call of a Qt method returning void
took one reference from None, and after some 20,000 calls the process aborted ("Fatal
Python error: none_dealloc"). pyproject.toml excludes that release; this test fails on
any release that does it again, before a user's app crashes. The calls run in a child
process so that a bad release aborts the child, not the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 2000

PROBE = textwrap.dedent(f"""
    import sys
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    counts = lambda: (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    before = counts()
    for _ in range({CALLS}):
        label.setText("x")        # void
        label.setVisible(False)   # void, a bool argument
        label.isVisible()         # returns a bool
    after = counts()
    print(*(a - b for a, b in zip(after, before)), flush=True)
    label.deleteLater()
    sys.stdout.flush()
    os_exit = __import__("os")._exit
    os_exit(0)  # a release that dropped references aborts in the final collection
""")


def test_void_calls_keep_none_alive():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    lost_none, lost_true, lost_false = (int(v) for v in done.stdout.split())
    # On Python 3.12+ the counts of immortal objects do not move; on 3.11 a few refs
    # may come and go with the objects alive, never one per call.
    for name, delta in (("None", lost_none), ("True", lost_true), ("False", lost_false)):
        assert delta > -CALLS // 10, (
            f"this PySide6 drops a reference to {name} on each call ({delta} after "
            f"{CALLS} calls): exclude the release in pyproject.toml")
