"""Pseudo-translation: every string comes back accented and ~40 % longer.

``KPIDESK_PSEUDO=1 python -m kpidesk`` shows "[Ŝàľéś~~~~]" for "Sales", so a
label that clips or a string that was never marked (it stays plain English)
stands out. Placeholders (%1, %n, %p), mnemonics (&), HTML tags and
entities are kept as they are, so the app still works.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QObject, QTranslator

_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķľɱñöþʠŕśţûṽŵẋýžÀßÇĐÉƑĜĤÎĴĶĽṀÑÖÞǪŔŜŢÛṼŴẊÝŽ",
)
# Left untouched: placeholders, mnemonic ampersands, tags, entities.
_KEEP = re.compile(r"%L?\d+|%[np]|&&|&[a-zA-Z]+;|&[^&\s]|<[^>]*>")
# Qt asks translators for these but they are not text: never change them.
_SKIP_CONTEXTS = {"QShortcut", "QKeySequence"}
_SKIP_SOURCES = {"QT_LAYOUT_DIRECTION"}
SCALE = 1.4


def pseudo(text: str, scale: float = SCALE) -> str:
    """'Sales' → '[Ŝàľéś~~~~]': accented, padded to `scale` × its length, bracketed."""
    if not text:
        return text
    parts: list[str] = []
    last = 0
    for match in _KEEP.finditer(text):
        parts.append(text[last:match.start()].translate(_ACCENTS))
        parts.append(match.group(0))
        last = match.end()
    parts.append(text[last:].translate(_ACCENTS))
    body = "".join(parts)
    pad = max(1, math.ceil(len(text) * (scale - 1)))
    return f"[{body}{'~' * pad}]"


class PseudoTranslator(QTranslator):
    """Lengthens whatever `inner` (the real catalogue, or none = English) returns."""

    def __init__(self, inner: QTranslator | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.inner = inner

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None (not "") means "no translation here": Qt then uses the source text.
        text = None
        if self.inner is not None:
            text = self.inner.translate(context, source, disambiguation, n) or None
        if context in _SKIP_CONTEXTS or source in _SKIP_SOURCES:
            return text
        return pseudo(text or source)
