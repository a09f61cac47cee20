"""The report's own language, independent of the UI's: its translator and its formatter.

Strings are marked as ``text.translate("Report", "…")`` so pyside6-lupdate
collects them into the same .ts as the rest of the app.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from kpidesk.i18n.format import Formatter, NumberStyle


class ReportText:
    def __init__(self, lang: str, khmer_digits: bool = True,
                 style: NumberStyle | None = None) -> None:
        self.lang = lang
        self.fmt = Formatter(lang, khmer_digits, style)
        self._translator: QTranslator | None = None
        if lang != "en":
            from kpidesk.i18n.language import usable_qm

            qm = usable_qm(lang)
            translator = QTranslator()
            if qm is not None and translator.load(str(qm)):
                self._translator = translator

    def translate(self, context: str, text: str) -> str:
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text
