"""What a counter laptop keeps of a shared shop to take sales while its server does not
answer (`store/known_copy.py`), on the real test cluster behind a relay the tests cut."""

from __future__ import annotations

import pytest

from kpidesk.store import contacts, known_copy, receipts, reference, security
from kpidesk.store.db import Store
from kpidesk.store.errors import ServerError
from tests.tcp_proxy import relayed_shop


@pytest.fixture
def relay(pg_url, monkeypatch):
    monkeypatch.setattr(security, "ITERATIONS", 1000)  # hashing at test speed
    with relayed_shop(pg_url) as shop:
        yield shop


def test_the_copy_answers_what_the_sales_form_reads_and_nothing_else(relay, tmp_path):
    url, proxy = relay
    folder = tmp_path / "data"
    assert not known_copy.has_copy(folder, url)  # never reached: nothing to work from
    with Store(url) as store:
        rice = next(i for i, n in reference.list_named(store, "products") if n == "Rice 5 kg")
        with security.owner_session(store, with_pin=False):
            receipts.set_product_price(store, rice, unit_price=1250, unit_cost=900)
            store.set_setting("default_rate", "4050")
            store.set_setting("shop_name", "Phsar Thmei")
        expected = {t: reference.list_named(store, t) for t in ("products", "salespeople",
                                                                "channels")}
        methods = receipts.payment_methods(store, active_only=True)
        known_copy.refresh(store, folder)
    assert known_copy.has_copy(folder, url)
    copy_text = known_copy.known_path(folder, url).read_bytes()
    assert b"kpidesk:kpidesk" not in copy_text  # no password in the copy

    proxy.cut()
    with pytest.raises(ServerError):
        Store(url)
    offline = known_copy.open_offline(url, folder)
    try:
        assert offline.is_server and offline.server_broken()
        assert offline.facts.shop_name == "Phsar Thmei"
        for table, rows in expected.items():
            assert reference.list_named(offline, table) == rows
        assert receipts.payment_methods(offline, active_only=True) == methods
        price = receipts.product_price(offline, rice)
        assert (price.unit_price, price.unit_cost) == (1250, 900)
        assert offline.default_rate == 4050
        assert contacts.search_contacts(offline, "Sok")[0][1] == "Sok Chea"
        assert contacts.find_contact(offline, "sok chea", "") is not None
        # figures and writes need the server: one error the app already knows
        for attempt in (lambda: offline.scalar("SELECT count(*) FROM orders"),
                        lambda: offline.conn.execute("DELETE FROM contacts"),
                        lambda: offline.others_wrote()):
            with pytest.raises(ServerError) as err:
                attempt()
            assert err.value.reason == "unreachable"
        with pytest.raises(ServerError):
            offline.ensure_connected()  # still away
        proxy.restore()
        offline.ensure_connected()  # back: a real connection replaces the copy
        assert not offline.server_broken()
        assert offline.scalar("SELECT count(*) FROM orders") == 0
    finally:
        offline.close()


def test_the_pin_is_checked_against_the_hash_last_copied(relay, tmp_path):
    url, proxy = relay
    folder = tmp_path / "data"
    with Store(url) as store:
        with security.owner_session(store, with_pin=False):
            security.set_pin(store, "2468")
        known_copy.refresh(store, folder)
    path = known_copy.known_path(folder, url)
    assert "2468" not in path.read_bytes().decode("latin-1")  # the hash only
    assert known_copy.has_pin_offline(path)
    proxy.cut()
    assert known_copy.check_pin_offline(path, "2468", now=1000.0)
    assert known_copy.check_pin_offline(path, "២៤៦៨", now=1000.0)  # Khmer digits too
    for _ in range(security.FREE_TRIES):
        assert not known_copy.check_pin_offline(path, "1111", now=1000.0)
    with pytest.raises(security.PinDelayError):  # wrong tries counted on this laptop too
        known_copy.check_pin_offline(path, "2468", now=1001.0)
    assert known_copy.check_pin_offline(path, "2468", now=1000.0 + security.MAX_DELAY)
    # a PIN changed on the server meanwhile is taken at the next connection
    proxy.restore()
    with Store(url) as store:
        with security.owner_session(store, with_pin=True):
            security.set_pin(store, "13579")
        known_copy.refresh(store, folder)
    assert not known_copy.check_pin_offline(path, "2468", now=5000.0)
    assert known_copy.check_pin_offline(path, "13579", now=5000.0)
