"""``python -m kpidesk import`` / ``export``: English messages, exit codes 0 / 1.

    import sales|contacts|opportunities|targets FILE --db PATH [--mapping MAP.json] [--skip-bad]
    import all DIR --db PATH          (a folder written by ``export all``)
    export sales|contacts|opportunities|targets --db PATH --out FILE.csv|FILE.xlsx
    export all --db PATH --out DIR    (the whole shop as kpidesk's own CSV set)
    imports --db PATH [--json]        (the import log)
    undo-import ID --db PATH [--edited remove|keep]
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from kpidesk.io import exporter
from kpidesk.io import mapping as mapping_mod
from kpidesk.io.importer import Importer, Report, backup_before_import
from kpidesk.io.read_base import MAX_LINES, FileError
from kpidesk.shop_cli import cli_store
from kpidesk.store import imports
from kpidesk.store.db import Store
from kpidesk.store.errors import PinRequiredError, ValidationError
from kpidesk.store.money import to_major
from kpidesk.store.reference import find_by_name
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import is_uuid_text, new_uuid, uuid_value

FILE_ERRORS = {
    "not_found": "no such file",
    "unreadable": "cannot read the file",
    "encoding": "the file's text encoding is not supported",
    "empty": "the file is empty",
    "csv": "the CSV is malformed",
    "xls": "old .xls workbooks are not supported: save it as .xlsx or CSV",
    "unknown_columns": "the mapping names columns the file does not have",
    "missing_fields": "no column found for required field(s)",
    "truncated": "the compressed file is cut short (incomplete download or copy?)",
    "too_big": "the file is too large to import",
    "too_many_lines": "the file has more than {max_lines:,} lines, blank ones counted:"
                      " split it into smaller files",
    "too_large_total": "the amounts add up to more than KPI Desk can store",
    "bad_mapping": "the column mapping is not valid",
    "mixed_currency": "the amounts look like a mix of dollars and riel and nothing says which"
                      " is which: add a currency column, write the amounts with $ or ៛, or"
                      " give --mapping with options.currency (USD or KHR) or"
                      " options.currency_rule \"by_size\" and options.riel_from",
}
MAPPING_ERRORS = {
    "unreadable": "cannot read it",
    "too_big": "it is larger than 1 MB",
    "not_json": "it is not JSON",
    "not_an_object": "it must be a JSON object of field: column header",
    "unknown_key": "it has keys other than columns and options",
    "bad_columns": "\"columns\" must be an object of field: column header",
    "bad_options": "\"options\" must be an object",
    "unknown_field": "it names a field KPI Desk does not have",
    "bad_column": "a column header must be text",
    "unknown_option": "it has an option KPI Desk does not know",
    "bad_currency": "the currency must be USD or KHR",
    "bad_option": "an option has a value KPI Desk cannot use",
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


# Why an import needs the owner, by the reason codes of PinRequiredError.
OWNER_REASONS = {"negative": "the file holds refunds or amounts below zero"}


def _import_one(store: Store, kind: str, path: Path, mapping: dict | None,
                skip_bad: bool, import_id: int | None = None, pin: str | None = None) -> int:
    try:
        try:
            report = Importer(store, kind, mapping).run(path, skip_bad=skip_bad,
                                                        import_id=import_id, source="cli")
        except PinRequiredError as exc:  # nothing was written: ask, then import again
            from kpidesk.cli_pin import PinRefused, grant_open_store

            try:
                grant_open_store(store, pin, OWNER_REASONS.get(exc.reason, exc.reason))
            except PinRefused as refused:
                _err(f"{path}: {refused}")
                return 1
            report = Importer(store, kind, mapping).run(path, skip_bad=skip_bad,
                                                        import_id=import_id, source="cli",
                                                        backed_up=True)
    except FileError as exc:
        detail = exc.detail[:200]
        if exc.code == "encoding":
            detail = f"tried {detail}; save it as CSV UTF-8" if detail else ""
        elif exc.code == "too_many_lines":
            detail = ""
        text = FILE_ERRORS.get(exc.code, exc.code).format(max_lines=MAX_LINES)
        _err(f"{path}: {text}" + (f" ({detail})" if detail else ""))
        return 1
    _print_report(report, path)
    if not report.committed:
        _err(f"{path.name}: {report.bad} of {report.rows} rows are wrong; nothing imported "
             "(fix them, or use --skip-bad to import the good rows)")
        return 1
    added = ", ".join(f"{v} {k}" for k, v in report.added.items())
    skipped = f", {report.bad} bad rows skipped" if report.bad else ""
    print(f"{path.name}: {report.rows} rows read; added {added}{skipped}"
          + (f" (import {report.import_id}; undo it with: undo-import {report.import_id})"
             if report.import_id is not None and import_id is None else ""))
    if report.standalone_refunds:
        print(f"{path.name}: {report.standalone_refunds} refund(s) taken as stand-alone returns"
              " (their sale is not in the shop, or they give back other lines than it sold);"
              f" {report.linked_refunds} refund(s) tied to their sale")
    return 0


def _import_lists(store: Store, path: Path, import_id: int) -> None:
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
            cols, values = ["id", "uuid", "name", "import_id"], [row_id, new_uuid(), name,
                                                                 import_id]
            if table in ("salespeople", "products"):
                cols.append("active")
                values.append(0 if row.get("active") == "0" else 1)
            if table == "products" and row.get("category"):
                cols.append("category_id")
                category = find_by_name(store, "categories", row["category"])
                if category is None:
                    category = conn.execute(
                        "INSERT INTO categories(uuid, name, import_id) VALUES (?, ?, ?)",
                        (new_uuid(), row["category"].strip(), import_id)).lastrowid
                values.append(category)
            conn.execute(f"INSERT INTO {table}({', '.join(cols)}) VALUES"
                         f" ({', '.join('?' * len(cols))})", values)
    store.mark_changed(Topic.SALESPEOPLE, Topic.CATEGORIES, Topic.CHANNELS, Topic.PRODUCTS)


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
            ref = (row.get("opportunity_ref") or "").strip()
            found = conn.execute("SELECT id, rate FROM opportunities WHERE uuid = ?",
                                 (uuid_value(ref),)).fetchone() if is_uuid_text(ref) else None
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
        store.mark_changed(Topic.OPPORTUNITIES)


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
        with store.transaction() as conn:
            import_id = imports.begin(conn, folder.name, "all", "cli")
            if settings.exists():
                with open(settings, encoding="utf-8-sig", newline="") as f:
                    replaced = []  # the settings it changes, put back by undo-import
                    for row in csv.DictReader(f):
                        key, value = row.get("key"), row.get("value", "") or ""
                        if key in exporter.SETTINGS_EXPORTED:
                            before = store.setting(key)
                            if before != value:
                                replaced.append({"setting": key, "value": before,
                                                 "imported": value})
                            store.set_setting(key, value)
                    imports.finish(conn, import_id, 0, {}, replaced)
            lists = folder / "lists.csv"
            if lists.exists():
                _import_lists(store, lists, import_id)
            for kind in ALL_ORDER:
                path = folder / f"{kind}.csv"
                if path.exists() and _import_one(store, kind, path, None, skip_bad, import_id):
                    raise _Failed
            history = folder / "opportunity_history.csv"
            if history.exists():
                _import_opportunity_history(store, history)
            imports.record_history(store, import_id)
    except _Failed:
        _err("nothing imported")
        return 1
    print(f"{folder.name}: import {import_id}; undo it with: undo-import {import_id}")
    return 0


def run_import(db_path: Path, kind: str, file: Path, mapping: Path | None = None,
               skip_bad: bool = False, pin: str | None = None) -> int:
    file = Path(file)
    with cli_store(db_path, write=True, create=True) as store:  # locked; bad files refused
        if kind == "all":
            return import_all(store, file, skip_bad)
        m = None
        if mapping is not None:
            try:
                m = mapping_mod.load(mapping, kind)
            except mapping_mod.MappingError as exc:
                where = f" ({exc.detail})" if exc.detail and exc.code != "not_json" else ""
                _err(f"{mapping}: not a column mapping: {MAPPING_ERRORS.get(exc.code, exc.code)}"
                     f"{where}")
                return 1
        return _import_one(store, kind, file, m, skip_bad, pin=pin)


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


def _describe_changed(row: imports.ChangedRow) -> str:
    f = row.fields
    if row.kind == "order":
        amount = ""
        if f.get("amount") is not None:
            amount = f" {to_major(f['amount'], f['currency'])} {f['currency']}"
        return (f"sale {f['number'] or '#' + str(row.row_id)} of {f['date']}"
                f"{', ' + f['customer'] if f.get('customer') else ''}{amount}")
    if row.kind == "contact":
        return f"contact {f['name']}" + (f" ({f['phone']})" if f.get("phone") else "")
    if row.kind == "opportunity":
        return f"opportunity {f['title']}"
    return f"target {f['period']} {f['measure']}" + (
        f" ({f['salesperson']})" if f.get("salesperson") else "")


def run_imports(db_path: Path, as_json: bool = False) -> int:
    """``imports``: the import log, newest first."""
    with cli_store(Path(db_path)) as store:  # an older file is upgraded first; bad refused
        records = imports.list_imports(store)
    if as_json:
        print(json.dumps([r.as_json() for r in records], ensure_ascii=False, indent=2))
        return 0
    if not records:
        print("no imports")
        return 0
    for r in records:
        added = ", ".join(f"{v} {k}" for k, v in r.added.items() if v) or "nothing"
        state = f"  UNDONE {r.undone_at}" if r.undone_at else ""
        print(f"{r.id:>4}  {r.at}  {r.kind:<13} {r.file_name}  {r.rows_read} rows read,"
              f" added {added}  by {r.user or '?'} ({r.source}){state}")
    return 0


def run_undo_import(db_path: Path, import_id: int, edited: str | None = None) -> int:
    """``undo-import ID``: remove what one import added. Rows edited since are listed; they
    go too with ``--edited remove``, stay with ``--edited keep``; on a terminal it asks."""
    db_path = Path(db_path)
    with cli_store(db_path, write=True) as store:  # locked; bad files refused
        try:
            record = imports.get_import(store, import_id)
        except ValidationError:
            _err(f"there is no import {import_id} (see: imports --db {db_path})")
            return 1
        if record.undone_at:
            _err(f"import {import_id} ({record.file_name}) was already undone on"
                 f" {record.undone_at}")
            return 1
        changed, n_changed = imports.changed_since(store, import_id, limit=MAX_PRINTED)
        if n_changed and edited is None:
            print(f"{n_changed} record(s) of import {import_id} were changed after it:",
                  file=sys.stderr)
            for row in changed:
                print(f"  {_describe_changed(row)}", file=sys.stderr)
            if n_changed > len(changed):
                print(f"  … and {n_changed - len(changed)} more", file=sys.stderr)
            if sys.stdin is not None and sys.stdin.isatty():
                answer = input("Remove them too (r), keep them (k), or stop (s)? [s] ")
                edited = {"r": "remove", "k": "keep"}.get(answer.strip().lower()[:1])
                if edited is None:
                    _err("nothing undone")
                    return 1
            else:
                _err(f"import {import_id} not undone: {n_changed} of its records were changed"
                     " after it; add --edited remove to remove them too, or --edited keep"
                     " to keep them")
                return 1
        result = imports.undo_import(store, import_id, keep_changed=edited == "keep",
                                     source="cli")
    removed = ", ".join(f"{v} {k}" for k, v in result.removed.items() if v) or "nothing"
    kept = ", ".join(f"{v} {k}" for k, v in result.kept.items() if v)
    print(f"import {import_id} ({record.file_name}) undone: removed {removed}"
          + (f"; kept {kept}" if kept else "")
          + (f"; {result.gone} of its orders had been deleted already" if result.gone else ""))
    return 0
