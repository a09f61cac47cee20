"""The Sales form's keys: Enter adds the line to a new receipt or saves, Ctrl+Enter
saves, Esc cancels a change, Ctrl+Z/Ctrl+Y reach the undo stack from an empty field (a
mixin of SaleForm)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit


class SaleFormKeys:
    """Needs the form's widgets (form.py); before QGroupBox among SaleForm's bases."""

    # ===================================================================== keyboard
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        etype = event.type()
        edit = obj.lineEdit() if isinstance(obj, QComboBox) else obj
        if etype == QEvent.Type.ShortcutOverride and isinstance(edit, QLineEdit):
            # Let Ctrl+Z / Ctrl+Y reach the undo stack when the field has nothing to undo.
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.matches(QKeySequence.StandardKey.Undo) and not edit.isUndoAvailable():
                event.ignore()
                return True
            if ((key_event.matches(QKeySequence.StandardKey.Redo)
                 or key_event.keyCombination().toCombined()
                 == QKeySequence("Ctrl+Y")[0].toCombined()) and not edit.isRedoAvailable()):
                event.ignore()
                return True
        if etype == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if obj is self.product_combo.lineEdit() and key in (Qt.Key.Key_Tab,
                                                                 Qt.Key.Key_Backtab):
                self.product_chosen()
            if obj is self.currency_combo and self._currency_key(event.text()):  # type: ignore[attr-defined]
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if isinstance(obj, QComboBox) and obj.view().isVisible():
                    return False
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # type: ignore[attr-defined]
                    self.save()
                elif self.takes_lines() and (obj in self.line_widgets
                                             or obj is self.product_combo.lineEdit()):
                    self.enter_in_line()
                else:
                    self.save()
                return True
            if key == Qt.Key.Key_Escape and self._editing is not None:
                self.cancel_edit()
                return True
        return super().eventFilter(obj, event)
