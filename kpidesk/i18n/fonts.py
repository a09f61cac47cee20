"""The bundled fonts: registered at start-up so Khmer renders on a laptop that has none."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from kpidesk.paths import resource_path

LATIN_FAMILY = "Noto Sans"
KHMER_FAMILY = "Noto Sans Khmer"
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
              "NotoSansKhmer-Regular.ttf", "NotoSansKhmer-Bold.ttf")

_registered: list[str] = []


def register_fonts() -> list[str]:
    """Add the bundled fonts to Qt's database; returns the families added."""
    if _registered:
        return _registered
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return _registered


# Small text (captions, notes, the second line of a cell) never goes below this in Khmer:
# Khmer letters sit small in their em square and stack below the line.
KHMER_MIN_CAPTION_PT = 9.0
# Hints and captions: dark enough to read on white (contrast 7.5:1), not black.
HINT_COLOUR = "#555555"


def caption_size(base_pt: float, scale: float, lang: str | None = None) -> float:
    """The point size of a caption `scale` times the base size, at least 9 pt in Khmer."""
    if lang is None:
        from kpidesk.i18n.format import current

        lang = current().lang
    size = base_pt * scale
    return max(size, KHMER_MIN_CAPTION_PT) if lang == "km" else size


def app_font(point_size: float | None = None) -> QFont:
    """Noto Sans Khmer first, then Noto Sans for the Latin letters and digits it lacks.

    In this order Qt never asks the Latin family for Khmer, which it did at every start
    ("OpenType support missing for Noto Sans, script 32"); Latin text still comes from
    Noto Sans glyph by glyph, with the same line metrics (measured)."""
    font = QFont()
    font.setFamilies([KHMER_FAMILY, LATIN_FAMILY])
    if point_size:
        font.setPointSizeF(point_size)
    return font


def install_app_font(app: QGuiApplication) -> None:
    register_fonts()
    size = app.font().pointSizeF()
    app.setFont(app_font(size if size > 0 else 10))


def khmer_family_used(sample: str = "លក់") -> str:
    """The family Qt actually picks to draw Khmer text with the app font (for --smoke)."""
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout(sample, app_font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    return runs[0].rawFont().familyName() if runs else ""
