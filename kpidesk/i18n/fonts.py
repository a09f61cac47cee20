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


def app_font(point_size: float | None = None) -> QFont:
    """Noto Sans for Latin letters and digits, falling back to Noto Sans Khmer for Khmer."""
    font = QFont()
    font.setFamilies([LATIN_FAMILY, KHMER_FAMILY])
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
