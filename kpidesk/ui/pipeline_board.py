"""The pipeline as a board: one column per open stage, then Won and Lost (last 30 days).

Cards move by drag and drop between columns, or from the keyboard: select a card and
press Ctrl+Right / Ctrl+Left (Alt+arrows too) to move it to the next / previous stage.
The board does not write anything: it emits what the user asked for and the pipeline
tab decides (a move to Won asks about the sale, a move to Lost asks for a reason).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QMimeData, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.ui.models.base import Role
from kpidesk.ui.models.opportunities_model import is_overdue, stage_label
from kpidesk.ui.names import object_name

CARD_MIME = "application/x-kpidesk-opportunity"
OPP_ROLE = Role.OPPORTUNITY
CARD_ROLE = Role.CARD
CLOSED_DAYS = 30  # Won and Lost columns show what closed in this many days
OVERDUE_RED = QColor("#c62828")


tr = translator("PipelineBoard")


class CardDelegate(QStyledItemDelegate):
    """Paints one opportunity as a card: title, contact, value · probability, expected
    close; an overdue card gets a red border and a red "Overdue" badge."""

    PAD = 8

    def _lines(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, int]:
        bold = QFont(option.font)
        bold.setBold(True)
        # Khmer stacks subscript consonants: give lines more room than Latin needs.
        line = int(max(QFontMetrics(option.font).lineSpacing(),
                       QFontMetrics(bold).lineSpacing()) * 1.3)
        return bold, option.font, line

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        _bold, _font, line = self._lines(option)
        width = option.rect.width() if option.rect.width() > 0 else 200
        card = index.data(CARD_ROLE) or {}
        lines = 5 if card.get("badge") else 4  # an overdue card gets its badge on a line
        return QSize(width, lines * line + 2 * self.PAD + 6)

    def paint(self, painter: QPainter, option, index) -> None:
        card = index.data(CARD_ROLE) or {}
        bold, font, line = self._lines(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        background = palette.color(QPalette.ColorRole.Base)
        if selected:
            background = palette.color(QPalette.ColorRole.Highlight).lighter(185)
        painter.setBrush(background)
        if card.get("overdue"):
            pen = QPen(OVERDUE_RED, 2.5)
        elif selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
        else:
            pen = QPen(palette.color(QPalette.ColorRole.Mid), 1)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 6, 6)

        inner = rect.adjusted(self.PAD, self.PAD // 2, -self.PAD, 0)
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        y = inner.top()
        rows = [
            (bold, text_color, card.get("title", "")),
            (font, muted, card.get("contact", "")),
            (font, text_color, card.get("value_line", "")),
            (font, OVERDUE_RED if card.get("overdue") else muted, card.get("close_line", "")),
        ]
        for f, color, text in rows:
            painter.setFont(f)
            painter.setPen(color)
            elided = QFontMetrics(f).elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(QRect(inner.left(), y, inner.width(), line),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
            y += line
        badge = card.get("badge", "")
        if badge:
            fm = QFontMetrics(bold)
            bw = min(fm.horizontalAdvance(badge) + 12, inner.width())
            badge_rect = QRect(inner.left(), y + 2, bw, line - 4)
            painter.setBrush(OVERDUE_RED)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(badge_rect, 4, 4)
            painter.setFont(bold)
            painter.setPen(QColor("white"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter,
                             fm.elidedText(badge, Qt.TextElideMode.ElideRight, bw - 8))
        painter.restore()


class StageList(QListWidget):
    """One column of cards. Drops and key moves are reported, never applied here."""

    card_dropped = Signal(int, int)  # opportunity id, stage id of this column
    move_requested = Signal(int, int)  # opportunity id, step (-1 previous, +1 next)
    open_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, stage_id: int, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self.kind = kind
        self.setObjectName(object_name("stage", stage_id))
        self.setItemDelegate(CardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(190)
        self.itemActivated.connect(lambda item: self.open_requested.emit(item.data(OPP_ROLE)))

    # -- drag -------------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [CARD_MIME]

    def mimeData(self, items) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        if items:
            mime.setData(CARD_MIME, str(items[0].data(OPP_ROLE)).encode())
            mime.setText(items[0].data(CARD_ROLE)["title"])
        return mime

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(CARD_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(CARD_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        opp_id = self.drop_mime(event.mimeData())
        if opp_id is None:
            event.ignore()
            return
        # Copy, not move: the source column must not remove the card itself; the board
        # is rebuilt from the store once the tab has applied (or refused) the move.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def drop_mime(self, mime: QMimeData) -> int | None:
        """Handle dropped card data; the request is emitted after the drag has ended
        (a dialog must not open inside the drag's own event loop)."""
        if not mime.hasFormat(CARD_MIME):
            return None
        try:
            opp_id = int(bytes(mime.data(CARD_MIME).data()).decode())
        except ValueError:
            return None
        QTimer.singleShot(0, lambda: self.card_dropped.emit(opp_id, self.stage_id))
        return opp_id

    # -- keyboard ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        mods = event.modifiers()
        if (event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right)
                and mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            item = self.currentItem()
            if item is not None:
                step = -1 if event.key() == Qt.Key.Key_Left else 1
                self.move_requested.emit(item.data(OPP_ROLE), step)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.delete_requested.emit(self.currentItem().data(OPP_ROLE))
            event.accept()
            return
        super().keyPressEvent(event)

    def current_id(self) -> int | None:
        item = self.currentItem()
        return item.data(OPP_ROLE) if item is not None and item.isSelected() else None


class PipelineBoard(QScrollArea):
    move_to_stage = Signal(int, int)  # opportunity, open stage
    won_requested = Signal(int)
    lost_requested = Signal(int)
    reopen_requested = Signal(int, int)  # opportunity, open stage
    open_requested = Signal(int)
    delete_requested = Signal(int)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipelineBoard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget(self)
        self.row = QHBoxLayout(self.inner)
        self.row.setContentsMargins(4, 4, 4, 4)
        self.row.setSpacing(8)
        self.setWidget(self.inner)
        self.columns: dict[int, StageList] = {}
        self.headers: dict[int, QLabel] = {}
        self.stage_rows: list[dict] = []
        self.opps: dict[int, dict] = {}
        self._stage_key: tuple = ()

    # -- building ------------------------------------------------------------------------
    def _build_columns(self, stage_rows: list[dict]) -> None:
        key = tuple((s["id"], s["kind"]) for s in stage_rows)
        if key == self._stage_key:
            return
        self._stage_key = key
        while self.row.count():
            item = self.row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.columns.clear()
        self.headers.clear()
        for s in stage_rows:
            frame = QFrame(self.inner)
            frame.setObjectName(object_name("column", s['id']))
            layout = QVBoxLayout(frame)
            layout.setContentsMargins(0, 0, 0, 0)
            header = QLabel(frame)
            header.setWordWrap(True)
            header.setTextFormat(Qt.TextFormat.PlainText)
            header.setStyleSheet("QLabel { font-weight: bold; padding: 4px; }")
            column = StageList(s["id"], s["kind"], frame)
            column.card_dropped.connect(self._on_drop)
            column.move_requested.connect(self._on_key_move)
            column.open_requested.connect(self.open_requested)
            column.delete_requested.connect(self.delete_requested)
            column.itemSelectionChanged.connect(lambda c=column: self._on_selection(c))
            layout.addWidget(header)
            layout.addWidget(column, 1)
            self.row.addWidget(frame, 1)
            self.columns[s["id"]] = column
            self.headers[s["id"]] = header

    def set_data(self, stage_rows: list[dict], opps: list[dict], today: date,
                 currency: str) -> None:
        """Rebuild every card from `opps` (rows of `list_opportunities`, enriched with
        value_rc / weighted / overdue by the table model)."""
        selected = self.current_id()
        had_focus = any(c.hasFocus() for c in self.columns.values())
        self.stage_rows = stage_rows
        self.today = today
        self.currency = currency
        self._build_columns(stage_rows)
        since = (today - timedelta(days=CLOSED_DAYS - 1)).isoformat()
        self.opps = {}
        per_stage: dict[int, list[dict]] = {s["id"]: [] for s in stage_rows}
        for o in opps:
            if o["status"] == "open" or (o["closed"] or "") >= since:
                self.opps[o["id"]] = o
                if o["stage_id"] in per_stage:
                    per_stage[o["stage_id"]].append(o)
        for sid, column in self.columns.items():
            column.blockSignals(True)
            column.clear()
            items = sorted(per_stage[sid], key=lambda o: (o["expected_close"] or "9999",
                                                          o["id"]))
            if column.kind != "open":
                items = sorted(per_stage[sid], key=lambda o: (o["closed"] or "", o["id"]),
                               reverse=True)
            for o in items:
                item = QListWidgetItem()
                item.setData(OPP_ROLE, o["id"])
                item.setData(CARD_ROLE, {})
                column.addItem(item)
            column.blockSignals(False)
        self.retranslate_ui()
        if selected is not None:
            self.select(selected, focus=had_focus)

    def retranslate_ui(self) -> None:
        f = fmt.current()
        for s in self.stage_rows:
            column = self.columns.get(s["id"])
            if column is None:
                continue
            total = 0
            for i in range(column.count()):
                item = column.item(i)
                o = self.opps[item.data(OPP_ROLE)]
                total += o["value_rc"]
                item.setData(CARD_ROLE, self._card(o, f))
                item.setToolTip(self._tooltip(o, f))
            name = stage_label(s["name"])
            cards, value = f.integer(column.count()), f.figure(total, self.currency)
            if s["kind"] == "open":
                head = fill_in(tr("%1 · %2%\n%3 cards · %4"), name, f.integer(s["probability"]),
                               cards, value)
            else:
                head = fill_in(tr("%1 (last %2 days)\n%3 cards · %4"), name,
                               f.integer(CLOSED_DAYS), cards, value)
            self.headers[s["id"]].setText(head)
            column.setAccessibleName(name)
        # Cards' heights depend on the font: let the views lay them out again.
        for column in self.columns.values():
            column.doItemsLayout()

    def _card(self, o: dict, f) -> dict:
        value_line = fill_in(tr("%1 · %2"), f.money(o["value"], o["currency"]), f.percent(o["probability"] / 100, places=0))
        if o["status"] == "open":
            close_line = fill_in(tr("Close by %1"), f.date(o["expected_close"])) \
                if o["expected_close"] else tr("No close date")
        else:
            close_line = fill_in(tr("Closed %1"), f.date(o["closed"]))
        overdue = is_overdue(o, self.today)
        return {"title": o["title"], "contact": o["contact"] or tr("(no contact)"),
                "value_line": value_line, "close_line": close_line, "overdue": overdue,
                "badge": tr("Overdue") if overdue else ""}

    def _tooltip(self, o: dict, f) -> str:
        text = fill_in(tr("%1\n%2\nOwner: %3"), o["title"], o["contact"] or tr("(no contact)"), o["owner"] or "—")
        if is_overdue(o, self.today):
            text += "\n" + fill_in(tr("Overdue: expected to close by %1"), f.date(o["expected_close"]))
        return text

    # -- selection -------------------------------------------------------------------------
    def _on_selection(self, column: StageList) -> None:
        if column.selectedItems():
            for other in self.columns.values():
                if other is not column and other.selectedItems():
                    other.blockSignals(True)
                    other.clearSelection()
                    other.blockSignals(False)
        self.selection_changed.emit()

    def current_id(self) -> int | None:
        for column in self.columns.values():
            items = column.selectedItems()
            if items:
                return items[0].data(OPP_ROLE)
        return None

    def column_of(self, opp_id: int) -> StageList | None:
        o = self.opps.get(opp_id)
        return self.columns.get(o["stage_id"]) if o else None

    def item_of(self, opp_id: int) -> QListWidgetItem | None:
        column = self.column_of(opp_id)
        if column is None:
            return None
        for i in range(column.count()):
            if column.item(i).data(OPP_ROLE) == opp_id:
                return column.item(i)
        return None

    def select(self, opp_id: int, focus: bool = False) -> bool:
        item = self.item_of(opp_id)
        if item is None:
            return False
        column = item.listWidget()
        column.setCurrentItem(item)
        item.setSelected(True)
        column.scrollToItem(item)
        if focus:
            column.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(column)
        return True

    # -- requests --------------------------------------------------------------------------
    def _kind(self, stage_id: int) -> str:
        return next((s["kind"] for s in self.stage_rows if s["id"] == stage_id), "")

    def _on_drop(self, opp_id: int, stage_id: int) -> None:
        o = self.opps.get(opp_id)
        if o is None or o["stage_id"] == stage_id:
            return
        kind = self._kind(stage_id)
        if o["status"] == "open":
            if kind == "open":
                self.move_to_stage.emit(opp_id, stage_id)
            elif kind == "won":
                self.won_requested.emit(opp_id)
            elif kind == "lost":
                self.lost_requested.emit(opp_id)
        elif kind == "open":
            self.reopen_requested.emit(opp_id, stage_id)

    def _on_key_move(self, opp_id: int, step: int) -> None:
        o = self.opps.get(opp_id)
        if o is None or o["status"] != "open":
            return
        open_ids = [s["id"] for s in self.stage_rows if s["kind"] == "open"]
        if o["stage_id"] not in open_ids:
            return
        target = open_ids.index(o["stage_id"]) + step
        if 0 <= target < len(open_ids):
            self.move_to_stage.emit(opp_id, open_ids[target])
        elif target == len(open_ids):
            self.won_requested.emit(opp_id)
