"""Shared fixtures: a real shop file in a temp folder, a demo shop, the app context."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # without a display the run aborts

from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kpidesk.store.db import Store  # noqa: E402

DEMO_TODAY = date(2026, 11, 26)


def pytest_configure(config):
    """The automatic garbage collector is off for the whole run, as it is in the app
    (kpidesk.ui.collector): left on, it fires inside pytest-qt's processEvents or on a
    test's background thread, and a widget of an earlier test freed there crashes the
    run. Garbage is collected between tests instead (below)."""
    import gc

    gc.disable()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """After each test, once pytest-qt has closed its widgets and no event is being
    delivered: collect what the automatic collector would have collected by now."""
    from kpidesk.ui.collector import collect_due

    result = yield
    collect_due()
    return result


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the real user's data folder or settings."""
    monkeypatch.setenv("KPIDESK_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("KPIDESK_PIN", raising=False)


class MemoryKeyring:
    """The system's password store for the tests: a dict (keyring's own API), so that no
    test reads or writes the password store of the machine it runs on."""

    def __init__(self) -> None:
        from keyring.backend import KeyringBackend

        class Backend(KeyringBackend):
            priority = 1  # type: ignore[assignment]

            def __init__(self) -> None:
                super().__init__()
                self.kept: dict[tuple[str, str], str] = {}

            def get_password(self, service, username):
                return self.kept.get((service, username))

            def set_password(self, service, username, password):
                self.kept[(service, username)] = password

            def delete_password(self, service, username):
                from keyring.errors import PasswordDeleteError

                if self.kept.pop((service, username), None) is None:
                    raise PasswordDeleteError("not kept")

        self.backend = Backend()


@pytest.fixture(autouse=True)
def keyring_backend():
    """An empty in-memory password store for each test (`.kept` holds what was saved)."""
    import keyring

    before = keyring.get_keyring()
    backend = MemoryKeyring().backend
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def _quick_pins(monkeypatch):
    """PINs hashed with few PBKDF2 rounds (600,000 take 0.2 s each); no owner grant of a
    headless command outlives its test."""
    from kpidesk.store import security

    assert security.ITERATIONS >= 600_000  # the app's own figure (OWASP's)
    monkeypatch.setattr(security, "ITERATIONS", 1000)
    yield
    security.revoke_process()


# Modules whose tests run on both stores: each test that takes `store` or `demo_store`
# runs once on a shop file and once on a PostgreSQL database (issue #21). A test that is
# about files themselves carries `@pytest.mark.sqlite_only("why")`.
BOTH_STORES = ("test_store", "test_store_contacts", "test_store_history",
               "test_store_opportunities", "test_metrics_", "test_io_", "test_cli_kpi",
               "test_honest_figures", "test_act_", "test_report")


# A test of the headless commands takes `db_location` (or `db_locations` for several
# shops): the `--db` value, a shop file's path or a PostgreSQL database's URL. Such a test
# runs on both stores in any module, unless marked `sqlite_only("why")`.
LOCATION_FIXTURES = {"db_location", "db_locations", "demo_location"}


def pytest_generate_tests(metafunc):
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    if LOCATION_FIXTURES & set(metafunc.fixturenames) and module != "test_store_postgres":
        marker = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("store_kind", ["sqlite"] if marker else ["sqlite", "postgresql"])
        return
    if module == "test_store_postgres" or not module.startswith(BOTH_STORES):
        return
    if not {"store", "demo_store"} & set(metafunc.fixturenames):
        return
    if GUI_FIXTURES & set(metafunc.fixturenames):  # widgets: on shop files only, for now
        return
    marker = metafunc.definition.get_closest_marker("sqlite_only")
    kinds = ["sqlite"] if marker else ["sqlite", "postgresql"]
    metafunc.parametrize("store_kind", kinds)


@pytest.fixture
def store_kind() -> str:
    """Which store `store` and `demo_store` open: a shop file unless parametrised."""
    return "sqlite"


@pytest.fixture
def store(tmp_path: Path, store_kind: str, request):
    if store_kind == "postgresql":
        s = Store(request.getfixturevalue("pg_url"))
    else:
        s = Store(tmp_path / "shop.db")
    yield s
    s.close()


@pytest.fixture
def db_locations(tmp_path: Path, store_kind: str, request):
    """Makes `--db` values of new empty shops of the test's kind: db_locations("head") →
    tmp_path/"head.db", or the URL of a new empty database on the test cluster (dropped
    afterwards). The shop's tables are made by whatever opens it first."""
    made: list[str] = []

    def make(name: str = "shop"):
        if store_kind != "postgresql":
            return tmp_path / f"{name}.db"
        import re
        import uuid

        cluster = request.getfixturevalue("pg_cluster")
        database = f"c_{re.sub(r'[^a-z0-9]', '_', name.lower())[:20]}_{uuid.uuid4().hex[:8]}"
        made.append(database)
        return new_database_url(cluster, database)

    yield make
    if made:
        with _admin(request.getfixturevalue("pg_cluster")) as admin:
            for database in made:
                admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture
def db_location(db_locations):
    """The `--db` value of a new empty shop: a file path, or a PostgreSQL URL (see
    `db_locations`)."""
    return db_locations("shop")


@pytest.fixture
def demo_location(demo_file: Path, tmp_path: Path, store_kind: str, request):
    """The `--db` value of a private writable copy of the demo shop (`demo_file`, or its
    template database on the test cluster)."""
    if store_kind != "postgresql":
        import shutil

        target = tmp_path / "demo.db"
        shutil.copy(demo_file, target)
        return target
    import uuid

    template = request.getfixturevalue("pg_demo_template")
    cluster = request.getfixturevalue("pg_cluster")
    name = "demo_" + uuid.uuid4().hex[:12]
    with _admin(cluster) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" OWNER kpidesk')
    request.addfinalizer(lambda: _drop(cluster, name))
    return f"postgresql://kpidesk:kpidesk@127.0.0.1:{cluster.port}/{name}"


def drop_database(cluster, name: str) -> None:
    with _admin(cluster) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _drop(cluster, database: str) -> None:
    with _admin(cluster) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _admin(cluster):
    import psycopg

    return psycopg.connect(cluster.url, autocommit=True)


def new_database_url(cluster, name: str) -> str:
    """Makes an empty database `name` on the test cluster; its `--db` URL."""
    with _admin(cluster) as admin:
        admin.execute(f'CREATE DATABASE "{name}" OWNER kpidesk')
    return f"postgresql://kpidesk:kpidesk@127.0.0.1:{cluster.port}/{name}"


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """A small demo shop built once per test run (copy it before writing)."""
    from kpidesk.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(path) as s:
        build_demo(s, months=24, lines=6000, today=DEMO_TODAY, seed=3)
    return path


@pytest.fixture(scope="session")
def pg_demo_template(pg_cluster) -> str:
    """The demo shop of `demo_file` built once on the server, as a template database."""
    import psycopg

    from kpidesk.demo import build_demo

    with psycopg.connect(pg_cluster.url, autocommit=True) as admin:
        admin.execute('CREATE DATABASE "demo_template" OWNER kpidesk')
    url = f"postgresql://kpidesk:kpidesk@127.0.0.1:{pg_cluster.port}/demo_template"
    with Store(url) as s:
        build_demo(s, months=24, lines=6000, today=DEMO_TODAY, seed=3)
    return "demo_template"


@pytest.fixture
def demo_store(demo_file: Path, tmp_path: Path, store_kind: str, request):
    """A private writable copy of the demo shop."""
    import shutil

    if store_kind == "postgresql":
        import uuid

        import psycopg

        template = request.getfixturevalue("pg_demo_template")
        cluster = request.getfixturevalue("pg_cluster")
        name = "demo_" + uuid.uuid4().hex[:12]
        with psycopg.connect(cluster.url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" OWNER kpidesk')
        s = Store(f"postgresql://kpidesk:kpidesk@127.0.0.1:{cluster.port}/{name}")
        yield s
        s.close()
        with psycopg.connect(cluster.url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    target = tmp_path / "demo.db"
    shutil.copy(demo_file, target)
    s = Store(target)
    yield s
    s.close()


@pytest.fixture
def settings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _collect_now() -> None:
    """Free the test's Qt objects (its language manager's translators…) here, between
    tests: freed by the garbage collector at a chance moment inside a later test's
    QCoreApplication.translate(), a translator's removal waits for the lock that call
    holds, and the run hangs."""
    import gc

    gc.collect()


def _make_ctx(qapp, the_store, settings, lang="en"):
    from kpidesk.i18n.fonts import install_app_font
    from kpidesk.i18n.language import LanguageManager
    from kpidesk.ui.context import AppContext

    install_app_font(qapp)
    language = LanguageManager()
    language.set_language(lang)
    ctx = AppContext(the_store, language, settings)
    ctx.fixed_today = DEMO_TODAY
    return ctx


@pytest.fixture
def ctx(qapp, store, settings):
    c = _make_ctx(qapp, store, settings)
    yield c
    c.language.set_language("en")
    c.close()
    _collect_now()


@pytest.fixture
def demo_ctx(qapp, demo_store, settings):
    c = _make_ctx(qapp, demo_store, settings)
    yield c
    c.language.set_language("en")
    c.close()
    _collect_now()


@pytest.fixture
def main_window(qtbot, demo_ctx):
    from kpidesk.ui.main_window import MainWindow

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def v1_shop(tmp_path):
    """Makes copies of a shop file written by schema version 1 (a 1,500-line demo: seed
    11, 24 months up to 2026-11-26), as that version made it: v1_shop("a") → a copy in
    tmp_path/a."""
    import gzip

    data = gzip.decompress((Path(__file__).parent / "data" / "shop-v1.db.gz").read_bytes())

    def copy(folder: str = "v1") -> Path:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        path = tmp_path / folder / "old-shop.db"
        path.write_bytes(data)
        return path

    return copy


@pytest.fixture
def tmpfs(tmp_path):
    """A tiny tmpfs of our own (4 MB; root only), to fill or make read-only; skips where
    mounting is not allowed."""
    import shutil
    import subprocess

    mount = tmp_path / "mnt"
    mount.mkdir()
    if not (hasattr(os, "geteuid") and os.geteuid() == 0) or shutil.which("mount") is None:
        pytest.skip("needs root to mount a tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("tmpfs mount not allowed here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def forget_receipt_details(store: Store) -> None:
    """A demo made now has prices, discounts, costs, payment methods and times (schema
    `add_sale_details`); a shop made by an older version has none of them. Without them
    the two agree to the last figure (the rollups are rebuilt)."""
    from kpidesk.store import order_days, rollups

    with store.transaction() as conn:
        # (the converted costs and discounts are generated from these: schema.LINE_GENERATED)
        conn.execute("UPDATE sale_lines SET unit_price = NULL, discount = NULL,"
                     " unit_cost = NULL, cost = NULL")
        (time_column,), _ = order_days.stored_order(conn, ("time",), [])
        conn.execute(f"UPDATE orders SET payment_id = NULL, {time_column} = NULL")
        conn.execute("UPDATE products SET unit_price = NULL, unit_cost = NULL,"
                     " price_currency = NULL")
        rollups.rebuild_all(conn)


GUI_FIXTURES = {"qtbot", "qapp", "ctx", "demo_ctx", "main_window", "qtmodeltester"}


def pytest_collection_modifyitems(config, items):
    """Tests that drive widgets are marked `gui` (run or skip them with -m gui / -m "not
    gui")."""
    for item in items:
        if GUI_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


# -- a throwaway PostgreSQL server (tests/pg_server.py) --------------------------------
@pytest.fixture(scope="session")
def pg_cluster():
    """One PostgreSQL cluster for the session; the tests that use it skip, saying why, only
    when this machine has no PostgreSQL server binaries (CI refuses that skip:
    KPIDESK_REQUIRE_PG=1)."""
    from tests import pg_server

    if pg_server.bin_dir() is None:
        if os.environ.get("KPIDESK_REQUIRE_PG"):
            pytest.fail("KPIDESK_REQUIRE_PG is set but no PostgreSQL server binaries exist")
        pytest.skip("no PostgreSQL server binaries (initdb) on this machine")
    cluster = pg_server.start()
    import psycopg

    with psycopg.connect(cluster.url, autocommit=True) as admin:
        # the shops belong to an ordinary role, as on a shop's server: nothing here may
        # lean on a superuser's rights
        admin.execute("CREATE ROLE kpidesk LOGIN PASSWORD 'kpidesk'")
    yield cluster
    pg_server.stop(cluster.folder)


PASSWORD_ROLE = ("counter", "right-pw")


@pytest.fixture(scope="session")
def pg_password_role(pg_cluster) -> tuple[str, str]:
    """A role of the test cluster that must give its password (scram-sha-256), as on a
    shop's server; the other roles stay on trust. Returns (user, password)."""
    import psycopg

    user, password = PASSWORD_ROLE
    hba = pg_cluster.folder / "data" / "pg_hba.conf"
    rules = hba.read_text()
    hba.write_text(f"host all {user} 127.0.0.1/32 scram-sha-256\n{rules}")
    with psycopg.connect(pg_cluster.url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {user} LOGIN PASSWORD '{password}'")
        admin.execute("SELECT pg_reload_conf()")
    return user, password


@pytest.fixture
def pg_url(pg_cluster, request) -> str:
    """The URL of a new empty database on the test cluster, dropped afterwards."""
    import re
    import uuid

    import psycopg

    name = "t_" + re.sub(r"\W", "_", request.node.name.lower())[:40] + "_" + uuid.uuid4().hex[:6]
    admin = psycopg.connect(pg_cluster.url, autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}" OWNER kpidesk')
    yield f"postgresql://kpidesk:kpidesk@127.0.0.1:{pg_cluster.port}/{name}"
    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def refundable_sale(store: Store) -> int | None:
    """A sale of the shop that can be refunded (not a refund, not a daily total, not yet
    refunded), the one of the most lines; None in a shop without one."""
    return store.scalar(
        "SELECT o.id FROM orders o WHERE o.refund_of IS NULL AND o.is_daily_total = 0"
        " AND NOT EXISTS (SELECT 1 FROM orders r WHERE r.refund_of = o.id)"
        " AND (SELECT min(amount) FROM sale_lines WHERE order_id = o.id) > 0"
        " ORDER BY (SELECT count(*) FROM sale_lines WHERE order_id = o.id) DESC, o.id"
        " LIMIT 1")
