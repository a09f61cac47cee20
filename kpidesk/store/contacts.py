"""Contacts: leads and customers."""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.store.db import Store, new_uuid
from kpidesk.store.errors import ValidationError
from kpidesk.store.sales import check_date

KINDS = ("lead", "customer")


@dataclass
class ContactInput:
    name: str
    created: str  # YYYY-MM-DD
    kind: str = "customer"
    phone: str = ""
    source: str = ""
    salesperson_id: int | None = None
    note: str = ""


def _validate(contact: ContactInput) -> None:
    if not contact.name.strip():
        raise ValidationError("name", "required")
    if contact.kind not in KINDS:
        raise ValidationError("kind", "bad_kind", value=contact.kind)
    check_date(contact.created, "created")


def add_contact(store: Store, contact: ContactInput, contact_id: int | None = None,
                uuid: str | None = None) -> int:
    _validate(contact)
    with store.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO contacts(id, uuid, kind, name, phone, source, salesperson_id, created, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (contact_id, uuid or new_uuid(), contact.kind, contact.name.strip(),
             contact.phone.strip(), contact.source.strip(), contact.salesperson_id,
             contact.created, contact.note),
        )
        store.mark_changed("contacts")
        return int(cur.lastrowid)


def update_contact(store: Store, contact_id: int, contact: ContactInput) -> None:
    _validate(contact)
    with store.transaction() as conn:
        conn.execute(
            "UPDATE contacts SET kind = ?, name = ?, phone = ?, source = ?, salesperson_id = ?,"
            " created = ?, note = ? WHERE id = ?",
            (contact.kind, contact.name.strip(), contact.phone.strip(), contact.source.strip(),
             contact.salesperson_id, contact.created, contact.note, contact_id),
        )
        store.mark_changed("contacts")


def get_contact(store: Store, contact_id: int) -> ContactInput:
    rows = store.query("SELECT * FROM contacts WHERE id = ?", (contact_id,))
    if not rows:
        raise ValidationError("contact", "not_found", id=contact_id)
    r = rows[0]
    return ContactInput(name=r["name"], created=r["created"], kind=r["kind"], phone=r["phone"],
                        source=r["source"], salesperson_id=r["salesperson_id"], note=r["note"])


def search_contacts(store: Store, text: str, limit: int = 20) -> list[tuple[int, str, str]]:
    """(id, name, phone) of contacts whose name or phone contains `text`."""
    like = f"%{text.strip()}%"
    return [(r[0], r[1], r[2]) for r in store.conn.execute(
        "SELECT id, name, phone FROM contacts WHERE name LIKE ? OR phone LIKE ?"
        " ORDER BY last_purchase IS NULL, last_purchase DESC, name LIMIT ?", (like, like, limit))]
