"""Share the month: the phone-sized picture of its key figures in a chosen language,
saved in a folder the owner picks (remembered), and the same as text on the clipboard —
to forward on Telegram later, no internet needed now."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.fonts import HINT_COLOUR
from kpidesk.reports.share import ShareData, collect_share, render_share, share_text
from kpidesk.ui.messages import os_error_text
from kpidesk.ui.screen import keep_on_screen

tr = QCoreApplication.translate  # tr("Context", "text"): collected by tools/i18n/extract.py
LANGUAGES = (("km", "ខ្មែរ"), ("en", "English"))
PREVIEW_WIDTH = 270  # a quarter of the picture


def default_folder() -> str:
    return QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.PicturesLocation) or str(Path.home())


class ShareDialog(QDialog):
    def __init__(self, ctx, month: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)
        self.setObjectName("shareDialog")
        self.ctx = ctx
        self.month = month
        self.saved: Path | None = None
        self.data: ShareData = collect_share(ctx.store, month, ctx.today())
        self.image: QImage | None = None

        self.lang = QComboBox(self)
        self.lang.setObjectName("shareLanguage")
        for code, name in LANGUAGES:
            self.lang.addItem(name, code)
        lang = ctx.settings.value("share/lang") or ctx.language.lang
        self.lang.setCurrentIndex(max(0, self.lang.findData(lang)))
        self.lang.currentIndexChanged.connect(self.render)
        self.folder = QLineEdit(self)
        self.folder.setObjectName("shareFolder")
        self.folder.setText(str(ctx.settings.value("share/folder") or default_folder()))
        self.browse = QPushButton(self)
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self.pick_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.form = QFormLayout()
        self.lang_label, self.folder_label = QLabel(self), QLabel(self)
        self.lang_label.setBuddy(self.lang)
        self.folder_label.setBuddy(self.folder)
        self.form.addRow(self.lang_label, self.lang)
        self.form.addRow(self.folder_label, folder_row)

        self.preview = QLabel(self)
        self.preview.setObjectName("sharePreview")
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 16 // 9)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid #c9d3df;")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("shareText")
        self.text.setReadOnly(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {HINT_COLOUR};")
        body = QHBoxLayout()
        body.addWidget(self.preview)
        right = QVBoxLayout()
        right.addLayout(self.form)
        right.addWidget(self.text, 1)
        right.addWidget(self.status)
        body.addLayout(right, 1)

        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveShare")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 560)
        ctx.language.language_changed.connect(self.retranslate_ui)
        self.retranslate_ui()
        self.render()

    def retranslate_ui(self, *_: object) -> None:
        self.setWindowTitle(fmt.fill(tr("ShareDialog", "Share %1"),
                                     fmt.current().month(self.month)))
        self.lang_label.setText(tr("ShareDialog", "&Language of the picture:"))
        self.folder_label.setText(tr("ShareDialog", "Save in &folder:"))
        self.browse.setText(tr("ShareDialog", "&Browse…"))
        self.save_button.setText(tr("ShareDialog", "&Save picture and copy text"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            tr("ShareDialog", "Close"))
        if self.saved is None:
            self.status.setText(tr("ShareDialog", "The picture goes in the folder, the text to"
                                                  " the clipboard: forward both on Telegram"
                                                  " when you like."))

    def language(self) -> str:
        return str(self.lang.currentData())

    def render(self, *_: object) -> None:
        self.image = render_share(self.data, self.language())
        self.preview.setPixmap(QPixmap.fromImage(self.image).scaledToWidth(
            PREVIEW_WIDTH - 2, Qt.TransformationMode.SmoothTransformation))
        self.text.setPlainText(share_text(self.data, self.language()))

    def pick_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("ShareDialog", "Folder for the"
                                                                          " pictures"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def file_name(self) -> Path:
        return Path(self.folder.text().strip()) / f"kpidesk-{self.month}-{self.language()}.png"

    def save(self) -> bool:
        if not self.ctx.require_owner(self, "share"):
            return False
        target = self.file_name()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if self.image is None or not self.image.save(str(target), "PNG"):  # type: ignore[call-overload]  # stubs: bytes
                raise OSError(f"cannot write {target}")
        except OSError as exc:
            self.status.setText(os_error_text(exc, target))
            return False
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.ctx.settings.setValue("share/folder", self.folder.text().strip())
        self.ctx.settings.setValue("share/lang", self.language())
        self.saved = target
        self.status.setText(fmt.fill(tr("ShareDialog", "Saved as %1; the text is copied."),
                                     str(target)))
        return True
