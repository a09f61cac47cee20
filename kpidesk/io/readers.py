"""Streaming readers for CSV (any of the encodings and delimiters Excel writes) and XLSX.

A reader yields ``(line_number, values)`` one row at a time, never the whole
file: ``line_number`` is the line (CSV) or row (XLSX) where the record starts,
as the user sees it in a text editor or in Excel. ``.gz`` files are read
through gzip transparently. ``progress()`` tells how far the reader is (0..1)
from the bytes consumed.

Whatever the file, memory stays bounded: a cell longer than ``MAX_CELL``
characters (Python's csv limit, 128 KiB) or a line longer than ``MAX_LINE`` is
not kept — the row comes as a ``BadRow`` (a row error, its value never echoed
whole); at most ``MAX_LINES`` lines (blank ones counted in ``blank_lines``) and
``MAX_UNCOMPRESSED`` bytes of an archive are read, checked as they are read; a
truncated ``.gz`` is a FileError, not a crash.

CSV encodings: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text",
with BOM, or without BOM when the NUL bytes give it away), else Windows-1252
when that reads as text; a file that decodes only as mojibake (e.g. Shift-JIS)
is refused with the encodings tried. Delimiters: the one of ``, ; \\t |`` that
splits the header line most often.

XLSX: read with the standard library (zipfile + expat) rather than openpyxl,
whose read-only mode still loads the whole shared-strings table: the table is
parsed as a stream with each string capped and kept compactly as UTF-8, the
sheet is parsed as a stream. Dates come from the cell styles; a number shown
with a currency ("$#,##0.00", "#,##0 ៛") comes as a ``CurrencyCell``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from kpidesk.io.csv_reader import CsvReader
from kpidesk.io.read_base import FileError, inner_suffix
from kpidesk.io.xlsx_reader import XlsxReader


def open_reader(path: Path | str) -> CsvReader | XlsxReader:
    path = Path(path)
    if not path.exists():
        raise FileError("not_found", str(path))
    if path.is_dir():
        raise FileError("unreadable", f"{path} is a folder")
    suffix = inner_suffix(path)
    if suffix in (".xlsx", ".xlsm"):
        if path.suffix.lower() == ".gz":
            raise FileError("unreadable", "a workbook inside a .gz: unpack it first")
        return XlsxReader(path)
    if suffix == ".xls":
        raise FileError("xls", str(path))
    return CsvReader(path)


def preview(path: Path | str, rows: int = 20) -> tuple[list[str], list[tuple[int, Any]]]:
    """Header and the first `rows` rows (for the wizard and the header guess)."""
    with open_reader(path) as reader:
        out: list[tuple[int, Any]] = []
        for item in reader:
            out.append(item)
            if len(out) >= rows:
                break
        return reader.header, out
