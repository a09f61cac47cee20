"""The sales table model: pages fetched on demand, keyset order, filters, headers."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.ui.models.sales_model import (
    COL_AMOUNT,
    COL_CATEGORY,
    COL_CHANNEL,
    COL_CUSTOMER,
    COL_DATE,
    COL_NOTE,
    COL_NUMBER,
    COL_PRODUCT,
    COL_QUANTITY,
    COL_REPORTING,
    COL_SALESPERSON,
    COLUMNS,
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


@pytest.fixture
def varied(store_1200):
    """The 1,200 demo lines and 50 more with what the demo lacks: daily totals (no
    product), no salesperson, notes on lines and on orders, riel at far-apart rates,
    fractional quantities; 1,250 lines in all."""
    sp = store_1200.scalar("SELECT MIN(id) FROM salespeople")
    product = store_1200.scalar("SELECT MIN(id) FROM products")
    for i in range(10):
        day = f"2026-10-{i + 10:02d}"
        add_order(store_1200, OrderInput(day, [LineInput(41000 + i * 900, "KHR", 3000 + i * 250)],
                                         is_daily_total=True, salesperson_id=sp))
        add_order(store_1200, OrderInput(day, [LineInput(1000 + i, product_id=product,
                                                         note="gift" if i % 2 else "")],
                                         note="" if i % 3 else f"order note {i}"))
        add_order(store_1200, OrderInput(day, [
            LineInput(1500, "USD", 3000 + i * 200, product_id=product, quantity=0.5),
            LineInput(61500 + i * 10, "KHR", 5000 - i * 100, product_id=product, quantity=2.5,
                      note=f"line note {9 - i}")], number=""))
        add_order(store_1200, OrderInput(day, [LineInput(-1200, product_id=product, quantity=-1)],
                                         salesperson_id=sp, number=f"R-{i:03d}"))
    assert store_1200.scalar("SELECT count(*) FROM sale_lines") == 1250
    return store_1200


def queries_asked(monkeypatch) -> list:
    """The `SalesQuery` objects the model asks the store for, newest last (a spy on the
    store function the model calls, instead of reading the model's own state)."""
    import kpidesk.ui.models.sales_model as sm

    asked: list = []
    real = sm.sales_query

    def spy(*args, **kwargs):
        asked.append(real(*args, **kwargs))
        return asked[-1]

    monkeypatch.setattr(sm, "sales_query", spy)
    return asked


def _fetch_all(model: SalesTableModel) -> list[tuple[int, int]]:
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
    all_ids = set(store_1200.conn.execute("SELECT order_id, position FROM sale_lines"))
    assert set(ids) == all_ids
    # the rows of every page are found by their line, without a scan
    assert all(model.row_of_line(line) == r for r, line in enumerate(ids))
    assert model.row_of_line((-1, 0)) is None


def test_default_order_is_newest_first(qapp, store_1200):
    model = SalesTableModel(store_1200)
    got = _fetch_all(model)
    expected = store_1200.conn.execute(
        "SELECT l.order_id, l.position FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " ORDER BY o.date DESC, o.id DESC, l.position DESC").fetchall()
    assert got == expected


# The order of each column, written out (the store's own key definitions are not used):
# lines with nothing in the column last, whichever the direction (as spreadsheets put
# blank cells); ties by date and receipt where the walk gives them, else by order of
# entry, then by the line's position.
NOTE = "CASE WHEN IFNULL(l.note, '') <> '' THEN l.note ELSE IFNULL(o.note, '') END"
SORT_SQL = {
    COL_DATE: "o.date {d}, o.id {d}, l.position {d}",
    COL_NUMBER: "o.number = '', o.number {d}, o.id {d}, l.position {d}",
    COL_CUSTOMER: "c.id IS NULL, c.name {d}, c.id {d}, o.date {d}, o.id {d}, l.position {d}",
    COL_SALESPERSON: "sp.id IS NULL, sp.name {d}, sp.id {d}, o.date {d}, o.id {d},"
                     " l.position {d}",
    COL_CHANNEL: "ch.id IS NULL, ch.name {d}, ch.id {d}, o.date {d}, o.id {d}, l.position {d}",
    COL_CATEGORY: "cat.id IS NULL, cat.name {d}, cat.id {d}, o.date {d}, o.id {d},"
                  " l.position {d}",
    COL_PRODUCT: "p.id IS NULL, p.name {d}, p.id {d}, o.date {d}, o.id {d}, l.position {d}",
    COL_QUANTITY: "IFNULL(l.quantity, 1) {d}, o.id {d}, l.position {d}",
    COL_AMOUNT: "l.amount_{cur} {d}, o.id {d}, l.position {d}",
    COL_REPORTING: "l.amount_{cur} {d}, o.id {d}, l.position {d}",
    COL_NOTE: f"{NOTE} = '', {NOTE} {{d}}, o.id {{d}}, l.position {{d}}",
}


def _expected(store, column: int, descending: bool, currency: str = "usd") -> list[tuple]:
    d = "DESC" if descending else "ASC"
    return store.conn.execute(
        "SELECT l.order_id, l.position FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " LEFT JOIN contacts c ON c.id = o.contact_id"
        " LEFT JOIN salespeople sp ON sp.id = o.salesperson_id"
        " LEFT JOIN channels ch ON ch.id = o.channel_id"
        " LEFT JOIN products p ON p.id = l.product_id"
        " LEFT JOIN categories cat ON cat.id = p.category_id"
        " ORDER BY " + SORT_SQL[column].format(d=d, cur=currency)).fetchall()


@pytest.mark.parametrize("column", list(SORT_SQL))
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
@pytest.mark.parametrize("small_set", [0, 10**9], ids=["index-walk", "sorted-at-once"])
def test_sort_pages_join_without_gaps_or_repeats(qapp, varied, monkeypatch, column, order,
                                                 small_set):
    """Pages in every sort order, read by index walks (as on a large shop) or by sorting
    a small set at once, give exactly the order written out above."""
    import kpidesk.store.sales_table as st
    import kpidesk.ui.models.sales_model as sm

    monkeypatch.setattr(sm, "PAGE_SIZE", 97)  # many pages, ending mid-segment
    monkeypatch.setattr(st, "SMALL_SET", small_set)
    asked = queries_asked(monkeypatch)
    model = SalesTableModel(varied)
    model.sort(column, order)
    assert model.rowCount() == 97
    assert asked[-1].plain == (small_set > 0 and column != COL_DATE)
    got = _fetch_all(model)
    assert got == _expected(varied, column, order == Qt.SortOrder.DescendingOrder)
    assert len(got) == 1250


@pytest.mark.parametrize("column", [COL_AMOUNT, COL_REPORTING])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_riel_amounts_sort_exactly_through_the_dollar_index(qapp, varied, monkeypatch,
                                                            column, order):
    """In a shop reporting in riel, amounts sort by their riel value although only the
    dollar amounts have an index: with rates from 3,000 to 5,000 the two orders differ."""
    import kpidesk.store.sales_table as st
    import kpidesk.store.sales_table_walks as walks
    import kpidesk.ui.models.sales_model as sm

    monkeypatch.setattr(sm, "PAGE_SIZE", 61)
    monkeypatch.setattr(st, "SMALL_SET", 0)
    monkeypatch.setattr(walks, "RIEL_BATCH", 40)  # many reads of the dollar index per page
    varied.set_setting("reporting_currency", "KHR")
    descending = order == Qt.SortOrder.DescendingOrder
    assert _expected(varied, column, descending, "khr") != _expected(varied, column,
                                                                     descending, "usd")
    asked = queries_asked(monkeypatch)
    model = SalesTableModel(varied)
    model.sort(column, order)
    assert not asked[-1].plain
    assert _fetch_all(model) == _expected(varied, column, descending, "khr")


@pytest.mark.parametrize("column", [c for c in SORT_SQL if c not in (COL_NOTE, COL_QUANTITY)])
def test_sorts_walk_indexes_without_sorting_every_line(qapp, varied, monkeypatch, column):
    """Every query a sort runs reads an index in its order: no temporary B-tree to sort
    the lines (lines with a note are the exception: few, sorted together; and quantities,
    which have no index: schema.index_product_days)."""
    import kpidesk.store.sales_table as st

    monkeypatch.setattr(st, "SMALL_SET", 0)
    statements: list[str] = []
    varied.conn.set_trace_callback(statements.append)
    try:
        model = SalesTableModel(varied)
        model.sort(column, Qt.SortOrder.AscendingOrder)
        model.fetchMore()
    finally:
        varied.conn.set_trace_callback(None)
    walks = [sql for sql in statements if "FROM" in sql and "sale_lines" in sql]
    assert walks
    for sql in walks:
        plan = " | ".join(r[3] for r in varied.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "TEMP B-TREE" not in plan, (sql, plan)
        assert "SCAN o" not in plan.replace("SCAN o USING", ""), (sql, plan)


def test_sort_changes_the_rows(qapp, store_1200):
    model = SalesTableModel(store_1200)
    newest = model.data(model.index(0, COL_DATE))
    model.sort(COL_DATE, Qt.SortOrder.AscendingOrder)
    oldest = model.data(model.index(0, COL_DATE))
    assert newest != oldest
    model.sort(COL_REPORTING, Qt.SortOrder.DescendingOrder)
    top = store_1200.scalar("SELECT MAX(amount_usd) FROM sale_lines")
    order_id, position = model.index(0, 0).data(LINE_ID_ROLE)
    assert store_1200.scalar("SELECT amount_usd FROM sale_lines WHERE order_id = ?"
                             " AND position = ?", (order_id, position)) == top


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
    assert len(COLUMNS) == model.columnCount()
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
    import kpidesk.store.sales_table as st

    asked = queries_asked(monkeypatch)
    fast = SalesTableModel(store_1200)
    fast.set_filter(SalesFilter(text=text))
    assert asked[-1].text_ids is not None
    fast_rows = _fetch_all(fast)
    monkeypatch.setattr(st, "TEXT_IDS_LIMIT", -1)
    plain = SalesTableModel(store_1200)
    plain.set_filter(SalesFilter(text=text))
    assert asked[-1].text_ids is None
    assert _fetch_all(plain) == fast_rows
    assert bool(fast_rows) == (text != "zzz-none")
    like = f"%{text}%"
    assert len(fast_rows) == store_1200.scalar(
        "SELECT count(*) FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " LEFT JOIN contacts c ON c.id = o.contact_id"
        " WHERE c.name LIKE ? OR c.phone LIKE ? OR o.number LIKE ?", (like, like, like))
