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

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from kpidesk.io import mapping as mapping_mod
from kpidesk.io.importer.contacts import _contacts_parser, _ContactsSink
from kpidesk.io.importer.fields import RECORD_FIELDS, CurrencyMix, _Bad, currency_decided
from kpidesk.io.importer.opportunities import _opportunities_parser, _OpportunitiesSink
from kpidesk.io.importer.report import Report, RowError
from kpidesk.io.importer.sales import _sales_parser, _SalesSink
from kpidesk.io.importer.targets import _targets_parser, _TargetsSink
from kpidesk.io.read_base import BadRow, FileError
from kpidesk.io.readers import open_reader
from kpidesk.store import imports, security
from kpidesk.store.db import Store
from kpidesk.store.errors import PinRequiredError
from kpidesk.store.topics import Topic


class Cancelled(Exception):
    """The user cancelled: everything was rolled back."""


class _Abort(Exception):
    """Bad rows without skip_bad: roll back."""


def backup_before_import(store: Store) -> None:
    """Back a shop that has records up (verified) before an import writes to it."""
    if store.is_server:
        # a shared shop is backed up on its server (pg_dump, `kpidesk backup`); the import
        # is one transaction and can be undone (undo_import) either way
        return
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
            import_id: int | None = None, source: str = "app",
            backed_up: bool = False) -> Report:
        """Import in one transaction; returns the report (``committed`` says if it was kept).

        The import is recorded in the import log (``report.import_id``) and the change
        history, so it can be undone (``store.imports.undo_import``); a caller importing
        several files as one (``import all``) passes the `import_id` it opened. A shop
        that already has records is also backed up first (verified).

        Raises FileError for a file that cannot be read as a whole (and for amounts that
        mix dollars and riel with nothing saying which is which): nothing is written.
        Raises PinRequiredError ('negative') for a file with refunds or amounts below zero
        when the shop has an owner PIN and no owner session is open: nothing is written.
        """
        report = Report(self.kind)
        owner = security.owner_granted(self.store)
        # (a caller's transaction, or a second try after the PIN, backed up already)
        if not self.store.conn.in_transaction and not backed_up:
            backup_before_import(self.store)
        try:
            with self.store.transaction() as conn, open_reader(path) as reader:
                report.header = list(reader.header)
                opts, index = self._prepare(reader)
                parse = self._row_parser(opts, index, report.header, report.currency_mix)
                own_log = import_id is None
                if own_log:
                    import_id = imports.begin(conn, Path(path).name, self.kind, source)
                assert import_id is not None
                report.import_id = import_id
                sink: Any = {"sales": _SalesSink, "contacts": _ContactsSink,
                        "opportunities": _OpportunitiesSink,
                        "targets": _TargetsSink}[self.kind](self.store, opts, self.today,
                                                           import_id)
                writing = True
                for line, record, row in self._parsed(reader, parse, index, report):
                    if report.owner_reason and not owner:  # staff: nothing is written
                        raise PinRequiredError(report.owner_reason)
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
                report.standalone_refunds = getattr(sink, "standalone_refunds", 0)
                report.linked_refunds = getattr(sink, "linked_refunds", 0)
                conflicts = getattr(sink, "conflicts", ())
                column = opts["columns"].get("daily_total") or ""
                for line in conflicts:
                    report.good -= 1
                    report.add_error(RowError(line, column, "daily_total",
                                              "daily_total_exists"), [])
                if conflicts and not skip_bad:
                    raise _Abort
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
                if record[10] < 0:  # the same rule as the Sales form (sales.owner_reason)
                    report.owner_reason = "negative"
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


def import_file(store: Store, kind: str, path: Path | str, mapping: dict | None = None,
                skip_bad: bool = False, **kw) -> Report:
    return Importer(store, kind, mapping, **kw).run(path, skip_bad=skip_bad)
