"""Sales rows: the row parser, and the sink that groups lines into orders and writes
them through the store's one write path for sale rows (store/sales.py).
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from datetime import date, datetime
from decimal import Decimal

from kpidesk.io.importer.fields import (
    MAX_QUANTITY,
    CurrencyMix,
    _amount_currency,
    _Bad,
    _date,
    _getter,
    _in_range,
    _key,
    _latest,
    _minor,
    _number,
    _rate,
    _rule,
    _text,
    _uuid_of,
)
from kpidesk.io.importer.names import _Contacts, _Names
from kpidesk.io.importer.report import BATCH_LINES, ORDER_WINDOW, SMALL_IMPORT
from kpidesk.io.parsing import (
    clean_ref,
    is_marked,
)
from kpidesk.store import order_days, rollups
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import convert
from kpidesk.store.sales import daily_total_id, write_sale_rows
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import new_uuids


def _sales_parser(opts: dict, index: dict[str, int], width: int, today: str,
                  mix: CurrencyMix | None = None):
    get = _getter(index)
    order = opts.get("date_order", "dmy")
    default_currency = opts.get("currency") or "USD"
    default_rate = int(opts.get("rate") or 4100)
    riel_from = _rule(opts)
    prefix = opts.get("refund_prefix") or ""
    has_amount = "amount" in index
    has_price = "unit_price" in index
    i_date = index["date"]  # a required field: the mapping has it
    has_daily = "daily_total" in index
    latest = _latest(today)
    has_receipts = "receipts" in index

    def parse(row: list) -> tuple:
        # date (the hot path: most files write ISO dates)
        v = row[i_date] if i_date < len(row) else ""
        day: str | None
        if isinstance(v, str) and len(v) >= 10 and v[4] == "-" and v[7] == "-":
            try:
                day = _in_range(date.fromisoformat(v[:10]).isoformat(), "date", v, latest)
            except ValueError:
                day = _date(v, "date", order, latest)
        else:
            day = _date(v, "date", order, latest)
        qty_raw = get(row, "quantity")
        if qty_raw in ("", None):
            qty = Decimal(1)
        else:
            qty, _ = _number(qty_raw, "quantity")
            if not qty:
                raise _Bad("quantity", "zero", qty_raw)
            if abs(qty) >= MAX_QUANTITY:
                raise _Bad("quantity", "too_large", qty_raw)
        amount_raw = get(row, "amount") if has_amount else ""
        if amount_raw not in ("", None):
            field_name, raw = "amount", amount_raw
            value, named = _number(amount_raw, "amount")
            written = value
        elif has_price:
            price_raw = get(row, "unit_price")
            if price_raw in ("", None):
                raise _Bad("unit_price" if not has_amount else "amount", "required")
            field_name, raw = "unit_price", price_raw
            written, named = _number(price_raw, "unit_price")
            value = qty * written - _major(get(row, "discount"), "discount")
        else:
            raise _Bad("amount", "required")
        currency = _amount_currency(get(row, "currency"), named, written, raw, field_name,
                                    default_currency, riel_from, mix)
        if currency == "KHR" and written != written.to_integral_value():
            raise _Bad(field_name, "fractional_riel", raw)
        rate = _rate(get(row, "rate"), default_rate)
        number = _text(get(row, "order"))
        refund = (prefix and number.startswith(prefix)) or is_marked(get(row, "refund"))
        if refund or qty < 0:
            if value > 0:
                value = -value
            if refund and qty > 0:
                qty = -qty
        # a price times a quantity may fall between two riel: that is rounded, not refused
        amount = _minor(value, currency, field_name, raw, whole=False)
        return (day, number, _text(get(row, "order_ref")), _text(get(row, "customer")),
                clean_ref(get(row, "customer_ref")) if "customer_ref" in index else "",
                _text(get(row, "phone")), _text(get(row, "salesperson")),
                _text(get(row, "product")), _text(get(row, "category")), float(qty), amount,
                currency, rate, _text(get(row, "channel")), _text(get(row, "note")),
                is_marked(get(row, "daily_total")) if has_daily else False,
                _text(get(row, "order_note")), _receipts(get(row, "receipts"))
                if has_receipts else None,
                *(_line_details(get, row, currency, v) if has_details
                  else (None, 0, None, "", _time_in(v))))
    has_details = any(name in index for name in ("unit_price", "discount", "unit_cost",
                                                  "payment", "time"))
    return parse


_TIME_IN_DATE = re.compile(r"[ T](\d{1,2}):(\d{2})")


def _time_in(value: object) -> str | None:
    """The time of day written in a date cell ('2026-11-20 14:35', '20/11/2026 2:35'; a
    spreadsheet date-time), as Loyverse's exports write it; None without one."""
    if isinstance(value, datetime):
        return value.strftime("%H:%M") if (value.hour, value.minute) != (0, 0) else None
    if isinstance(value, str) and ":" in value:
        m = _TIME_IN_DATE.search(value)
        if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
            return f"{int(m.group(1)):02d}:{m.group(2)}"
    return None


def _major(value: object, name: str) -> Decimal:
    """A money column in major units; empty is 0."""
    if value in ("", None):
        return Decimal(0)
    number, _ = _number(value, name)
    return number


def _line_details(get, row: list, currency: str, date_cell: object = None) -> tuple:
    """(unit_price, discount, unit_cost in minor units of the line's currency, payment
    method name, time 'HH:MM' or None) of a sales row (see store/receipts.py)."""
    from kpidesk.store import receipts

    values = []
    for name in ("unit_price", "discount", "unit_cost"):
        raw = get(row, name)
        if raw in ("", None):
            values.append(0 if name == "discount" else None)
            continue
        number = abs(_major(raw, name))  # a refund row may carry negative prices
        values.append(_minor(number, currency, name, raw, whole=False))
    raw_time = get(row, "time")
    if raw_time in ("", None):
        return (*values, _text(get(row, "payment")), _time_in(date_cell))
    if hasattr(raw_time, "strftime"):  # a spreadsheet time or date-time cell
        raw_time = raw_time.strftime("%H:%M")
    try:
        time = receipts.check_time(_text(raw_time)[-8:].strip() if raw_time else None)
    except ValidationError:
        raise _Bad("time", "bad_time", raw_time) from None
    return (*values, _text(get(row, "payment")), time)


def _receipts(value: object) -> int | None:
    """A daily total's count of receipts: a whole number of zero or more, or None (empty)."""
    if value in ("", None):
        return None
    number, _ = _number(value, "receipts")
    if number != int(number):
        raise _Bad("receipts", "not_whole", value)
    if number < 0:
        raise _Bad("receipts", "negative", value)
    return int(number)


def _write_details(conn, order_id: int, head: tuple, lines: list[tuple],
                   payments: dict[str, int]) -> None:
    """An imported order's payment method (made when new), time and its lines' price,
    discount and cost (see store/receipts.py)."""
    from types import SimpleNamespace

    from kpidesk.store import receipts

    payment_id = None
    if head[21]:
        key = head[21].casefold()
        payment_id = payments.get(key)
        if payment_id is None:
            row = conn.execute("SELECT id FROM payment_methods WHERE name = ? COLLATE NOCASE",
                               (head[21],)).fetchone()
            payment_id = row[0] if row else conn.execute(
                "INSERT INTO payment_methods (uuid, name, position) VALUES (?, ?,"
                " (SELECT IFNULL(MAX(position), 0) + 1 FROM payment_methods))",
                (new_uuids(1)[0], head[21])).lastrowid
            payments[key] = payment_id
    receipts.write_order_details(conn, order_id, SimpleNamespace(
        payment_id=payment_id, time=head[22], refund_of=None))
    receipts.write_line_details(
        conn, order_id,
        [SimpleNamespace(amount=r[10], currency=r[11], rate=r[12], unit_price=r[18],
                         discount=r[19], unit_cost=r[20]) for r in lines],
        [r[9] for r in lines])


class _SalesSink:
    topics = (Topic.SALES, Topic.CONTACTS, Topic.SALESPEOPLE, Topic.PRODUCTS, Topic.CATEGORIES,
              Topic.CHANNELS)

    def __init__(self, store: Store, opts: dict, today: str, import_id: int) -> None:
        self.store = store
        self.conn = conn = store.conn
        self.refund_prefix = (opts.get("options") or {}).get("refund_prefix") or ""
        self.refunds: list[tuple[int, str]] = []  # (order id, receipt no.) of refund receipts
        self.linked_refunds = 0  # refunds tied to their sale in the shop (KPI.md: when known)
        self.standalone_refunds = 0  # refunds of a sale not in the shop, or not of its lines
        self.import_id = import_id
        self.salespeople = _Names(conn, "salespeople", import_id)
        self.categories = _Names(conn, "categories", import_id)
        self.products = _Names(conn, "products", import_id)
        self.channels = _Names(conn, "channels", import_id)
        self.contacts = _Contacts(conn, import_id)
        self.next_order = (conn.execute("SELECT MAX(id) FROM orders").fetchone()[0] or 0) + 1
        self.ref_days_read: set[str] = set()  # days whose orders' UUIDs are in known_refs
        self.known_refs: set[bytes] = set()
        self.window: OrderedDict = OrderedDict()
        self.pending: list[list] = []  # completed orders awaiting a batch write
        self.pending_lines = 0
        self.anonymous_seen: dict[int, int] = {}  # hash of an order without number → count
        self.counts = {"orders": 0, "lines": 0, "duplicates": 0}
        self.days: set[str] | None = set()
        self.pairs: set[tuple[int, str]] = set()
        self.daily_slots: set[tuple[str, int | None, int | None]] = set()
        self.conflicts: list[int] = []  # lines of daily totals whose slot was taken
        self.payments: dict[str, int] = {}  # payment method name (casefolded) → id

    def add(self, rec: tuple, line: int) -> None:
        day, number, order_ref, customer, ref = rec[0], rec[1], rec[2], rec[3], rec[4]
        if order_ref:
            key = order_ref
        elif number:
            key = (number, day, ref or customer.lower())
        else:
            key = line  # no number: a line is an order of its own
        order = self.window.get(key)
        if order is None:
            order = self.window[key] = [rec, [], line]
            if len(self.window) > ORDER_WINDOW:
                self._complete(self.window.popitem(last=False)[1])
        order[1].append(rec)

    def _complete(self, order: list) -> None:
        self.pending.append(order)
        self.pending_lines += len(order[1])
        if self.pending_lines >= BATCH_LINES:
            self._write()

    def _write(self) -> None:
        conn = self.conn
        batch, self.pending, self.pending_lines = self.pending, [], 0
        keyed = []
        for head, lines, _line in batch:
            day, number, order_ref, customer, ref = head[:5]
            content = "\x1e".join(sorted(
                "\x1f".join((r[6], r[7], r[8], repr(r[9]), str(r[10]), r[11], str(r[12]), r[13],
                             r[14])) for r in lines))
            digest = hashlib.blake2b(
                f"{number}\x1d{day}\x1d{ref or customer.lower()}\x1d{order_ref}\x1d{content}"
                .encode(),
                digest_size=12).hexdigest()
            key = f"{number}|{day}|{digest}"
            if not number and not order_ref:
                seen = self.anonymous_seen.get(hash(digest), 0) + 1
                self.anonymous_seen[hash(digest)] = seen
                if seen > 1:
                    key += f"#{seen}"
            keyed.append((key, head, lines, _line))
        # Already imported (earlier file or earlier in this one)?
        existing: set[str] = set()
        keys = [k for k, _, _, _ in keyed]
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            existing.update(r[0] for r in conn.execute(
                "SELECT key FROM import_keys WHERE kind = 'order' AND key IN"
                f" ({','.join('?' * len(chunk))})", chunk))
        # Orders of kpidesk's own export carry their UUID: already in the store? (Looked
        # up by the orders of their days: the orders' UUIDs have no index of their own.)
        ref_days = {h[0] for _, h, _, _ in keyed if _uuid_of(h[2]) is not None}
        for day in sorted(ref_days - self.ref_days_read):
            self.known_refs.update(r[0] for r in conn.execute(
                "SELECT uuid FROM orders WHERE day = ?", (order_days.day_number(day),)))
        self.ref_days_read |= ref_days
        known_refs = self.known_refs
        order_rows, line_rows, key_rows = [], [], []
        detail_orders: list[tuple] = []  # (order id, head, lines) with receipt details
        uids = iter(new_uuids(len(keyed)))
        seen_now: set[str] = set()
        track = self.days is not None
        for key, head, lines, first_line in keyed:
            order_uuid = _uuid_of(head[2])
            if key in existing or key in seen_now or (order_uuid is not None
                                                      and order_uuid in known_refs):
                self.counts["duplicates"] += 1
                continue
            seen_now.add(key)
            day, number, order_ref, customer, ref, phone, sp = head[:7]
            channel = head[13]
            if head[15]:  # one daily total per day, channel and salesperson (KPI.md)
                slot = (day, self.channels.get(channel), self.salespeople.get(sp))
                if slot in self.daily_slots or daily_total_id(conn, *slot) is not None:
                    self.conflicts.append(first_line)  # a row error, never a silent second
                    continue
                self.daily_slots.add(slot)
            contact_id = self.contacts.for_sale(customer, ref, phone, day)
            order_id = self.next_order
            self.next_order += 1
            uid = next(uids)
            if order_uuid is not None:
                known_refs.add(order_uuid)  # the same order twice in this file: once
            order_rows.append((order_id, order_uuid or uid,
                               number, day, contact_id, self.salespeople.get(sp),
                               self.channels.get(channel), head[16], int(head[15]),
                               head[17] if head[15] else None, self.import_id))
            key_rows.append((key, order_id))
            if number and not head[15] and sum(r[10] for r in lines) < 0:
                self.refunds.append((order_id, number))
            if any(r[18] is not None or r[19] or r[20] is not None for r in lines) or \
                    head[21] or head[22]:
                detail_orders.append((order_id, head, lines))
            for position, r in enumerate(lines, start=1):
                product = r[7]
                pid = None
                if product:
                    pid = self.products.ids.get(_key(product))
                    if pid is None:
                        pid = self.products.get(product, category_id=self.categories.get(r[8]))
                usd, khr = convert(r[10], r[11], r[12])
                line_rows.append((order_id, position, pid, r[9], r[10], r[11], r[12], usd, khr,
                                  r[14]))
            if track and self.days is not None:
                self.days.add(day)
                if contact_id is not None:
                    self.pairs.add((contact_id, day))
                if len(self.days) > 400 or len(self.pairs) > SMALL_IMPORT:
                    self.days = None
                    track = False
        write_sale_rows(conn, order_rows, line_rows)
        for order_id, head, lines in detail_orders:
            _write_details(conn, order_id, head, lines, self.payments)
        conn.executemany("INSERT INTO import_keys(kind, key, row_id) VALUES ('order', ?, ?)",
                         key_rows)
        self.counts["orders"] += len(order_rows)
        self.counts["lines"] += len(line_rows)

    def _link_refunds(self) -> None:
        """Tie each refund receipt of the file to the sale it gives back when that sale is
        in the shop (its receipt no. without the refund prefix: C536365 → 536365) and the
        refund's lines are lines of that sale, within what is left of them; any other
        refund stays a stand-alone return (a negative sale of its own date, KPI.md), counted
        for the import's summary. A link lets the app refund only what is left."""
        from kpidesk.store import receipts

        conn = self.conn
        for order_id, number in self.refunds:
            base = number[len(self.refund_prefix):] if self.refund_prefix and \
                number.startswith(self.refund_prefix) else number
            row = conn.execute(
                "SELECT o.id FROM orders o WHERE o.number = ? AND o.id <> ?"
                " AND o.refund_of IS NULL AND o.is_daily_total = 0 AND NOT EXISTS"
                " (SELECT 1 FROM sale_lines l WHERE l.order_id = o.id AND l.amount < 0)"
                " ORDER BY o.day DESC, o.id DESC LIMIT 1", (base, order_id)).fetchone()
            if row is not None:
                conn.execute("UPDATE orders SET refund_of = ? WHERE id = ?", (row[0], order_id))
                if receipts.refunds_fit(self.store, row[0]):
                    self.linked_refunds += 1
                    continue
                conn.execute("UPDATE orders SET refund_of = NULL WHERE id = ?", (order_id,))
            self.standalone_refunds += 1

    def finish(self) -> dict[str, int]:
        while self.window:
            self._complete(self.window.popitem(last=False)[1])
        self._write()
        self._link_refunds()
        self.contacts.finish()
        if self.counts["lines"]:
            if self.days is not None and self.counts["lines"] <= SMALL_IMPORT:
                rollups.refresh_days(self.conn, self.days)
                rollups.refresh_customers(self.conn, self.pairs)
            else:
                rollups.rebuild_all(self.conn)
        return {**self.counts, "contacts": self.contacts.made,
                "salespeople": self.salespeople.created, "products": self.products.created}
