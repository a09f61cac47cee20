"""The streaming XLSX reader (zipfile + expat): one sheet's rows, dates and currencies from the
cell styles."""

from __future__ import annotations

import zipfile
from collections import deque
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath
from xml.parsers import expat

from kpidesk.io.parsing import CurrencyCell
from kpidesk.io.read_base import (
    MAX_CELL,
    MAX_COLUMNS,
    MAX_LINES,
    MAX_UNCOMPRESSED,
    BadRow,
    FileError,
)
from kpidesk.io.xlsx_parts import (
    _MAX_PART,
    _NS_REL,
    _QUIET,
    TOO_LONG,
    SharedStrings,
    _column_index,
    _expat,
    _expat_ns,
    _format_kind,
    _local,
    _normalise,
    _Part,
    _read_shared_strings,
    _small_xml,
)


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

