"""Packaging helpers: the icon containers and the ICU data trimming used by build.spec."""

from __future__ import annotations

import importlib.util
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def trim_icu():
    return load(ROOT / "packaging" / "trim_icu.py", "trim_icu")


@pytest.fixture(scope="module")
def make_icons():
    return load(ROOT / "resources" / "icons" / "make_icons.py", "make_icons")


def read_toc(package: bytes) -> list[tuple[str, int]]:
    header_size = struct.unpack_from("<H", package, 0)[0]
    count = struct.unpack_from("<I", package, header_size)[0]
    items = []
    for i in range(count):
        name_off, data_off = struct.unpack_from("<II", package, header_size + 4 + 8 * i)
        start = header_size + name_off
        items.append((package[start:package.index(b"\0", start)].decode(), data_off))
    return items


def test_icons_are_written_in_every_format(qapp, tmp_path, make_icons):
    from PySide6.QtGui import QImageReader

    make_icons.main(tmp_path)
    for size in make_icons.PNG_SIZES:
        reader = QImageReader(str(tmp_path / f"kpidesk-{size}.png"))
        assert reader.size().width() == size
    ico = (tmp_path / "kpidesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico, 0)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    for i, size in enumerate(make_icons.ICO_SIZES):
        width, _h, _c, _r, _planes, _bpp, length, offset = struct.unpack_from(
            "<BBBBHHII", ico, 6 + 16 * i)
        assert width == (0 if size == 256 else size)
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
    icns = (tmp_path / "kpidesk.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack_from(">I", icns, 4)[0] == len(icns)
    pos, kinds = 8, []
    while pos < len(icns):
        kinds.append(icns[pos:pos + 4])
        assert icns[pos + 8:pos + 16] == b"\x89PNG\r\n\x1a\n"
        pos += struct.unpack_from(">I", icns, pos + 4)[0]
    assert pos == len(icns) and b"ic10" in kinds and b"icp4" in kinds


def test_icu_items_kept(trim_icu):
    keep = trim_icu.keep_item
    assert keep("icudt73l/brkitr/khmerdict.dict")
    assert keep("icudt73l/uprops.icu") and keep("icudt73l/nfc.nrm")
    assert keep("icudt73l/zoneinfo64.res") and keep("icudt73l/pool.res")
    assert keep("icudt73l/coll/km.res") and keep("icudt73l/coll/root.res")
    assert keep("icudt73l/en_GB.res") and keep("icudt73l/curr/km_KH.res")
    assert not keep("icudt73l/de.res") and not keep("icudt73l/coll/zh.res")
    assert not keep("icudt73l/ibm-1364_P110-2007.cnv")
    assert not keep("icudt73l/translit/root.res")
    assert not keep("icudt73l/brkitr/cjdict.dict") and keep("icudt73l/brkitr/thaidict.dict")


def test_icu_package_trimmed_item_for_item(trim_icu):
    import PySide6

    lib = Path(PySide6.__file__).parent / "Qt" / "lib"
    sources = sorted(lib.glob("libicudata.so.*"))
    if not sources:
        pytest.skip("this PySide6 build uses the system's ICU")
    data = sources[0].read_bytes()
    start, size = trim_icu.elf_symbol(data, trim_icu.dynamic_symbol_name(data))
    original = data[start:start + size]
    trimmed, kept, total = trim_icu.trim_package(original)
    assert 0 < kept < total and len(trimmed) < len(original) / 2

    before = dict(read_toc(original))
    after = read_toc(trimmed)
    names = [name for name, _ in after]
    assert names == sorted(names)  # ICU finds items by binary search
    assert any(name.endswith("brkitr/khmerdict.dict") for name in names)
    header = struct.unpack_from("<H", trimmed, 0)[0]
    order = sorted(before.items(), key=lambda kv: kv[1])
    ends = {name: (order[i + 1][1] if i + 1 < len(order) else size - header)
            for i, (name, _) in enumerate(order)}
    for i, (name, offset) in enumerate(after):
        assert (header + offset) % 16 == 0
        end = after[i + 1][1] if i + 1 < len(after) else len(trimmed) - header
        old = original[header + before[name]:header + ends[name]]
        assert trimmed[header + offset:header + end].rstrip(b"\0") == old.rstrip(b"\0")


def test_charts_draw_with_the_bundles_qtopengl_stand_in(tmp_path):
    """The bundle leaves PySide6.QtOpenGL out (8.9 MB) and ships packaging/qtopengl_stub.py
    in its place: pyqtgraph must still import, and the app's charts still draw and export
    (as the Dashboard and the report do), with the stand-in as the module."""
    import os
    import subprocess

    root = Path(__file__).resolve().parents[1]
    out = tmp_path / "chart.png"
    code = f"""
import importlib.util, sys
spec = importlib.util.spec_from_file_location(
    "PySide6.QtOpenGL", {str(root / "packaging" / "qtopengl_stub.py")!r})
stub = importlib.util.module_from_spec(spec)
spec.loader.exec_module(stub)
sys.modules["PySide6.QtOpenGL"] = stub
from PySide6.QtWidgets import QApplication
app = QApplication([])
import pyqtgraph as pg
import pyqtgraph.exporters
from pyqtgraph.Qt import OpenGLHelpers
assert OpenGLHelpers.QtOpenGL is stub
from kpidesk.ui.plots import charts  # the app's chart module imports too
plot = pg.PlotWidget()
plot.addItem(pg.BarGraphItem(x=[1, 2, 3], height=[3, 1, 2], width=0.6))
plot.plot([1, 2, 3], [2, 3, 1])
plot.resize(400, 300)
pg.exporters.ImageExporter(plot.plotItem).export({str(out)!r})
try:
    stub.QOpenGLBuffer
except AttributeError as exc:
    print("left out:", exc)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert "left out" in done.stdout
    assert out.stat().st_size > 1000
