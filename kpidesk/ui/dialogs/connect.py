"""File ▸ Open shared shop…: the address of a shop kept on a PostgreSQL server, tried
before anything is opened.

The connection is tried on a thread of its own (a server that does not answer takes
seconds to say so) with a busy bar and Cancel; each way it can fail is one sentence
beside the form, in the user's language. An empty database is offered a new shop (no
PIN: there is nothing in it to protect yet). The address goes into the recent shops; the
password never goes into the settings or the log: it is kept in the system's password
store (Windows Credential Manager, macOS Keychain, a Linux keyring) when the user ticks
the box and the system has one, else it is asked each time.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.logs import log
from kpidesk.store import schema, server_address
from kpidesk.store.errors import ServerError
from kpidesk.store.server_address import DEFAULT_PORT, Probe, ServerAddress
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.widgets import DigitSpinBox, ErrorLabel

tr = translator("ConnectDialog")

KEYRING_SERVICE = "KPI Desk"  # the name the password stores show beside each entry


# -- the system's password store (keyring) -------------------------------------------
def keyring_ready() -> bool:
    """Whether this computer has a password store KPI Desk can keep a password in."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - no keyring module, or a broken backend: ask each time
        return False
    if isinstance(backend, fail.Keyring):
        return False
    if type(backend).__name__ == "ChainerBackend":
        return bool(getattr(backend, "backends", ()))
    return True


def saved_password(address: ServerAddress) -> str | None:
    """The password kept for `address`, or None (none kept, or no password store)."""
    if not keyring_ready():
        return None
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, address.public_url)
    except Exception as exc:  # noqa: BLE001 - a locked or broken store: ask instead
        log.warning("the password store could not be read: %s", type(exc).__name__)
        return None


def save_password(address: ServerAddress, password: str) -> bool:
    """Keep `password` for `address` in the password store; False when there is none."""
    if not keyring_ready():
        return False
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, address.public_url, password)
    except Exception as exc:  # noqa: BLE001
        log.warning("the password store refused the password: %s", type(exc).__name__)
        return False
    return True


def forget_password(address: ServerAddress) -> None:
    if not keyring_ready():
        return
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, address.public_url)
    except Exception:  # noqa: BLE001 - nothing kept: nothing to forget
        pass


# -- the sentences --------------------------------------------------------------------
def failure_text(err: ServerError, address: ServerAddress) -> str:
    """Why the connection failed, as one sentence (never the password)."""
    digits = fmt.current().digits
    if err.reason == "login":
        return fill_in(tr("The server did not accept user %1 with this password. Check "
                          "both (the password is case-sensitive)."), address.user)
    if err.reason == "no_database":
        return fill_in(tr("The server has no database named %1. Check the name, or create "
                          "the database first (see the README)."), address.database)
    if err.reason == "no_driver":
        return tr("This copy of KPI Desk cannot open shared shops (its PostgreSQL driver is "
                  "missing). Reinstall KPI Desk.")
    return fill_in(tr("No answer from %1 on port %2. Check the server's name or address, "
                      "that it is switched on, and that this laptop is on its network."),
                   address.host, digits(str(address.port)))


def probe_text(found: Probe, address: ServerAddress) -> str:
    """Why a database that answered is not opened (FOREIGN, NEWER)."""
    if found.state == server_address.NEWER:
        digits = fmt.current().digits
        return fill_in(tr("The shop in %1 was made by a newer KPI Desk (schema %2; this copy "
                          "knows %3). Install the newer KPI Desk on this laptop."),
                       address.database, digits(str(found.version)),
                       digits(str(schema.SCHEMA_VERSION)))
    return fill_in(tr("Database %1 holds another program's tables: it is not a KPI Desk "
                      "shop. Choose an empty database or the shop's own."), address.database)


class _Relay(QObject):
    """Carries the thread's result back to the dialog's thread."""

    done = Signal(int, object)


class ConnectDialog(QDialog):
    """The address of a shared shop; `url` (with the password) once accepted."""

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None,
                 address: ServerAddress | None = None, reason: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.settings = settings
        self.url: str | None = None
        self.address: ServerAddress | None = None
        self.created = False  # an empty database the user agreed to make a shop in
        self._attempt = 0
        self._busy = False
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)

        self.reason = QLabel(reason, self)
        self.reason.setObjectName("connectReason")
        self.reason.setWordWrap(True)
        self.reason.setVisible(bool(reason))
        self.host = QLineEdit(self)
        self.host.setObjectName("serverHost")
        # in the user's digits like every number in the app; either kind typed
        self.port = DigitSpinBox(self, minimum=1, maximum=65535)
        self.port.setObjectName("serverPort")
        self.port.setValue(DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database = QLineEdit(self)
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(self)
        self.user.setObjectName("serverUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self)
        self.remember.setObjectName("rememberPassword")
        self.keyring_note = QLabel(self)
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.has_keyring = keyring_ready()
        self.remember.setChecked(self.has_keyring)
        self.remember.setEnabled(self.has_keyring)
        self.keyring_note.setVisible(not self.has_keyring)

        form = QFormLayout()
        self.host_label, self.port_label = QLabel(self), QLabel(self)
        self.database_label, self.user_label = QLabel(self), QLabel(self)
        self.password_label = QLabel(self)
        for label, field in ((self.host_label, self.host), (self.port_label, self.port),
                             (self.database_label, self.database),
                             (self.user_label, self.user),
                             (self.password_label, self.password)):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.remember)

        self.busy = QProgressBar(self)
        self.busy.setObjectName("connectBusy")
        self.busy.setRange(0, 0)  # busy: how long a server takes to answer is not known
        self.busy.hide()
        self.status = QLabel(self)
        self.status.setObjectName("connectStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        self.error = ErrorLabel(self)
        self.error.setObjectName("connectError")

        self.buttons = QDialogButtonBox(self)
        self.connect_button = QPushButton(self)
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setDefault(True)
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelButton")
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.connect_button.clicked.connect(self.try_connect)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        if address is not None:
            self.set_address(address)
        self.setMinimumWidth(440)
        keep_on_screen(self)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Open shared shop"))
        self.host_label.setText(tr("&Server:"))
        self.host.setPlaceholderText(fill_in(tr("name or address, e.g. %1"), "192.168.1.10"))
        self.port_label.setText(tr("P&ort:"))
        self.database_label.setText(tr("&Database:"))
        self.user_label.setText(tr("&User:"))
        self.password_label.setText(tr("Pass&word:"))
        self.remember.setText(tr("&Remember the password on this computer"))
        self.remember.setToolTip(tr("Kept in the computer's own password store (Windows "
                                    "Credential Manager, macOS Keychain), never in KPI "
                                    "Desk's settings."))
        self.keyring_note.setText(tr("This computer has no password store: the password is "
                                     "asked each time the shop is opened."))
        self.connect_button.setText(tr("&Connect"))
        self.cancel_button.setText(tr("Cancel"))

    def set_address(self, address: ServerAddress) -> None:
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        kept = saved_password(address)
        if kept is not None:
            self.password.setText(kept)
        (self.password if address.host and address.user else self.host).setFocus()

    def typed_address(self) -> ServerAddress:
        return ServerAddress(host=self.host.text().strip(), port=self.port.value(),
                             database=self.database.text().strip(),
                             user=self.user.text().strip())

    # -- trying the connection ---------------------------------------------------------
    def try_connect(self) -> None:
        if self._busy:
            return
        address = self.typed_address()
        self.error.clear_error()
        missing = [(field, text) for field, text in (
            (self.host, tr("Enter the server's name or address.")),
            (self.database, tr("Enter the name of the shop's database.")),
            (self.user, tr("Enter the user name.")))
            if not field.text().strip()]
        if missing:
            field, text = missing[0]
            self.error.show_error(text)
            field.setFocus()
            return
        password = self.password.text()
        url = address.url(password or None)
        self._attempt += 1
        attempt = self._attempt
        self._set_busy(True, fill_in(tr("Connecting to %1…"), address.host))
        log.info("trying the shared shop %s", address.public_url)

        def work() -> None:
            try:
                result: object = server_address.probe(url)
            except ServerError as err:
                result = err
            except Exception as err:  # noqa: BLE001 - said as "no answer", logged
                result = ServerError("unreachable", type(err).__name__)
            try:
                self._relay.done.emit(attempt, result)
            except RuntimeError:  # the dialog was closed and deleted meanwhile
                pass

        self._pending = (address, url)
        threading.Thread(target=work, name="kpidesk-connect", daemon=True).start()

    @property
    def connecting(self) -> bool:
        """A connection is being tried (Cancel stops waiting for it)."""
        return self._busy

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        for widget in (self.host, self.port, self.database, self.user, self.password,
                       self.remember, self.connect_button):
            widget.setEnabled(not busy and (widget is not self.remember or self.has_keyring))
        self.busy.setVisible(busy)
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def cancel(self) -> None:
        """Cancel the attempt under way (its answer is dropped), else close."""
        if self._busy:
            self._attempt += 1
            self._set_busy(False, tr("Cancelled. Nothing was opened."))
            return
        self.reject()

    def _finished(self, attempt: int, result: object) -> None:
        if attempt != self._attempt:  # cancelled, or an older try
            return
        address, url = self._pending
        self._set_busy(False)
        if isinstance(result, ServerError):
            log.info("the shared shop %s cannot be used: %s", address.public_url, result.reason)
            self.error.show_error(failure_text(result, address))
            field = {"login": self.password, "no_database": self.database}.get(
                result.reason, self.host)
            field.setFocus()
            field.selectAll()
            return
        assert isinstance(result, Probe)
        if result.state in (server_address.FOREIGN, server_address.NEWER):
            self.error.show_error(probe_text(result, address))
            self.database.setFocus()
            return
        if result.state == server_address.EMPTY and not self.agree_to_create(address):
            self.status.setText(tr("Nothing was made. Choose another database, or Connect "
                                   "again to make the shop."))
            self.status.show()
            return
        self.created = result.state == server_address.EMPTY
        password = self.password.text()
        if password and self.remember.isChecked():
            save_password(address, password)
        else:
            forget_password(address)  # unticked: no longer kept
        self.address = address
        self.url = url
        self.accept()

    def agree_to_create(self, address: ServerAddress) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Make a new shared shop?"))
        box.setText(fill_in(tr("Database %1 on %2 is empty. Make a new KPI Desk shop in it?\n\n"
                               "KPI Desk creates its tables and default settings in this "
                               "database only; nothing else on the server changes. Every "
                               "laptop that opens this database then shares the shop."),
                            address.database, address.host))
        create = box.addButton(tr("&Make the shop"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(create)
        box.exec()
        return box.clickedButton() is create

    def reject(self) -> None:
        self._attempt += 1  # an answer still on its way is dropped
        super().reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape and self._busy:
            self.cancel()
            return
        super().keyPressEvent(event)


def ask_shared_shop(parent: QWidget | None, settings: QSettings | None,
                    address: ServerAddress | None = None, reason: str = "") -> str | None:
    """The URL (with its password) of a shared shop the user chose and that answered, or
    None when cancelled."""
    dialog = ConnectDialog(parent, settings, address, reason)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.url
