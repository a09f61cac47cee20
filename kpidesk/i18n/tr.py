"""One way to say "translate in this context": `tr = translator("MainWindow")`.

Each module or class translates its texts in one explicit context (DESIGN.md: not
`self.tr()`, whose context changes in subclasses). The string extractor
(`tools/i18n/extract.py`) reads `NAME = translator("Context")` and files every
`NAME("text")` under that context.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication


def translator(context: str) -> Callable[[str], str]:
    """A function that translates a text in `context` with the installed translator."""
    def tr(text: str) -> str:
        return QCoreApplication.translate(context, text)

    tr.__qualname__ = f"translator({context!r})"
    return tr
