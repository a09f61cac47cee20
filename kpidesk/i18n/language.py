"""Runtime language switch: swap the QTranslator, update formatting, tell every widget.

Widgets connect to `language_changed` and set all their texts again in
their `retranslate_ui()`. English is the source language (no translator).

The compiled catalogue (``resources/i18n/kpidesk_km.qm``) is not in git: it
is built by ``python -m tools.i18n.build`` at test, run and bundle time.
When it is missing or older than the ``.ts`` (a fresh clone, a pulled
change), the manager compiles the ``.ts`` on the fly into a cache folder,
so running from a source tree always shows the current Khmer.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from kpidesk.i18n import format as fmt
from kpidesk.paths import resource_path

LANGUAGES = ("en", "km")
# QSettings keys of the number settings (Settings ▸ Language), with their defaults
NUMBER_SETTINGS = {"khmer_digits": True, "latin_dollars": True, "round_riel": True}


def number_style_from(settings) -> fmt.NumberStyle:
    """The user's digit and rounding choices kept in QSettings."""
    return fmt.NumberStyle(**{key: settings.value(key, default, type=bool)
                              for key, default in NUMBER_SETTINGS.items()})
# The name of each language written in that language (what the user picks from).
LANGUAGE_NAMES = {"en": "English", "km": "ខ្មែរ"}


def qm_path(lang: str) -> Path:
    return resource_path("i18n", f"kpidesk_{lang}.qm")


def ts_path(lang: str) -> Path:
    return resource_path("i18n", f"kpidesk_{lang}.ts")


def lrelease_command() -> list[str] | None:
    """The lrelease that ships with PySide6 (None inside a bundle, where the .qm is prebuilt)."""
    import shutil  # here, not at the top: start-up never needs it when the .qm is current

    try:
        import PySide6
    except ImportError:  # pragma: no cover
        return None
    base = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease", "lrelease.exe", "Qt/bin/lrelease", "Qt/libexec/lrelease"):
        candidate = base / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    here = Path(sys.executable).parent / "pyside6-lrelease"
    return [str(here)] if here.is_file() else None


def compile_ts(ts: Path, qm: Path) -> bool:
    """Run lrelease ts → qm; True when the .qm was written."""
    import subprocess

    command = lrelease_command()
    if command is None or not ts.is_file():
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_suffix(".qm.part")
    try:
        done = subprocess.run([*command, "-silent", str(ts), "-qm", str(tmp)],
                              capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return False
    if done.returncode != 0 or not tmp.is_file():
        tmp.unlink(missing_ok=True)
        return False
    os.replace(tmp, qm)
    return True


def cache_dir() -> Path:
    from kpidesk.paths import data_dir

    return data_dir() / "cache" / "i18n"


_resolved: dict[tuple[str, float], Path | None] = {}


def forget_resolved() -> None:
    """Forget which .qm each catalogue resolved to: the next `usable_qm` looks again (after
    the .qm or the cache folder changed under it)."""
    _resolved.clear()


def usable_qm(lang: str) -> Path | None:
    """The .qm to load for `lang`: the built one when current, else one compiled from the .ts.

    A compiled copy is kept in the cache folder under the hash of the .ts,
    so it is rebuilt only when the .ts changes.
    """
    ts, qm = ts_path(lang), qm_path(lang)
    if not ts.is_file():  # a bundle: only the prebuilt .qm exists
        return qm if qm.is_file() else None
    ts_mtime = ts.stat().st_mtime
    if qm.is_file() and qm.stat().st_mtime >= ts_mtime:
        return qm
    key = (str(ts), ts_mtime)
    if key in _resolved and (_resolved[key] is None or _resolved[key].is_file()):
        return _resolved[key]
    import hashlib

    digest = hashlib.sha1(ts.read_bytes()).hexdigest()[:16]
    try:
        cached = cache_dir() / f"kpidesk_{lang}-{digest}.qm"
        if not cached.is_file():
            compile_ts(ts, cached)
    except OSError:
        cached = None
    result = cached if cached is not None and cached.is_file() else (qm if qm.is_file() else None)
    _resolved[key] = result
    return result


class CatalogueTranslator(QTranslator):
    """A loaded .qm, looked up in the caller's context and then in the empty context.

    pyside6-lupdate files ``tr("…")`` calls made through a module's own
    helper (``def tr(t): return QCoreApplication.translate("App", t)``)
    under the empty context; the fallback finds those translations too.
    """

    def __init__(self, inner: QTranslator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.inner = inner

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return self.inner.isEmpty()

    def language(self) -> str:
        return self.inner.language()

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None (not "") means "no translation here": Qt then uses the source text.
        text = self.inner.translate(context, source, disambiguation, n)
        if not text and context:
            text = self.inner.translate("", source, disambiguation, n)
        return text or None


def pseudo_translation_enabled() -> bool:
    """KPIDESK_PSEUDO=1 lengthens every string, to find labels that clip."""
    return os.environ.get("KPIDESK_PSEUDO", "") not in ("", "0")


class LanguageManager(QObject):
    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators: list[QTranslator] = []
        self.lang = "en"
        self.style = fmt.NumberStyle()
        self.pseudo = pseudo_translation_enabled()
        self.loaded_from: Path | None = None

    def _remove_translators(self, app: QCoreApplication | None) -> None:
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators = []

    def set_language(self, lang: str, khmer_digits: bool | None = None) -> None:
        """Switch to `lang` ('en' or 'km') now, without a restart."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        if khmer_digits is not None:
            self.style = replace(self.style, khmer_digits=bool(khmer_digits))
        app = QCoreApplication.instance()
        self._remove_translators(app)
        self.loaded_from = None
        translator: QTranslator | None = None
        if lang != "en":
            path = usable_qm(lang)
            candidate = QTranslator(self)
            if path is not None and candidate.load(str(path)):
                translator = CatalogueTranslator(candidate, self)
                self.loaded_from = path
        if self.pseudo:
            from kpidesk.i18n.pseudo import PseudoTranslator

            translator = PseudoTranslator(translator, self)
        if translator is not None and app is not None:
            app.installTranslator(translator)
            self._translators.append(translator)
        self.lang = lang
        fmt.set_current(lang, style=self.style)
        QLocale.setDefault(QLocale(QLocale.Language.Khmer, QLocale.Country.Cambodia)
                           if lang == "km" else QLocale(QLocale.Language.English,
                                                        QLocale.Country.UnitedStates))
        self.language_changed.emit(lang)

    @property
    def khmer_digits(self) -> bool:
        return self.style.khmer_digits

    def set_khmer_digits(self, khmer_digits: bool) -> None:
        """Khmer digits (០-៩) or Latin digits (0-9) when the language is Khmer."""
        self.set_language(self.lang, khmer_digits)

    def set_number_style(self, style: fmt.NumberStyle) -> None:
        """New digit / rounding choices: every view formats again (language_changed)."""
        self.style = style
        self.set_language(self.lang)
