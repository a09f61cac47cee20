"""The names a new shop file is seeded with (schema.DEFAULT_STAGES, channels,
lost reasons) are English words stored as data. Shown as they are, a Khmer
user would read "Proposal" or "Telegram"-style English in every list.

`display_name(name)` shows a seeded name in the current language as long as
the shop has not renamed it; a name the user typed is shown as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpidesk.i18n.tr import QT_TRANSLATE_NOOP

CONTEXT = "DefaultNames"

SEEDED = (
    # opportunity stages
    QT_TRANSLATE_NOOP("DefaultNames", "New"),
    QT_TRANSLATE_NOOP("DefaultNames", "Qualified"),
    QT_TRANSLATE_NOOP("DefaultNames", "Proposal"),
    QT_TRANSLATE_NOOP("DefaultNames", "Negotiation"),
    QT_TRANSLATE_NOOP("DefaultNames", "Won"),
    QT_TRANSLATE_NOOP("DefaultNames", "Lost"),
    # sales channels
    QT_TRANSLATE_NOOP("DefaultNames", "Shop"),
    QT_TRANSLATE_NOOP("DefaultNames", "Phone"),
    QT_TRANSLATE_NOOP("DefaultNames", "Facebook"),
    QT_TRANSLATE_NOOP("DefaultNames", "Telegram"),
    QT_TRANSLATE_NOOP("DefaultNames", "Delivery"),
    # lost reasons
    QT_TRANSLATE_NOOP("DefaultNames", "Price too high"),
    QT_TRANSLATE_NOOP("DefaultNames", "Chose a competitor"),
    QT_TRANSLATE_NOOP("DefaultNames", "No budget"),
    QT_TRANSLATE_NOOP("DefaultNames", "No answer"),
    # payment methods (store.receipts.DEFAULT_PAYMENT_METHODS)
    QT_TRANSLATE_NOOP("DefaultNames", "Cash USD"),
    QT_TRANSLATE_NOOP("DefaultNames", "Cash riel"),
    QT_TRANSLATE_NOOP("DefaultNames", "KHQR"),
    QT_TRANSLATE_NOOP("DefaultNames", "Bank app"),
    QT_TRANSLATE_NOOP("DefaultNames", "Card"),
    QT_TRANSLATE_NOOP("DefaultNames", "On credit"),
    QT_TRANSLATE_NOOP("DefaultNames", "Other"),
)
_SEEDED = frozenset(SEEDED)


def display_name(name: str) -> str:
    """A seeded English name in the UI language; any other name unchanged."""
    if name in _SEEDED:
        return QCoreApplication.translate(CONTEXT, name)
    return name


def is_seeded(name: str) -> bool:
    return name in _SEEDED
