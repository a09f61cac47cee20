"""Schema of a shop file, created with sqlite-utils, versioned by ``PRAGMA user_version``.

Version 1 covers every KPI in KPI.md. Money columns are integers in minor
units (US cents, whole riel). Each sale line keeps its original amount,
currency and rate, plus its value converted to both currencies at write time
(``amount_usd``, ``amount_khr``), so a change of reporting currency never
rewrites history.

Rollup tables (``daily_revenue``, ``daily_orders``, ``month_revenue``,
``customer_day``, ``customer_month``, ``cohort_month``) and the purchase
columns of ``contacts`` are derived data: kept up to date in the same
transaction as every write (see ``rollups.py``) and rebuilt after imports.

Version 3 adds the change history. Later versions: see ``MIGRATIONS`` at the end; among
them ``lean_storage`` stores the same rows in about half the space (UUIDs as 16 bytes,
sale lines per order keyed by (order_id, position) with no id or UUID of their own,
only the indexes a query reads) and ``customer_lookups`` adds what the customer figures
of any day read instead of a pass over the customers (``lookups.py``).

Version 2 adds what lets the customer KPIs of a large shop be read with a few
index look-ups: each contact's purchase days, usual gap and the day its
loyalty starts, the cohort × month counts and the monthly revenue totals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kpidesk.store.breakdowns import number_breakdown_days
from kpidesk.store.customer_days import number_customer_days
from kpidesk.store.migration_progress import copy_in_slices, report_progress
from kpidesk.store.migrations_early import (
    add_change_history,
    add_daily_total_receipts,
    add_import_log,
    add_opportunity_history,
    add_pin_check,
    add_shop_identity,
    create_v1,
    index_customer_days_with_orders,
    make_refund_quantities_negative,
    migrate_v2,
)
from kpidesk.store.migrations_late import (
    add_backup_records,
    add_line_peaks,
    add_sync_fingerprint,
    index_contacts_created,
)
from kpidesk.store.order_days import compact_order_days, index_orders_by_day
from kpidesk.store.sync_marks import add_sync_marks

if TYPE_CHECKING:  # imported by Store.db on first use: 0.15 s less at start-up
    import sqlite_utils

APPLICATION_ID = 0x4B504944  # "KPID": marks a file as a kpidesk store

DEFAULT_SETTINGS = {
    "shop_name": "",
    "reporting_currency": "USD",
    "default_rate": "4100",
    "loyal_min_orders": "3",
    "lead_window_days": "30",
    "pacing": "calendar",  # expected-to-date by day weights (KPI.md §2b), or "even"
    "yearly_spread": "last_year",  # a yearly target spread by last year's months, or "even"
    "branch_name": "",  # this file's branch (KPI.md §7; see branches.py); '' = not named
}

# name, probability %, position, kind
DEFAULT_STAGES = [
    ("New", 10, 1, "open"),
    ("Qualified", 30, 2, "open"),
    ("Proposal", 60, 3, "open"),
    ("Negotiation", 80, 4, "open"),
    ("Won", 100, 5, "won"),
    ("Lost", 0, 6, "lost"),
]

DEFAULT_CHANNELS = ["Shop", "Phone", "Facebook", "Telegram", "Delivery"]
DEFAULT_LOST_REASONS = ["Price too high", "Chose a competitor", "No budget", "No answer"]


# Tables whose rows carry a UUID (as 16 bytes from `lean_storage` on; see db.new_uuid).
UUID_TABLES = ("salespeople", "categories", "channels", "products", "contacts", "orders",
               "targets", "stages", "lost_reasons", "opportunities")

# The sale lines from `lean_storage` on: kept beside each other per order (WITHOUT ROWID,
# keyed by the order and the line's position in it, 1, 2, …). A line has no UUID of its
# own: it is known by its order's UUID and its position.
SALE_LINES_V4 = """
CREATE TABLE sale_lines_v4 (
   order_id INTEGER NOT NULL REFERENCES orders(id),
   position INTEGER NOT NULL,
   product_id INTEGER REFERENCES products(id),
   quantity REAL DEFAULT 1.0,
   amount INTEGER NOT NULL,
   currency TEXT NOT NULL,
   rate INTEGER NOT NULL,
   amount_usd INTEGER NOT NULL,
   amount_khr INTEGER NOT NULL,
   note TEXT DEFAULT '',
   PRIMARY KEY (order_id, position)
) WITHOUT ROWID"""

# Each index of the orders and the sale lines from `lean_storage` on, with the queries that
# use it (an index nothing reads is not kept: it costs space and time at every write).
ORDER_AND_LINE_INDEXES_V4 = [
    # the orders by date and a contact's by date (in a shop file: by day from
    # `index_orders_by_day` on, see order_days.ORDER_DAY_INDEXES for their readers)
    "CREATE INDEX idx_orders_date ON orders(date)",
    "CREATE INDEX idx_orders_contact_date ON orders(contact_id, date)"
    " WHERE contact_id IS NOT NULL",
    # the sales table sorted by receipt number, and the receipt-number search
    "CREATE INDEX idx_orders_number ON orders(number)",
    # the sales table sorted by note (orders with a note are few)
    "CREATE INDEX idx_orders_note ON orders(note) WHERE note <> ''",
    # (dropped by `index_product_days`: a product's lines are found by its days)
    "CREATE INDEX idx_lines_product ON sale_lines(product_id)",
    # the sales table sorted by amount (in riel too: see store.sales_table)
    "CREATE INDEX idx_lines_amount ON sale_lines(amount_usd)",
    # (dropped by `index_product_days`: the quantity sort sorts what is not one unit)
    "CREATE INDEX idx_lines_quantity ON sale_lines(quantity) WHERE quantity <> 1",
    # the sales table sorted by note
    "CREATE INDEX idx_lines_note ON sale_lines(note) WHERE note <> ''",
]

ROLLUPS_V4 = [
    "CREATE TABLE daily_revenue_v4 (day TEXT NOT NULL, salesperson_id INTEGER NOT NULL,"
    " channel_id INTEGER NOT NULL, category_id INTEGER NOT NULL, currency TEXT NOT NULL,"
    " amount INTEGER, revenue_usd INTEGER, revenue_khr INTEGER, lines INTEGER,"
    " PRIMARY KEY (day, salesperson_id, channel_id, category_id, currency)) WITHOUT ROWID",
    "CREATE TABLE daily_orders_v4 (day TEXT NOT NULL, salesperson_id INTEGER NOT NULL,"
    " channel_id INTEGER NOT NULL, orders INTEGER, refunds INTEGER,"
    " no_receipts INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (day, salesperson_id, channel_id)) WITHOUT ROWID",
    "CREATE TABLE customer_month_v4 (contact_id INTEGER NOT NULL, month TEXT NOT NULL,"
    " orders INTEGER, days INTEGER, revenue_usd INTEGER, revenue_khr INTEGER,"
    " PRIMARY KEY (contact_id, month)) WITHOUT ROWID",
    # lines per day and rate: the range of rates, so the sales table can sort by the
    # amount in riel through the index of amounts in dollars
    "CREATE TABLE day_rates (day TEXT NOT NULL, rate INTEGER NOT NULL,"
    " lines INTEGER NOT NULL, PRIMARY KEY (day, rate)) WITHOUT ROWID",
]


def lean_storage(db: sqlite_utils.Database) -> None:
    """The same rows in about half the space (inside the caller's transaction).

    UUIDs are stored as 16 bytes instead of 36 characters; sale lines lose their own
    UUID and id and are stored beside each other per order, keyed by (order_id,
    position); the orders keep only the indexes a query reads (see
    ORDER_AND_LINE_INDEXES_V4); the rollup tables are stored in their key's order
    (WITHOUT ROWID) instead of a table plus an index holding the same columns.
    Columns are copied by name. Reports its progress through `report_progress`.
    """
    conn = db.conn
    report_progress(0.0)
    # (the old line indexes go with their table; idx_lines_order serves the copy)
    for name in ("idx_uuid_orders", "idx_orders_date", "idx_orders_contact_date",
                 "idx_orders_salesperson_date", "idx_orders_number", "idx_daily_revenue_cover",
                 "idx_customer_day_day", "idx_customer_month_month"):
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    for table in UUID_TABLES:
        conn.execute(f"UPDATE {table} SET uuid = uuid_blob(uuid) WHERE typeof(uuid) = 'text'")
    report_progress(0.15)

    conn.execute(SALE_LINES_V4)
    top = conn.execute("SELECT IFNULL(MAX(order_id), 0) FROM sale_lines").fetchone()[0]
    copy_in_slices(
        conn, "INSERT INTO sale_lines_v4 (order_id, position, product_id, quantity, amount,"
        " currency, rate, amount_usd, amount_khr, note)"
        " SELECT order_id, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY id),"
        " product_id, quantity, amount, currency, rate, amount_usd, amount_khr, note"
        " FROM sale_lines WHERE order_id BETWEEN ? AND ? ORDER BY order_id, id",
        top, 200_000, 0.15, 0.5)
    conn.execute("DROP TABLE sale_lines")
    conn.execute("ALTER TABLE sale_lines_v4 RENAME TO sale_lines")

    for sql in ROLLUPS_V4:
        conn.execute(sql)
    for table, columns in (
            ("daily_revenue", "day, salesperson_id, channel_id, category_id, currency, amount,"
                              " revenue_usd, revenue_khr, lines"),
            ("daily_orders", "day, salesperson_id, channel_id, orders, refunds, no_receipts"),
            ("customer_month", "contact_id, month, orders, days, revenue_usd, revenue_khr")):
        conn.execute(f"INSERT INTO {table}_v4 ({columns}) SELECT {columns} FROM {table}"
                     " ORDER BY 1, 2, 3")
        conn.execute(f"DROP TABLE {table}")
        conn.execute(f"ALTER TABLE {table}_v4 RENAME TO {table}")
    conn.execute("CREATE INDEX idx_customer_month_month ON customer_month(month, orders, contact_id)")
    # the import keys (one per imported order) stored once, in their key's order, instead of
    # a table plus an index holding the same text: half the space on an imported shop
    conn.execute("CREATE TABLE import_keys_v4 (kind TEXT NOT NULL, key TEXT NOT NULL,"
                 " row_id INTEGER, PRIMARY KEY (kind, key)) WITHOUT ROWID")
    conn.execute("INSERT INTO import_keys_v4 (kind, key, row_id)"
                 " SELECT kind, key, row_id FROM import_keys ORDER BY kind, key")
    conn.execute("DROP TABLE import_keys")
    conn.execute("ALTER TABLE import_keys_v4 RENAME TO import_keys")
    conn.execute("INSERT INTO day_rates (day, rate, lines) SELECT o.date, l.rate, COUNT(*)"
                 " FROM orders o JOIN sale_lines l ON l.order_id = o.id GROUP BY 1, 2")
    report_progress(0.75)
    for i, sql in enumerate(ORDER_AND_LINE_INDEXES_V4):
        conn.execute(sql)
        report_progress(0.75 + 0.25 * (i + 1) / len(ORDER_AND_LINE_INDEXES_V4))


def customer_lookups(db: sqlite_utils.Database) -> None:
    """What lets the customer figures of a large shop, on any day, be read
    without a pass over its customers (see `lookups.py`): the spans of days each contact
    is active, loyal or at risk (counted per day; the at-risk ones with a bound of their
    revenue), the month counts of active, repeat and retained customers, each contact's
    second purchase; with the indexes the customer figures read."""
    from kpidesk.store import lookups, rollups

    for sql in lookups.SCHEMA:
        db.conn.execute(sql)
    db.conn.execute("DELETE FROM customer_month")  # again, with each month's first days
    db.conn.execute(rollups._customer_month_sql(db.conn).format(where=""))
    report_progress(0.3)
    lookups.rebuild(db.conn)


def add_calls_and_health_marks(db: sqlite_utils.Database) -> None:
    """Call-backs (KPI.md §4b) and the data-health findings the owner marked as right
    (§6): see ``calls.py`` and ``health_marks.py``. Additive and idempotent."""
    from kpidesk.store import calls, health_marks

    for sql in calls.SCHEMA + health_marks.SCHEMA:
        db.conn.execute(sql)


def add_insight_tables(db: sqlite_utils.Database) -> None:
    """The shop's calendar (days marked closed or special), commission rates and targets
    per product category (see `store/insight.py`). Additive and idempotent."""
    from kpidesk.store import insight

    for sql in insight.SCHEMA:
        db.conn.execute(sql)


def add_sale_details(db: sqlite_utils.Database) -> None:
    """Receipts of several priced lines (KPI.md Conventions "Line fields", "Refund"): see
    ``receipts.py`` for the columns, the payment methods and ``breakdowns.py`` for the
    rollup the Analysis tab reads. Additive and idempotent."""
    from kpidesk.store import receipts

    receipts.add_schema(db.conn)


def cover_at_risk_walk(db: sqlite_utils.Database) -> None:
    """The at-risk list walks its spans down their revenue bound (customers._at_risk_top):
    the walk's index holds each span's contact, last purchase and usual gap too, so it
    reads no row of the table per span (those look-ups grew with the shop: about 1.3 of
    1.7 ms for the 650 spans a 10M-line shop's list reads). The contact comes right after
    the index's columns, in the walk's order. Idempotent: an index that has them stays."""
    for currency in ("usd", "khr"):
        name = f"idx_risk_spans_{currency}"
        columns = [row[2] for row in db.conn.execute(f"PRAGMA index_info({name})")]
        if "last_purchase" in columns:
            continue
        db.conn.execute(f"DROP INDEX IF EXISTS {name}")
        db.conn.execute(f"CREATE INDEX {name} ON risk_spans(bound_{currency}, start, end,"
                        " contact_id, last_purchase, usual_gap)")


def add_branches(db: sqlite_utils.Database) -> None:
    """Branches (KPI.md §7): the branch each record was made in (NULL: this file's own)
    and the branch files brought in (see ``branches.py``). Additive and idempotent."""
    from kpidesk.store import branches

    branches.add_branch_columns(db)


def code_breakdown_dims(db: sqlite_utils.Database) -> None:
    """The breakdown rollups (`breakdowns.py`) store each dimension's small integer code
    in `dim` instead of its name (`breakdowns.DIM_CODES`): the same rows and sums, in the
    same primary key (dim, day, key) read the same way, about 15 % (days) and 20 %
    (months) fewer bytes — the customer rows, most of both tables, store 0, which takes
    no byte. Idempotent: tables whose `dim` is already INTEGER stay as they are."""
    from kpidesk.store import breakdowns

    if not breakdowns.exists(db.conn):
        return
    # a row already holding a code (written by a rollup rebuild of an earlier migration
    # into the TEXT column) keeps it
    case = "CASE dim " + " ".join(f"WHEN '{name}' THEN {code}"
                                  for name, code in breakdowns.DIM_CODES.items()) + \
        " ELSE CAST(dim AS INTEGER) END"
    for table, schema_sql in ((breakdowns.TABLE, breakdowns.SCHEMA),
                              (breakdowns.MONTH_TABLE, breakdowns.MONTH_SCHEMA)):
        kinds = {row[1]: row[2].upper() for row in db.conn.execute(
            f"PRAGMA table_info({table})")}
        if kinds.get("dim") == "INTEGER":
            continue
        columns = [name for name in kinds if name != "dim"]
        db.conn.execute(schema_sql.replace(f"EXISTS {table} (", f"EXISTS {table}_coded ("))
        db.conn.execute(f"INSERT INTO {table}_coded (dim, {', '.join(columns)})"
                        f" SELECT {case}, {', '.join(columns)} FROM {table} ORDER BY 1, 2, 3")
        db.conn.execute(f"DROP TABLE {table}")
        db.conn.execute(f"ALTER TABLE {table}_coded RENAME TO {table}")
        report_progress(0.5 if table == breakdowns.TABLE else 1.0)


def branch_rollup_keys(db: sqlite_utils.Database) -> None:
    """One branch's figures as fast as the shop's (KPI.md §7): the branch code in the key
    of every rollup the figures read (see ``branches.add_branch_codes``)."""
    from kpidesk.store import branches

    branches.add_branch_codes(db)


def half_even_sql(numerator: str, denominator: str) -> str:
    """SQL for `money._div_half_even(numerator, denominator)` (denominator > 0), the same
    on SQLite and PostgreSQL: both divide integers toward zero and give `%` the sign of
    the dividend, so the quotient is corrected away from zero past a half, and at a half
    when it is odd."""
    n, d = f"({numerator})", f"({denominator})"
    return (f"({n} / {d} + CASE WHEN 2 * abs({n} % {d}) > {d} OR (2 * abs({n} % {d}) = {d}"
            f" AND ({n} / {d}) % 2 <> 0) THEN CASE WHEN {n} < 0 THEN -1 ELSE 1 END"
            " ELSE 0 END)")


# The currency codes of `sale_lines.cur` (from `lean_sale_lines` on).
CURRENCY_CODES = {"USD": 0, "KHR": 1}

_SIGNED_DISCOUNT = ("CASE WHEN discount IS NULL OR discount = 0 THEN NULL"
                    " WHEN amount < 0 THEN -discount ELSE discount END")


def _converted(stored: str) -> tuple[str, str]:
    """(cents, riel) SQL of a stored value in the line's currency (`money.convert`)."""
    return (f"CASE cur WHEN 1 THEN {half_even_sql(f'({stored}) * 100', 'rate')}"
            f" ELSE {stored} END",
            f"CASE cur WHEN 1 THEN {stored} ELSE {half_even_sql(f'({stored}) * rate', '100')}"
            " END")


# The sale-line columns that `lean_sale_lines` computes from the stored ones instead of
# storing them (as `money.convert` computed them when they were stored): readers see the
# same columns and values; the file keeps a currency code and the amount and the cost
# in the line's own currency. (name, type, expression); expressions read stored columns
# only (PostgreSQL's generated columns may not read each other).
LINE_GENERATED = (
    ("currency", "TEXT", "CASE cur WHEN 1 THEN 'KHR' ELSE 'USD' END"),
    ("amount_usd", "INTEGER", _converted("amount")[0]),
    ("amount_khr", "INTEGER", _converted("amount")[1]),
    ("cost_usd", "INTEGER", _converted("cost")[0]),
    ("cost_khr", "INTEGER", _converted("cost")[1]),
    ("discount_usd", "INTEGER", _converted(_SIGNED_DISCOUNT)[0]),
    ("discount_khr", "INTEGER", _converted(_SIGNED_DISCOUNT)[1]),
)
# What each stored column of the lean layout is filled with from the layout before it.
_LINE_STORED_FROM_BEFORE = {
    "cur": "CASE currency WHEN 'KHR' THEN 1 ELSE 0 END",
    "cost": "CASE currency WHEN 'KHR' THEN cost_khr ELSE cost_usd END",
}
LINE_STORED = (
    ("order_id", "INTEGER NOT NULL REFERENCES orders(id)"),
    ("position", "INTEGER NOT NULL"),
    ("product_id", "INTEGER REFERENCES products(id)"),
    ("quantity", "REAL DEFAULT 1.0"),
    ("amount", "INTEGER NOT NULL"),  # minor units of the line's currency; < 0: a refund
    ("cur", "INTEGER NOT NULL"),  # CURRENCY_CODES: 0 takes no byte in a record
    ("rate", "INTEGER NOT NULL"),
    ("note", "TEXT DEFAULT ''"),
    ("unit_price", "INTEGER"),
    ("discount", "INTEGER"),
    ("unit_cost", "INTEGER"),
    ("cost", "INTEGER"),  # quantity × unit cost in the line's currency; NULL: not known
)


def lean_sale_lines(db: sqlite_utils.Database) -> None:
    """Sale lines in about a third less space (inside the caller's transaction): the
    currency as a code (`cur`, 0 USD, 1 KHR), the amount and the cost only in the line's
    currency; `currency`, `amount_usd`, `amount_khr`, `cost_usd`, `cost_khr`,
    `discount_usd` and `discount_khr` become generated columns (LINE_GENERATED)
    computed from them exactly as the store computed them when writing, so every reader
    sees the same values. The table is rebuilt in its key's order, its indexes made again;
    columns added by other migrations are carried over. Idempotent: a table with `cur`
    stays."""
    conn = db.conn
    before = [(r[1], r[2], r[3], r[4]) for r in conn.execute("PRAGMA table_info(sale_lines)")]
    names = [name for name, *_ in before]
    if "cur" in names:
        return
    report_progress(0.0)
    known = {name for name, _ in LINE_STORED} | {name for name, *_ in LINE_GENERATED}
    extra = [(name, kind, notnull, default) for name, kind, notnull, default in before
             if name not in known]
    columns = [f"{name} {decl}" for name, decl in LINE_STORED]
    columns += [f"{name} {kind or ''}{' NOT NULL' if notnull else ''}"
                f"{f' DEFAULT {default}' if default is not None else ''}"
                for name, kind, notnull, default in extra]
    columns += [f"{name} {kind} GENERATED ALWAYS AS ({expression}) VIRTUAL"
                for name, kind, expression in LINE_GENERATED]
    kept = conn.execute("SELECT sql FROM sqlite_master WHERE tbl_name = 'sale_lines'"
                        " AND type IN ('index', 'trigger') AND sql IS NOT NULL").fetchall()
    conn.execute("CREATE TABLE sale_lines_lean (" + ", ".join(columns)
                 + ", PRIMARY KEY (order_id, position)) WITHOUT ROWID")
    stored = [name for name, _ in LINE_STORED] + [str(name) for name, *_ in extra]
    values = [_LINE_STORED_FROM_BEFORE.get(name, name) for name in stored]
    top = conn.execute("SELECT IFNULL(MAX(order_id), 0) FROM sale_lines").fetchone()[0]
    copy_in_slices(conn, f"INSERT INTO sale_lines_lean ({', '.join(stored)})"
                   f" SELECT {', '.join(values)} FROM sale_lines"
                   " WHERE order_id BETWEEN ? AND ? ORDER BY order_id, position",
                   top, 100_000, 0.0, 0.8)
    conn.execute("DROP TABLE sale_lines")
    conn.execute("ALTER TABLE sale_lines_lean RENAME TO sale_lines")
    for i, (sql,) in enumerate(kept):
        conn.execute(sql)
        report_progress(0.8 + 0.2 * (i + 1) / len(kept))
    report_progress(1.0)
    global compaction_wanted
    compaction_wanted = compaction_wanted or top > 0  # the old table's pages are free now


# Set by a migration that rebuilt a large table: the store compacts the file after the
# upgrade whatever share of it is free (see Store._compact_if_worth_it), and clears it.
compaction_wanted = False


def index_product_days(db: sqlite_utils.Database) -> None:
    """Two indexes of every sale line no longer kept (15.5 MB of a 1M-line shop):
    `idx_lines_product`: its readers (the sales table's product sort, a product's usual
    price, the data check's usual prices, a category change, "a product still in use")
    find the days a product sold on in the product rows of the breakdown rollup instead
    (a small index of them, `breakdowns.PRODUCT_DAYS_INDEX`) and read those days' lines
    through `orders(date)`; `idx_lines_quantity`: the sales table sorted by quantity,
    which the issue's sort goal leaves out, sorts the lines other than one unit instead.
    Idempotent; the file is compacted after it (the indexes' pages are free)."""
    from kpidesk.store import breakdowns

    db.conn.execute(breakdowns.PRODUCT_DAYS_INDEX)
    for name in ("idx_lines_product", "idx_lines_quantity"):
        db.conn.execute(f"DROP INDEX IF EXISTS {name}")
    global compaction_wanted
    compaction_wanted = compaction_wanted or db.conn.execute(
        "SELECT 1 FROM sale_lines LIMIT 1").fetchone() is not None


# Migrations in order: MIGRATIONS[v] upgrades a file at version v to v + 1, so a new
# migration is appended at the end and the schema version follows from the list.
# The file is backed up (sqlite3 backup API) before any of them runs.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    create_v1,
    migrate_v2,
    add_change_history,
    add_pin_check,
    add_daily_total_receipts,
    add_opportunity_history,
    make_refund_quantities_negative,
    index_customer_days_with_orders,
    add_shop_identity,
    add_import_log,
    lean_storage,
    customer_lookups,
    add_calls_and_health_marks,
    add_insight_tables,
    add_sale_details,
    cover_at_risk_walk,
    add_branches,
    code_breakdown_dims,
    branch_rollup_keys,
    lean_sale_lines,
    index_contacts_created,
    add_sync_fingerprint,
    add_backup_records,
    index_product_days,
    add_line_peaks,
    compact_order_days,
    add_sync_marks,
    index_orders_by_day,
    number_customer_days,
    number_breakdown_days,
]
SCHEMA_VERSION = len(MIGRATIONS)
# Migrations that change how a shop file lays out rows readers see unchanged: a PostgreSQL
# shop keeps its own layout (pg_schema.reference leaves them out).
FILE_LAYOUT_ONLY = (compact_order_days, index_orders_by_day)
