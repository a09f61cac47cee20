"""Row UUIDs: made as 16 bytes, shown and read as text, and the SQL uuid_text / uuid_blob."""

from __future__ import annotations

import os
import sqlite3
import uuid
from typing import Any


def new_uuid() -> bytes:
    """A new random (version 4) UUID as the shop file stores it: 16 bytes.

    Every row's UUID is made here (or by `new_uuids`) and shown or read as text only
    through `uuid_text` / `uuid_value`, so the stored form can change in one place.
    """
    return uuid.uuid4().bytes


def new_uuids(count: int) -> list[bytes]:
    """`count` new random (version 4) UUIDs, 16 bytes each: far faster than `new_uuid()`
    one by one for a bulk insert."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes((b & 0x0F) | 0x40 for b in raw[6::16])
    raw[8::16] = bytes((b & 0x3F) | 0x80 for b in raw[8::16])
    return [bytes(raw[i:i + 16]) for i in range(0, 16 * count, 16)]


def uuid_text(value: bytes | str | None) -> str | None:
    """The usual text form of a stored UUID ('1b4e28ba-2fa1-11d2-883f-0016d3cca427');
    a text UUID (files of schema version 3 and older) is returned as it is."""
    if value is None or isinstance(value, str):
        return value
    return str(uuid.UUID(bytes=bytes(value)))


def uuid_value(text: str | bytes) -> bytes:
    """The stored form of a UUID given as text (any case, with or without hyphens or
    braces); ValueError when it is not a UUID."""
    if isinstance(text, (bytes, bytearray)):
        if len(text) != 16:
            raise ValueError("a stored UUID has 16 bytes")
        return bytes(text)
    return uuid.UUID(str(text).strip()).bytes


def is_uuid_text(text: str) -> bool:
    """Whether `text` is a UUID written the usual way (36 characters with hyphens)."""
    if not isinstance(text, str) or len(text) != 36:
        return False
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _sql_uuid_blob(value: Any) -> Any:
    """SQL uuid_blob(x): a text UUID as its 16 bytes; anything else unchanged."""
    if isinstance(value, str):
        try:
            return uuid.UUID(value).bytes
        except ValueError:
            return value
    return value


def _sql_uuid_text(value: Any) -> Any:
    """SQL uuid_text(x): a 16-byte UUID as text; anything else unchanged."""
    if isinstance(value, bytes) and len(value) == 16:
        return str(uuid.UUID(bytes=value))
    return value


def add_sql_functions(conn: sqlite3.Connection) -> None:
    """uuid_text(x) and uuid_blob(x) for SQL (exports, the schema upgrade)."""
    conn.create_function("uuid_text", 1, _sql_uuid_text, deterministic=True)
    conn.create_function("uuid_blob", 1, _sql_uuid_blob, deterministic=True)
