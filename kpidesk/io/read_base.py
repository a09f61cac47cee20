"""What the CSV and XLSX readers share: the limits, FileError and BadRow, opening a file
(through gzip), and guessing a CSV's encoding and delimiter."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import re
import zipfile
import zlib
from pathlib import Path

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

