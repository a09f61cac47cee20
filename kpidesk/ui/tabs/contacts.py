"""Contacts tab: leads and customers in one table; search, status filter, sort; add,
edit, merge two duplicates, delete (only without sales); a contact's page."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.store.contacts import ContactInput, count_sales, get_contact
from kpidesk.store.errors import ValidationError
from kpidesk.store.topics import Topic
from kpidesk.ui.commands.records import AddContact, DeleteContact, EditContact, MergeContacts, push
from kpidesk.ui.dialogs.contact_dialog import ContactDialog
from kpidesk.ui.dialogs.contact_page import ContactPage
from kpidesk.ui.messages import validation_text
from kpidesk.ui.models.contacts_model import (
    COL,
    ID_ROLE,
    STATUSES,
    ContactsFilter,
    ContactsModel,
    status_label,
)
from kpidesk.ui.tabs.base import Tab
from kpidesk.ui.widgets import SortArrowHeader

# undo texts, said again after a language switch (the tab may be gone by then)
undo_tr = translator("ContactsTab")


class ContactsTab(Tab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # Loaded when first shown: 20k contacts need not slow the start of the app.
        self.model = ContactsModel(ctx.store, ctx.today, self, load=False)
        self.proxy = ContactsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._dirty = True
        self.page_dialog: ContactPage | None = None

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("contactSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter_changed)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.currentIndexChanged.connect(self._filter_changed)
        self.count_label = QLabel(self)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.page_button = QPushButton(self)
        self.merge_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_contact)
        self.edit_button.clicked.connect(lambda: self.edit_contact())
        self.page_button.clicked.connect(lambda: self.open_contact())
        self.merge_button.clicked.connect(lambda: self.merge_selected())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        # the contacts and their pages are on a shared shop's server
        self.writes.add(self.add_button, self.edit_button, self.page_button, self.merge_button,
                        self.delete_button)

        self.table = QTableView(self)
        self.table.setObjectName("contactsTable")
        self.table.setHorizontalHeader(SortArrowHeader(self.table))
        self.table.setModel(self.proxy)
        # size columns to their headers and the first rows, not all 25k contacts
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL["last_purchase"], Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            int(self.table.fontMetrics().lineSpacing() * 1.6))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL["name"], QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_contact())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        top = QHBoxLayout()
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search_edit)
        self.status_label = QLabel(self)
        self.status_label.setBuddy(self.status_combo)
        top.addWidget(self.search_label)
        top.addWidget(self.search_edit, 2)
        top.addWidget(self.status_label)
        top.addWidget(self.status_combo)
        top.addStretch(1)
        for button in (self.add_button, self.edit_button, self.page_button, self.merge_button,
                       self.delete_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        for keys, slot in ((QKeySequence.StandardKey.Find, self.search_edit.setFocus),
                           (QKeySequence("Ctrl+Shift+N"), self.add_contact)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            if slot == self.add_contact:
                self.writes.add(shortcut)
        for key, slot in ((Qt.Key.Key_Return, lambda: self.open_contact()),
                          (Qt.Key.Key_Delete, lambda: self.delete_selected())):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
            self.writes.add(shortcut)
        self.setTabOrder(self.search_edit, self.status_combo)
        self.setTabOrder(self.status_combo, self.table)
        self.retranslate_ui()
        self._update_buttons()

    # -- texts ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Contacts")

    def retranslate_ui(self) -> None:
        self.search_label.setText(self.tr("&Search:"))
        self.search_edit.setPlaceholderText(self.tr("Name or phone"))
        self.status_label.setText(self.tr("S&tatus:"))
        current = self.status_combo.currentData()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("All"), "")
        for key in STATUSES:
            self.status_combo.addItem(status_label(key), key)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(current or "")))
        self.status_combo.blockSignals(False)
        self.add_button.setText(self.tr("&New contact…"))
        self.add_button.setToolTip(self.tr("Add a lead or a customer (Ctrl+Shift+N)"))
        self.edit_button.setText(self.tr("Ed&it…"))
        self.page_button.setText(self.tr("&Open page"))
        self.merge_button.setText(self.tr("&Merge duplicates…"))
        self.merge_button.setToolTip(self.tr("Select two contacts that are the same person "
                                             "and merge them: their sales follow"))
        self.delete_button.setText(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Only a contact without sales can be deleted"))
        self.model.retranslate()
        self._update_count()
        if self.model.rows:
            self.table.resizeColumnsToContents()

    def _update_count(self) -> None:
        f = fmt.current()
        self.count_label.setText(fill_in(self.tr("%1 of %2 contacts shown"), f.integer(self.proxy.rowCount()), f.integer(
                self.model.rowCount())))

    # -- data ----------------------------------------------------------------------------
    def on_data_changed(self, topics: set[Topic]) -> None:
        if topics & {Topic.CONTACTS, Topic.SALES, Topic.SETTINGS, Topic.SALESPEOPLE,
                     Topic.CHANNELS}:
            if self.isVisible():
                self.reload()
            else:
                self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802
        if self._dirty:
            first = not self.model.rows
            self.reload()
            if first:
                self.table.resizeColumnsToContents()
        super().showEvent(event)

    def reload(self) -> None:
        selected = self.selected_ids()
        self._dirty = False
        self.model.reload()
        self.select_ids(selected)
        self._update_count()
        self._update_buttons()

    def _filter_changed(self, *_: object) -> None:
        self.proxy.set_text(self.search_edit.text())
        self.proxy.set_status(self.status_combo.currentData() or "")
        self._update_count()
        self._update_buttons()

    # -- selection -------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.data(index, ID_ROLE) for index in sorted(rows, key=lambda i: i.row())]

    def select_ids(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = None
        for contact_id in ids:
            row = self.model.row_of(contact_id)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                continue
            selection.select(index, QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)
            if first is None:
                first = index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)

    def _update_buttons(self, *_: object) -> None:
        n = len(self.table.selectionModel().selectedRows())
        for button, wanted in ((self.edit_button, n == 1), (self.page_button, n == 1),
                               (self.delete_button, n == 1), (self.merge_button, n == 2)):
            self.writes.enable(button, wanted)

    # -- asking (tests replace these) -------------------------------------------------------
    def inform(self, text: str) -> None:
        QMessageBox.information(self, self.tr("Contacts"), text)

    def confirm(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Contacts"), text,
                          parent=self)
        yes = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def ask_keep(self, a: dict, b: dict) -> int | None:
        """Which of two duplicates stays? Returns its id, or None to cancel."""
        f = fmt.current()

        def describe(c: dict) -> str:
            return fmt.fill(self.tr("%1 (%2 orders, last purchase %3)"), c["name"],
                            f.integer(c["orders"]), f.date(c["last_purchase"]))

        # the list numbers are written by the formatter (Khmer or Latin digits)
        question = (self.tr("Merge these two contacts into one? The sales and opportunities"
                            " of the other move to the one that stays.")
                    + f"\n\n{f.integer(1)}. {describe(a)}\n{f.integer(2)}. {describe(b)}")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Merge duplicates"), question,
                          parent=self)
        keep_a = box.addButton(fmt.fill(self.tr("Keep %1"), f.integer(1)),
                               QMessageBox.ButtonRole.AcceptRole)
        keep_b = box.addButton(fmt.fill(self.tr("Keep %1"), f.integer(2)),
                               QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is keep_a:
            return a["id"]
        if box.clickedButton() is keep_b:
            return b["id"]
        return None

    # -- actions ---------------------------------------------------------------------------
    def _one_selected(self) -> int | None:
        ids = self.selected_ids()
        return ids[0] if len(ids) == 1 else None

    def add_contact(self) -> int | None:
        if self.writes.refuse():
            return None
        def save(contact: ContactInput) -> int:
            return push(self.ctx.undo_stack, AddContact(
                self.ctx.store, (lambda name=contact.name: fill_in(undo_tr("Add contact %1"), name)), contact))

        dialog = ContactDialog(self.ctx.store, self.ctx.today, save, parent=self)
        if dialog.exec() and dialog.result_value is not None:
            self.select_ids([dialog.result_value])
            return dialog.result_value
        return None

    def edit_contact(self, contact_id: int | None = None) -> None:
        contact_id = contact_id or self._one_selected()
        if contact_id is None or self.writes.refuse():
            return

        def save(contact: ContactInput) -> None:
            push(self.ctx.undo_stack, EditContact(
                self.ctx.store, (lambda name=contact.name: fill_in(undo_tr("Edit contact %1"), name)),
                contact_id, contact))

        ContactDialog(self.ctx.store, self.ctx.today, save,
                      get_contact(self.ctx.store, contact_id), parent=self).exec()

    def open_contact(self, contact_id: int | None = None) -> ContactPage | None:
        """Show a contact's page (other tabs reach it through MainWindow.open_contact)."""
        contact_id = contact_id or self._one_selected()
        if contact_id is None or self.writes.refuse():  # its page reads the server
            return None
        if self.model.row_of(contact_id) is None or self._dirty:
            self.reload()
        row = self.model.row_of(contact_id)
        if row is None:
            return None
        if self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            self.select_ids([contact_id])
        if self.page_dialog is not None:
            self.page_dialog.close()
            self.page_dialog.deleteLater()
        self.page_dialog = ContactPage(self.ctx, contact_id, self,
                                       status=self.model.contact(row)["status"])
        self.page_dialog.show()
        self.page_dialog.raise_()
        return self.page_dialog

    def merge_selected(self, keep_id: int | None = None) -> bool:
        ids = self.selected_ids()
        if self.writes.refuse():
            return False
        if len(ids) != 2:
            self.inform(self.tr("Select exactly two contacts to merge."))
            return False
        with self.ctx.owner_session(self, "merge") as allowed:  # merging is the owner's
            if not allowed:
                return False
            a, b = (self.model.contact(self.model.row_of(i)) for i in ids)
            keep_id = keep_id if keep_id in ids else self.ask_keep(a, b)
            if keep_id is None:
                return False
            remove_id = ids[1] if keep_id == ids[0] else ids[0]
            kept = a if keep_id == a["id"] else b
            try:
                push(self.ctx.undo_stack, MergeContacts(
                    self.ctx.store, (lambda name=kept["name"]: fill_in(undo_tr("Merge contacts into %1"), name)),
                    keep_id, remove_id))
            except ValidationError as err:
                self.inform(validation_text(err))
                return False
        self.select_ids([keep_id])
        return True

    def delete_selected(self, confirmed: bool = False) -> bool:
        contact_id = self._one_selected()
        if contact_id is None or self.writes.refuse():
            return False
        contact = self.model.contact(self.model.row_of(contact_id))
        sales = count_sales(self.ctx.store, contact_id)
        if sales:
            self.inform(fill_in(self.tr("%1 has %2 sales, so it cannot be deleted. If it is a "
                                "duplicate, select both contacts and merge them instead."), contact["name"], fmt.current().integer(sales)))
            return False
        with self.ctx.owner_session(self, "delete") as allowed:  # deleting is the owner's
            if not allowed:
                return False
            if not confirmed and not self.confirm(
                    fill_in(self.tr("Delete the contact %1? (Edit ▸ Undo brings it back.)"), contact["name"])):
                return False
            try:
                push(self.ctx.undo_stack, DeleteContact(
                    self.ctx.store, (lambda name=contact["name"]: fill_in(undo_tr("Delete contact %1"), name)),
                    contact_id))
            except ValidationError as err:
                self.inform(validation_text(err))
                return False
        return True
