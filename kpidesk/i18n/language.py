"""Runtime language switch: swap the QTranslator, update formatting, tell every widget.

Widgets connect to `language_changed` and set all their texts again in
their `retranslate_ui()`. English is the source language (no translator).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from kpidesk.i18n import format as fmt
from kpidesk.paths import resource_path

LANGUAGES = ("en", "km")


def qm_path(lang: str):
    return resource_path("i18n", f"kpidesk_{lang}.qm")


class LanguageManager(QObject):
    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translator: QTranslator | None = None
        self.lang = "en"
        self.khmer_digits = True

    def set_language(self, lang: str, khmer_digits: bool | None = None) -> None:
        """Switch to `lang` ('en' or 'km') now, without a restart."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        if khmer_digits is not None:
            self.khmer_digits = khmer_digits
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if lang != "en" and app is not None:
            translator = QTranslator(self)
            if translator.load(str(qm_path(lang))):
                app.installTranslator(translator)
                self._translator = translator
        self.lang = lang
        fmt.set_current(lang, self.khmer_digits)
        QLocale.setDefault(QLocale(QLocale.Language.Khmer, QLocale.Country.Cambodia)
                           if lang == "km" else QLocale(QLocale.Language.English,
                                                        QLocale.Country.UnitedStates))
        self.language_changed.emit(lang)


def pseudo_translation_enabled() -> bool:
    """KPIDESK_PSEUDO=1 lengthens every string, to find labels that clip."""
    return os.environ.get("KPIDESK_PSEUDO", "") not in ("", "0")
