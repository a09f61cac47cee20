"""The local queue of sales entered while a shared shop's server does not answer
(`store/outbox.py`), on the real test PostgreSQL cluster reached through a TCP relay that
the tests cut and restore (the cluster keeps running for the other tests)."""

from __future__ import annotations

import pytest

from kpidesk.store import outbox, reference, rollups
from kpidesk.store.db import Store
from kpidesk.store.errors import ServerError
from kpidesk.store.outbox import NewCustomer, Outbox, QueuedSale
from kpidesk.store.sales import LineInput, OrderInput, add_order
from tests.tcp_proxy import TcpProxy


@pytest.fixture
def relay(pg_url):
    """(the shop's URL through a relay that can be cut, the relay)."""
    from urllib.parse import urlsplit

    parts = urlsplit(pg_url)
    proxy = TcpProxy(parts.port)
    yield f"postgresql://kpidesk:kpidesk@127.0.0.1:{proxy.port}{parts.path}", proxy
    proxy.close()


def _shop(url: str) -> tuple[int, int]:
    with Store(url) as store:
        product = reference.add_named(store, "products", "Rice 5 kg")
        seller = reference.add_named(store, "salespeople", "Dara")
    return product, seller


def _sale(product: int, seller: int, cents: int, day: str = "2026-11-20",
          customer: str = "") -> QueuedSale:
    order = OrderInput(date=day, lines=[LineInput(amount=cents, product_id=product,
                                                  quantity=2)],
                       salesperson_id=seller)
    return QueuedSale(order=order, customer=NewCustomer(customer) if customer else None,
                      customer_name=customer, salesperson_name="Dara",
                      product_names=["Rice 5 kg"])


def _server_totals(store: Store) -> tuple[int, int]:
    return (store.scalar("SELECT count(*) FROM orders"),
            store.scalar("SELECT IFNULL(SUM(amount_usd), 0) FROM sale_lines"))


def _rollups_match_a_recomputation(store: Store) -> None:
    incremental = rollups.snapshot(store.conn)
    with store.transaction():
        rollups.rebuild_all(store.conn)
    assert rollups.snapshot(store.conn) == incremental
    assert store.scalar("SELECT IFNULL(SUM(revenue_usd), 0) FROM daily_revenue") == \
        store.scalar("SELECT IFNULL(SUM(amount_usd), 0) FROM sale_lines")


def test_queue_name_names_server_and_database_never_the_password(tmp_path):
    path = outbox.queue_path(tmp_path, "postgresql://ann:secret@10.0.0.5:5433/shop")
    assert path.name == "shop@10.0.0.5_5433.kpidesk-queue.db"
    assert "secret" not in str(path) and "ann" not in path.name
    assert outbox.queue_path(tmp_path, "postgresql://ann@10.0.0.5/other") != path


def test_a_queued_sale_survives_closing_the_queue(tmp_path):
    path = tmp_path / "q.db"
    with Outbox(path, "postgresql://a:pw@h/shop") as box:
        sale = box.enqueue(_sale(1, 2, 1250, customer="Sok 012 345 678"))
    with Outbox(path) as box:
        [again] = box.pending()
    assert again.order.uuid == sale.order.uuid and len(again.order.uuid) == 16
    assert again.order.lines[0].amount == 1250 and again.customer.name == "Sok 012 345 678"
    assert again.product_names == ["Rice 5 kg"] and again.queued_at


def test_sent_when_the_server_is_back_once_and_in_order(relay, tmp_path):
    url, proxy = relay
    product, seller = _shop(url)
    store = Store(url)
    try:
        add_order(store, _sale(product, seller, 500).order)
        proxy.cut()
        with pytest.raises(ServerError) as raised:
            add_order(store, _sale(product, seller, 700).order)
        assert raised.value.reason == "unreachable"
        box = Outbox(tmp_path / "q.db", url)
        for cents in (1100, 2200, 3300):
            box.enqueue(_sale(product, seller, cents, customer="Sok"))
        down = box.send_pending(store)
        assert down.unreachable and down.done == 0 and down.remaining == 3
        proxy.restore()
        sent = box.send_pending(store)
        assert (sent.sent, sent.already_there, sent.remaining, sent.unreachable) == \
            (3, 0, 0, False)
        again = box.send_pending(store)
        assert again.done == 0 and again.remaining == 0
        rows = store.query("SELECT o.id, l.amount, c.name FROM orders o JOIN sale_lines l"
                           " ON l.order_id = o.id LEFT JOIN contacts c ON c.id = o.contact_id"
                           " ORDER BY o.id")
        assert [(r["amount"], r["name"]) for r in rows] == [
            (500, None), (1100, "Sok"), (2200, "Sok"), (3300, "Sok")]
        # one customer "Sok", made by the first queued sale and found by the others
        assert store.scalar("SELECT count(*) FROM contacts WHERE name = 'Sok'") == 1
        assert _server_totals(store) == (4, 500 + 1100 + 2200 + 3300)
        _rollups_match_a_recomputation(store)
    finally:
        store.close()


def test_a_crash_after_the_server_committed_does_not_double_the_sale(relay, tmp_path):
    url, _proxy = relay
    product, seller = _shop(url)
    path = tmp_path / "q.db"
    box = Outbox(path, url)
    box.enqueue(_sale(product, seller, 4400))
    box.enqueue(_sale(product, seller, 5500))

    def crash(_sale):
        raise SystemExit("power cut")  # after the server's COMMIT, before the queue row goes

    box.after_server_commit = crash
    with Store(url) as store:
        with pytest.raises(SystemExit):
            box.send_pending(store)
        assert _server_totals(store) == (1, 4400)
    box.close()
    with Outbox(path, url) as box, Store(url) as store:  # the app started again
        assert box.count() == 2
        result = box.send_pending(store)
        assert (result.sent, result.already_there, result.remaining) == (1, 1, 0)
        assert _server_totals(store) == (2, 4400 + 5500)
        _rollups_match_a_recomputation(store)


def test_a_sale_the_server_refuses_stays_with_its_reason(relay, tmp_path):
    url, _proxy = relay
    product, seller = _shop(url)
    with Store(url) as store, Outbox(tmp_path / "q.db", url) as box:
        gone = box.enqueue(_sale(product + 1000, seller, 900))  # a product since removed
        box.enqueue(_sale(product, seller, 800))
        result = box.send_pending(store)
        assert result.sent == 1 and result.remaining == 1
        [kept] = box.pending()
        assert kept.order.uuid == gone.order.uuid
        assert (kept.refused.field, kept.refused.code, kept.refused.params["name"]) == \
            ("product", "gone", "Rice 5 kg")
        # the user chose the product again: the edited sale goes on the next send
        kept.order.lines[0].product_id = product
        box.replace(kept)
        assert box.pending()[0].refused is None
        assert box.send_pending(store).sent == 1
        assert _server_totals(store) == (2, 1700)


def test_discard_drops_only_that_sale(tmp_path):
    with Outbox(tmp_path / "q.db") as box:
        first = box.enqueue(_sale(1, 1, 100))
        box.enqueue(_sale(1, 1, 200))
        box.discard(first.queue_id)
        assert [s.order.lines[0].amount for s in box.pending()] == [200]


def test_server_answers_looks_at_the_port(relay):
    url, proxy = relay
    assert outbox.server_answers(url)
    proxy.cut()
    assert not outbox.server_answers(url, timeout_s=0.5)
    proxy.restore()
    assert outbox.server_answers(url)


def test_the_connection_notices_a_server_gone_from_the_network(pg_url):
    # keepalives and tcp_user_timeout (pg.LOST_SERVER_TIMEOUTS): a black-holed server is
    # an error within seconds, not a frozen window (no way to black-hole one here)
    with Store(pg_url) as store:
        params = store.conn.raw.info.get_parameters()
    assert (params["keepalives_idle"], params["keepalives_count"],
            params["tcp_user_timeout"]) == ("10", "3", "20000")
