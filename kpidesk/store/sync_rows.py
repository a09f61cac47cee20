"""The row-by-row work of one sync (`_Sync`): names matched, records added, changed and
deleted in chunks, refunds and rollups refreshed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from kpidesk.store import branches, dialect, order_days, rollups
from kpidesk.store.db import inserted_id
from kpidesk.store.pg import PgConnection
from kpidesk.store.sync_types import KINDS, Progress, SyncError, SyncResult

# Name tables: matched by uuid, else by this column.
NAME_TABLES = ("salespeople", "categories", "channels", "payment_methods", "stages", "products")

# Columns pointing at another table's rows (ids differ between files).
REFERENCES: dict[str, dict[str, str]] = {
    "products": {"category_id": "categories"},
    "contacts": {"salesperson_id": "salespeople"},
    "orders": {"contact_id": "contacts", "salesperson_id": "salespeople",
               "channel_id": "channels", "payment_id": "payment_methods",
               "refund_of": "orders"},
    "sale_lines": {"product_id": "products"},
    "opportunities": {"contact_id": "contacts", "owner_id": "salespeople",
                      "stage_id": "stages", "order_id": "orders"},
    "opportunity_history": {"stage_id": "stages"},
    "calls": {"contact_id": "contacts", "salesperson_id": "salespeople"},
    "targets": {"salesperson_id": "salespeople"},
    "branch_targets": {"salesperson_id": "salespeople"},
}

# Columns never copied: the row's own id, the target's import log, the branch (set by
# the sync), and what the target's rollups derive.
SKIPPED = {"id", "import_id", "branch", "first_purchase", "last_purchase", "purchase_days",
           "usual_gap", "loyal_from", "second_purchase_90", "orders_total",
           "change_seq"}

# The rollups are rebuilt whole only when the orders whose figures the sync changed are
# both more than REBUILD_ABOVE and more than REBUILD_SHARE of head office's orders (a first
# sync, a branch file sent after months): then a rebuild is faster than a refresh per day
# and customer. Otherwise only the touched days and customer-days are refreshed, the same
# refresh a sale's write makes, in one batch. Both are exact.
REBUILD_ABOVE = 5_000
REBUILD_SHARE = 0.25

# Order columns no rollup reads: an order changed only in these (its note corrected) is
# updated without refreshing any figure.
NO_FIGURE_COLUMNS = frozenset({"uuid", "number", "note", "refund_of"})


# Rows compared per read of the target (and of their children): few statements, bounded
# memory whatever the branch's size.
CHUNK = 1000


def _in(conn: sqlite3.Connection, select: str, column: str, ids: list[int],
        order: str | None = None) -> list[tuple]:
    """`select` WHERE column IN ids (empty list: no rows)."""
    if not ids:
        return []
    sql = f"{select} WHERE {column} IN ({', '.join('?' * len(ids))})"
    if order:
        sql += f" ORDER BY {order}"
    return conn.execute(sql, ids).fetchall()


def _insert(conn: sqlite3.Connection, table: str, columns: list[str], rows: list[tuple]) -> None:
    """Write new rows: COPY into a PostgreSQL store (measured several times faster than
    executemany's statement per row), one prepared INSERT run over the rows on SQLite."""
    if isinstance(conn, PgConnection):
        conn.copy_rows(table, columns, rows)
        return
    if table == "orders":  # a shop file's date and time as it stores them
        stored, converted = order_days.stored_order(conn, columns, rows)
        columns, rows = list(stored), list(converted)
    conn.executemany(f"INSERT INTO {table} ({', '.join(columns)})"
                     f" VALUES ({', '.join('?' * len(columns))})", rows)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns rows are copied by, as readers name them (an order's `date`, not the
    day number a shop file stores: order_days)."""
    names = dialect.column_names(conn, table)
    return order_days.logical_columns(names) if table == "orders" else names


def _has_table(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (table,)).fetchone() is not None


def _shared_columns(source: sqlite3.Connection, target: sqlite3.Connection,
                    table: str) -> list[str]:
    theirs = set(_columns(source, table))
    return [c for c in _columns(target, table) if c in theirs and c not in SKIPPED]


class _Sync:
    def __init__(self, source: sqlite3.Connection, target: sqlite3.Connection, name: str,
                 progress: Progress | None, cancelled: Callable[[], bool] | None, *,
                 from_branch: str | None = None, to_branch: str | None = "",
                 since: int | None = None) -> None:
        """Copy the source's rows of `from_branch` (None: its own, branch NULL) into the
        target as rows of `to_branch` (default: `name`; None: the target's own).

        `since`: only the source's own rows stamped after this counter (`sync_marks`)
        are compared and written; the target's rows of the branch equal the rest."""
        self.src = source
        self.dst = target
        self.name = name
        self.from_branch = from_branch
        self.to_branch = name if to_branch == "" else to_branch
        self.since = since if from_branch is None else None
        self.keep_ids = False
        self.progress = progress or (lambda _f: None)
        self.cancelled = cancelled or (lambda: False)
        self.result = SyncResult(name)
        # table → {source id: target id}
        self.ids: dict[str, dict[int, int]] = {}
        self.touched_orders = 0
        self.target_orders = 0  # head office's orders before the sync, every branch's
        self.days: set[str] = set()
        self.customer_days: set[tuple[int, str]] = set()
        self._next_ids: dict[str, int] = {}

    def check(self) -> None:
        if self.cancelled():
            raise SyncError("cancelled")

    # -- names ---------------------------------------------------------------------
    def names(self) -> None:
        for table in NAME_TABLES:
            if not (_has_table(self.src, table) and _has_table(self.dst, table)):
                continue
            columns = _shared_columns(self.src, self.dst, table)
            by_uuid = {bytes(u): i for i, u in self.dst.execute(f"SELECT id, uuid FROM {table}")}
            by_name: dict[str, int] = {}
            for i, name in self.dst.execute(f"SELECT id, name FROM {table} ORDER BY id"):
                by_name.setdefault(str(name).casefold(), i)
            mapping: dict[int, int] = {}
            for row in self.src.execute(f"SELECT id, {', '.join(columns)} FROM {table}"):
                values = dict(zip(columns, row[1:], strict=True))
                found = by_uuid.get(bytes(values["uuid"])) or by_name.get(
                    str(values["name"]).casefold())
                if found is None:
                    values = self.mapped(table, values)
                    cur = self.dst.execute(
                        f"INSERT INTO {table} ({', '.join(values)})"
                        f" VALUES ({', '.join('?' * len(values))})", tuple(values.values()))
                    found = inserted_id(cur)
                    by_name.setdefault(str(values["name"]).casefold(), found)
                    self.result.names_added += 1
                mapping[row[0]] = found
            self.ids[table] = mapping

    def mapped(self, table: str, values: dict) -> dict:
        """The row's values with its references turned into the target's ids (a reference
        to a row the target does not have becomes NULL)."""
        out = dict(values)
        for column, ref in REFERENCES.get(table, {}).items():
            if column in out and out[column] is not None:
                out[column] = self.ids.get(ref, {}).get(out[column])
        return out

    # -- records -------------------------------------------------------------------
    def source_rows(self, table: str, columns: list[str]) -> list[tuple]:
        if self.since is not None:
            return self.src.execute(
                f"SELECT id, {', '.join(columns)} FROM {table} WHERE branch IS NULL"
                " AND change_seq > ? ORDER BY id", (self.since,)).fetchall()
        return self.src.execute(
            f"SELECT id, {', '.join(columns)} FROM {table} WHERE branch IS ? ORDER BY id",
            (self.from_branch,)).fetchall()

    def _map_unchanged(self, source_table: str, table: str, theirs: dict[bytes, int],
                       other: dict[bytes, int]) -> set[bytes] | None:
        """Only changed rows read (`since`): every source row's target id mapped by UUID
        (a changed row may name an unchanged one), and every UUID the source has
        returned (what the target has beyond them was deleted). None otherwise."""
        if self.since is None:
            return None
        mapping = self.ids.setdefault(table, {})
        keys: set[bytes] = set()
        for source_id, uuid in self.src.execute(
                f"SELECT id, uuid FROM {source_table} WHERE branch IS NULL"):
            key = bytes(uuid)
            keys.add(key)
            found = theirs.get(key, other.get(key))
            if found is not None:
                mapping[source_id] = found
        return keys

    def records(self, kind: str, share: tuple[float, float], source_table: str | None = None,
                target_table: str | None = None) -> None:
        src_table, table = source_table or kind, target_table or kind
        if not (_has_table(self.src, src_table) and _has_table(self.dst, table)):
            return
        theirs_columns = set(_columns(self.src, src_table))
        columns = [c for c in _columns(self.dst, table)
                   if c in theirs_columns and c not in SKIPPED]
        rows = self.source_rows(src_table, columns)
        theirs = {bytes(r[0]): r[1] for r in self.dst.execute(
            f"SELECT uuid, id FROM {table} WHERE branch IS ?", (self.to_branch,))}
        other = {bytes(r[0]): r[1] for r in self.dst.execute(
            f"SELECT uuid, id FROM {table} WHERE branch IS NOT ?", (self.to_branch,))}
        mapping = self.ids.setdefault(table, {})
        if table == "orders":
            self.target_orders = len(theirs) + len(other)
        kept_keys = self._map_unchanged(src_table, table, theirs, other)
        counts = self.result.counts[kind]
        seen: set[bytes] = set()
        start, width = share
        has_children = table in self.CHILDREN and _has_table(self.dst, self.CHILDREN[table][0])
        child_columns = self._child_columns(table) if has_children else []
        uuid_at = columns.index("uuid") + 1
        # Rows are written a chunk at a time (executemany; new rows by COPY on PostgreSQL),
        # new rows with ids given here (the next free ones; the write lock is held): one
        # statement per chunk and kind of change instead of one per row.
        insert_columns = [*columns, "branch", "id"]
        set_columns = order_days.stored_order(self.dst, columns, [])[0] \
            if table == "orders" else columns
        update_sql = (f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in set_columns)}"
                      " WHERE id = ?")
        for first in range(0, len(rows), CHUNK):
            self.check()
            self.progress(start + width * first / max(1, len(rows)))
            chunk = rows[first:first + CHUNK]
            # what the chunk's rows are in the target, and their children, read at once
            present = [theirs[k] for k in (bytes(r[uuid_at]) for r in chunk) if k in theirs]
            current = {r[0]: tuple(r[1:]) for r in _in(
                self.dst, f"SELECT id, {', '.join(columns)} FROM {table}", "id", present)}
            if has_children:
                theirs_children = self._children(self.dst, table, present, child_columns,
                                                 False)
                source_children = self._children(self.src, table, [r[0] for r in chunk],
                                                 child_columns, True)
            inserts: list[tuple] = []
            updates: list[tuple] = []
            rewritten: list[tuple[int]] = []  # updated parents: their children written again
            new_children: list[tuple] = []
            for row in chunk:
                values = self.mapped(table, dict(zip(columns, row[1:], strict=True)))
                key = bytes(values["uuid"])
                seen.add(key)
                target_id = theirs.get(key)
                if target_id is None and key in other:
                    # the same row made here or brought in under another name (a file
                    # copied from head office): it stays where it is, not doubled
                    mapping[row[0]] = other[key]
                    continue
                children = source_children.get(row[0], []) if has_children else []
                if target_id is None:
                    # a branch's view keeps the store's ids: a customer or sale it shows is
                    # the store's own (its page opens from the view's at-risk list)
                    target_id = row[0] if self.keep_ids else self.next_id(table)
                    mapping[row[0]] = target_id
                    inserts.append((*values.values(), self.to_branch, target_id))
                    new_children.extend((target_id, *c) for c in children)
                    self.noted(table, None, values)
                    counts.added += 1
                    continue
                mapping[row[0]] = target_id
                was = current.get(target_id)
                children_differ = has_children and \
                    theirs_children.get(target_id, []) != children
                if was != tuple(values.values()) or children_differ:
                    if children_differ or self.changes_figures(table, columns, was, values):
                        self.noted(table, self.keys_of(table, target_id), values)
                    updates.append((*values.values(), target_id))
                    if child_columns:
                        rewritten.append((target_id,))
                        new_children.extend((target_id, *c) for c in children)
                    counts.updated += 1
            if inserts:
                _insert(self.dst, table, insert_columns, inserts)
            if updates:
                if table == "orders":
                    updates = list(order_days.stored_order(self.dst, [*columns, "id"],
                                                           updates)[1])
                self.dst.executemany(update_sql, updates)
            if child_columns and (rewritten or new_children):
                child, parent_col, _ = self.CHILDREN[table]
                if rewritten:
                    self.dst.executemany(f"DELETE FROM {child} WHERE {parent_col} = ?",
                                         rewritten)
                if new_children:
                    _insert(self.dst, child, [parent_col, *child_columns], new_children)
        still_there = seen if kept_keys is None else kept_keys
        self.pending_deletes[table] = [i for u, i in theirs.items() if u not in still_there]

    @staticmethod
    def changes_figures(table: str, columns: list[str], was: tuple | None,
                        values: dict) -> bool:
        """Whether an update of this row (its children equal) changes a rollup: for an
        order, a column other than NO_FIGURE_COLUMNS differs."""
        if table != "orders" or was is None:
            return True
        return any(old != values[c] for c, old in zip(columns, was, strict=True)
                   if c not in NO_FIGURE_COLUMNS)

    def next_id(self, table: str) -> int:
        """The id a new row of `table` takes: past the largest one there (read once)."""
        if table not in self._next_ids:
            self._next_ids[table] = int(self.dst.execute(
                f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]) + 1
        given = self._next_ids[table]
        self._next_ids[table] = given + 1
        return given

    @property
    def target_tables(self) -> tuple[str, str]:
        """Where targets come from and go: a branch's own targets are kept at head office
        apart from head office's (`branch_targets`), so the shop's targets and their
        figures stay head office's; a branch's view gets them back as its own."""
        source = "targets" if self.from_branch is None else "branch_targets"
        target = "targets" if self.to_branch is None else "branch_targets"
        return source, target

    pending_deletes: dict[str, list[int]]

    def keys_of(self, table: str, target_id: int) -> tuple[str, int | None] | None:
        if table != "orders":
            return None
        row = self.dst.execute("SELECT date, contact_id FROM orders WHERE id = ?",
                               (target_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def note_order(self, keys: tuple[str, int | None] | None) -> None:
        if keys is None:
            return
        day, contact = keys
        self.days.add(day)
        if contact is not None:
            self.customer_days.add((contact, day))

    # -- children: sale lines of an order, stage history of an opportunity -----------
    CHILDREN = {"orders": ("sale_lines", "order_id", "position"),
                "opportunities": ("opportunity_history", "opportunity_id", "id")}

    def _children(self, conn: sqlite3.Connection, table: str, parents: list[int],
                  columns: list[str], mapped: bool) -> dict[int, list[tuple]]:
        """{parent id: its children's values in order} (mapped: references turned into the
        target's ids)."""
        child, parent_col, order = self.CHILDREN[table]
        found: dict[int, list[tuple]] = {}
        for r in _in(conn, f"SELECT {parent_col}, {', '.join(columns)} FROM {child}",
                     parent_col, parents, order=f"{parent_col}, {order}"):
            values = (tuple(self.mapped(child, dict(zip(columns, r[1:], strict=True))).values())
                      if mapped else tuple(r[1:]))
            found.setdefault(r[0], []).append(values)
        return found

    def _child_columns(self, table: str) -> list[str]:
        if table not in self.CHILDREN:
            return []
        child, parent_col, _ = self.CHILDREN[table]
        return [c for c in _shared_columns(self.src, self.dst, child) if c != parent_col]

    def noted(self, table: str, before: tuple[str, int | None] | None, values: dict) -> None:
        """An order added or changed: the days and customer-days whose rollups it changes
        (before and after) noted."""
        if table == "orders":
            self.touched_orders += 1
            self.note_order(before)
            self.note_order((values["date"], values.get("contact_id")))

    def refunds(self) -> None:
        """A refund's `refund_of` names an order that may have come later in the pass:
        set where the target's differs (in one statement)."""
        orders = self.ids.get("orders", {})
        wanted: dict[int, int | None] = {}
        for source_id, refund_of in self.src.execute(
                "SELECT id, refund_of FROM orders WHERE branch IS ? AND refund_of IS NOT NULL"
                " AND change_seq > ?", (self.from_branch, -1 if self.since is None
                                        else self.since)):
            target_id = orders.get(source_id)
            if target_id is not None:
                wanted[target_id] = orders.get(refund_of)
        ids = list(wanted)
        have: dict[int, int | None] = {}
        for first in range(0, len(ids), CHUNK):
            have.update(_in(self.dst, "SELECT id, refund_of FROM orders", "id",
                            ids[first:first + CHUNK]))
        changes = [(refund_of, target_id) for target_id, refund_of in wanted.items()
                   if have.get(target_id) != refund_of]
        if changes:
            self.dst.executemany("UPDATE orders SET refund_of = ? WHERE id = ?", changes)

    # -- deletions ---------------------------------------------------------------------
    def deletions(self) -> None:
        d = self.dst
        for opp in self.pending_deletes.get("opportunities", []):
            d.execute("DELETE FROM opportunity_history WHERE opportunity_id = ?", (opp,))
            d.execute("DELETE FROM opportunities WHERE id = ?", (opp,))
            self.result.counts["opportunities"].deleted += 1
        for table in ("branch_targets", "targets"):
            for target in self.pending_deletes.get(table, []):
                d.execute(f"DELETE FROM {table} WHERE id = ?", (target,))
                self.result.counts["targets"].deleted += 1
        for call in self.pending_deletes.get("calls", []):
            d.execute("DELETE FROM calls WHERE id = ?", (call,))
            self.result.counts["calls"].deleted += 1
        for order in self.pending_deletes.get("orders", []):
            self.note_order(self.keys_of("orders", order))
            self.touched_orders += 1
            d.execute("UPDATE opportunities SET order_id = NULL WHERE order_id = ?", (order,))
            d.execute("UPDATE orders SET refund_of = NULL WHERE refund_of = ?", (order,))
            d.execute("DELETE FROM sale_lines WHERE order_id = ?", (order,))
            d.execute("DELETE FROM orders WHERE id = ?", (order,))
            self.result.counts["orders"].deleted += 1
        going: list[int] = []
        for contact in self.pending_deletes.get("contacts", []):
            used = d.execute(
                "SELECT EXISTS (SELECT 1 FROM orders WHERE contact_id = :c)"
                " OR EXISTS (SELECT 1 FROM opportunities WHERE contact_id = :c)",
                {"c": contact}).fetchone()[0]
            if used:  # another branch's sale or opportunity here names this customer
                self.result.counts["contacts"].kept += 1
                continue
            going.append(contact)
        # a customer deleted with its sales: its rollup rows (cohort cells, day counts)
        # are taken out while its row still says what they were
        gone = {pair for pair in self.customer_days if pair[0] in set(going)}
        if gone:
            rollups.refresh_customers(d, gone)
            self.customer_days -= gone
        for contact in going:
            d.execute("DELETE FROM calls WHERE contact_id = ?", (contact,))
            d.execute("DELETE FROM contacts WHERE id = ?", (contact,))
            self.result.counts["contacts"].deleted += 1

    def refresh_rollups(self) -> None:
        if not self.touched_orders and not any(
                self.result.counts[k].changed for k in ("contacts",)):
            return
        if self.touched_orders > max(REBUILD_ABOVE, REBUILD_SHARE * self.target_orders):
            rollups.rebuild_all(self.dst)
            return
        rollups.refresh_days(self.dst, self.days)
        rollups.refresh_customers(self.dst, self.customer_days)

    def run(self) -> SyncResult:
        self.pending_deletes = {}
        if self.to_branch is not None and rollups.is_coded(self.dst):
            branches.ensure_codes(self.dst, [self.to_branch])  # before any rollup row
        self.names()
        self.progress(0.05)
        shares = {"contacts": (0.05, 0.15), "orders": (0.2, 0.55),
                  "opportunities": (0.75, 0.05), "calls": (0.8, 0.05)}
        for kind in KINDS[:-1]:
            self.records(kind, shares[kind])
        self.records("targets", (0.85, 0.0), *self.target_tables)
        self.refunds()
        self.check()
        self.deletions()
        self.progress(0.85)
        self.check()
        self.refresh_rollups()
        self.progress(1.0)
        return self.result

