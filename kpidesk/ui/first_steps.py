"""The first-steps checklist an empty shop shows on the Dashboard instead of empty charts:
name the shop, check its currency and rate, record a first sale, set this month's target.

Each step says whether it is done and has a button to the tab where it is done; the
Dashboard shows the list while the shop has no sale and asks `first_steps` (store) which
steps are done.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kpidesk.i18n.tr import translator
from kpidesk.ui.names import object_name

STEPS = ("shop_name", "currency", "first_sale", "first_target")
TAB_OF_STEP = {"shop_name": "settings", "currency": "settings", "first_sale": "sales",
               "first_target": "targets"}
DONE_MARK = "✓"
TODO_MARK = "○"


tr = translator("FirstSteps")


class FirstSteps(QFrame):
    """Four steps, each: a mark (done or not), what to do, a button to the right tab."""

    go_to = Signal(str)  # key of the main window's tab to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSteps")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#firstSteps { background: white; }")
        self.title = QLabel(self)
        self.title.setObjectName("firstStepsTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        self.marks: dict[str, QLabel] = {}
        self.texts: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        for row, step in enumerate(STEPS):
            mark = QLabel(TODO_MARK, self)
            mark.setObjectName(object_name("mark", step))
            text = QLabel(self)
            text.setWordWrap(True)
            button = QPushButton(self)
            button.setObjectName(object_name("step", step))
            button.clicked.connect(lambda _=False, s=step: self.go_to.emit(TAB_OF_STEP[s]))
            grid.addWidget(mark, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.marks[step], self.texts[step], self.buttons[step] = mark, text, button
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.done: dict[str, bool] = dict.fromkeys(STEPS, False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(tr("First steps"))
        self.intro.setText(tr("Your shop has no sales yet, so there is nothing to chart. "
                              "These four steps get it going; the charts appear with your "
                              "first sale."))
        self.texts["shop_name"].setText(tr("Give your shop its name (shown on the window and "
                                           "on reports)."))
        self.texts["currency"].setText(tr("Choose the currency your figures are counted in "
                                          "(US dollar or riel) and the day's rate, then "
                                          "save."))
        self.texts["first_sale"].setText(tr("Record your first sale, or the day's total if "
                                            "you do not enter each receipt."))
        self.texts["first_target"].setText(tr("Set a revenue target for this month."))
        self.buttons["shop_name"].setText(tr("Open Settings"))
        self.buttons["currency"].setText(tr("Open Settings"))
        self.buttons["first_sale"].setText(tr("Open Sales"))
        self.buttons["first_target"].setText(tr("Open Targets"))
        self.set_done(self.done)

    def set_done(self, done: dict[str, bool]) -> None:
        self.done = {step: bool(done.get(step)) for step in STEPS}
        for step, is_done in self.done.items():
            self.marks[step].setText(DONE_MARK if is_done else TODO_MARK)
            self.marks[step].setStyleSheet("color: #1b7f3b; font-weight: bold;" if is_done
                                           else "color: #777777;")
            self.marks[step].setToolTip(tr("Done") if is_done else tr("To do"))
            font = self.texts[step].font()
            font.setStrikeOut(is_done)
            self.texts[step].setFont(font)
