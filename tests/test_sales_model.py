"""The sales table model: pages fetched on demand, keyset order, filters, headers."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.ui.models.sales_model import (
    COL_AMOUNT,
    COL_CHANNEL,
    COL_CUSTOMER,
    COL_DATE,
    COL_NOTE,
    COL_NUMBER,
    COL_PRODUCT,
    COL_QUANTITY,
    COL_REPORTING,
    COL_SALESPERSON,
    HEADERS,
    LINE_ID_ROLE,
    PAGE_SIZE,
    SalesFilter,
    SalesTableModel,
)


@pytest.fixture
def store_1200(store):
    from kpidesk.demo import build_demo

    build_demo(store, months=3, lines=1200, today=date(2026, 11, 26), seed=11)
    assert store.scalar("SELECT count(*) FROM sale_lines") == 1200
    return store


def _fetch_all(model: SalesTableModel) -> list[int]:
    while model.canFetchMore():
        model.fetchMore()
    return [model.line_id(r) for r in range(model.rowCount())]


def test_first_page_then_more_on_demand(qapp, store_1200):
    model = SalesTableModel(store_1200)
    assert model.rowCount() == PAGE_SIZE == 500
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 1000
    model.fetchMore()
    assert model.rowCount() == 1200
    assert not model.canFetchMore()
    ids = [model.line_id(r) for r in range(1200)]
    assert len(set(ids)) == 1200
    all_ids = {r[0] for r in store_1200.conn.execute("SELECT id FROM sale_lines")}
    assert set(ids) == all_ids


def test_default_order_is_newest_first(qapp, store_1200):
    model = SalesTableModel(store_1200)
    got = _fetch_all(model)
    expected = [r[0] for r in store_1200.conn.execute(
        "SELECT l.id FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " ORDER BY o.date DESC, o.id DESC, l.id DESC")]
    assert got == expected


SORT_SQL = {
    COL_DATE: "o.date {d}, o.id {d}, l.id {d}",
    COL_NUMBER: "o.number {d}, l.id {d}",
    COL_CUSTOMER: "IFNULL(c.name, '') {d}, l.id {d}",
    COL_SALESPERSON: "IFNULL(sp.name, '') {d}, l.id {d}",
    COL_CHANNEL: "IFNULL(ch.name, '') {d}, l.id {d}",
    COL_PRODUCT: "IFNULL(p.name, '') {d}, l.id {d}",
    COL_QUANTITY: "l.quantity {d}, l.id {d}",
    COL_AMOUNT: "l.amount_khr {d}, l.id {d}",
    COL_REPORTING: "l.amount_usd {d}, l.id {d}",
}


@pytest.mark.parametrize("column", list(SORT_SQL))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_sort_pages_join_without_gaps_or_repeats(qapp, store_1200, monkeypatch, column, order):
    """Keyset pages in every sort order give exactly the full ORDER BY result."""
    import kpidesk.ui.models.sales_model as sm

    monkeypatch.setattr(sm, "SORTED_PAGE_SIZE", 300)  # several pages of 1,200 lines
    model = SalesTableModel(store_1200)
    model.sort(column, order)
    assert model.rowCount() == (500 if column == COL_DATE else 300)
    got = _fetch_all(model)
    d = "ASC" if order == Qt.SortOrder.AscendingOrder else "DESC"
    expected = [r[0] for r in store_1200.conn.execute(
        "SELECT l.id FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " LEFT JOIN contacts c ON c.id = o.contact_id"
        " LEFT JOIN salespeople sp ON sp.id = o.salesperson_id"
        " LEFT JOIN channels ch ON ch.id = o.channel_id"
        " LEFT JOIN products p ON p.id = l.product_id"
        " ORDER BY " + SORT_SQL[column].format(d=d))]
    assert got == expected
    assert len(got) == 1200


def test_sort_changes_the_rows(qapp, store_1200):
    model = SalesTableModel(store_1200)
    newest = model.data(model.index(0, COL_DATE))
    model.sort(COL_DATE, Qt.SortOrder.AscendingOrder)
    oldest = model.data(model.index(0, COL_DATE))
    assert newest != oldest
    model.sort(COL_REPORTING, Qt.SortOrder.DescendingOrder)
    top = store_1200.scalar("SELECT MAX(amount_usd) FROM sale_lines")
    line = model.index(0, 0).data(LINE_ID_ROLE)
    assert store_1200.scalar("SELECT amount_usd FROM sale_lines WHERE id = ?", (line,)) == top


def test_filters(qapp, store_1200):
    model = SalesTableModel(store_1200)
    model.set_filter(SalesFilter(date_from="2026-10-01", date_to="2026-10-31"))
    rows = _fetch_all(model)
    expected = store_1200.scalar(
        "SELECT count(*) FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " WHERE o.date BETWEEN '2026-10-01' AND '2026-10-31'")
    assert 0 < len(rows) == expected < 1200
    lines, revenue, currency = model.summary()
    assert lines == expected and currency == "USD"
    assert revenue == store_1200.scalar(
        "SELECT SUM(amount_usd) FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " WHERE o.date BETWEEN '2026-10-01' AND '2026-10-31'")

    sp = store_1200.scalar("SELECT id FROM salespeople ORDER BY id LIMIT 1")
    model.set_filter(SalesFilter(salesperson_id=sp))
    rows = _fetch_all(model)
    assert len(rows) == store_1200.scalar(
        "SELECT count(*) FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " WHERE o.salesperson_id = ?", (sp,))
    assert 0 < len(rows) < 1200

    number = store_1200.scalar("SELECT number FROM orders ORDER BY id LIMIT 1 OFFSET 5")
    model.set_filter(SalesFilter(text=number))
    rows = _fetch_all(model)
    assert len(rows) == store_1200.scalar(
        "SELECT count(*) FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " WHERE o.number LIKE ?", (f"%{number}%",))
    assert model.summary() is None  # a text filter: no rollup shortcut

    name = store_1200.scalar(
        "SELECT c.name FROM contacts c JOIN orders o ON o.contact_id = c.id LIMIT 1")
    model.set_filter(SalesFilter(text=name))
    _fetch_all(model)
    assert model.rowCount() > 0
    assert all(name in model.data(model.index(r, COL_CUSTOMER)) or
               name in (model.data(model.index(r, COL_PRODUCT)) or "")
               for r in range(model.rowCount()))


def test_walk_in_daily_total_and_money_cells(qapp, store):
    add_order(store, OrderInput(date="2026-11-20", lines=[
        LineInput(amount=125050, currency="USD", rate=4100, note="gift")]))
    add_order(store, OrderInput(date="2026-11-21", is_daily_total=True, lines=[
        LineInput(amount=410000, currency="KHR", rate=4100)]))
    model = SalesTableModel(store)
    assert model.rowCount() == 2
    assert model.data(model.index(0, COL_CUSTOMER)) == "Daily total"
    assert model.data(model.index(0, COL_AMOUNT)) == "410,000៛"
    assert model.data(model.index(0, COL_REPORTING)) == "$100.00"
    assert model.data(model.index(1, COL_CUSTOMER)) == "Walk-in"
    assert model.data(model.index(1, COL_AMOUNT)) == "$1,250.50"
    assert model.data(model.index(1, COL_NOTE)) == "gift"
    assert model.headerData(COL_REPORTING, Qt.Orientation.Horizontal) == "Amount (USD)"
    store.set_setting("reporting_currency", "KHR")
    model.reload()
    # converted from dollars: shown rounded to 100 riel (the exact riel are kept)
    assert model.data(model.index(1, COL_REPORTING)) == "5,127,100៛"
    assert model.headerData(COL_REPORTING, Qt.Orientation.Horizontal) == "Amount (KHR)"


def test_headers_follow_the_language(qapp, ctx, qtbot):
    model = SalesTableModel(ctx.store)
    ctx.language.language_changed.connect(lambda _l: model.retranslate())
    assert len(HEADERS) == model.columnCount()
    assert model.headerData(COL_DATE, Qt.Orientation.Horizontal) == "Date"
    with qtbot.waitSignal(model.headerDataChanged):
        ctx.language.set_language("km")
    # The catalogue's context matches the one the model asks for at run time.
    assert model.headerData(COL_DATE, Qt.Orientation.Horizontal) != "Date"
    assert "KHR" not in model.headerData(COL_REPORTING, Qt.Orientation.Horizontal)
    assert "USD" in model.headerData(COL_REPORTING, Qt.Orientation.Horizontal)
    add_order(ctx.store, OrderInput(date="2026-11-20", lines=[LineInput(amount=1250)]))
    model.reload()
    assert model.data(model.index(0, COL_AMOUNT)) == "$12.50"  # dollars: Latin digits
    assert "២០" in model.data(model.index(0, COL_DATE))


def test_qtmodeltester(qapp, demo_store, qtmodeltester):
    model = SalesTableModel(demo_store)
    qtmodeltester.check(model)
    model.sort(COL_CUSTOMER, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)


def test_qtmodeltester_empty(qapp, store, qtmodeltester):
    model = SalesTableModel(store)
    assert model.rowCount() == 0 and not model.canFetchMore()
    qtmodeltester.check(model)


@pytest.mark.parametrize("text", ["R000012", "Sok", "012", "zzz-none"])
def test_text_filter_paths_agree(qapp, store_1200, monkeypatch, text):
    """Matching contacts/receipts looked up first gives the same rows as the plain scan."""
    import kpidesk.ui.models.sales_model as sm

    fast = SalesTableModel(store_1200)
    fast.set_filter(SalesFilter(text=text))
    assert fast._text_ids is not None
    fast_rows = _fetch_all(fast)
    monkeypatch.setattr(sm, "TEXT_IDS_LIMIT", -1)
    plain = SalesTableModel(store_1200)
    plain.set_filter(SalesFilter(text=text))
    assert plain._text_ids is None
    assert _fetch_all(plain) == fast_rows
    assert bool(fast_rows) == (text != "zzz-none")
    like = f"%{text}%"
    assert len(fast_rows) == store_1200.scalar(
        "SELECT count(*) FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " LEFT JOIN contacts c ON c.id = o.contact_id"
        " WHERE c.name LIKE ? OR c.phone LIKE ? OR o.number LIKE ?", (like, like, like))
