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

import codecs
import csv
import gzip
import io
import re
import zipfile
import zlib
from array import array
from collections import deque
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any
from xml.parsers import expat

from kpidesk.io.parsing import CurrencyCell

DELIMITERS = (",", ";", "\t", "|")
SAMPLE_BYTES = 64 * 1024
MAX_CELL = 128 * 1024  # characters in one cell (Python's csv.field_size_limit default)
MAX_LINE = 1024 * 1024  # characters in one physical line of a CSV
MAX_LINES = 20_000_000  # lines (or spreadsheet rows) read from one file, blank ones counted
MAX_UNCOMPRESSED = 4 * 1024**3  # bytes read out of a .gz or out of an XLSX's sheet
MAX_SHARED_TEXT = 128 * 1024**2  # bytes (UTF-8) of an XLSX's shared-strings table
MAX_COLUMNS = 1000
ENCODINGS_TRIED = "UTF-8, UTF-16, Windows-1252"

csv.field_size_limit(MAX_CELL)


class FileError(Exception):
    """The file cannot be read at all (unknown type, broken archive, empty, too large)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


class BadRow:
    """A row the reader could not take as it is (e.g. a cell over MAX_CELL characters):
    the importer lists it as a row error. `value` is a short start of the text."""

    __slots__ = ("code", "column", "value")

    def __init__(self, code: str, column: int | None = None, value: str = "") -> None:
        self.code, self.column, self.value = code, column, value[:40]

    def __repr__(self) -> str:
        return f"BadRow({self.code!r}, {self.column!r})"


class _Counted(io.RawIOBase):
    """A binary stream that counts what it hands out and turns an archive's failures
    (truncated, damaged, too large once uncompressed) into FileError."""

    def __init__(self, stream, limit: int) -> None:
        super().__init__()
        self._stream, self._limit, self.count = stream, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            n = self._stream.readinto(buffer)
        except EOFError as exc:
            raise FileError("truncated", str(exc)) from exc
        except (gzip.BadGzipFile, zlib.error, zipfile.BadZipFile) as exc:
            raise FileError("unreadable", str(exc)) from exc
        self.count += n or 0
        if self.count > self._limit:
            raise FileError("too_big", f"more than {self._limit} bytes once uncompressed")
        return n


def _open_binary(path: Path):
    """(stream of the file's bytes, the raw file for progress); .gz uncompressed."""
    raw = open(path, "rb")  # noqa: SIM115 - closed by the reader
    if path.suffix.lower() == ".gz":
        counted = _Counted(gzip.GzipFile(fileobj=raw, mode="rb"), MAX_UNCOMPRESSED)
        return io.BufferedReader(counted, 1024 * 1024), raw
    return raw, raw


def _sample(path: Path) -> tuple[bytes, bool]:
    """The first SAMPLE_BYTES of the (uncompressed) file, and whether that is all of it."""
    stream, raw = _open_binary(path)
    try:
        data = stream.read(SAMPLE_BYTES + 1)
    except OSError as exc:
        raise FileError("unreadable", str(exc)) from exc
    finally:
        stream.close()
        raw.close()
    return data[:SAMPLE_BYTES], len(data) <= SAMPLE_BYTES


def inner_suffix(path: Path) -> str:
    """'.csv' for 'x.csv' and 'x.csv.gz'."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


_RUN = re.compile(r"[^\x00-\x7f]{2,}")


_WESTERN_MARKS = set("’‘“”–—…€°×·•«»¡¿©®™±§¶£¥¢")


def looks_like_mojibake(text: str) -> bool:
    """Text of another encoding read as Windows-1252 (Shift-JIS, Khmer UTF-8 read as
    cp1252, …): its non-ASCII characters come in runs, or are mostly odd symbols, where
    Western text has single accented letters and the usual marks (’ – € °) among ASCII."""
    odd = [ch for ch in text if ord(ch) > 127]
    if len(odd) < 8:
        return False
    symbols = sum(not ch.isalpha() and ch not in _WESTERN_MARKS for ch in odd)
    in_runs = sum(len(run) for run in _RUN.findall(text))
    return symbols > 0.4 * len(odd) or in_runs > 0.6 * len(odd)


def detect_encoding(sample: bytes, complete: bool = False) -> str:
    """The encoding of a file from its first bytes. `complete`: the sample is the whole
    file, so bytes that do not decode at its end are an error, not a cut character."""
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
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # A sample shorter than the file may end inside a multi-byte character.
        if not complete and exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        raise FileError("encoding", ENCODINGS_TRIED) from None
    if looks_like_mojibake(text):
        raise FileError("encoding", ENCODINGS_TRIED)
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


# -- XLSX -------------------------------------------------------------------------------

_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAX_PART = 64 * 1024 * 1024  # bytes of a small part (workbook, relations, styles)
_QUIET = 16 * 1024 * 1024  # bytes parsed without one XML event: not a spreadsheet


class _TooLong:
    """A shared string over MAX_CELL characters (its text is not kept)."""


TOO_LONG = _TooLong()


def _expat() -> expat.XMLParserType:
    parser = expat.ParserCreate()
    parser.buffer_text = False

    def no_doctype(*_: object) -> None:
        raise FileError("unreadable", "a workbook does not declare a DOCTYPE")

    parser.StartDoctypeDeclHandler = no_doctype
    parser.EntityDeclHandler = no_doctype
    return parser


def _local(name: str) -> str:
    """A tag's name without its namespace ('x:row', '{uri} row' → 'row')."""
    return name.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]


def _column_index(ref: str) -> int | None:
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        elif "a" <= ch <= "z":
            n = n * 26 + ord(ch) - 96
        else:
            break
    return n - 1 if n else None


class _Part:
    """One part of the workbook, read in chunks with its uncompressed size checked."""

    def __init__(self, archive: zipfile.ZipFile, name: str, limit: int) -> None:
        self.info = archive.getinfo(name)
        if self.info.file_size > limit:
            raise FileError("too_big", f"{name}: {self.info.file_size} bytes")
        self._stream = archive.open(self.info)
        self._limit = limit
        self.count = 0

    def chunks(self, size: int = 64 * 1024) -> Iterator[bytes]:
        try:
            while True:
                data = self._stream.read(size)
                if not data:
                    return
                self.count += len(data)
                if self.count > self._limit:
                    raise FileError("too_big", f"{self.info.filename}: over {self._limit} bytes")
                yield data
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise FileError("unreadable", str(exc)) from exc
        finally:
            self._stream.close()

    def read(self) -> bytes:
        return b"".join(self.chunks())


def _small_xml(archive: zipfile.ZipFile, name: str, start, end=None, text=None) -> None:
    """Parse a small part (workbook, relations, styles) with the given handlers."""
    parser = _expat()
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        parser.Parse(_Part(archive, name, _MAX_PART).read(), True)
    except expat.ExpatError as exc:
        raise FileError("unreadable", f"{name}: {exc}") from exc


class SharedStrings:
    """The shared-strings table, kept as one UTF-8 buffer and offsets (a Python string
    per entry would cost ~60 bytes more each); an entry over MAX_CELL is TOO_LONG."""

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("q")
        self._too_long: set[int] = set()

    def add(self, text: str | _TooLong) -> None:
        if isinstance(text, _TooLong):
            self._too_long.add(len(self._ends))
        else:
            self._data += text.encode("utf-8")
            if len(self._data) > MAX_SHARED_TEXT:
                raise FileError("too_big", "the workbook holds too much text: save it as CSV")
        self._ends.append(len(self._data))

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i: int) -> str | _TooLong:
        if i in self._too_long:
            return TOO_LONG
        start = self._ends[i - 1] if i else 0
        return self._data[start:self._ends[i]].decode("utf-8")


def _read_shared_strings(archive: zipfile.ZipFile, name: str) -> SharedStrings:
    table = SharedStrings()
    state: dict[str, Any] = {"depth_rph": 0, "in_t": False, "parts": [], "size": 0,
                             "long": False, "in_si": False, "events": 0}

    def start(tag: str, attrs: dict) -> None:
        state["events"] += 1
        tag = _local(tag)
        if tag == "si":
            state.update(in_si=True, parts=[], size=0, long=False)
        elif tag == "rPh":
            state["depth_rph"] += 1
        elif tag == "t" and state["in_si"] and not state["depth_rph"]:
            state["in_t"] = True

    def end(tag: str) -> None:
        state["events"] += 1
        tag = _local(tag)
        if tag == "t":
            state["in_t"] = False
        elif tag == "rPh":
            state["depth_rph"] -= 1
        elif tag == "si":
            table.add(TOO_LONG if state["long"] else "".join(state["parts"]))
            state.update(in_si=False, parts=[])

    def text(data: str) -> None:
        state["events"] += 1
        if state["in_t"] and not state["long"]:
            state["size"] += len(data)
            if state["size"] > MAX_CELL:
                state.update(long=True, parts=[])
            else:
                state["parts"].append(data)

    parser = _expat()
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = text
    _feed(parser, _Part(archive, name, MAX_UNCOMPRESSED), state, name)
    return table


def _feed(parser, part: _Part, state: dict, name: str) -> None:
    quiet = 0
    try:
        for chunk in part.chunks():
            before = state["events"]
            parser.Parse(chunk, False)
            quiet = 0 if state["events"] != before else quiet + len(chunk)
            if quiet > _QUIET:
                raise FileError("unreadable", f"{name}: not spreadsheet XML")
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise FileError("unreadable", f"{name}: {exc}") from exc


class XlsxReader:
    """Rows of one sheet of an XLSX workbook, streamed: the one named, else the first
    sheet that holds anything (``sheet_name`` says which)."""

    def __init__(self, path: Path | str, sheet: str | None = None) -> None:
        self.path = Path(path)
        self.encoding = "xlsx"
        self.delimiter = ""
        self.blank_lines = 0
        self.lines_read = 0
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise FileError("unreadable", str(exc)) from exc
        try:
            self._open(sheet)
        except KeyError as exc:
            self.close()
            raise FileError("unreadable", f"missing part {exc}") from exc
        except BaseException:
            self.close()
            raise

    # -- the workbook's structure -------------------------------------------------------
    def _relations(self, part: str) -> dict[str, str]:
        """rId → part name of the relations of `part`."""
        folder = PurePosixPath(part).parent
        rels_name = str(folder / "_rels" / (PurePosixPath(part).name + ".rels"))
        found: dict[str, str] = {}

        def start(tag: str, attrs: dict) -> None:
            if _local(tag) == "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                resolved = (target.lstrip("/") if target.startswith("/")
                            else str(folder / target))
                found[attrs.get("Id", "")] = _normalise(resolved)

        if rels_name in self._zip.NameToInfo:
            _small_xml(self._zip, rels_name, start)
        return found

    def _open(self, sheet: str | None) -> None:
        root = self._relations("")
        workbook = next((p for p in root.values() if p.endswith(".xml")
                         and "workbook" in p.lower()), "xl/workbook.xml")
        sheets: list[tuple[str, str]] = []
        props = {"date1904": False}

        def start(tag: str, attrs: dict) -> None:
            tag = _local(tag)
            if tag == "sheet":
                rid = attrs.get(f"{_NS_REL} id") or next(
                    (v for k, v in attrs.items() if k.endswith(":id") or k.endswith(" id")), "")
                sheets.append((attrs.get("name", ""), rid))
            elif tag == "workbookPr":
                props["date1904"] = attrs.get("date1904") in ("1", "true")

        parser_ns = _expat_ns()
        parser_ns.StartElementHandler = start
        try:
            parser_ns.Parse(_Part(self._zip, workbook, _MAX_PART).read(), True)
        except expat.ExpatError as exc:
            raise FileError("unreadable", f"{workbook}: {exc}") from exc
        rels = self._relations(workbook)
        if not sheets:
            raise FileError("empty")
        # The sheet asked for; else the first sheet that holds anything (a workbook whose
        # first sheet was left blank is common; a sheet with content is never skipped)
        chosen = [next(((n, r) for n, r in sheets if n == sheet), sheets[0])] if sheet \
            else sheets
        self._epoch = datetime(1904, 1, 1) if props["date1904"] else datetime(1899, 12, 30)
        shared = next((p for p in rels.values() if p.lower().endswith("sharedstrings.xml")),
                      None)
        self._shared = (_read_shared_strings(self._zip, shared)
                        if shared and shared in self._zip.NameToInfo else SharedStrings())
        styles = next((p for p in rels.values() if p.lower().endswith("styles.xml")), None)
        self._styles = self._read_styles(styles) if styles in self._zip.NameToInfo else []
        header = None
        for name, rid in chosen:
            sheet_part = rels.get(rid) or "xl/worksheets/sheet1.xml"
            if sheet_part not in self._zip.NameToInfo and len(chosen) > 1:
                continue
            self.sheet_name = name
            self._sheet = _Part(self._zip, sheet_part, MAX_UNCOMPRESSED)
            self.total = max(1, self._sheet.info.file_size)
            self.lines_read = self.blank_lines = 0
            self._rows = self._stream_rows()
            for line, values in self._rows:
                if isinstance(values, BadRow):
                    raise FileError("unreadable", "the header row has a cell that is too long")
                if any(v not in (None, "") for v in values):
                    header = values[:MAX_COLUMNS]
                    self._header_row = line
                    break
            if header is not None:
                break
        if header is None:
            self.close()
            raise FileError("empty")
        self.header = ["" if v is None else str(v).strip() for v in header]
        while self.header and not self.header[-1]:
            self.header.pop()
        self._width = len(self.header)

    def _read_styles(self, name: str) -> list[str]:
        """Per cell style (cellXfs index): 'date', 'USD', 'KHR' or ''."""
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        custom: dict[int, str] = {}
        xfs: list[int] = []
        where = {"cellXfs": False}

        def start(tag: str, attrs: dict) -> None:
            tag = _local(tag)
            if tag == "numFmt":
                try:
                    custom[int(attrs.get("numFmtId", "-1"))] = attrs.get("formatCode", "")
                except ValueError:
                    pass
            elif tag == "cellXfs":
                where["cellXfs"] = True
            elif tag == "xf" and where["cellXfs"]:
                try:
                    xfs.append(int(attrs.get("numFmtId", "0")))
                except ValueError:
                    xfs.append(0)

        def end(tag: str) -> None:
            if _local(tag) == "cellXfs":
                where["cellXfs"] = False

        _small_xml(self._zip, name, start, end)
        kinds = []
        for fmt_id in xfs:
            code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, "")) or ""
            kinds.append(_format_kind(code, is_date_format))
        return kinds

    # -- the sheet, streamed ------------------------------------------------------------------
    def _stream_rows(self) -> Iterator[tuple[int, list | BadRow]]:
        rows: deque = deque()
        state = {"events": 0}
        cur: dict = {"row": 0, "cells": {}, "long": None, "next_col": 0}
        cell: dict = {}
        collecting = {"on": False}
        shared, styles = self._shared, self._styles

        def start(tag: str, attrs: dict) -> None:
            state["events"] += 1
            tag = _local(tag)
            if tag == "c":
                ref = attrs.get("r")
                col = _column_index(ref) if ref else cur["next_col"]
                cur["next_col"] = (col or 0) + 1
                style = attrs.get("s")
                cell.update(col=col, type=attrs.get("t", "n"), parts=[], size=0, long=False,
                            style=int(style) if style and style.isdigit() else 0)
            elif tag in ("v", "t") and cell:
                collecting["on"] = True
            elif tag == "row":
                r = attrs.get("r")
                cur["row"] = int(r) if r and r.isdigit() else cur["row"] + 1
                cur["cells"], cur["long"], cur["next_col"] = {}, None, 0

        def text(data: str) -> None:
            state["events"] += 1
            if collecting["on"] and not cell["long"]:
                cell["size"] += len(data)
                if cell["size"] > MAX_CELL:
                    cell["long"], cell["parts"] = True, []
                else:
                    cell["parts"].append(data)

        def end(tag: str) -> None:
            state["events"] += 1
            tag = _local(tag)
            if tag in ("v", "t"):
                collecting["on"] = False
            elif tag == "c":
                col = cell.get("col")
                width = getattr(self, "_width", MAX_COLUMNS)
                if col is not None and col < width:
                    if cell["long"]:
                        cur["long"] = cur["long"] if cur["long"] is not None else col
                    else:
                        value = self._value(cell, shared, styles)
                        if value is TOO_LONG:
                            cur["long"] = cur["long"] if cur["long"] is not None else col
                        elif value is not None:
                            cur["cells"][col] = value
                cell.clear()
            elif tag == "row":
                self.lines_read += 1
                if self.lines_read > MAX_LINES:
                    raise FileError("too_many_lines", str(MAX_LINES))
                if cur["long"] is not None:
                    rows.append((cur["row"], BadRow("cell_too_long", cur["long"])))
                elif any(v not in (None, "") for v in cur["cells"].values()):
                    cells = cur["cells"]
                    values = [""] * (max(cells) + 1)
                    for i, v in cells.items():
                        values[i] = v
                    rows.append((cur["row"], values))
                else:
                    self.blank_lines += 1

        parser = _expat()
        parser.StartElementHandler, parser.EndElementHandler = start, end
        parser.CharacterDataHandler = text
        quiet = 0
        name = self._sheet.info.filename
        try:
            for chunk in self._sheet.chunks():
                before = state["events"]
                parser.Parse(chunk, False)
                quiet = 0 if state["events"] != before else quiet + len(chunk)
                if quiet > _QUIET:
                    raise FileError("unreadable", f"{name}: not spreadsheet XML")
                while rows:
                    yield rows.popleft()
            parser.Parse(b"", True)
        except expat.ExpatError as exc:
            raise FileError("unreadable", f"{name}: {exc}") from exc
        while rows:
            yield rows.popleft()

    def _value(self, cell: dict, shared: SharedStrings, styles: list[str]) -> object:
        text = "".join(cell["parts"])
        kind = cell["type"]
        if kind == "s":
            try:
                return shared[int(text)]
            except (ValueError, IndexError):
                return ""
        if kind in ("inlineStr", "str", "e"):
            return text
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            try:
                return datetime.fromisoformat(text.strip())
            except ValueError:
                return text
        text = text.strip()
        if not text:
            return None
        try:
            number: int | float = int(text) if len(text) < 16 and text.lstrip("-").isdigit() \
                else float(text)
        except ValueError:
            return text
        style = styles[cell["style"]] if cell["style"] < len(styles) else ""
        if style == "date" and 0 <= number < 1:  # a time of day alone: not 30 Dec 1899
            return (datetime.min + timedelta(milliseconds=round(number * 86_400_000))).time()
        if style == "date" and 1 <= number < 2958466:
            day, fraction = divmod(number, 1)
            return self._epoch + timedelta(days=day,
                                           milliseconds=round(fraction * 86_400_000))
        if style in ("USD", "KHR"):
            return CurrencyCell(number, style)
        return number

    def progress(self) -> float:
        return min(1.0, self._sheet.count / self.total)

    def __iter__(self) -> Iterator[tuple[int, list[object] | BadRow]]:
        width = self._width
        for line, values in self._rows:
            if isinstance(values, BadRow):
                yield line, values
            else:
                yield line, values[:width]

    def close(self) -> None:
        try:
            self._zip.close()
        except Exception:  # noqa: BLE001
            pass

    def __enter__(self) -> XlsxReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _expat_ns() -> expat.XMLParserType:
    """A parser that reports namespaced attributes as 'uri name' (workbook.xml's r:id)."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = False

    def no_doctype(*_: object) -> None:
        raise FileError("unreadable", "a workbook does not declare a DOCTYPE")

    parser.StartDoctypeDeclHandler = no_doctype
    parser.EntityDeclHandler = no_doctype
    return parser


def _normalise(name: str) -> str:
    parts: list[str] = []
    for p in name.split("/"):
        if p == "..":
            if parts:
                parts.pop()
        elif p not in ("", "."):
            parts.append(p)
    return "/".join(parts)


_QUOTED = re.compile(r'"[^"]*"|\\.')


def _format_kind(code: str, is_date_format) -> str:
    """'date', 'USD', 'KHR' or '' for a number format code."""
    if not code or code == "General":
        return ""
    if is_date_format(code):
        return "date"
    if "៛" in code or "KHR" in code or "[$R-" in code:
        return "KHR"
    plain = _QUOTED.sub(lambda m: m[0].strip('"').lstrip("\\"), code)
    if "$" in plain or "USD" in code:
        return "USD"
    return ""


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
