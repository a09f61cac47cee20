"""The XLSX reader's parts: expat parsers, zip parts read within limits, the shared-strings
table and the number-format kinds."""

from __future__ import annotations

import re
import zipfile
import zlib
from array import array
from collections.abc import Iterator
from typing import Any
from xml.parsers import expat

from kpidesk.io.read_base import MAX_CELL, MAX_SHARED_TEXT, MAX_UNCOMPRESSED, FileError

_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAX_PART = 64 * 1024 * 1024  # bytes of a small part (workbook, relations, styles)
_QUIET = 16 * 1024 * 1024  # bytes parsed without one XML event: not a spreadsheet


class _TooLong:
    """A shared string over MAX_CELL characters (its text is not kept)."""


TOO_LONG = _TooLong()


def _expat(namespace_separator: str | None = None) -> expat.XMLParserType:
    """A parser that refuses a DOCTYPE or an entity (no entity expansion bombs)."""
    parser = expat.ParserCreate(namespace_separator=namespace_separator)
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


def _expat_ns() -> expat.XMLParserType:
    """A parser that reports namespaced attributes as 'uri name' (workbook.xml's r:id)."""
    return _expat(namespace_separator=" ")


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

