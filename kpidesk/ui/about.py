"""Help → About: version, where the shop file is, and the licences of what the app bundles."""

from __future__ import annotations

import platform
import sys
from html import escape

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk import APP_NAME, __version__
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.paths import resource_path
from kpidesk.ui.screen import keep_on_screen

# (component, distribution name for its version or None, licence)
COMPONENTS = [
    ("Noto Sans, Noto Sans Khmer", None, "OFL-1.1"),
    ("Qt", None, "LGPL-3.0"),
    ("PySide6", "PySide6_Essentials", "LGPL-3.0"),
    ("pyqtgraph", "pyqtgraph", "MIT"),
    ("NumPy", "numpy", "BSD-3-Clause"),
    ("sqlite-utils", "sqlite-utils", "Apache-2.0"),
    ("openpyxl", "openpyxl", "MIT"),
    ("khmercut", "khmercut", "Apache-2.0"),
    ("python-crfsuite", "python-crfsuite", "MIT"),
    ("SQLite", None, QT_TRANSLATE_NOOP("AboutDialog", "Public domain")),
    ("Python", None, "PSF-2.0"),
]


def component_version(name: str, dist: str | None) -> str:
    if name == "Qt":
        return qVersion()
    if name == "Python":
        return platform.python_version()
    if name == "SQLite":
        import sqlite3

        return sqlite3.sqlite_version
    if dist is None:
        return ""
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return ""


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, shop_path: str = "",
                 shared: bool = False) -> None:
        super().__init__(parent)
        self.shared = shared  # shop_path is then where the shared shop is (no password)
        keep_on_screen(self)  # inside a small laptop's screen, whatever it holds
        self.setObjectName("aboutDialog")
        self.shop_path = shop_path
        layout = QVBoxLayout(self)

        head = QHBoxLayout()
        self.icon = QLabel(self)
        pixmap = QPixmap(str(resource_path("icons", "kpidesk-64.png")))
        if not pixmap.isNull():
            self.icon.setPixmap(pixmap)
        head.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.summary, 1)
        layout.addLayout(head)

        self.tabs = QTabWidget(self)
        self.licences = QLabel(self)
        self.licences.setWordWrap(True)
        self.licences.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.licences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.font_licence = QPlainTextEdit(self)
        self.font_licence.setReadOnly(True)
        try:
            text = resource_path("fonts", "OFL.txt").read_text(encoding="utf-8")
        except OSError:
            text = ""
        self.font_licence.setPlainText(text)
        self.tabs.addTab(self.licences, "")
        self.tabs.addTab(self.font_licence, "")
        layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(buttons)
        self.resize(560, 480)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("About KPI Desk"))
        summary = [
            f"<h3>{escape(APP_NAME)} {escape(__version__)}</h3>",
            "<p>" + escape(self.tr("Sales KPIs for small shops, offline, in Khmer and "
                                   "English.")) + "</p>",
        ]
        if self.shop_path:
            text = self.tr("Shared shop: %1") if self.shared else self.tr("Shop file: %1")
            summary.append("<p>" + escape(fill_in(text, self.shop_path)) + "</p>")
        summary.append("<p>" + escape(fill_in(self.tr("Licence: %1"), "MIT")) + "</p>")
        self.summary.setText("".join(summary))
        # licence names are SPDX identifiers (stay as they are); words are translated
        rows = "".join(
            f"<tr><td>{escape(name)}</td><td>{escape(component_version(name, dist))}</td>"
            f"<td>{escape(self.tr(licence) if ' ' in licence else licence)}</td></tr>"
            for name, dist, licence in COMPONENTS)
        # tr() outside the f-strings: lupdate does not read calls inside them
        headers = (self.tr("Component"), self.tr("Version"), self.tr("Licence"))
        self.licences.setText(
            "<p>" + escape(self.tr("KPI Desk includes these fonts and libraries:")) + "</p>"
            "<table cellspacing='6'><tr>"
            + "".join(f"<th align='left'>{escape(h)}</th>" for h in headers) + "</tr>"
            f"{rows}</table>"
            "<p>" + escape(self.tr("Qt and PySide6 are used under the LGPL: you may replace "
                                   "their libraries in the installed folder.")) + "</p>"
            + f"<p><small>{escape(sys.platform)} · {escape(platform.machine())}</small></p>")
        self.tabs.setTabText(0, self.tr("Licences"))
        self.tabs.setTabText(1, self.tr("Font licence (OFL)"))
        self.close_button.setText(self.tr("Close"))


def show_about(parent: QWidget | None = None, shop_path: str = "",
               shared: bool = False) -> None:
    AboutDialog(parent, shop_path, shared).exec()
