"""Sales entered while a shared shop's server does not answer: a local queue, sent when
the server is back, never twice.

The queue is a small SQLite file on the laptop (one per server and database, in the
user's data folder: `queue_path`), written in one transaction per sale with
`synchronous = FULL`, so a sale the user was told is queued survives a crash or a power
cut. Each queued sale carries the UUID it will have on the server; `send_pending`
writes each in its own server transaction and checks that UUID first (orders.uuid is
unique there), so a send cut off after the server committed but before the queue row
was removed counts as sent the next time instead of adding the sale again.

What needs the server is checked when the sale is sent: the product, salesperson,
channel and payment method still exist; the customer typed is found by name or phone,
or made then. A sale the server refuses stays queued with its reason (`refused`), and
the others go on.

No Qt here: the UI gives the folder and shows the results.
"""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from kpidesk.store import dialect
from kpidesk.store.errors import ServerError, StoreError, ValidationError
from kpidesk.store.sales import LineInput, OrderInput

QUEUE_SUFFIX = ".kpidesk-queue.db"

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS queued_sales ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " uuid TEXT NOT NULL UNIQUE,"  # the order's UUID on the server, as text
    " queued_at TEXT NOT NULL,"
    " sale TEXT NOT NULL,"  # QueuedSale's content as JSON
    " refused_field TEXT, refused_code TEXT, refused_params TEXT,"
    " attempts INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS queue_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


@dataclass
class NewCustomer:
    """A customer typed in the form that was not known (or could not be looked up):
    found by name or phone when the sale is sent, else made then."""

    name: str
    phone: str = ""


@dataclass
class QueuedSale:
    """One sale waiting in the queue."""

    order: OrderInput
    customer: NewCustomer | None = None
    # what the list shows while the server cannot be asked for names
    customer_name: str = ""
    salesperson_name: str = ""
    product_names: list[str] = field(default_factory=list)
    queue_id: int | None = None
    queued_at: str = ""
    refused: ValidationError | None = None  # why the server refused it, the last time
    attempts: int = 0

    @property
    def uuid_text(self) -> str:
        assert self.order.uuid is not None  # given when queued
        return str(_uuid_module().UUID(bytes=bytes(self.order.uuid)))


@dataclass
class SendResult:
    """What one `send_pending` did."""

    sent: int = 0  # written to the server now
    already_there: int = 0  # found on the server by UUID (a send cut off before): removed
    refused: list[QueuedSale] = field(default_factory=list)  # kept, with their reason
    unreachable: bool = False  # the server stopped answering: the rest is still queued
    remaining: int = 0  # still in the queue afterwards

    @property
    def done(self) -> int:
        return self.sent + self.already_there


def _uuid_module():
    import uuid

    return uuid


def queue_name(server_url: str) -> str:
    """The queue file's name for a server and database: host, port and database, no
    user or password (`shop@host_5432.kpidesk-queue.db`)."""
    parts = urlsplit(dialect.normalise_url(server_url))
    host = parts.hostname or "localhost"
    port = parts.port or 5432
    database = parts.path.strip("/") or "postgres"
    safe = re.sub(r"[^A-Za-z0-9@._-]+", "_", f"{database}@{host}_{port}")
    return safe + QUEUE_SUFFIX


def queue_path(folder: Path | str, server_url: str) -> Path:
    """Where the queue of this server's shop lives, in `folder` (the user's data folder)."""
    return Path(folder) / "queues" / queue_name(server_url)


# -- the queue file ---------------------------------------------------------------------
def _order_json(order: OrderInput) -> dict:
    data = asdict(order)
    data["uuid"] = bytes(order.uuid).hex() if order.uuid is not None else None
    return data


def _order_from(data: dict) -> OrderInput:
    data = dict(data)
    lines = [LineInput(**line) for line in data.pop("lines")]
    raw_uuid = data.pop("uuid")
    return OrderInput(lines=lines, uuid=bytes.fromhex(raw_uuid) if raw_uuid else None, **data)


def _sale_json(sale: QueuedSale) -> str:
    return json.dumps({
        "order": _order_json(sale.order),
        "customer": asdict(sale.customer) if sale.customer else None,
        "customer_name": sale.customer_name,
        "salesperson_name": sale.salesperson_name,
        "product_names": sale.product_names,
    }, ensure_ascii=False)


def _sale_from(row: sqlite3.Row) -> QueuedSale:
    data = json.loads(row["sale"])
    refused = None
    if row["refused_code"]:
        refused = ValidationError(row["refused_field"] or "sale", row["refused_code"],
                                  **json.loads(row["refused_params"] or "{}"))
    return QueuedSale(
        order=_order_from(data["order"]),
        customer=NewCustomer(**data["customer"]) if data.get("customer") else None,
        customer_name=data.get("customer_name", ""),
        salesperson_name=data.get("salesperson_name", ""),
        product_names=list(data.get("product_names", [])),
        queue_id=int(row["id"]), queued_at=row["queued_at"], refused=refused,
        attempts=int(row["attempts"]))


class Outbox:
    """The queue file of one shared shop (see the module's notes)."""

    def __init__(self, path: Path | str, server_url: str = "") -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        # a rollback journal fsync'd at every commit: a queued sale is on the disk when
        # the user is told so
        self._conn.execute("PRAGMA journal_mode = DELETE")
        self._conn.execute("PRAGMA synchronous = FULL")
        self._conn.execute("PRAGMA busy_timeout = 5000")
        with self._write():
            for statement in _SCHEMA:
                self._conn.execute(statement)
            if server_url:
                self._conn.execute(
                    "INSERT OR REPLACE INTO queue_info(key, value) VALUES ('server', ?)",
                    (dialect.public_url(server_url),))
        try:
            os.chmod(self.path, 0o600)
        except OSError:
            pass

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what the UI asks ---------------------------------------------------------------
    def enqueue(self, sale: QueuedSale) -> QueuedSale:
        """Keep a sale for later (it gets its server UUID here if it has none)."""
        from kpidesk.store.uuids import new_uuid

        if sale.order.uuid is None:
            sale.order.uuid = new_uuid()
        sale.queued_at = datetime.now().isoformat(timespec="seconds")
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO queued_sales(uuid, queued_at, sale) VALUES (?, ?, ?)",
                (sale.uuid_text, sale.queued_at, _sale_json(sale)))
            sale.queue_id = int(cur.lastrowid or 0)
        return sale

    def pending(self) -> list[QueuedSale]:
        """Every queued sale, oldest first."""
        rows = self._conn.execute("SELECT * FROM queued_sales ORDER BY id").fetchall()
        return [_sale_from(row) for row in rows]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM queued_sales").fetchone()[0])

    def refused_count(self) -> int:
        return int(self._conn.execute(
            "SELECT count(*) FROM queued_sales WHERE refused_code IS NOT NULL").fetchone()[0])

    def replace(self, sale: QueuedSale) -> None:
        """Keep an edited queued sale in place of the old one (same place in the queue,
        same UUID, its refusal forgotten: it is tried again)."""
        assert sale.queue_id is not None
        with self._write() as conn:
            conn.execute(
                "UPDATE queued_sales SET sale = ?, refused_field = NULL, refused_code = NULL,"
                " refused_params = NULL WHERE id = ?", (_sale_json(sale), sale.queue_id))

    def discard(self, queue_id: int) -> None:
        """Drop a queued sale for good (the UI asks the owner PIN first)."""
        with self._write() as conn:
            conn.execute("DELETE FROM queued_sales WHERE id = ?", (queue_id,))

    def _mark_refused(self, queue_id: int, err: ValidationError) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE queued_sales SET refused_field = ?, refused_code = ?,"
                " refused_params = ?, attempts = attempts + 1 WHERE id = ?",
                (err.field, err.code, json.dumps(err.params, default=str), queue_id))

    # Test hook: called after a sale is committed on the server and before its queue row
    # is removed (a crash there must not double the sale).
    after_server_commit = None

    def send_pending(self, store) -> SendResult:
        """Send the queue to the shop's server, oldest first, each sale in its own
        transaction. Stops at the first sign that the server is gone (`unreachable`)."""
        result = SendResult()
        if not self.count():
            return result
        try:
            store.ensure_connected()
        except ServerError as err:
            if err.reason != "unreachable":
                raise
            result.unreachable = True
            result.remaining = self.count()
            return result
        for sale in self.pending():
            assert sale.queue_id is not None
            try:
                outcome = write_queued_sale(store, sale)
            except ServerError as err:
                if err.reason != "unreachable":
                    raise
                result.unreachable = True
                break
            except ValidationError as err:
                self._mark_refused(sale.queue_id, err)
                sale.refused = err
                result.refused.append(sale)
                continue
            except (StoreError, sqlite3.Error) as err:  # refused for another reason
                refusal = ValidationError("sale", "refused", detail=str(err)[:200])
                self._mark_refused(sale.queue_id, refusal)
                sale.refused = refusal
                result.refused.append(sale)
                if store.server_broken():
                    result.unreachable = True
                    break
                continue
            if self.after_server_commit is not None:
                self.after_server_commit(sale)
            with self._write() as conn:
                conn.execute("DELETE FROM queued_sales WHERE id = ?", (sale.queue_id,))
            if outcome == "sent":
                result.sent += 1
            else:
                result.already_there += 1
        result.remaining = self.count()
        return result


# -- writing one queued sale on the server -------------------------------------------------
def _exists(conn, table: str, row_id: int | None) -> bool:
    if row_id is None:
        return True
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None


def _check_references(conn, sale: QueuedSale) -> None:
    """What the server must still have for this sale: raises ValidationError naming it."""
    order = sale.order
    for position, line in enumerate(order.lines):
        if not _exists(conn, "products", line.product_id):
            names = sale.product_names
            raise ValidationError("product", "gone",
                                  name=names[position] if position < len(names) else "")
    if not _exists(conn, "salespeople", order.salesperson_id):
        raise ValidationError("salesperson", "gone", name=sale.salesperson_name)
    if not _exists(conn, "channels", order.channel_id):
        raise ValidationError("channel", "gone")
    if not _exists(conn, "payment_methods", order.payment_id):
        raise ValidationError("payment", "gone")
    if order.contact_id is not None and not _exists(conn, "contacts", order.contact_id):
        raise ValidationError("contact", "gone", name=sale.customer_name)


def write_queued_sale(store, sale: QueuedSale) -> str:
    """Write one queued sale on the server in one transaction: 'sent', or 'already_there'
    when a sale with its UUID is there (sent before, the queue not told)."""
    from kpidesk.store import contacts as contacts_store
    from kpidesk.store import sales as sales_store
    from kpidesk.store import security

    order = sale.order
    assert order.uuid is not None
    if any(line.amount < 0 for line in order.lines) or order.is_daily_total:
        raise ValidationError("sale", "not_queueable")
    with store.transaction() as conn:
        if conn.execute("SELECT 1 FROM orders WHERE uuid = ?",
                        (bytes(order.uuid),)).fetchone() is not None:
            return "already_there"
        _check_references(conn, sale)
        if sale.customer is not None and order.contact_id is None:
            phone = "".join(ch for ch in sale.customer.phone if ch.isdigit())
            found = contacts_store.find_contact(store, sale.customer.name, phone)
            if found is None:
                found = contacts_store.add_contact(store, contacts_store.ContactInput(
                    name=sale.customer.name, phone=sale.customer.phone, created=order.date))
            order.contact_id = found
        order_id = sales_store.add_order(store, order)
    security.note_own_order(store, order_id)
    return "sent"


# -- is the server there? ----------------------------------------------------------------
def server_answers(server_url: str, timeout_s: float = 2.0) -> bool:
    """Whether something listens at the server's address (a TCP connection, no login): a
    cheap look, run off the UI thread, before the store tries to connect again."""
    parts = urlsplit(dialect.normalise_url(server_url))
    host = parts.hostname or "localhost"
    port = parts.port or 5432
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            return True
    except OSError:
        return False
