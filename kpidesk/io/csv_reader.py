"""The streaming CSV reader (any of the encodings and delimiters Excel writes)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from kpidesk.io.read_base import (
    ENCODINGS_TRIED,
    MAX_COLUMNS,
    MAX_LINE,
    MAX_LINES,
    BadRow,
    FileError,
    _open_binary,
    _sample,
    detect_delimiter,
    detect_encoding,
)

_LONG_LINE = "\x00kpidesk:long-line\x00"
_BLANKS = re.compile(r"(?:[ \t\r]*\n)+")
_CHUNK = 256 * 1024


class CsvReader:
    """Rows of a CSV file. Use as a context manager or call ``close()``."""

    def __init__(self, path: Path | str, encoding: str | None = None,
                 delimiter: str | None = None) -> None:
        self.path = Path(path)
        self.blank_lines = 0
        self.lines_read = 0
        self._quotes = 0  # quote characters since the current record began
        self._in_record = False
        self._record_start = 0
        self._skip_quoted = False
        try:
            self.total = max(1, self.path.stat().st_size)
            sample, complete = _sample(self.path) if encoding is None else (b"", False)
        except OSError as exc:
            raise FileError("unreadable", str(exc)) from exc
        self.encoding = encoding or detect_encoding(sample, complete)
        try:
            self._binary, self._raw = _open_binary(self.path)
        except OSError as exc:
            raise FileError("unreadable", str(exc)) from exc
        # Old Mac Excel ends lines with CR alone: read those with universal newlines.
        cr_only = b"\r" in sample and b"\n" not in sample
        self._text = io.TextIOWrapper(self._binary, encoding=self.encoding,
                                      newline=None if cr_only else "", errors="strict")
        self._rest = ""
        try:
            first = self._first_line()
        except UnicodeDecodeError as exc:
            self.close()
            raise FileError("encoding", ENCODINGS_TRIED) from exc
        except FileError:
            self.close()
            raise
        if not first.strip():
            self.close()
            raise FileError("empty")
        self.delimiter = delimiter or detect_delimiter(first)
        try:
            header = next(csv.reader([first], delimiter=self.delimiter))
        except csv.Error as exc:
            self.close()
            raise FileError("csv", f"line 1: {exc}") from exc
        self.header = [h.strip().lstrip("\ufeff") for h in header[:MAX_COLUMNS]]
        self._csv = csv.reader(self._lines(), delimiter=self.delimiter)

    def _first_line(self) -> str:
        """The header: the first line that is not blank (the rest of the chunk read is kept
        for the rows)."""
        buf = ""
        while True:
            nl = buf.find("\n")
            while nl < 0:
                if len(buf) >= MAX_LINE:
                    raise FileError("csv", f"line {self.lines_read + 1}: the header line is"
                                           " too long")
                chunk = self._text.read(_CHUNK)
                if not chunk:
                    nl = len(buf) - 1
                    break
                buf += chunk
                nl = buf.find("\n")
            line, buf = buf[:nl + 1], buf[nl + 1:]
            if not line:
                self._rest = ""
                return ""
            self._count_lines(1)
            if line.strip():
                self._header_line = self.lines_read
                self._rest = buf
                return line
            self.blank_lines += 1

    def _lines(self) -> Iterator[str]:
        """Physical lines for the csv module, each at most MAX_LINE characters: the rest of
        a longer one is skipped and the line stands for a row error. Runs of blank lines
        between records are counted at C speed, never parsed (a file of nothing but blank
        lines reaches MAX_LINES in seconds)."""
        read = self._text.read
        buf, pos = self._rest, 0
        self._rest = ""
        blanks = _BLANKS.match
        while True:
            nl = buf.find("\n", pos)
            if nl < 0:
                rest = buf[pos:]
                chunk = read(_CHUNK)
                if not chunk:
                    if rest:
                        self._count_lines(1)
                        if not self._skip_quoted and (rest.strip() or self._in_record):
                            if not self._in_record:
                                self._in_record, self._record_start = True, self.lines_read
                            self._quotes += rest.count('"')
                            yield rest
                    return
                if len(rest) >= MAX_LINE:  # a line too long to keep: drop it to its end
                    while True:
                        nl = chunk.find("\n")
                        if nl >= 0:
                            break
                        chunk = read(_CHUNK)
                        if not chunk:
                            break
                    self._count_lines(1)
                    buf, pos = (chunk[nl + 1:] if chunk and nl >= 0 else ""), 0
                    if not self._skip_quoted:
                        if not self._in_record:
                            self._in_record, self._record_start = True, self.lines_read
                        yield _LONG_LINE + "\n"
                    if not chunk:
                        return
                    continue
                buf, pos = rest + chunk, 0
                continue
            if not self._in_record and not self._skip_quoted:
                m = blanks(buf, pos)
                if m is not None and m.end() > pos:
                    n = buf.count("\n", pos, m.end())
                    self.blank_lines += n
                    self._count_lines(n)
                    pos = m.end()
                    continue
            line = buf[pos:nl + 1]
            pos = nl + 1
            self._count_lines(1)
            quotes = line.count('"')
            if self._skip_quoted:  # inside a quoted cell that was too long: to its end
                if quotes % 2:
                    self._skip_quoted = False
                continue
            if not self._in_record:
                self._in_record, self._record_start = True, self.lines_read
            self._quotes += quotes
            yield line

    def _count_lines(self, n: int) -> None:
        self.lines_read += n
        if self.lines_read > MAX_LINES:
            raise FileError("too_many_lines", str(MAX_LINES))

    def _end_record(self) -> int:
        """The line the record just read began on; the next one starts afresh."""
        line = self._record_start
        self._in_record, self._quotes = False, 0
        return line

    def progress(self) -> float:
        try:
            return min(1.0, self._raw.tell() / self.total)
        except (OSError, ValueError):
            return 0.0

    def __iter__(self) -> Iterator[tuple[int, list[str] | BadRow]]:
        reader = self._csv
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                raise FileError("encoding", f"line {self.lines_read}: {exc.reason}") from exc
            except csv.Error as exc:
                # A cell over MAX_CELL: when it was a quoted cell still open, skip to its end.
                self._skip_quoted = self._quotes % 2 == 1
                yield self._end_record(), BadRow(
                    "cell_too_long" if "field larger" in str(exc) else "csv_row")
                continue
            line = self._end_record()
            if not any(cell.strip() for cell in row):
                self.blank_lines += 1
                continue
            if row[0] == _LONG_LINE:
                yield line, BadRow("row_too_long")
                continue
            yield line, row

    def close(self) -> None:
        for f in (getattr(self, "_text", None), getattr(self, "_binary", None),
                  getattr(self, "_raw", None)):
            try:
                if f is not None:
                    f.close()
            except Exception:  # noqa: BLE001 - closing best effort
                pass

    def __enter__(self) -> CsvReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

