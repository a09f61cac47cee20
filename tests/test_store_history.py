"""The change history: entries written with their change, never editable."""

import sqlite3

import pytest

from kpidesk.store import history
from kpidesk.store.db import Store


def test_entries_are_recorded_with_their_transaction(tmp_path):
    with Store(tmp_path / "shop.db") as store:
        with store.transaction() as conn:
            history.record(conn, "setting", "shop_name", {"value": ""}, {"value": "Sok"},
                           with_pin=True)
        with pytest.raises(RuntimeError), store.transaction() as conn:
            history.record(conn, "setting", "default_rate", {"value": "4100"},
                           {"value": "4000"})
            raise RuntimeError("the change failed")
        [entry] = history.entries(store)
        assert (entry.action, entry.subject, entry.before, entry.after, entry.with_pin) == (
            "setting", "shop_name", {"value": ""}, {"value": "Sok"}, True)
        assert history.entries(store, action="import") == []
        assert history.entries(store, since=entry.at[:10], until=entry.at[:10]) == [entry]


def test_history_cannot_be_edited(tmp_path):
    with Store(tmp_path / "shop.db") as store:
        with store.transaction() as conn:
            history.record(conn, "restore", "backup.db")
        for sql in ("UPDATE change_history SET action = 'setting'", "DELETE FROM change_history"):
            with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
                conn.execute(sql)
        assert len(history.entries(store)) == 1


def test_unknown_action_is_refused(tmp_path):
    with Store(tmp_path / "shop.db") as store, store.transaction() as conn:
        with pytest.raises(ValueError):
            history.record(conn, "rewrite", "x")
