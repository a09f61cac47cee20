"""The month in one picture: `share` writes a 1080 px wide portrait PNG in the chosen
language, with Khmer shaped by Qt (no missing glyphs), and its text."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QImage, QTextLayout

from kpidesk.cli import main
from kpidesk.metrics.kpis import all_kpis
from kpidesk.reports import share
from kpidesk.store.db import Store

TODAY = date(2026, 11, 26)
MONTH = "2026-10"


def _ink(image: QImage, top: int, bottom: int) -> int:
    """Pixels in rows top..bottom that are not the background (white or the card's)."""
    background = {image.pixel(5, top), 0xFFFFFFFF}
    count = 0
    for y in range(top, bottom, 2):
        for x in range(0, image.width(), 2):
            if image.pixel(x, y) not in background:
                count += 1
    return count


def test_share_command_writes_the_picture_in_each_language(demo_location, tmp_path, capsys,
                                                           qapp):
    pictures = {}
    for lang in ("en", "km"):
        out = tmp_path / f"share-{lang}.png"
        code = main(["share", "--db", str(demo_location), "--month", MONTH, "--lang", lang,
                     "--out", str(out), "--today", TODAY.isoformat()])
        assert code == 0
        printed = capsys.readouterr().out
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1080, 1920)
        assert _ink(image, 0, 1920) > 50_000  # not an empty page
        pictures[lang] = (image, printed)
    en_text, km_text = pictures["en"][1], pictures["km"][1]
    assert "Revenue:" in en_text and "ចំណូល" in km_text and "Revenue" not in km_text
    # the same figures, in each language's digits
    with Store(demo_location, read_only=True) as store:
        revenue = all_kpis(store, MONTH, TODAY)["revenue"]
    assert f"${revenue / 100:,.2f}" in en_text
    # the pictures differ where the words are (the labels), not only in the digits
    assert pictures["en"][0] != pictures["km"][0]


def test_khmer_labels_are_shaped_with_real_glyphs(qapp):
    """Every glyph Qt picks for the picture's Khmer labels exists in the bundled fonts
    (glyph 0 is the empty box a missing letter would show)."""
    from kpidesk.i18n.fonts import register_fonts

    register_fonts()
    font = share.picture_font(40)
    for text in ("ចំណូល", "អតិថិជនថ្មី ១៩ នាក់ · ត្រឡប់មកវិញ ៩៦ នាក់", "ទំនិញលក់ដាច់ជាងគេ"):
        layout = QTextLayout(text, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        glyphs = [g for run in layout.glyphRuns() for g in run.glyphIndexes()]
        assert glyphs and 0 not in glyphs, text
        assert layout.boundingRect().width() > 0


def test_share_data_and_text(demo_store: Store):
    data = share.collect_share(demo_store, MONTH, TODAY)
    k = all_kpis(demo_store, MONTH, TODAY)
    assert (data.revenue, data.new_customers, data.returning_customers) == (
        k["revenue"], k["new_customers"], k["returning_customers"])
    assert len(data.top_products) == 3
    assert data.top_products[0][1] >= data.top_products[1][1] >= data.top_products[2][1]
    text = share.share_text(data, "en")
    assert data.top_products[0][0] in text
    assert "Data checked: nothing looks wrong" in text
    data.findings = 4
    assert "Check the data: 4 entries look wrong" in share.share_text(data, "en")


def test_share_refuses_bad_input(demo_location, tmp_path, capsys):
    assert main(["share", "--db", str(demo_location), "--month", "2026-13", "--lang", "en",
                 "--out", str(tmp_path / "x.png")]) == 2
    assert main(["share", "--db", str(demo_location), "--month", MONTH, "--lang", "en",
                 "--out", str(tmp_path / "x.jpg")]) == 2
    err = capsys.readouterr().err
    assert "--month" in err and ".png" in err


@pytest.mark.parametrize("given, code", [(None, 1), ("2468", 0)])
def test_share_asks_for_the_owner_pin(demo_location, tmp_path, monkeypatch, given, code,
                                      capsys):
    shop = demo_location
    monkeypatch.setattr("sys.stdin", open("/dev/null"))
    from kpidesk.store import security

    with Store(shop) as store:
        security.set_pin(store, "2468")
    args = ["share", "--db", str(shop), "--month", MONTH, "--lang", "km",
            "--out", str(tmp_path / "p.png"), "--today", TODAY.isoformat()]
    if given:
        args += ["--pin", given]
    assert main(args) == code
    if code:
        assert "PIN" in capsys.readouterr().err
