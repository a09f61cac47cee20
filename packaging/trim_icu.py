"""Make a smaller copy of Qt's ICU data library for the Linux bundle.

The PySide6 wheel ships ``libicudata.so.NN`` (32 MB): ICU's whole data package —
locale data for 800 locales, 190 legacy code-page converters, transliterators.
KPI Desk needs the Unicode properties, normalisation, break iterators (Khmer
line breaking uses ``brkitr/khmerdict.dict``), time zones, and the locale data
of English and Khmer. This script copies the package with only those items and
links it back into a shared library exporting the same symbol, with binutils
(``as`` + ``ld``: already required by PyInstaller on Linux). Nothing else in
the bundle changes. See ``keep_item`` for what stays.

    python packaging/trim_icu.py SRC_LIBICUDATA OUT_DIR   # prints the new path

Format (ICU "common data", CmnD): a header, then a table of contents —
uint32 count, count × (uint32 name offset, uint32 data offset), both relative to
the table — the item names (sorted: ICU looks them up by binary search) and the
items, each 16-byte aligned.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LANGUAGES = ("root", "en", "km")
# Sub-trees that are only locale display data or things Qt never asks ICU for.
DROP_TREES = ("translit",)
# Single items nothing here uses: word-break dictionaries of scripts a Cambodian shop
# does not write (Chinese/Japanese 2 MB, Burmese, Lao: without them ICU breaks those
# scripts by character; Khmer and Thai keep theirs), character names, spoof checks.
DROP_ITEMS = ("brkitr/cjdict.dict", "brkitr/burmesedict.dict", "brkitr/laodict.dict",
              "unames.icu", "confusables.cfu", "confusablesWholeScript.cfu")
LOCALE_ID = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")


def elf_symbol(data: bytes, symbol: str) -> tuple[int, int]:
    """(file offset, size) of a defined dynamic symbol in a little-endian ELF64 file."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a little-endian ELF64 file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, _shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
                for i in range(shnum)]
    for _name, sh_type, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if sh_type != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link]
        for k in range(size // entsize):
            st_name, _st_info, _other, shndx, value, st_size = struct.unpack_from(
                "<IBBHQQ", data, offset + k * entsize)
            start = strtab[4] + st_name
            name = data[start:data.index(b"\0", start)].decode()
            if name == symbol and shndx != 0:
                sec = sections[shndx]
                return value - sec[3] + sec[4], st_size
    raise ValueError(f"symbol {symbol} not found")


def dynamic_symbol_name(data: bytes) -> str:
    match = re.search(rb"icudt\d+_dat", data)
    if not match:
        raise ValueError("no icudtNN_dat symbol")
    return match.group().decode()


def keep_item(name: str) -> bool:
    """Whether an item of the package (e.g. 'icudt73l/coll/km.res') is kept."""
    parts = name.split("/")[1:]
    if "/".join(parts) in DROP_ITEMS:
        return False
    if name.endswith(".cnv"):
        return False  # legacy code pages: Python does every text-file decoding here
    if len(parts) > 1 and parts[0] in DROP_TREES:
        return False
    stem = parts[-1].rsplit(".", 1)[0]
    if parts[-1].endswith(".res") and LOCALE_ID.match(stem) or stem == "root":
        language = stem.split("_")[0]
        return language in KEEP_LANGUAGES
    return True  # properties, normalisation, break rules and dictionaries, zones, pools…


def trim_package(blob: bytes) -> tuple[bytes, int, int]:
    """The package with only the kept items; returns (bytes, items kept, items in)."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    toc = header_size
    count, = struct.unpack_from("<I", blob, toc)
    items = []
    for i in range(count):
        name_off, data_off = struct.unpack_from("<II", blob, toc + 4 + 8 * i)
        name = blob[toc + name_off:blob.index(b"\0", toc + name_off)]
        items.append((name, data_off))
    kept = []
    for i, (name, data_off) in enumerate(items):
        end = items[i + 1][1] if i + 1 < count else len(blob) - toc
        if keep_item(name.decode("ascii")):
            kept.append((name, blob[toc + data_off:toc + end]))

    names = b"".join(name + b"\0" for name, _ in kept)
    table_size = 4 + 8 * len(kept)
    offset = table_size + len(names)
    out_toc = bytearray(struct.pack("<I", len(kept)))
    body = bytearray()
    name_pos = table_size
    for name, item in kept:
        pad = (-(toc + offset)) % 16
        body += b"\0" * pad
        offset += pad
        out_toc += struct.pack("<II", name_pos, offset)
        name_pos += len(name) + 1
        body += item
        offset += len(item)
    return bytes(blob[:header_size]) + bytes(out_toc) + names + bytes(body), len(kept), count


def build_library(src: Path, out_dir: Path) -> Path:
    data = src.read_bytes()
    symbol = dynamic_symbol_name(data)
    start, size = elf_symbol(data, symbol)
    package, kept, total = trim_package(data[start:start + size])
    soname = src.name
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / soname
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "icudata.dat").write_bytes(package)
        (tmp / "icudata.s").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            f'\t.incbin "{tmp / "icudata.dat"}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n')
        subprocess.run(["as", "-o", str(tmp / "icudata.o"), str(tmp / "icudata.s")], check=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-o", str(target),
                        str(tmp / "icudata.o")], check=True)
    print(f"trim_icu: {src.name}: kept {kept} of {total} items, "
          f"{len(data) / 1e6:.1f} MB -> {target.stat().st_size / 1e6:.1f} MB")
    return target


def available() -> bool:
    return sys.platform.startswith("linux") and bool(shutil.which("as") and shutil.which("ld"))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(build_library(Path(sys.argv[1]), Path(sys.argv[2])))
