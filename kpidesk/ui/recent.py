"""The shops opened lately (File ▸ Recent shops): shop files and shared shops' addresses,
newest first, in the settings. A shared shop is kept as its address without a password
(`ServerAddress.public_url`): its password is in the system's password store or asked."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kpidesk.store import dialect

RECENT_KEY = "recent_shops"
RECENT_MAX = 8


def location_key(location: object) -> str:
    """How a shop is written in the list: a file's path, or a shared shop's address."""
    if dialect.is_server_url(location):
        from kpidesk.store.server_address import parse

        return parse(location).public_url  # never a password
    return str(location)


def recent_shops(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, []) or []
    if isinstance(value, str):  # QSettings gives one entry back as a string
        value = [value]
    if not isinstance(value, (list, tuple)):
        return []
    return [str(v) for v in value if str(v)]


def remember(settings: QSettings, location: object) -> None:
    key = location_key(location)
    kept = [key] + [v for v in recent_shops(settings) if v != key]
    settings.setValue(RECENT_KEY, kept[:RECENT_MAX])
