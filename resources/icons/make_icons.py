"""Draw the KPI Desk application icon with QPainter and write every format the bundle needs.

    python resources/icons/make_icons.py     # writes next to this script

Outputs: kpidesk-<size>.png (16 … 512), kpidesk.png (256, the window icon),
kpidesk.ico (Windows: PNG entries 16 … 256) and kpidesk.icns (macOS: PNG entries
16 … 1024). The .ico and .icns containers are written here by hand (both
formats accept PNG-compressed entries), so no image plugin is needed.

The design: three rising bars on a deep teal rounded square, with an amber
arrow going up and to the right — sales growing, at a glance. Small sizes drop
the arrow's outline detail but keep the same shapes so the icon reads at 16 px.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

HERE = Path(__file__).resolve().parent
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns entry types holding PNG data, by pixel size
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512), (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256),
              (b"ic14", 512))

TEAL_TOP = QColor("#1f8a8a")
TEAL_BOTTOM = QColor("#0e4f5c")
BAR = QColor("#f4fbfb")
BAR_SHADE = QColor("#cfe9ea")
ARROW = QColor("#ffb020")
ARROW_EDGE = QColor("#b86e00")


def draw_icon(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100.0, size / 100.0)  # draw on a 100 × 100 canvas

    # background: rounded square with a soft vertical gradient
    margin = 4 if size >= 32 else 1
    rect = QRectF(margin, margin, 100 - 2 * margin, 100 - 2 * margin)
    gradient = QLinearGradient(QPointF(0, margin), QPointF(0, 100 - margin))
    gradient.setColorAt(0, TEAL_TOP)
    gradient.setColorAt(1, TEAL_BOTTOM)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(rect, 22, 22)

    # three rising bars standing on a base line
    base = 80
    bars = ((20, 62), (41, 48), (62, 32)) if size >= 24 else ((18, 60), (40, 44), (62, 26))
    width = 17 if size >= 24 else 19
    for x, top in bars:
        bar = QRectF(x, top, width, base - top)
        shade = QLinearGradient(QPointF(x, 0), QPointF(x + width, 0))
        shade.setColorAt(0, BAR)
        shade.setColorAt(1, BAR_SHADE)
        p.setBrush(QBrush(shade))
        p.drawRoundedRect(bar, 3, 3)

    # the upward arrow: a thick stroke from bottom-left to top-right with a head
    pen_width = 7.5 if size >= 32 else 9
    path = QPainterPath(QPointF(16, 60))
    path.lineTo(QPointF(38, 40))
    path.lineTo(QPointF(52, 50))
    path.lineTo(QPointF(76, 24))
    if size >= 48:
        p.setPen(QPen(ARROW_EDGE, pen_width + 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    p.setPen(QPen(ARROW, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                  Qt.PenJoinStyle.RoundJoin))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    head = QPainterPath(QPointF(86, 12))
    head.lineTo(QPointF(84, 36))
    head.lineTo(QPointF(62, 16))
    head.closeSubpath()
    if size >= 48:
        p.setPen(QPen(ARROW_EDGE, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                      Qt.PenJoinStyle.RoundJoin))
    else:
        p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ARROW)
    p.drawPath(head)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def write_ico(path: Path, images: dict[int, bytes]) -> None:
    """ICO container with PNG entries (Windows Vista and later read them)."""
    sizes = [s for s in ICO_SIZES if s in images]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        blob = images[s]
        dim = 0 if s >= 256 else s  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    path.write_bytes(header + entries + blobs)


def write_icns(path: Path, images: dict[int, bytes]) -> None:
    """icns container with PNG entries (macOS 10.7 and later)."""
    chunks = b""
    for kind, s in ICNS_TYPES:
        blob = images[s]
        chunks += kind + struct.pack(">I", len(blob) + 8) + blob
    path.write_bytes(b"icns" + struct.pack(">I", len(chunks) + 8) + chunks)


def main(out_dir: Path = HERE) -> None:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {s for _, s in ICNS_TYPES})
    images = {s: png_bytes(draw_icon(s)) for s in sizes}
    for s in PNG_SIZES:
        (out_dir / f"kpidesk-{s}.png").write_bytes(images[s])
    (out_dir / "kpidesk.png").write_bytes(images[256])
    write_ico(out_dir / "kpidesk.ico", images)
    write_icns(out_dir / "kpidesk.icns", images)
    print(f"icons written to {out_dir}")


if __name__ == "__main__":
    main()
