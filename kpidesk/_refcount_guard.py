"""Keep PySide6 6.12 from crashing the process on CPython 3.11.

Measured here (PySide6 6.12.0, Python 3.11.7): every call of a Qt method that
returns void drops one reference to ``None`` (``QLabel.setText`` in a loop:
-1 per call), and some calls drop references to ``True``/``False``. On
Python ≥ 3.12 these objects are immortal and the bug is harmless; on 3.11
``None``'s count (about 20,000 at start) reaches zero after some 20,000 calls
— a few hundred dashboard refreshes, or a long test run — and Python aborts
with "Fatal Python error: none_dealloc" (or "bool_dealloc").

The fix is what 3.12 does: make these singletons immortal, here by adding
2**40 to their reference counts once at import. Nothing else changes.
"""

from __future__ import annotations

import sys

_done = False


def immortalize_singletons() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for obj in (None, True, False, NotImplemented, Ellipsis):
        # ob_refcnt is the first field of every CPython object (Py_ssize_t)
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    _done = True
