"""What an import found: the report, each refused row and why (codes and English reasons
for the command line; the app says them through ui/messages.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpidesk.io.importer.fields import CurrencyMix
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
    "daily_total_exists": "a daily total for this day, channel and salesperson is already"
                          " in the shop or earlier in the file",
}


# Field names of the record each row parser returns (amounts in minor units).


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
    # refund receipts tied to their sale in the shop, and those taken as stand-alone
    # returns (their sale is not in the shop, or they give back other lines)
    linked_refunds: int = 0
    standalone_refunds: int = 0
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
    # Why this file needs the owner PIN when the shop has one (the code of
    # PinRequiredError: 'negative' for refunds and amounts below zero), or None.
    owner_reason: str | None = None

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
    def mixed_currency(self) -> bool:
        """Amounts look like both dollars and riel, and nothing says which is which."""
        return not self.currency_decided and self.currency_mix.mixed

    def mix_example(self) -> str:
        mix = self.currency_mix
        return f"{mix.dollar_like} look like dollars, {mix.riel_like} like riel"
