"""Names and phone numbers stay the user's: logs and exports 0600, the data, logs and
backup folders 0700 (they were 0644 / 0755)."""

from __future__ import annotations

import os

import pytest
from attacklib import cli, make_shop

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes")


def _mode(path) -> int:
    return path.stat().st_mode & 0o777


def test_exports_are_readable_by_the_user_only(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    for out in (tmp_path / "sales.csv", tmp_path / "sales.xlsx"):
        done = cli("export", "sales", "--db", path, "--out", out)
        assert done.returncode == 0, done.stderr
        assert _mode(out) == 0o600, out
    existing = tmp_path / "contacts.csv"
    existing.write_text("old", encoding="utf-8")
    os.chmod(existing, 0o644)  # written over: narrowed too
    assert cli("export", "contacts", "--db", path, "--out", existing).returncode == 0
    assert _mode(existing) == 0o600


def test_the_data_logs_and_backup_folders_and_the_log_are_private(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("KPIDESK_DATA_DIR", str(data))
    from kpidesk import paths

    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)  # as an older version left it
    assert _mode(paths.data_dir()) == 0o700
    assert _mode(paths.logs_dir()) == 0o700
    assert _mode(paths.backups_dir()) == 0o700
    from kpidesk.logs import log, setup_logging

    for handler in list(log.handlers):  # a fresh log in this data folder
        log.removeHandler(handler)
    where = setup_logging()
    log.warning("a line about shop.db")
    for handler in log.handlers:
        handler.flush()
    assert where is not None and _mode(where) == 0o600
    for handler in list(log.handlers):
        handler.close()
        log.removeHandler(handler)
