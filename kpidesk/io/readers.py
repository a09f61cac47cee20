"""Streaming readers for CSV (any of the encodings and delimiters Excel writes) and XLSX.

A reader yields ``(line_number, values)`` one row at a time, never the whole
file: ``line_number`` is the line (CSV) or row (XLSX) where the record starts,
as the user sees it in a text editor or in Excel. ``.gz`` files are read
through gzip transparently. ``progress()`` tells how far the reader is (0..1)
from the bytes consumed.

CSV encodings: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text",
with BOM, or without BOM when the NUL bytes give it away), else cp1252.
Delimiters: the one of ``, ; \\t |`` that splits the header line most often.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
from collections.abc import Iterator
from pathlib import Path

DELIMITERS = (",", ";", "\t", "|")
SAMPLE_BYTES = 64 * 1024


class FileError(Exception):
    """The file cannot be read at all (unknown type, broken archive, empty)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def _open_binary(path: Path):
    if path.suffix.lower() == ".gz":
        raw = open(path, "rb")  # noqa: SIM115 - closed by the reader
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw
    raw = open(path, "rb")  # noqa: SIM115
    return raw, raw


def inner_suffix(path: Path) -> str:
    """'.csv' for 'x.csv' and 'x.csv.gz'."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def detect_encoding(sample: bytes) -> str:
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith(codecs.BOM_UTF16_LE) or sample.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    if len(sample) >= 4:
        even_nuls = sample[0:200:2].count(0)
        odd_nuls = sample[1:200:2].count(0)
        half = min(len(sample), 200) // 4
        if odd_nuls > half and even_nuls == 0:
            return "utf-16-le"
        if even_nuls > half and odd_nuls == 0:
            return "utf-16-be"
    try:
        # A sample may end inside a multi-byte character: ignore a cut tail.
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:
            return "utf-8"
        return "cp1252"


def detect_delimiter(first_line: str) -> str:
    counts = {}
    for d in DELIMITERS:
        # Count outside quotes only.
        inside = False
        n = 0
        for ch in first_line:
            if ch == '"':
                inside = not inside
            elif ch == d and not inside:
                n += 1
        counts[d] = n
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


class CsvReader:
    """Rows of a CSV file. Use as a context manager or call ``close()``."""

    def __init__(self, path: Path | str, encoding: str | None = None,
                 delimiter: str | None = None) -> None:
        self.path = Path(path)
        self._binary, self._raw = _open_binary(self.path)
        try:
            self.total = max(1, self.path.stat().st_size)
            sample = self._binary.peek(SAMPLE_BYTES)[:SAMPLE_BYTES] if hasattr(
                self._binary, "peek") else b""
            if not sample:
                sample = self._binary.read(SAMPLE_BYTES)
                self._binary.seek(0)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            self.close()
            raise FileError("unreadable", str(exc)) from exc
        self.encoding = encoding or detect_encoding(sample)
        self._text = io.TextIOWrapper(self._binary, encoding=self.encoding, newline="",
                                      errors="strict")
        try:
            first = self._text.readline()
        except UnicodeDecodeError as exc:
            self.close()
            raise FileError("encoding", str(exc)) from exc
        if not first.strip():
            self.close()
            raise FileError("empty")
        self.delimiter = delimiter or detect_delimiter(first)
        header_reader = csv.reader([first], delimiter=self.delimiter)
        self.header = [h.strip().lstrip("\ufeff") for h in next(header_reader)]
        self._csv = csv.reader(self._text, delimiter=self.delimiter)

    def progress(self) -> float:
        try:
            return min(1.0, self._raw.tell() / self.total)
        except (OSError, ValueError):
            return 0.0

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        reader = self._csv
        prev = 1  # the header is line 1
        try:
            for row in reader:
                start = prev + 1
                prev = reader.line_num + 1
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                yield start, row
        except UnicodeDecodeError as exc:
            raise FileError("encoding", str(exc)) from exc
        except csv.Error as exc:
            raise FileError("csv", f"line {prev + 1}: {exc}") from exc

    def close(self) -> None:
        for f in (getattr(self, "_text", None), self._binary, self._raw):
            try:
                if f is not None:
                    f.close()
            except Exception:  # noqa: BLE001 - closing best effort
                pass

    def __enter__(self) -> CsvReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class XlsxReader:
    """Rows of the first sheet of an XLSX workbook (openpyxl read-only: streamed)."""

    def __init__(self, path: Path | str, sheet: str | None = None) -> None:
        import openpyxl

        self.path = Path(path)
        self.encoding = "xlsx"
        self.delimiter = ""
        try:
            self._wb = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds
            raise FileError("unreadable", str(exc)) from exc
        ws = self._wb[sheet] if sheet else self._wb.worksheets[0]
        self.total = max(1, ws.max_row or 1)
        self._rows = ws.iter_rows(values_only=True)
        self._row = 0
        header = None
        for values in self._rows:
            self._row += 1
            if any(v not in (None, "") for v in values):
                header = values
                break
        if header is None:
            self.close()
            raise FileError("empty")
        self.header = ["" if v is None else str(v).strip() for v in header]
        while self.header and not self.header[-1]:
            self.header.pop()

    def progress(self) -> float:
        return min(1.0, self._row / self.total)

    def __iter__(self) -> Iterator[tuple[int, list[object]]]:
        width = len(self.header)
        for values in self._rows:
            self._row += 1
            if not any(v not in (None, "") for v in values):
                continue
            row = ["" if v is None else v for v in values[:width]]
            yield self._row, row

    def close(self) -> None:
        try:
            self._wb.close()
        except Exception:  # noqa: BLE001
            pass

    def __enter__(self) -> XlsxReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_reader(path: Path | str) -> CsvReader | XlsxReader:
    path = Path(path)
    if not path.exists():
        raise FileError("not_found", str(path))
    suffix = inner_suffix(path)
    if suffix in (".xlsx", ".xlsm"):
        return XlsxReader(path)
    if suffix == ".xls":
        raise FileError("xls", str(path))
    return CsvReader(path)


def preview(path: Path | str, rows: int = 20) -> tuple[list[str], list[tuple[int, list]]]:
    """Header and the first `rows` rows (for the wizard and the header guess)."""
    with open_reader(path) as reader:
        out = []
        for item in reader:
            out.append(item)
            if len(out) >= rows:
                break
        return reader.header, out
