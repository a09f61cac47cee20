"""Every error the store and the importer raise, as one sentence in the user's language.

The store and io raise errors that carry codes, never sentences (`store/errors.py`,
`io/read_base.FileError`, `io/importer.RowError`); this is the one place that says them.
`message(exc)` turns any of them into a sentence; `tests/test_messages.py` checks that
every code raised in `store/` and `io/` has its own.

Each family keeps its translation context: Errors (files, disks, backups), Input
(refused input), RecordErrors (contacts, opportunities), Import (files and rows).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import current
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.io.importer import EARLIEST_DATE, MAX_NAME, MAX_NOTE, MAX_RATE
from kpidesk.io.read_base import ENCODINGS_TRIED, MAX_CELL, MAX_LINE, FileError
from kpidesk.store.errors import (
    BackupError,
    CorruptStoreError,
    LockedError,
    NewerSchemaError,
    NotAStoreError,
    OlderSchemaError,
    PinRequiredError,
    ServerError,
    ValidationError,
    WriteFailedError,
)

tr_errors = translator("Errors")
tr_input = translator("Input")
tr_records = translator("RecordErrors")
tr_import = translator("Import")


def message(exc: BaseException, path: object = None) -> str:
    """Any error of the store, a backup, the importer or the OS as one sentence (`path`:
    the file it concerns, when the sentence names it)."""
    if isinstance(exc, ValidationError):
        return validation_text(exc)
    if isinstance(exc, FileError):
        return file_error_text(exc)
    if isinstance(exc, PinRequiredError):
        from kpidesk.ui.dialogs.pin import reason_text

        return reason_text(exc.reason) or tr_errors("This change is for the owner.")
    return store_error_text(exc, path)


def write_failed_text(err: WriteFailedError) -> str:
    """What a failed write means for the user, in their language."""
    return {
        "disk_full": tr_errors("The disk is full, so this change was not saved. "
                        "Your earlier records are safe. Free some space and try again."),
        "read_only": tr_errors("The shop file's folder cannot be written to, so this change was "
                        "not saved. Your earlier records are safe."),
        "busy": tr_errors("The shop file is busy in another program. This change was not saved; "
                   "try again in a moment."),
        "io_error": tr_errors("The disk reported an error, so this change was not saved. "
                       "Your earlier records are safe. Check the disk or USB stick."),
        "no_folder": tr_errors("The shop file's folder is not there any more (a USB stick taken "
                        "out?), so this change was not saved. Your earlier records are "
                        "safe. Put it back and try again."),
        "moved": tr_errors("The shop file was moved or replaced by another program while it was "
                    "open, so this change was not saved. Close KPI Desk and open the shop "
                    "again."),
        "opened_read_only": read_only_text(err.detail),
    }.get(err.reason, tr_errors("This change was not saved. Your earlier records are safe."))


def read_only_text(view_reason: str) -> str:
    """Why nothing can be saved in a shop file opened read-only."""
    if view_reason == "backup":
        return tr_errors("This is a backup, opened read-only: nothing can be saved in it. To work "
                  "with it, restore it from File ▸ Backups.")
    return tr_errors("This shop file is on a disk that cannot be written to (a locked USB stick, "
              "a CD, or a folder you have no permission for), so it was opened read-only: "
              "you can look, but nothing can be saved.")


def _when(text: str) -> str:
    """An ISO date and time as the user reads it."""
    from datetime import datetime

    from kpidesk.i18n.format import current

    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return text
    return f"{current().date(moment.date())} {current().digits(moment.strftime('%H:%M'))}"


def locked_text(err: LockedError) -> str:
    from kpidesk.i18n.format import current

    if not err.pid:
        return tr_errors("This shop file is already open in KPI Desk, through another name of the "
                  "same file. Close it there first, or open another shop file.")
    return (fill_in(tr_errors("This shop file is already open in KPI Desk (process %1 on %2, since %3). "
               "Close it there first, or open another shop file."), current().digits(str(err.pid)), err.host, _when(err.started)))


def backup_error_text(err: BackupError) -> str:
    """What a backup that could not be made, checked or restored means, in one sentence
    (or two) of the user's language."""
    from kpidesk.i18n.format import current

    folder = str(err.params.get("folder") or "")
    if err.reason == "other_shop":
        return (fill_in(tr_errors("This backup is of another shop (%1, %2 orders, last sale %3)."), str(err.params.get("shop_name") or "—"), current().integer(err.params.get("orders") or 0), current().date(err.params.get("last_sale") or None) or "—"))
    texts = {
        "disk_full": tr_errors("The backup could not be written: the disk of %1 is full. Free some "
                        "space, or choose another backup folder."),
        "read_only": tr_errors("The backup could not be written: %1 cannot be written to. Choose "
                        "another backup folder."),
        "no_folder": tr_errors("The backup could not be written: the backup folder %1 is not there. "
                        "If it is on a USB stick, plug it in; or choose another folder."),
        "not_verified": tr_errors("A backup was made but did not pass its check, so it was not kept. "
                           "The shop file itself may be damaged: keep your older backups and "
                           "ask for help before deleting anything."),
        "damaged": tr_errors("This backup is damaged: it does not pass its check, so it cannot be "
                      "restored."),
        "newer": tr_errors("This backup was made by a newer version of KPI Desk. Install the newer "
                    "version to restore it."),
        "not_a_backup": tr_errors("This file is not a KPI Desk backup."),
        "busy": tr_errors("The shop file is busy in another program. Try again in a moment."),
    }
    text = texts.get(err.reason, tr_errors("The backup could not be written: the disk reported an "
                                    "error (%1)."))
    return fill_in(text, folder or tr_errors("the backup folder"))


def os_error_text(exc: OSError, path: object = None) -> str:
    """An error of the operating system (a file, a folder, a disk) in one sentence."""
    import errno

    where = str(path if path is not None else (exc.filename or ""))
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        text = tr_errors("The disk is full, so %1 could not be written. Free some space and try "
                  "again.")
    elif code == errno.EROFS:
        text = tr_errors("%1 is on a disk that cannot be written to.")
    elif code in (errno.EACCES, errno.EPERM):
        text = tr_errors("You do not have permission to use %1.")
    elif code == errno.ENOENT:
        text = tr_errors("%1 is not there. If it is on a USB stick, plug it in and try again.")
    elif code == errno.EISDIR:
        text = tr_errors("%1 is a folder, not a file.")
    elif code == errno.EIO:
        text = tr_errors("The disk reported an error while using %1. Check the disk or USB stick.")
    else:
        text = tr_errors("The computer could not read or write %1.")
    return fill_in(text, where)


def server_error_text(err: ServerError, where: str = "") -> str:
    """A shared shop's server that cannot be used, as one sentence (never its password)."""
    from kpidesk.store import dialect

    if dialect.is_server_url(where):
        where = dialect.public_url(where)
    text = {
        "no_driver": tr_errors("This copy of KPI Desk cannot open shared shops (its "
                               "PostgreSQL driver is missing). Reinstall KPI Desk."),
        "unreachable": tr_errors("The shop's server at %1 does not answer. Check that it is "
                                 "switched on and that this laptop is on its network, then "
                                 "try again."),
        "login": tr_errors("The shop's server at %1 did not accept the user name or "
                           "password."),
        "no_database": tr_errors("The shop's server has no database named in %1. Create it "
                                 "first (see the README)."),
        "not_supported": tr_errors("This works with shop files only, not with the shared "
                                   "shop at %1."),
        "no_tools": tr_errors("PostgreSQL's command line tools (pg_dump, pg_restore) are not "
                              "installed on this laptop."),
        # met when a lost connection is made again (Store.ensure_connected)
        "newer": tr_errors("The shop on the server at %1 was upgraded by a newer KPI Desk. "
                           "Install that version on this laptop."),
    }.get(err.reason, tr_errors("The shop's server at %1 reported an error."))
    return fill_in(text, where) if "%1" in text else text


def store_error_text(err: Exception, path: object = None) -> str:
    """Any error a store, a backup or the OS raises, as one sentence for the user."""

    where = str(path or "")
    if isinstance(err, WriteFailedError):
        return write_failed_text(err)
    if isinstance(err, BackupError):
        return backup_error_text(err)
    if isinstance(err, LockedError):
        return locked_text(err)
    if isinstance(err, ServerError):
        return server_error_text(err, where)
    if isinstance(err, NotAStoreError):
        text = {"directory": tr_errors("%1 is a folder, not a shop file."),
                "empty": tr_errors("%1 is empty: it holds no shop."),
                "backup": tr_errors("%1 is a backup: it is never changed. Restore it from File ▸ "
                             "Backups, or open it read-only to look at it.")}.get(
            err.reason, tr_errors("%1 is not a KPI Desk shop file."))
        return fill_in(text, where)
    if isinstance(err, CorruptStoreError):
        return fill_in(tr_errors("%1 is damaged."), where)
    if isinstance(err, NewerSchemaError):
        return (fill_in(tr_errors("%1 was saved by a newer version of KPI Desk. Install the newer "
                   "version to open it; this version will not change it."), where))
    if isinstance(err, OlderSchemaError):
        return (fill_in(tr_errors("%1 was saved by an older version of KPI Desk and must be opened for "
                   "writing once to be updated."), where))
    if isinstance(err, OSError):
        return os_error_text(err, path)
    return fill_in(tr_errors("The computer could not read or write %1."), where)


def _queue_codes() -> set[tuple[str, str]]:
    from kpidesk.ui.server_status import QUEUE_CODES

    return QUEUE_CODES


def validation_text(err: ValidationError) -> str:
    """A translated sentence for a store (or form) ValidationError.

    Field-specific wording first, then a general one per code. Parameters
    are put in with %1 (never by joining translated fragments).
    """
    field, code, params = err.field, err.code, err.params
    if field == "branch":  # a branch name (KPI.md §7): its sentences live with branches
        from kpidesk.ui.branches import name_error_text

        return name_error_text(err)
    if (field, code) in _queue_codes():  # a sale kept on this laptop, refused by the server
        from kpidesk.ui.server_status import refusal_text

        return refusal_text(err)
    f = fmt.current()  # examples in the user's digits
    a_date = f.date_numeric("2026-11-26")
    bad_date = fmt.fill(tr_input("This date does not exist. Type day/month/year, e.g. %1."), a_date)
    specific = {
        ("amount", "required"): tr_input("Type an amount."),
        ("amount", "not_a_number"): fmt.fill(
            tr_input("This is not an amount. Type digits, e.g. %1."), f.decimal(1250.5, 2)),
        ("amount", "zero"): tr_input("The amount cannot be zero."),
        ("amount", "too_many_decimals"): tr_input("Too many decimals for this currency."),
        ("amount", "riel_decimals"): tr_input("Riel amounts are whole numbers, without decimals."),
        ("amount", "not_positive"): tr_input("The amount must be more than zero."),
        ("rate", "required"): tr_input("Type the exchange rate (riel per dollar)."),
        ("rate", "bad_rate"): tr_input("The rate must be a whole number of riel per dollar, more "
                                 "than zero."),
        ("rate", "not_a_number"): tr_input("The rate must be a whole number of riel per dollar, "
                                     "more than zero."),
        ("date", "required"): fmt.fill(tr_input("Type a date, e.g. %1."), a_date),
        ("date", "bad_date"): bad_date,
        ("created", "bad_date"): bad_date,
        ("quantity", "zero"): tr_input("The quantity cannot be zero."),
        ("quantity", "not_a_number"): fmt.fill(
            tr_input("The quantity must be a number, e.g. %1 or %2."), f.integer(1), f.decimal(2.5)),
        ("name", "required"): tr_input("A name is required."),
        ("name", "duplicate"): tr_input("This name is already used."),
        ("name", "in_use"): tr_input("This name is in use and cannot be removed."),
        ("contact", "has_sales"): tr_input("This contact has sales: merge it into another "
                                     "contact instead of deleting it."),
        ("currency", "bad_currency"): tr_input("Choose USD or KHR."),
        ("product", "not_found"): tr_input("No product has this name. Choose one from the list, or "
                                     "leave it empty."),
        ("lines", "no_lines"): tr_input("A sale needs at least one line."),
        ("order", "not_found"): tr_input("This sale no longer exists."),
        ("receipts", "not_a_number"): tr_input("The number of receipts is a whole number, zero or more."),
        ("receipts", "not_positive"): tr_input("The number of receipts is a whole number, zero or more."),
        ("daily_total", "exists"): tr_input("This day already has a daily total for this channel "
                                      "and salesperson."),
        ("contact", "not_found"): tr_input("This contact no longer exists."),
        # contacts, opportunities and targets
        ("value", "not_positive"): tr_records("Enter an amount of zero or more."),
        ("contact", "same"): tr_records("Choose two different contacts."),
        ("stage", "not_open"): tr_records("Choose an open stage."),
        ("opportunity", "closed"): tr_records("This opportunity is already closed."),
        ("opportunity", "not_closed"): tr_records("This opportunity is still open."),
        # calls to customers
        ("outcome", "bad_outcome"): tr_input("Choose how the call went."),
        ("follow_up", "before_call"): tr_input("The follow-up date is before the call."),
        # receipts, refunds and the shop calendar
        ("time", "bad_time"): fmt.fill(tr_input("Type the time as hours:minutes, e.g. %1."),
                                       f.digits("14:30")),
        ("discount", "above_price"): tr_input("The discount is more than the price."),
        ("refund", "not_refundable"): tr_input("This sale cannot be refunded."),
        ("refund", "already_refunded"): tr_input("This sale was already refunded."),
        ("quantity", "above_sold"): tr_input("More items come back than this line sold."),
        ("quantity", "above_left"): tr_input("More items come back than are left on this "
                                             "line."),
        ("refund", "no_sale"): tr_input("Choose the sale in the table below, or type its "
                                        "receipt no., then press Refund."),
        ("kind", "bad_day_kind"): tr_input("Choose what kind of day this is."),
    }
    text = specific.get((field, code))
    if text is None:
        text = {
            "required": tr_input("This field is required."),
            "not_a_number": tr_input("This is not a number."),
            "not_positive": tr_input("The value must be more than zero."),
            "zero": tr_input("The value cannot be zero."),
            "bad_date": bad_date,
            "bad_currency": tr_input("Choose USD or KHR."),
            "bad_rate": tr_input("The rate must be a whole number of riel per dollar, more than "
                           "zero."),
            "no_lines": tr_input("A sale needs at least one line."),
            "not_found": tr_input("This record no longer exists."),
            "duplicate": tr_input("This name is already used."),
            "has_sales": tr_input("This record has sales and cannot be deleted."),
            "bad_period": tr_input("This period does not exist."),
            "bad_measure": tr_input("Unknown measure."),
            "in_use": tr_input("This is in use and cannot be removed."),
            "too_many_decimals": tr_input("Too many decimals."),
            "bad_probability": fmt.fill(
                tr_records("The probability must be between %1 and %2."),
                f.integer(0), f.percent(1, places=0)),
            "same": tr_records("Choose two different contacts."),
            "not_open": tr_records("Choose an open stage."),
            "closed": tr_records("This opportunity is already closed."),
            "not_closed": tr_records("This opportunity is still open."),
            "undone": tr_input("This import was already undone."),
            "bad_kind": tr_input("Choose lead or customer."),
            "bad_status": tr_input("Choose open, won or lost."),
            "bad_split": fmt.fill(tr_input("The months' shares must be zero or more and add "
                                           "up to more than %1."), f.integer(0)),
            "bad_pin": fmt.fill(tr_input("The PIN is %1 to %2 digits."),
                                f.integer(4), f.integer(12)),
            "bad_position": tr_input("This place is not in the list."),
            "fixed_stage": tr_input("The Won and Lost stages always stay, at the end."),
            "last_open_stage": tr_input("Keep at least one open stage."),
            "daily_totals_only": tr_input("Only a daily total has a number of receipts."),
        }.get(code, fill_in(tr_input("This value was refused (%1)."), code))
    if "name" in params and "%1" in text:
        text = fill_in(text, str(params["name"]))
    return text


def row_problem_text(code: str) -> str:
    """Why the importer refused a row (`io.importer.RowError.code`), in a few words."""
    f = current()
    reasons = {
        "required": tr_import("value missing"),
        "bad_date": tr_import("not a date"),
        "bad_number": tr_import("not a number"),
        "not_whole": tr_import("not a whole number"),
        "bad_currency": tr_import("currency must be USD or KHR"),
        "bad_rate": tr_import("exchange rate must be above zero"),
        "zero": tr_import("quantity is zero"),
        "bad_kind": tr_import("must be lead or customer"),
        "bad_period": tr_import("not a month"),
        "bad_measure": tr_import("measure must be revenue, new customers or won opportunities"),
        "bad_status": tr_import("status must be open, won or lost"),
        "unknown_stage": tr_import("no such stage"),
        "bad_probability": fmt.fill(tr_import("probability must be %1 to %2"),
                                    fmt.current().integer(0), fmt.current().integer(100)),
        "negative": tr_import("must not be negative"),
        "too_large": tr_import("number too large"),
        "fractional_riel": tr_import("not a whole number of riel"),
        "date_too_early": fill_in(tr_import("date before %1"), f.date(EARLIEST_DATE)),
        "date_too_late": tr_import("date more than a year after today"),
        "rate_too_large": fill_in(tr_import("exchange rate above %1 riel per dollar"), f.integer(MAX_RATE)),
        "currency_conflict": tr_import("the amount's currency differs from the currency column"),
        "cell_too_long": fill_in(tr_import("a cell is too long (over %1 KiB)"), f.integer(MAX_CELL // 1024)),
        "row_too_long": fill_in(tr_import("the line is too long (over %1 MiB)"), f.integer(MAX_LINE // 1024**2)),
        "csv_row": tr_import("the line is not valid CSV"),
        "text_too_long": fill_in(tr_import("text too long (names %1 characters, notes %2)"), f.integer(MAX_NAME), f.integer(MAX_NOTE)),
        "short_row": tr_import("row has fewer columns than the header"),
        "daily_total_exists": tr_import("a daily total for this day, channel and salesperson "
                                        "is already in the shop or earlier in the file"),
    }
    return reasons.get(code, code)


def file_error_text(exc: FileError) -> str:
    """Why a file could not be imported (`io.read_base.FileError.code`), in one sentence."""
    texts = {
        "not_found": tr_import("The file does not exist."),
        "unreadable": tr_import("The file cannot be read."),
        "empty": tr_import("The file is empty."),
        "csv": tr_import("The CSV file is malformed."),
        "xls": tr_import("Old .xls workbooks are not supported: save it as .xlsx or CSV."),
        "unknown_columns": tr_import("The mapping names columns the file does not have."),
        "missing_fields": tr_import("Choose a column for every required field."),
        "truncated": tr_import("The compressed file is cut short (an incomplete download or copy?)."),
        "too_big": tr_import("The file is too large to import."),
        "too_many_lines": tr_import("The file has more lines than can be imported at once "
                             "(blank lines counted): split it into smaller files."),
        "too_large_total": tr_import("The amounts add up to more than KPI Desk can store."),
        "bad_mapping": tr_import("The column mapping is not valid."),
        "mixed_currency": tr_import("Some amounts look like dollars and others like riel, and "
                             "nothing in the file says which is which."),
    }
    if exc.code == "encoding":  # (names of encodings and of Excel's format: not translated)
        return fill_in(tr_import("The file's text encoding is not supported (tried %1). Save it from Excel "
                  "as “%2” and try again."), ENCODINGS_TRIED, "CSV UTF-8")
    return texts.get(exc.code, exc.code)


def ask_yes_no(parent: QWidget | None, title: str, text: str, *,
               default_yes: bool = False) -> bool:
    """Ask a yes/no question; True for Yes. No is the default answer (Enter, Escape)
    unless `default_yes`: a question that changes or removes records defaults to No."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, yes | no, yes if default_yes else no)
    return answer == yes
