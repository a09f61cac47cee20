"""Names met while importing (salespeople, products, channels…) and contacts found or
made, looked up once per import.
"""

from __future__ import annotations

from kpidesk.io.importer.fields import _key, _uuid_of
from kpidesk.store.uuids import new_uuid


class _Names:
    """name → id of a named list, created when missing (case-insensitive)."""

    def __init__(self, conn, table: str, import_id: int | None = None) -> None:
        self.conn = conn
        self.table = table
        self.import_id = import_id
        self.ids: dict[int, int] = {}
        for row_id, name in conn.execute(f"SELECT id, name FROM {table} ORDER BY id DESC"):
            self.ids[_key(name.strip())] = row_id
        self.created = 0

    def get(self, name: str, **extra: object) -> int | None:
        if not name:
            return None
        key = _key(name)
        found = self.ids.get(key)
        if found is None:
            cols = ["uuid", "name", "import_id", *extra]
            found = self.conn.execute(
                f"INSERT INTO {self.table}({', '.join(cols)}) VALUES"
                f" ({', '.join('?' * len(cols))})",
                (new_uuid(), name, self.import_id, *extra.values()),
            ).lastrowid
            self.ids[key] = found
            self.created += 1
        return found


class _Contacts:
    """Finds or creates contacts by external ref (import_keys / uuid) or by name."""

    def __init__(self, conn, import_id: int | None = None) -> None:
        self.conn = conn
        self.import_id = import_id
        self.by_name: dict[int, int] = {}
        for row_id, name in conn.execute("SELECT id, name FROM contacts ORDER BY id DESC"):
            self.by_name[_key(name.strip())] = row_id
        self.by_ref: dict[int, int] = {hash(key): row_id for key, row_id in conn.execute(
            "SELECT key, row_id FROM import_keys WHERE kind = 'contact'")}
        self.by_uuid: dict[str, int] = {}
        self.first_made: int | None = None  # ids from this one up were made here
        self.made = 0

    def find(self, name: str, ref: str) -> int | None:
        if ref:
            found = self.by_ref.get(hash(ref))
            if found is None and _uuid_of(ref) is not None:
                row = self.conn.execute("SELECT id FROM contacts WHERE uuid = ?",
                                        (_uuid_of(ref),)).fetchone()
                found = row[0] if row else None
                if found is not None:
                    self.by_ref[hash(ref)] = found
            return found
        return self.by_name.get(_key(name)) if name else None

    def make(self, name: str, ref: str, created: str, kind: str = "customer", phone: str = "",
             source: str = "", salesperson_id: int | None = None, note: str = "") -> int:
        uid = _uuid_of(ref) or new_uuid()
        exists = self.conn.execute("SELECT 1 FROM contacts WHERE uuid = ?", (uid,)).fetchone()
        if exists:
            uid = new_uuid()
        row_id = self.conn.execute(
            "INSERT INTO contacts(uuid, kind, name, phone, source, salesperson_id, created, note,"
            " import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, kind, name or ref, phone, source, salesperson_id, created, note,
             self.import_id)).lastrowid
        if ref:
            self.conn.execute("INSERT OR REPLACE INTO import_keys(kind, key, row_id)"
                              " VALUES ('contact', ?, ?)", (ref, row_id))
            self.by_ref[hash(ref)] = row_id
        if name:
            self.by_name.setdefault(_key(name), row_id)
        if self.first_made is None:
            self.first_made = row_id
        self.made += 1
        return row_id

    def for_sale(self, name: str, ref: str, phone: str, day: str) -> int | None:
        if not name and not ref:
            return None
        found = self.find(name, ref)
        if found is None:
            found = self.make(name, ref, day, phone=phone)
        return found

    def finish(self) -> None:
        """Contacts made from sales: created = their first sale in the file (one statement,
        rather than a date kept per new contact: a million new customers stay cheap)."""
        if self.first_made is not None:
            # MIN(day) from the (contact, day) index alone; its text made once a contact
            self.conn.execute(
                "UPDATE contacts SET created = first.day FROM (SELECT contact_id,"
                " date('1970-01-01', '+' || MIN(day) || ' days') AS day FROM orders"
                " WHERE contact_id >= ? GROUP BY contact_id) AS first"
                " WHERE contacts.id = first.contact_id AND contacts.created > first.day",
                (self.first_made,))
