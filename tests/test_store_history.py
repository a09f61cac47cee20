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


def test_history_command_lists_the_changes_as_json_and_text(tmp_path, capsys, db_location):
    """`python -m kpidesk history --db PATH [--json] [--action …]`: each change with when,
    what, before → after and whether the PIN was given."""
    import json

    from kpidesk.cli import main
    from kpidesk.store.db import Store
    from kpidesk.store.sales import LineInput, OrderInput, add_order, update_order

    path = db_location
    with Store(path) as s:
        order = add_order(s, OrderInput("2026-11-02", [LineInput(1200)]))
        update_order(s, order, OrderInput("2026-11-02", [LineInput(1)]))
        s.set_setting("shop_name", "Sokha Phone Shop")
    capsys.readouterr()
    assert main(["history", "--db", str(path), "--json", "--action", "edit_sale"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["subject"] == f"order {order}" and entry["with_pin"] is False
    assert entry["before"]["lines"] == [[1200, "USD"]] and entry["after"]["lines"] == [[1, "USD"]]
    assert main(["history", "--db", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("setting" in line and "Sokha Phone Shop" in line for line in lines)
    assert any("edit_sale" in line and "no PIN" in line for line in lines)
