"""Opening a shop on a PostgreSQL server at start-up and from the File menu: the password
kept for it, the connection dialog when it is refused, and this laptop's last-known copy
when the server does not answer."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.store.db import Store
from kpidesk.store.errors import StoreError
from kpidesk.ui.errors import log
from kpidesk.ui.messages import store_error_text
from kpidesk.ui.startup import ask

tr = translator("Startup")


def open_server_interactive(url: str, parent: QWidget | None = None,
                            settings: QSettings | None = None) -> Store | None:
    """A shop on a PostgreSQL server, or None after saying why not. An address without a
    password takes the one kept in the system's password store (else libpq's PGPASSWORD or
    pgpass file); a refused or missing password opens File ▸ Open shared shop… on that
    address. An address that does not answer can be tried again. The password is never
    written to the settings or the log."""
    from kpidesk.store import dialect, server_address
    from kpidesk.store.errors import ServerError
    from kpidesk.ui.dialogs import connect

    url = dialect.normalise_url(url)
    public = dialect.public_url(url)
    address = server_address.parse(url)
    if not server_address.has_password(url):
        kept = connect.saved_password(address)
        if kept is not None:
            url = server_address.with_password(url, kept)
    for _attempt in range(5):
        try:
            return Store(url)
        except ServerError as err:
            log.warning("cannot open the shared shop %s: %s", public, err.reason)
            if err.reason == "login":
                reason = (tr("The server did not accept the password kept for this shop. "
                             "Enter it again.") if server_address.has_password(url)
                          else tr("Enter the password of the shared shop."))
                chosen = connect.ask_shared_shop(parent, settings, address, reason)
            elif err.reason == "unreachable":
                offline = open_without_server(url)
                if offline is not None:
                    return offline
                answer = ask(parent, tr("Server not answering"),
                             fill_in(tr("The shop's server at %1 does not answer, and this "
                                        "laptop has never reached it, so it has nothing to "
                                        "work from. Check that the server is on and that "
                                        "this laptop is on its network."), public),
                             [("retry", tr("&Try again"), QMessageBox.ButtonRole.AcceptRole),
                              ("settings", tr("Connection &settings…"),
                               QMessageBox.ButtonRole.ActionRole),
                              ("cancel", tr("Cancel"), QMessageBox.ButtonRole.RejectRole)],
                             QMessageBox.Icon.Warning, "retry")
                if answer == "retry":
                    continue
                if answer != "settings":
                    return None
                chosen = connect.ask_shared_shop(parent, settings, address)
            else:
                QMessageBox.critical(parent, tr("Cannot open the shared shop"),
                                     store_error_text(err, public))
                return None
            if chosen is None:
                return None
            url = chosen  # the address and password as the connection dialog gave them
            address = server_address.parse(url)
            public = address.public_url
        except (StoreError, OSError) as err:
            log.error("cannot open the shared shop %s: %s", public, type(err).__name__)
            QMessageBox.critical(parent, tr("Cannot open the shared shop"),
                                 store_error_text(err, public))
            return None
    return None


def open_without_server(url: str) -> Store | None:
    """A shared shop whose server does not answer, opened from what this laptop last knew
    of it (`store/known_copy.py`): its Sales form takes sales into the queue. None when
    this laptop never reached that server."""
    from kpidesk.paths import data_dir
    from kpidesk.store import dialect, known_copy

    if not known_copy.has_copy(data_dir(), url):
        return None
    try:
        store = known_copy.open_offline(url, data_dir())
    except (StoreError, OSError, sqlite3.Error) as exc:
        log.warning("this laptop's copy of %s cannot be read: %s", dialect.public_url(url),
                    type(exc).__name__)
        return None
    log.info("working without the server of %s", dialect.public_url(url))
    return store
