"""A headless command given a shared shop's address without a password: it takes one as
libpq does (PGPASSWORD, the pgpass file), else asks on the terminal, else refuses in one
sentence (exit 1, no traceback). Against the test cluster's password role."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import psycopg
import pytest

from kpidesk.store.db import Store

TODAY = "2026-11-26"


@pytest.fixture
def shop_url(pg_cluster, pg_password_role):
    """A new shop on the server (made with its password), and its address without one."""
    user, password = pg_password_role
    name = "cli_" + uuid.uuid4().hex[:8]
    with psycopg.connect(pg_cluster.url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" OWNER {user}')
    bare = f"postgresql://{user}@127.0.0.1:{pg_cluster.port}/{name}"
    with Store(bare.replace(f"{user}@", f"{user}:{password}@")) as store:
        store.set_setting("shop_name", "Counter shop")
    yield bare, password
    with psycopg.connect(pg_cluster.url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _kpi(url: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    return subprocess.run([sys.executable, "-m", "kpidesk", "kpi", "--db", url, "--json",
                           "--month", "2026-11", "--today", TODAY], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, env={**clean, **env})


def test_no_password_and_no_terminal_is_refused_in_one_sentence(shop_url, tmp_path):
    url, password = shop_url
    done = _kpi(url, {"PGPASSFILE": str(tmp_path / "none")})
    assert done.returncode == 1
    assert "wants a password: set PGPASSWORD" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1


def test_pgpassword_is_read_as_libpq_does(shop_url, tmp_path):
    url, password = shop_url
    done = _kpi(url, {"PGPASSWORD": password, "PGPASSFILE": str(tmp_path / "none")})
    assert done.returncode == 0, done.stderr
    assert "orders" in done.stdout


def test_the_pgpass_file_is_read_as_libpq_does(shop_url, tmp_path):
    url, password = shop_url
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:*:*:counter:{password}\n")
    pgpass.chmod(0o600)  # libpq ignores a pgpass file others can read
    done = _kpi(url, {"PGPASSFILE": str(pgpass)})
    assert done.returncode == 0, done.stderr


def test_a_terminal_is_asked_without_echo(shop_url, tmp_path, monkeypatch, capsys):
    import getpass

    from kpidesk import cli, shop_cli

    url, password = shop_url
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    asked = []
    monkeypatch.setattr(shop_cli, "terminal_attached", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or password)
    try:
        code = cli.main(["kpi", "--db", url, "--json", "--month", "2026-11", "--today", TODAY])
    finally:
        os.environ.pop("PGPASSWORD", None)  # set by the command for its own process
    assert code == 0, capsys.readouterr().err
    assert asked == [f"Password for {url}: "]
    assert password not in capsys.readouterr().out


def test_a_wrong_password_on_the_terminal_is_said(shop_url, tmp_path, monkeypatch, capsys):
    import getpass

    from kpidesk import cli, shop_cli

    url, _password = shop_url
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(shop_cli, "terminal_attached", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: "wrong")
    try:
        code = cli.main(["kpi", "--db", url, "--json", "--month", "2026-11", "--today", TODAY])
    finally:
        os.environ.pop("PGPASSWORD", None)
    err = capsys.readouterr().err
    assert code == 1
    assert "refused the user name or password" in err and "wrong" not in err
