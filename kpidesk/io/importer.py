"""Importing sales, contacts, opportunities and targets: validate, then one transaction.

``Importer(store, kind, mapping).check(path)`` reads the whole file and lists
every bad row (line, column, reason code) without writing anything.
``.run(path, skip_bad=False)`` reads it again inside ONE transaction: with a
bad row and ``skip_bad`` false it keeps reading to list every problem and then
rolls back, so the store is exactly as before; a cancel, an error or a killed
process also leave it untouched. Rows are streamed and inserted in batches
with ``executemany``; rollups are rebuilt at the end (or refreshed for the
touched days and customers when the import is small).

Sales lines are grouped into orders by ``order_ref`` (kpidesk's own export),
else by (order number, date, customer); lines of one order may be a little
apart in the file (a window of recent orders stays open). Each order made is
recorded in ``import_keys`` as "number|date|content hash" so importing the
same file again adds nothing. Customers unknown to the store are created
(``created`` = the date of their first sale in the file); an external id
(``customer_ref``, e.g. ``17850.0``) is remembered in ``import_keys`` too.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from kpidesk.io import mapping as mapping_mod
from kpidesk.io.parsing import (
    ParseError,
    clean_ref,
    is_marked,
    parse_currency,
    parse_date,
    parse_int,
    parse_number,
    parse_period,
    to_minor,
)
from kpidesk.io.readers import MAX_CELL, BadRow, FileError, open_reader
from kpidesk.store import imports, rollups
from kpidesk.store.db import Store, is_uuid_text, new_uuid, new_uuids, uuid_text, uuid_value
from kpidesk.store.money import convert
from kpidesk.store.sales import INSERT_LINE
from kpidesk.store.topics import Topic

BATCH_LINES = 5000
ORDER_WINDOW = 64
SMALL_IMPORT = 5000  # lines; above this the rollups are rebuilt whole
MAX_ERRORS = 10000  # errors kept for the report (the count goes on)
MAX_REJECTED = 100000  # raw rejected rows kept for "save rejected rows"…
MAX_REJECTED_CHARS = 32 * 1024 * 1024  # … and at most this much of their text
MAX_FUTURE = 1000  # rows dated after today listed in the report (the count goes on)

# Reason codes → English (the CLI). The wizard translates the same codes.
REASONS = {
    "required": "value missing",
    "bad_date": "not a date",
    "bad_number": "not a number",
    "not_whole": "not a whole number",
    "bad_currency": "currency must be USD or KHR",
    "bad_rate": "exchange rate must be above zero",
    "zero": "quantity is zero",
    "bad_kind": "kind must be lead or customer",
    "bad_period": "not a month (YYYY-MM)",
    "bad_measure": "measure must be revenue, new_customers or won_opportunities",
    "bad_status": "status must be open, won or lost",
    "unknown_stage": "no such stage",
    "bad_probability": "probability must be 0 to 100",
    "negative": "must not be negative",
    "short_row": "row has fewer columns than the header",
    "too_large": "number too large",
    "fractional_riel": "riel cannot have a fraction",
    "date_too_early": "date before 1990",
    "date_too_late": "date more than a year after today",
    "rate_too_large": "exchange rate above 100,000 riel per dollar",
    "currency_conflict": "the amount's currency differs from the currency column",
    "cell_too_long": "a cell is longer than 128 KiB",
    "row_too_long": "the line is longer than 1 MiB",
    "csv_row": "the line is not valid CSV",
    "text_too_long": "text too long (names 200 characters, notes 2,000)",
}


# Field names of the record each row parser returns (amounts in minor units).
RECORD_FIELDS = {
    "sales": ("date", "order", "order_ref", "customer", "customer_ref", "phone", "salesperson",
              "product", "category", "quantity", "amount", "currency", "rate", "channel",
              "note", "daily_total", "order_note", "receipts"),
    "contacts": ("name", "kind", "phone", "source", "salesperson", "created", "note", "ref"),
    "opportunities": ("title", "customer", "customer_ref", "owner", "value", "currency", "rate",
                      "stage", "probability", "created", "expected_close", "status", "closed",
                      "lost_reason", "note", "ref"),
    "targets": ("period", "salesperson", "measure", "value", "currency"),
}


class Cancelled(Exception):
    """The user cancelled: everything was rolled back."""


class _Abort(Exception):
    """Bad rows without skip_bad: roll back."""


SHOWN_VALUE = 60  # characters of a wrong value shown in a report (never a whole huge cell)


def shorten(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= SHOWN_VALUE else text[:SHOWN_VALUE - 1] + "…"


@dataclass
class RowError:
    line: int
    column: str  # the file's header of the column at fault
    field: str  # kpidesk field
    code: str
    value: str = ""  # the wrong value, shortened

    def __post_init__(self) -> None:
        self.value = shorten(self.value)

    def english(self) -> str:
        reason = REASONS.get(self.code, self.code)
        value = f" ({self.value!r})" if self.value not in ("", None) else ""
        column = f", column {self.column!r}" if self.column else ""
        return f"line {self.line}{column}: {reason}{value}"


@dataclass
class Report:
    kind: str
    header: list[str] = field(default_factory=list)
    rows: int = 0
    good: int = 0
    bad: int = 0
    errors: list[RowError] = field(default_factory=list)
    rejected: list[tuple[int, list]] = field(default_factory=list)
    rejected_chars: int = 0
    added: dict[str, int] = field(default_factory=dict)
    committed: bool = False
    topics: frozenset[Topic] = frozenset()  # what the import changed, once committed
    import_id: int | None = None  # its entry in the import log (see store/imports.py)
    blank_lines: int = 0  # empty lines skipped
    currency_mix: CurrencyMix = field(default_factory=lambda: CurrencyMix())
    currency_decided: bool = False
    # Sales rows dated after today (line, ISO date): imported, but they count in no figure
    # until their date comes (KPI.md Conventions), so the report lists them.
    future_dated: list[tuple[int, str]] = field(default_factory=list)
    future_count: int = 0

    def note_date(self, line: int, day: str, today: str) -> None:
        if day > today:
            self.future_count += 1
            if len(self.future_dated) < MAX_FUTURE:
                self.future_dated.append((line, day))

    def add_error(self, err: RowError, raw: list) -> None:
        self.bad += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(err)
        if len(self.rejected) < MAX_REJECTED and self.rejected_chars < MAX_REJECTED_CHARS:
            self.rejected.append((err.line, list(raw)))
            self.rejected_chars += sum(len(v) if isinstance(v, str) else 8 for v in raw)

    @property
    def rejected_complete(self) -> bool:
        """Whether every bad row was kept for "save rejected rows"."""
        return len(self.rejected) == self.bad

    @property
    def mixed_currency(self) -> bool:
        """Amounts look like both dollars and riel, and nothing says which is which."""
        return not self.currency_decided and self.currency_mix.mixed

    def mix_example(self) -> str:
        mix = self.currency_mix
        return f"{mix.dollar_like} look like dollars, {mix.riel_like} like riel"


def _uuid_of(ref: str) -> bytes | None:
    """The stored form of a ref written as a UUID (kpidesk's own export), else None."""
    return uuid_value(ref) if ref and is_uuid_text(ref) else None


class _Bad(Exception):
    def __init__(self, field_name: str, code: str, value: object = "") -> None:
        super().__init__(code)
        self.field = field_name
        self.code = code
        self.value = value


def backup_before_import(store: Store) -> None:
    """Back a shop that has records up (verified) before an import writes to it."""
    if store.scalar("SELECT EXISTS (SELECT 1 FROM orders) OR EXISTS (SELECT 1 FROM contacts)"):
        from kpidesk.store.backup import make_backup

        make_backup(store, "import")


class Importer:
    def __init__(self, store: Store, kind: str, mapping: dict | None = None,
                 progress: Callable[[float], None] | None = None,
                 should_cancel: Callable[[], bool] | None = None,
                 today: date | None = None) -> None:
        if kind not in mapping_mod.KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        self.store = store
        self.kind = kind
        self.mapping = mapping
        self.progress = progress or (lambda f: None)
        self.should_cancel = should_cancel or (lambda: False)
        self.today = (today or date.today()).isoformat()

    # -- mapping -----------------------------------------------------------
    def resolve_mapping(self, header: list[str], sample: list[list]) -> dict:
        defaults = {"currency": self.store.reporting_currency, "date_order": "dmy",
                    "rate": self.store.default_rate}
        if self.mapping is None:
            found = mapping_mod.remembered(self.store, self.kind, header)
            m = found or mapping_mod.guess(self.kind, header, sample,
                                           self.store.reporting_currency)
        else:
            try:
                m = mapping_mod.validate(self.mapping, self.kind)
            except mapping_mod.MappingError as exc:
                raise FileError("bad_mapping", str(exc)) from None
            if not m["columns"]:  # options only: the columns are found from the headers
                m["columns"] = mapping_mod.guess_columns(self.kind, header)
        m = mapping_mod.merge_options({**m, "kind": self.kind}, defaults)
        unknown = [h for h in m.get("columns", {}).values() if h and h not in header]
        if unknown:
            raise FileError("unknown_columns", ", ".join(unknown))
        missing = mapping_mod.missing_fields(m)
        if missing:
            raise FileError("missing_fields", ", ".join(missing))
        return m

    def _prepare(self, reader) -> tuple[dict, dict[str, int]]:
        header = reader.header
        # A small look-ahead sample for the date order guess, without consuming rows.
        m = self.mapping
        if m is None:
            from kpidesk.io.readers import preview

            _, rows = preview(reader.path, 50)
            m = self.resolve_mapping(header, [r for _, r in rows])
        else:
            m = self.resolve_mapping(header, [])
        self.used_mapping = m
        index = {f: header.index(h) for f, h in m["columns"].items() if h}
        return m, index

    # -- public ------------------------------------------------------------
    def check(self, path: Path | str) -> Report:
        """Validate every row; nothing is written."""
        report = Report(self.kind)
        with open_reader(path) as reader:
            report.header = list(reader.header)
            opts, index = self._prepare(reader)
            parse = self._row_parser(opts, index, report.header, report.currency_mix)
            for _ in self._parsed(reader, parse, index, report):
                pass
            report.blank_lines = reader.blank_lines
            report.currency_decided = currency_decided(opts)
        self.progress(1.0)
        return report

    def run(self, path: Path | str, skip_bad: bool = False, remember: bool = False,
            import_id: int | None = None, source: str = "app") -> Report:
        """Import in one transaction; returns the report (``committed`` says if it was kept).

        The import is recorded in the import log (``report.import_id``) and the change
        history, so it can be undone (``store.imports.undo_import``); a caller importing
        several files as one (``import all``) passes the `import_id` it opened. A shop
        that already has records is also backed up first (verified).

        Raises FileError for a file that cannot be read as a whole (and for amounts that
        mix dollars and riel with nothing saying which is which): nothing is written.
        """
        report = Report(self.kind)
        if not self.store.conn.in_transaction:  # a caller's transaction backed up already
            backup_before_import(self.store)
        try:
            with self.store.transaction() as conn, open_reader(path) as reader:
                report.header = list(reader.header)
                opts, index = self._prepare(reader)
                parse = self._row_parser(opts, index, report.header, report.currency_mix)
                own_log = import_id is None
                if own_log:
                    import_id = imports.begin(conn, Path(path).name, self.kind, source)
                report.import_id = import_id
                sink = {"sales": _SalesSink, "contacts": _ContactsSink,
                        "opportunities": _OpportunitiesSink,
                        "targets": _TargetsSink}[self.kind](self.store, opts, self.today,
                                                           import_id)
                writing = True
                for line, record, row in self._parsed(reader, parse, index, report):
                    if report.bad and not skip_bad:
                        writing = False  # read on, to list every bad row; then roll back
                    if writing:
                        try:
                            sink.add(record, line)
                        except _Bad as bad:  # e.g. an unknown stage, found while writing
                            report.good -= 1
                            report.add_error(self._error(line, bad, index, report.header), row)
                if report.bad and not skip_bad:
                    writing = False
                report.blank_lines = reader.blank_lines
                report.currency_decided = currency_decided(opts)
                if report.mixed_currency:
                    raise FileError("mixed_currency", report.mix_example())
                if not writing:
                    raise _Abort
                self.progress(0.97)
                try:
                    report.added = sink.finish()
                except (OverflowError, sqlite3.OperationalError) as exc:
                    if "overflow" not in str(exc).lower():
                        raise
                    raise FileError("too_large_total") from exc
                imports.finish(conn, import_id, report.rows, report.added,
                               getattr(sink, "replaced", None))
                if own_log:
                    imports.record_history(self.store, import_id)
                if remember and self.mapping is not None:
                    mapping_mod.remember(self.store, self.kind, report.header, self.mapping)
                report.topics = frozenset((*sink.topics, Topic.IMPORTS))
                self.store.mark_changed(*report.topics)
            report.committed = True
        except _Abort:
            report.committed = False
            report.import_id = None
        self.progress(1.0)
        return report

    def _parsed(self, reader, parse, index: dict[str, int], report: Report):
        """(line, record, raw row) of each good row; each bad one goes into the report."""
        header = report.header
        for n, (line, row) in enumerate(reader):
            if n % 2000 == 0:
                self._tick(reader)
            report.rows += 1
            if isinstance(row, BadRow):  # the reader could not take it (e.g. a huge cell)
                column = header[row.column] if row.column is not None and \
                    row.column < len(header) else ""
                report.add_error(RowError(line, column, "", row.code, row.value), [])
                continue
            try:
                record = parse(row)
            except _Bad as bad:
                report.add_error(self._error(line, bad, index, header), row)
                continue
            report.good += 1
            if self.kind == "sales":
                report.note_date(line, record[0], self.today)
            yield line, record, row

    def preview(self, header: list[str], rows: list[tuple[int, list]]) -> list[tuple[int, object]]:
        """(line, {field: value as stored} or RowError) for a few rows (the wizard's preview).
        ``self.preview_mix`` then tells how the amounts without a currency look.

        Raises FileError when the mapping lacks a required field."""
        m = self.resolve_mapping(header, [r for _, r in rows if not isinstance(r, BadRow)])
        index = {f: header.index(h) for f, h in m["columns"].items() if h}
        self.preview_mix = CurrencyMix()
        parse = self._row_parser(m, index, header, self.preview_mix)
        names = RECORD_FIELDS[self.kind]
        out: list[tuple[int, object]] = []
        for line, row in rows:
            if isinstance(row, BadRow):
                out.append((line, RowError(line, "", "", row.code, row.value)))
                continue
            try:
                out.append((line, dict(zip(names, parse(row), strict=True))))
            except _Bad as bad:
                out.append((line, self._error(line, bad, index, header)))
        return out

    # -- helpers -----------------------------------------------------------
    def _tick(self, reader) -> None:
        if self.should_cancel():
            raise Cancelled
        self.progress(0.95 * reader.progress())

    @staticmethod
    def _error(line: int, bad: _Bad, index: dict[str, int], header: list[str]) -> RowError:
        i = index.get(bad.field)
        column = header[i] if i is not None and i < len(header) else bad.field
        value = bad.value
        return RowError(line, column, bad.field, bad.code, "" if value is None else str(value))

    def _row_parser(self, m: dict, index: dict[str, int], header: list[str],
                    mix: CurrencyMix | None = None):
        opts = m["options"]
        return {"sales": _sales_parser, "contacts": _contacts_parser,
                "opportunities": _opportunities_parser,
                "targets": _targets_parser}[self.kind](opts, index, len(header), self.today,
                                                       None if currency_decided(m) else mix)


# -- row parsers: raw row → record tuple, or _Bad ------------------------------

MAX_NAME = 200  # characters of a name, number or reference (longer is not a name)
MAX_NOTE = 2000  # characters of a note
_LONG_TEXT = {"note": MAX_NOTE, "order_note": MAX_NOTE, "lost_reason": MAX_NOTE,
              # numbers and dates: a long one is "too large" or "not a date" instead
              **dict.fromkeys(("amount", "unit_price", "quantity", "rate", "value",
                               "probability", "date", "created", "expected_close", "closed",
                               "period"), MAX_CELL)}


def _getter(index: dict[str, int]):
    def get(row: list, name: str) -> object:
        i = index.get(name)
        if i is None or i >= len(row):
            return ""
        v = row[i]
        if isinstance(v, str):
            v = v.strip()
            if len(v) > MAX_NAME and len(v) > _LONG_TEXT.get(name, MAX_NAME):
                raise _Bad(name, "text_too_long", v)
        return v
    return get


def _key(text: str) -> int:
    """A name's key in the import's look-up tables: a 64-bit hash of it in lower case, so
    a million distinct long names cost a few dozen MB, not their text."""
    return hash(text.lower())


EARLIEST_DATE = "1990-01-01"  # a sale, contact or deal dated before this is a typo
LATEST_DAYS = 365  # … or more than a year after today


def _latest(today: str) -> str:
    return (date.fromisoformat(today) + timedelta(days=LATEST_DAYS)).isoformat()


def _in_range(day: str, name: str, value: object, latest: str) -> str:
    if day < EARLIEST_DATE:
        raise _Bad(name, "date_too_early", value)
    if day > latest:
        raise _Bad(name, "date_too_late", value)
    return day


def _date(value: object, name: str, order: str, latest: str,
          required: bool = True) -> str | None:
    if value in ("", None):
        if required:
            raise _Bad(name, "required")
        return None
    try:
        day = parse_date(value, order)
    except ParseError as exc:
        raise _Bad(name, exc.code, value) from None
    return _in_range(day, name, value, latest)


def _number(value: object, name: str) -> tuple[Decimal, str | None]:
    try:
        return parse_number(value)
    except ParseError as exc:
        raise _Bad(name, exc.code, value) from None


def _currency(value: object, name: str) -> str:
    try:
        return parse_currency(value)
    except ParseError as exc:
        raise _Bad(name, exc.code, value) from None


def _minor(value: Decimal, currency: str, name: str, raw: object, whole: bool = True) -> int:
    """Minor units of a written amount: riel with a fraction is an error (``whole``)."""
    try:
        return to_minor(value, currency, whole=whole)
    except ParseError as exc:
        raise _Bad(name, exc.code, raw) from None


MAX_RATE = 100_000  # riel per dollar; the real rate is about 4,000


def _rate(value: object, default: int, name: str = "rate") -> int:
    if value in ("", None):
        return default
    dec, _ = _number(value, name)
    if dec <= 0:
        raise _Bad(name, "bad_rate", value)
    if dec > MAX_RATE:
        raise _Bad(name, "rate_too_large", value)
    return int(dec.to_integral_value())


MAX_QUANTITY = 10**9


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in _FORMULA_STARTS and text[1:2]:
        return text[1:]  # a cell our exporter (or Excel) protected from formula injection
    return text


_FORMULA_STARTS = "=+-@\t\r"


class CurrencyMix:
    """Amounts that said no currency (no currency column, no $ or ៛), by how they look:
    whole hundreds from 1,000 up look like riel, amounts with cents like dollars. Both
    in one file means the shop mixed them and the file must say which is which."""

    def __init__(self) -> None:
        self.riel_like = 0
        self.dollar_like = 0
        self.unmarked = 0

    def note(self, value: Decimal) -> None:
        self.unmarked += 1
        if value != value.to_integral_value():
            self.dollar_like += 1
        elif abs(value) >= 1000 and value % 100 == 0:
            self.riel_like += 1

    @property
    def mixed(self) -> bool:
        least = max(2, self.unmarked // 50)  # each kind in 2 % of them at least
        return self.riel_like >= least and self.dollar_like >= least


def currency_decided(mapping: dict) -> bool:
    """Whether the mapping says how amounts without a currency are read (a currency
    column, or a rule chosen by the user), so a mix of magnitudes is no question."""
    return bool(mapping.get("columns", {}).get("currency")
                or mapping.get("options", {}).get("currency_rule"))


def _amount_currency(cur_raw: object, named: str | None, value: Decimal, raw: object,
                     field_name: str, default: str, riel_from: Decimal | None,
                     mix: CurrencyMix | None) -> str:
    """The currency of one amount: its currency column, else what it is written with,
    else the mapping's rule (by size, or one currency)."""
    if cur_raw not in ("", None):
        currency = _currency(cur_raw, "currency")
        if named and named != currency:
            raise _Bad(field_name, "currency_conflict", raw)
        return currency
    if named:
        return named
    if riel_from is not None:
        return "KHR" if abs(value) >= riel_from else "USD"
    if mix is not None:
        mix.note(value)
    return default


def _rule(opts: dict) -> Decimal | None:
    """The "by size" threshold of a mapping (riel from this amount up), or None."""
    if opts.get("currency_rule") != "by_size":
        return None
    return Decimal(str(opts.get("riel_from") or 1000))


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
    i_date = index.get("date")
    has_daily = "daily_total" in index
    latest = _latest(today)
    has_receipts = "receipts" in index

    def parse(row: list) -> tuple:
        # date (the hot path: most files write ISO dates)
        v = row[i_date] if i_date < len(row) else ""
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
            value = qty * written
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
                if has_receipts else None)
    return parse


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


_KINDS = {"lead": "lead", "leads": "lead", "prospect": "lead", "អតិថិជនសក្តានុពល": "lead",
          "customer": "customer", "customers": "customer", "client": "customer",
          "អតិថិជន": "customer"}


def _contacts_parser(opts: dict, index: dict[str, int], width: int, today: str,
                     mix: CurrencyMix | None = None):
    get = _getter(index)
    order = opts.get("date_order", "dmy")
    latest = _latest(today)

    def parse(row: list) -> tuple:
        ref = clean_ref(get(row, "ref")) if "ref" in index else ""
        name = _text(get(row, "name")) or ref
        if not name:
            raise _Bad("name", "required")
        kind_raw = _text(get(row, "kind"))
        kind = _KINDS.get(kind_raw.lower(), None) if kind_raw else "customer"
        if kind is None:
            raise _Bad("kind", "bad_kind", kind_raw)
        created = _date(get(row, "created"), "created", order, latest, required=False) or today
        return (name, kind, _text(get(row, "phone")), _text(get(row, "source")),
                _text(get(row, "salesperson")), created, _text(get(row, "note")), ref)
    return parse


_STATUSES = {"open": "open", "won": "won", "lost": "lost", "បើក": "open", "ឈ្នះ": "won",
             "ចាញ់": "lost"}


def _opportunities_parser(opts: dict, index: dict[str, int], width: int, today: str,
                          mix: CurrencyMix | None = None):
    get = _getter(index)
    order = opts.get("date_order", "dmy")
    default_currency = opts.get("currency") or "USD"
    default_rate = int(opts.get("rate") or 4100)
    riel_from = _rule(opts)
    latest = _latest(today)

    def parse(row: list) -> tuple:
        title = _text(get(row, "title"))
        if not title:
            raise _Bad("title", "required")
        raw = get(row, "value")
        if raw in ("", None):
            raise _Bad("value", "required")
        value, named = _number(raw, "value")
        if value < 0:
            raise _Bad("value", "negative", raw)
        currency = _amount_currency(get(row, "currency"), named, value, raw, "value",
                                    default_currency, riel_from, mix)
        minor = _minor(value, currency, "value", raw)
        rate = _rate(get(row, "rate"), default_rate)
        prob_raw = get(row, "probability")
        probability = None
        if prob_raw not in ("", None):
            p, _ = _number(str(prob_raw).replace("%", ""), "probability")
            if not 0 <= p <= 100:
                raise _Bad("probability", "bad_probability", prob_raw)
            probability = int(p)
        status_raw = _text(get(row, "status"))
        status = _STATUSES.get(status_raw.lower()) if status_raw else None
        if status_raw and status is None:
            raise _Bad("status", "bad_status", status_raw)
        created = _date(get(row, "created"), "created", order, latest)
        expected = _date(get(row, "expected_close"), "expected_close", order, latest,
                         required=False)
        closed = _date(get(row, "closed"), "closed", order, latest, required=False)
        if status in ("won", "lost") and not closed:
            raise _Bad("closed", "required")
        return (title, _text(get(row, "customer")),
                clean_ref(get(row, "customer_ref")) if "customer_ref" in index else "",
                _text(get(row, "owner")), minor, currency, rate,
                _text(get(row, "stage")), probability, created, expected, status, closed,
                _text(get(row, "lost_reason")), _text(get(row, "note")),
                _text(get(row, "ref")))
    return parse


_MEASURES = {"revenue": "revenue", "sales": "revenue", "ចំណូល": "revenue",
             "newcustomers": "new_customers", "new_customers": "new_customers",
             "អតិថិជនថ្មី": "new_customers", "wonopportunities": "won_opportunities",
             "won_opportunities": "won_opportunities", "wondeals": "won_opportunities"}


def _targets_parser(opts: dict, index: dict[str, int], width: int, today: str,
                    mix: CurrencyMix | None = None):
    get = _getter(index)
    default_currency = opts.get("currency") or "USD"
    riel_from = _rule(opts)
    last_period = f"{int(today[:4]) + 1}-12"  # targets are set up to the end of next year

    def parse(row: list) -> tuple:
        raw = get(row, "period")
        if raw in ("", None):
            raise _Bad("period", "required")
        try:
            period = parse_period(raw)
        except ParseError:
            raise _Bad("period", "bad_period", raw) from None
        if period < EARLIEST_DATE[:7]:
            raise _Bad("period", "date_too_early", raw)
        if period > last_period:
            raise _Bad("period", "date_too_late", raw)
        m_raw = _text(get(row, "measure"))
        measure = _MEASURES.get(m_raw.lower().replace(" ", "")) or _MEASURES.get(m_raw)
        if measure is None:
            raise _Bad("measure", "bad_measure" if m_raw else "required", m_raw)
        v_raw = get(row, "value")
        if v_raw in ("", None):
            raise _Bad("value", "required")
        value, named = _number(v_raw, "value")
        if value < 0:
            raise _Bad("value", "negative", v_raw)
        if measure == "revenue":
            currency = _amount_currency(get(row, "currency"), named, value, v_raw, "value",
                                        default_currency, riel_from, None)
            amount = _minor(value, currency, "value", v_raw)
        else:
            currency = None
            try:
                amount = parse_int(value)
            except ParseError:
                raise _Bad("value", "not_whole", v_raw) from None
        return (period, _text(get(row, "salesperson")), measure, amount, currency)
    return parse


# -- sinks: records → rows in the store, inside the import's transaction ----------

class _Names:
    """name → id of a named list, created when missing (case-insensitive)."""

    def __init__(self, conn, table: str, import_id: int | None = None) -> None:
        self.conn = conn
        self.table = table
        self.import_id = import_id
        self.ids: dict[int, int] = {}
        for row_id, name in conn.execute(f"SELECT id, name FROM {table} ORDER BY id DESC"):
            self.ids[_key(name.strip())] = row_id
        self.created = 0

    def get(self, name: str, **extra: object) -> int | None:
        if not name:
            return None
        key = _key(name)
        found = self.ids.get(key)
        if found is None:
            cols = ["uuid", "name", "import_id", *extra]
            found = self.conn.execute(
                f"INSERT INTO {self.table}({', '.join(cols)}) VALUES"
                f" ({', '.join('?' * len(cols))})",
                (new_uuid(), name, self.import_id, *extra.values()),
            ).lastrowid
            self.ids[key] = found
            self.created += 1
        return found


class _Contacts:
    """Finds or creates contacts by external ref (import_keys / uuid) or by name."""

    def __init__(self, conn, import_id: int | None = None) -> None:
        self.conn = conn
        self.import_id = import_id
        self.by_name: dict[int, int] = {}
        for row_id, name in conn.execute("SELECT id, name FROM contacts ORDER BY id DESC"):
            self.by_name[_key(name.strip())] = row_id
        self.by_ref: dict[int, int] = {hash(key): row_id for key, row_id in conn.execute(
            "SELECT key, row_id FROM import_keys WHERE kind = 'contact'")}
        self.by_uuid: dict[str, int] = {}
        self.first_made: int | None = None  # ids from this one up were made here
        self.made = 0

    def find(self, name: str, ref: str) -> int | None:
        if ref:
            found = self.by_ref.get(hash(ref))
            if found is None and _uuid_of(ref) is not None:
                row = self.conn.execute("SELECT id FROM contacts WHERE uuid = ?",
                                        (_uuid_of(ref),)).fetchone()
                found = row[0] if row else None
                if found is not None:
                    self.by_ref[hash(ref)] = found
            return found
        return self.by_name.get(_key(name)) if name else None

    def make(self, name: str, ref: str, created: str, kind: str = "customer", phone: str = "",
             source: str = "", salesperson_id: int | None = None, note: str = "") -> int:
        uid = _uuid_of(ref) or new_uuid()
        exists = self.conn.execute("SELECT 1 FROM contacts WHERE uuid = ?", (uid,)).fetchone()
        if exists:
            uid = new_uuid()
        row_id = self.conn.execute(
            "INSERT INTO contacts(uuid, kind, name, phone, source, salesperson_id, created, note,"
            " import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, kind, name or ref, phone, source, salesperson_id, created, note,
             self.import_id)).lastrowid
        if ref:
            self.conn.execute("INSERT OR REPLACE INTO import_keys(kind, key, row_id)"
                              " VALUES ('contact', ?, ?)", (ref, row_id))
            self.by_ref[hash(ref)] = row_id
        if name:
            self.by_name.setdefault(_key(name), row_id)
        if self.first_made is None:
            self.first_made = row_id
        self.made += 1
        return row_id

    def for_sale(self, name: str, ref: str, phone: str, day: str) -> int | None:
        if not name and not ref:
            return None
        found = self.find(name, ref)
        if found is None:
            found = self.make(name, ref, day, phone=phone)
        return found

    def finish(self) -> None:
        """Contacts made from sales: created = their first sale in the file (one statement,
        rather than a date kept per new contact: a million new customers stay cheap)."""
        if self.first_made is not None:
            self.conn.execute(
                "UPDATE contacts SET created = first.day FROM (SELECT contact_id,"
                " MIN(date) AS day FROM orders WHERE contact_id >= ? GROUP BY contact_id) AS first"
                " WHERE contacts.id = first.contact_id AND contacts.created > first.day",
                (self.first_made,))


class _SalesSink:
    topics = (Topic.SALES, Topic.CONTACTS, Topic.SALESPEOPLE, Topic.PRODUCTS, Topic.CATEGORIES,
              Topic.CHANNELS)

    def __init__(self, store: Store, opts: dict, today: str, import_id: int) -> None:
        self.conn = conn = store.conn
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
        self.pending: list[tuple] = []  # completed orders awaiting a batch write
        self.pending_lines = 0
        self.anonymous_seen: dict[int, int] = {}  # hash of an order without number → count
        self.counts = {"orders": 0, "lines": 0, "duplicates": 0}
        self.days: set[str] | None = set()
        self.pairs: set[tuple[int, str]] = set()

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
            order = self.window[key] = [rec, []]
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
        for head, lines in batch:
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
            keyed.append((key, head, lines))
        # Already imported (earlier file or earlier in this one)?
        existing: set[str] = set()
        keys = [k for k, _, _ in keyed]
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            existing.update(r[0] for r in conn.execute(
                "SELECT key FROM import_keys WHERE kind = 'order' AND key IN"
                f" ({','.join('?' * len(chunk))})", chunk))
        # Orders of kpidesk's own export carry their UUID: already in the store? (Looked
        # up by the orders of their days: the orders' UUIDs have no index of their own.)
        ref_days = {h[0] for _, h, _ in keyed if _uuid_of(h[2]) is not None}
        for day in sorted(ref_days - self.ref_days_read):
            self.known_refs.update(r[0] for r in conn.execute(
                "SELECT uuid FROM orders WHERE date = ?", (day,)))
        self.ref_days_read |= ref_days
        known_refs = self.known_refs
        order_rows, line_rows, key_rows = [], [], []
        uids = iter(new_uuids(len(keyed)))
        seen_now: set[str] = set()
        track = self.days is not None
        for key, head, lines in keyed:
            order_uuid = _uuid_of(head[2])
            if key in existing or key in seen_now or (order_uuid is not None
                                                      and order_uuid in known_refs):
                self.counts["duplicates"] += 1
                continue
            seen_now.add(key)
            day, number, order_ref, customer, ref, phone, sp = head[:7]
            channel = head[13]
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
            if track:
                self.days.add(day)
                if contact_id is not None:
                    self.pairs.add((contact_id, day))
                if len(self.days) > 400 or len(self.pairs) > SMALL_IMPORT:
                    self.days = None
                    track = False
        conn.executemany(
            "INSERT INTO orders(id, uuid, number, date, contact_id, salesperson_id, channel_id,"
            " note, is_daily_total, receipts, import_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", order_rows)
        conn.executemany(INSERT_LINE, line_rows)
        conn.executemany("INSERT INTO import_keys(kind, key, row_id) VALUES ('order', ?, ?)",
                         key_rows)
        self.counts["orders"] += len(order_rows)
        self.counts["lines"] += len(line_rows)

    def finish(self) -> dict[str, int]:
        while self.window:
            self._complete(self.window.popitem(last=False)[1])
        self._write()
        self.contacts.finish()
        if self.counts["lines"]:
            if self.days is not None and self.counts["lines"] <= SMALL_IMPORT:
                rollups.refresh_days(self.conn, self.days)
                rollups.refresh_customers(self.conn, self.pairs)
            else:
                rollups.rebuild_all(self.conn)
        return {**self.counts, "contacts": self.contacts.made,
                "salespeople": self.salespeople.created, "products": self.products.created}


class _ContactsSink:
    topics = (Topic.CONTACTS, Topic.SALESPEOPLE)

    def __init__(self, store: Store, opts: dict, today: str, import_id: int) -> None:
        self.conn = store.conn
        self.contacts = _Contacts(self.conn, import_id)
        self.salespeople = _Names(self.conn, "salespeople", import_id)
        self.phones = {hash((n.lower(), p)) for n, p in self.conn.execute(
            "SELECT name, phone FROM contacts")}
        self.counts = {"contacts": 0, "duplicates": 0}

    def add(self, rec: tuple, line: int) -> None:
        name, kind, phone, source, sp, created, note, ref = rec
        if ref and self.contacts.find(name, ref) is not None:
            self.counts["duplicates"] += 1
            return
        if not ref and hash((name.lower(), phone)) in self.phones:
            self.counts["duplicates"] += 1
            return
        self.contacts.make(name, ref, created, kind, phone, source, self.salespeople.get(sp),
                           note)
        self.phones.add(hash((name.lower(), phone)))
        self.counts["contacts"] += 1

    def finish(self) -> dict[str, int]:
        return self.counts


class _OpportunitiesSink:
    topics = (Topic.OPPORTUNITIES, Topic.CONTACTS, Topic.SALESPEOPLE)

    def __init__(self, store: Store, opts: dict, today: str, import_id: int) -> None:
        self.conn = store.conn
        self.import_id = import_id
        self.contacts = _Contacts(self.conn, import_id)
        self.salespeople = _Names(self.conn, "salespeople", import_id)
        self.stages = {}
        self.first_of_kind: dict[str, tuple[int, int]] = {}
        for sid, name, prob, kind in self.conn.execute(
                "SELECT id, name, probability, kind FROM stages ORDER BY position DESC"):
            self.stages[name.strip().lower()] = (sid, prob, kind)
            self.first_of_kind[kind] = (sid, prob)
        self.counts = {"opportunities": 0, "duplicates": 0}

    def add(self, rec: tuple, line: int) -> None:
        (title, customer, cref, owner, value, currency, rate, stage, probability, created,
         expected, status, closed, lost_reason, note, ref) = rec
        if stage:
            found = self.stages.get(stage.lower())
            if found is None:
                raise _Bad("stage", "unknown_stage", stage)
            stage_id, default_prob, stage_kind = found
        else:
            stage_kind = status or "open"
            stage_id, default_prob = self.first_of_kind[stage_kind]
        status = status or stage_kind
        digest = ref if ref else hashlib.blake2b(repr(rec).encode(), digest_size=12).hexdigest()
        if self.conn.execute("SELECT 1 FROM import_keys WHERE kind = 'opportunity' AND key = ?",
                             (digest,)).fetchone() or (ref and self.conn.execute(
                "SELECT 1 FROM opportunities WHERE uuid = ?", (_uuid_of(ref),)).fetchone()):
            self.counts["duplicates"] += 1
            return
        contact_id = None
        if customer or cref:
            contact_id = self.contacts.find(customer, cref)
            if contact_id is None:
                contact_id = self.contacts.make(customer, cref, created, kind="lead")
        usd, khr = convert(value, currency, rate)
        uid = _uuid_of(ref) or new_uuid()
        row_id = self.conn.execute(
            "INSERT INTO opportunities(uuid, title, contact_id, owner_id, value, currency, rate,"
            " value_usd, value_khr, stage_id, probability, created, expected_close, status,"
            " closed, lost_reason, note, import_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uid, title, contact_id, self.salespeople.get(owner), value, currency, rate, usd, khr,
             stage_id, default_prob if probability is None else probability, created, expected,
             status, closed if status != "open" else None, lost_reason, note,
             self.import_id)).lastrowid
        self.conn.execute("INSERT INTO import_keys(kind, key, row_id) VALUES ('opportunity', ?, ?)",
                          (digest, row_id))
        self.counts["opportunities"] += 1

    def finish(self) -> dict[str, int]:
        return self.counts


class _TargetsSink:
    topics = (Topic.TARGETS, Topic.SALESPEOPLE)

    def __init__(self, store: Store, opts: dict, today: str, import_id: int) -> None:
        self.conn = store.conn
        self.import_id = import_id
        self.salespeople = _Names(self.conn, "salespeople", import_id)
        self.counts = {"targets": 0}
        self.replaced: list[dict] = []  # targets this import overwrote (an undo puts them back)

    def add(self, rec: tuple, line: int) -> None:
        period, sp, measure, value, currency = rec
        sp_id = self.salespeople.get(sp)
        where = "period = ? AND measure = ? AND IFNULL(salesperson_id, 0) = ?"
        cur = self.conn.execute(
            "SELECT id, uuid, period, salesperson_id, measure, value, currency, import_id"
            f" FROM targets WHERE {where} AND IFNULL(import_id, 0) <> ?",
            (period, measure, sp_id or 0, self.import_id))
        for row in cur.fetchall():
            old = dict(zip(("id", "uuid", "period", "salesperson_id", "measure", "value",
                            "currency", "import_id"), row, strict=True))
            old["uuid"] = uuid_text(old["uuid"])  # kept as JSON: text (an undo reads it back)
            self.replaced.append(old)
        self.conn.execute(f"DELETE FROM targets WHERE {where}", (period, measure, sp_id or 0))
        self.conn.execute(
            "INSERT INTO targets(uuid, period, salesperson_id, measure, value, currency,"
            " import_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (new_uuid(), period, sp_id, measure, value, currency, self.import_id))
        self.counts["targets"] += 1

    def finish(self) -> dict[str, int]:
        return self.counts


def import_file(store: Store, kind: str, path: Path | str, mapping: dict | None = None,
                skip_bad: bool = False, **kw) -> Report:
    return Importer(store, kind, mapping, **kw).run(path, skip_bad=skip_bad)
