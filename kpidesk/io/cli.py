"""``python -m kpidesk import`` / ``export``: English messages, exit codes 0 / 1.

    import sales|contacts|opportunities|targets FILE --db PATH [--mapping MAP.json] [--skip-bad]
    import all DIR --db PATH          (a folder written by ``export all``)
    export sales|contacts|opportunities|targets --db PATH --out FILE.csv|FILE.xlsx
    export all --db PATH --out DIR    (the whole shop as kpidesk's own CSV set)
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from kpidesk.io import exporter
from kpidesk.io import mapping as mapping_mod
from kpidesk.io.importer import Importer, Report, backup_before_import
from kpidesk.io.readers import FileError
from kpidesk.shop_cli import cli_store
from kpidesk.store.db import Store, new_uuid
from kpidesk.store.reference import get_or_create

FILE_ERRORS = {
    "not_found": "no such file",
    "unreadable": "cannot read the file",
    "encoding": "the file's text encoding is not supported",
    "empty": "the file is empty",
    "csv": "the CSV is malformed",
    "xls": "old .xls workbooks are not supported: save it as .xlsx or CSV",
    "unknown_columns": "the mapping names columns the file does not have",
    "missing_fields": "no column found for required field(s)",
}
MAX_PRINTED = 200
ALL_ORDER = ("contacts", "sales", "opportunities", "targets")


def _err(text: str) -> None:
    print(f"kpidesk: {text}", file=sys.stderr)


def _print_report(report: Report, path: Path) -> None:
    for err in report.errors[:MAX_PRINTED]:
        print(f"{path.name}: {err.english()}", file=sys.stderr)
    if report.bad > MAX_PRINTED:
        print(f"… and {report.bad - MAX_PRINTED} more bad rows", file=sys.stderr)
    for line, day in report.future_dated[:MAX_PRINTED]:
        print(f"{path.name}: line {line}: dated {day}, after today: it counts in no figure"
              " until that day", file=sys.stderr)
    if report.future_count > MAX_PRINTED:
        print(f"… and {report.future_count - MAX_PRINTED} more rows dated after today",
              file=sys.stderr)


def _import_one(store: Store, kind: str, path: Path, mapping: dict | None,
                skip_bad: bool) -> int:
    try:
        report = Importer(store, kind, mapping).run(path, skip_bad=skip_bad)
    except FileError as exc:
        _err(f"{path}: {FILE_ERRORS.get(exc.code, exc.code)}"
             + (f": {exc.detail}" if exc.detail else ""))
        return 1
    _print_report(report, path)
    if not report.committed:
        _err(f"{path.name}: {report.bad} of {report.rows} rows are wrong; nothing imported "
             "(fix them, or use --skip-bad to import the good rows)")
        return 1
    added = ", ".join(f"{v} {k}" for k, v in report.added.items())
    skipped = f", {report.bad} bad rows skipped" if report.bad else ""
    print(f"{path.name}: {report.rows} rows read; added {added}{skipped}")
    return 0


def _import_lists(store: Store, path: Path) -> None:
    """Salespeople, categories, channels and products, keeping their ids where free."""
    conn = store.conn
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            table = row.get("list")
            if table not in ("salespeople", "categories", "channels", "products"):
                continue
            name = (row.get("name") or "").strip()
            if not name or conn.execute(f"SELECT 1 FROM {table} WHERE name = ? COLLATE NOCASE",
                                        (name,)).fetchone():
                continue
            row_id = int(row["id"]) if (row.get("id") or "").isdigit() else None
            if row_id is not None and conn.execute(f"SELECT 1 FROM {table} WHERE id = ?",
                                                   (row_id,)).fetchone():
                row_id = None
            cols, values = ["id", "uuid", "name"], [row_id, new_uuid(), name]
            if table in ("salespeople", "products"):
                cols.append("active")
                values.append(0 if row.get("active") == "0" else 1)
            if table == "products" and row.get("category"):
                cols.append("category_id")
                values.append(get_or_create(store, "categories", row["category"]))
            conn.execute(f"INSERT INTO {table}({', '.join(cols)}) VALUES"
                         f" ({', '.join('?' * len(cols))})", values)
    store.mark_changed("settings")


def _import_opportunity_history(store: Store, path: Path) -> None:
    """The opportunities' recorded states written by ``export all`` (replacing those of the
    same opportunities, so importing the folder again adds nothing)."""
    from decimal import Decimal

    from kpidesk.io.parsing import to_minor
    from kpidesk.store.money import convert

    conn = store.conn
    stages = {name.lower(): sid for sid, name in conn.execute("SELECT id, name FROM stages")}
    rows: dict[int, list[tuple]] = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            found = conn.execute("SELECT id, rate FROM opportunities WHERE uuid = ?",
                                 (row.get("opportunity_ref") or "",)).fetchone()
            if found is None or not row.get("day"):
                continue
            currency = row.get("currency") or "USD"
            value = to_minor(Decimal(row.get("value") or "0"), currency)
            rows.setdefault(found[0], []).append((
                found[0], row["day"], stages.get((row.get("stage") or "").strip().lower()),
                int(float(row.get("probability") or 0)), value, currency,
                *convert(value, currency, found[1]), row.get("expected_close") or None,
                row.get("status") or "open", row.get("closed") or None))
    for opp_id, states in rows.items():
        conn.execute("DELETE FROM opportunity_history WHERE opportunity_id = ?", (opp_id,))
        conn.executemany(
            "INSERT INTO opportunity_history (opportunity_id, day, stage_id, probability, value,"
            " currency, value_usd, value_khr, expected_close, status, closed)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", states)
    if rows:
        store.mark_changed("opportunities")


def import_all(store: Store, folder: Path, skip_bad: bool = False) -> int:
    """Import a folder written by ``export all`` (in one transaction)."""
    folder = Path(folder)
    if not folder.is_dir():
        _err(f"{folder}: not a folder written by 'export all'")
        return 1
    settings = folder / "settings.csv"

    class _Failed(Exception):
        pass

    backup_before_import(store)
    try:
        with store.transaction():
            if settings.exists():
                with open(settings, encoding="utf-8-sig", newline="") as f:
                    for row in csv.DictReader(f):
                        if row.get("key") in exporter.SETTINGS_EXPORTED:
                            store.set_setting(row["key"], row.get("value", ""))
            lists = folder / "lists.csv"
            if lists.exists():
                _import_lists(store, lists)
            for kind in ALL_ORDER:
                path = folder / f"{kind}.csv"
                if path.exists() and _import_one(store, kind, path, None, skip_bad):
                    raise _Failed
            history = folder / "opportunity_history.csv"
            if history.exists():
                _import_opportunity_history(store, history)
    except _Failed:
        _err("nothing imported")
        return 1
    return 0


def run_import(db_path: Path, kind: str, file: Path, mapping: Path | None = None,
               skip_bad: bool = False) -> int:
    file = Path(file)
    with cli_store(db_path, write=True, create=True) as store:  # locked; bad files refused
        if kind == "all":
            return import_all(store, file, skip_bad)
        m = None
        if mapping is not None:
            try:
                m = mapping_mod.load(mapping, kind)
            except (OSError, ValueError) as exc:
                _err(f"{mapping}: not a mapping file ({exc})")
                return 2
        return _import_one(store, kind, file, m, skip_bad)


def run_export(db_path: Path, kind: str, out: Path) -> int:
    db_path, out = Path(db_path), Path(out)
    with cli_store(db_path) as store:  # an older file is upgraded first; bad files refused
        if kind == "all":
            counts = exporter.export_all(store, out)
            print(f"{out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
            return 0
        if out.suffix.lower() not in (".csv", ".xlsx"):
            _err(f"{out}: the file name must end in .csv or .xlsx")
            return 2
        n = exporter.export_kind(store, kind, out)
    print(f"{out}: {n} {kind} rows")
    return 0
