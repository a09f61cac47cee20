"""The app and a shop on a PostgreSQL server: opened from --db, a server that does not
answer is said in the user's language with Try again, the address is remembered without
its password."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from kpidesk.ui import startup, startup_server


def test_an_unreachable_server_asks_to_try_again_and_makes_no_folder(qapp, tmp_path,
                                                                    monkeypatch):
    monkeypatch.chdir(tmp_path)
    asked = []

    def ask(parent, title, text, buttons, icon, default):
        asked.append((title, text, [key for key, *_ in buttons]))
        return "retry" if len(asked) == 1 else "cancel"

    monkeypatch.setattr(startup_server, "ask", ask)
    url = "postgresql://ana:secret@127.0.0.1:1/shop"
    assert startup.open_store_interactive(Path(url), None) is None
    assert len(asked) == 2  # tried again once, then cancelled
    title, text, keys = asked[0]
    assert title == "Server not answering" and keys == ["retry", "settings", "cancel"]
    assert "never reached it" in text  # nothing to work from: no copy on this laptop
    assert "127.0.0.1:1/shop" in text and "does not answer" in text
    assert "secret" not in text
    assert list(tmp_path.iterdir()) == []


def test_the_message_is_khmer_in_khmer(ctx):
    from kpidesk.store.errors import ServerError
    from kpidesk.ui.messages import server_error_text

    ctx.language.set_language("km")
    try:
        text = server_error_text(ServerError("unreachable"), "postgresql://a:pw@h/db")
        assert "ម៉ាស៊ីន\u200bមេ" in text or "ម៉ាស៊ីនមេ" in text
        assert ":pw" not in text and "a@h/db" in text
    finally:
        ctx.language.set_language("en")


def test_a_shared_shop_opens_and_is_remembered_without_its_password(qapp, pg_url, tmp_path):
    from kpidesk.app import shop_to_open

    store = startup.open_store_interactive(Path(pg_url), None)
    assert store is not None and store.is_server
    assert store.scalar("SELECT count(*) FROM stages") == 6
    store.close()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    from kpidesk.store import dialect

    settings.setValue("last_db", dialect.public_url(pg_url))
    remembered = shop_to_open(settings, None)
    assert dialect.is_server_url(remembered)
    assert ":kpidesk@" not in str(remembered)  # the password is not kept
