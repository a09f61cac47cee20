"""Hostile import files, made small on disk however large they are inside, and a way to run
the import command in its own process and measure its peak memory."""

from __future__ import annotations

import gzip
import subprocess
import sys
import zipfile
from pathlib import Path

# Runs the CLI and reports its own peak RSS (KiB on Linux) on the last line of stderr.
_RUN = ("import resource, sys; from kpidesk.cli import main; rc = main(sys.argv[1:]);"
        " print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr);"
        " sys.exit(rc)")


def run_cli(*args: str, timeout: float = 600) -> tuple[int, str, str, float]:
    """(exit code, stdout, stderr without the RSS line, peak RSS in MB) of one command."""
    proc = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True,
                          text=True, timeout=timeout)
    lines = proc.stderr.splitlines()
    rss = 0.0
    if lines and lines[-1].startswith("RSS "):
        rss = int(lines[-1].split()[1]) / 1024
        lines = lines[:-1]
    return proc.returncode, proc.stdout, "\n".join(lines), rss


def gz_repeated(path: Path, block: bytes, times: int, head: bytes = b"") -> Path:
    """A .gz whose content is `head` + `block` × `times`, written as gzip members (one
    compression of `block`, repeated), so a file of gigabytes costs a second to make."""
    member = gzip.compress(block, compresslevel=9)
    with open(path, "wb") as f:
        if head:
            f.write(gzip.compress(head))
        for _ in range(times):
            f.write(member)
    return path


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _cell(ref: str, value: object) -> str:
    if isinstance(value, int):  # an index into the shared strings
        return f'<c r="{ref}" t="s"><v>{value}</v></c>'
    if isinstance(value, float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def xlsx(path: Path, rows: list[list[object]], shared: list[str] | None = None,
         huge_shared: int = 0) -> Path:
    """A workbook of `rows` (str: inline text, int: a shared-string index, float: a
    number). `huge_shared` characters of "A" are appended as one more shared string,
    streamed into the archive (a gigabyte of it is a megabyte on disk)."""
    shared = shared or []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        body = "".join(
            f'<row r="{r}">' + "".join(_cell(f"{chr(65 + c)}{r}", v) for c, v in enumerate(row))
            + "</row>" for r, row in enumerate(rows, start=1))
        z.writestr("xl/worksheets/sheet1.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}><sheetData>'
                   f"{body}</sheetData></worksheet>")
        count = len(shared) + (1 if huge_shared else 0)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS} count="{count}" '
                    f'uniqueCount="{count}">'.encode())
            for text in shared:
                f.write(f"<si><t>{text}</t></si>".encode())
            if huge_shared:
                f.write(b"<si><t>")
                block = b"A" * (1 << 20)
                for _ in range(huge_shared >> 20):
                    f.write(block)
                f.write(b"A" * (huge_shared & ((1 << 20) - 1)))
                f.write(b"</t></si>")
            f.write(b"</sst>")
    return path
