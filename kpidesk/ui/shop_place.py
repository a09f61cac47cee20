"""A shop's name for the user: a new shop file's name, a shared shop's place on its server."""

from __future__ import annotations

from pathlib import Path

from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator

tr = translator("MainWindow")


def shop_file_name(path: str | Path) -> Path:
    """A new shop file's name: one typed without the .db extension gets .kpidesk.db."""
    path = Path(path)
    return path if path.suffix.lower() == ".db" else path.with_name(path.name + ".kpidesk.db")


def shop_place_text(location: object) -> str:
    """Where a shared shop is, for titles and menus: "sokha_mart on server 192.168.1.10"
    (the port when not PostgreSQL's usual one; never a password)."""
    from kpidesk.store.server_address import DEFAULT_PORT, parse

    address = parse(location)
    host = address.host if address.port == DEFAULT_PORT else f"{address.host}:{address.port}"
    return fill_in(tr("%1 on server %2"), address.database, host)
