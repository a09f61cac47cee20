"""One way to say "translate in this context": `tr = translator("MainWindow")`.

Each module or class translates its texts in one explicit context (DESIGN.md: not
`self.tr()`, whose context changes in subclasses). The string extractor
(`tools/i18n/extract.py`) reads `NAME = translator("Context")` and files every
`NAME("text")` under that context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

# Marks a text for lupdate (which reads the name) and returns it as it is. PySide6's stubs
# type it `-> object`; modules checked by mypy import this one, typed as what it does.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)


def translator(context: str) -> Callable[[str], str]:
    """A function that translates a text in `context` with the installed translator."""
    def tr(text: str) -> str:
        return QCoreApplication.translate(context, text)

    tr.__qualname__ = f"translator({context!r})"
    return tr
