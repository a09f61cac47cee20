"""The monthly report's part of issue #19: the bridge chart and its sentence, the chance of
making next month's target, commission; against figures from the raw rows."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import pytest
from conftest import DEMO_TODAY
from test_report import MONTH, _squash, make_report, shaped

from kpidesk.i18n.format import Formatter
from kpidesk.store.db import Store
from kpidesk.store.insight import set_commission_rate
from kpidesk.store.security import owner_session

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="needs pdftotext (poppler-utils)")


def raw_month(conn, first, last, customers=None):
    sql = ("SELECT IFNULL(SUM(l.amount_usd), 0) FROM orders o JOIN sale_lines l"
           " ON l.order_id = o.id WHERE o.date BETWEEN ? AND ?")
    return conn.execute(sql, (first, last)).fetchone()[0]


@pytest.fixture(scope="module")
def shop(demo_file, tmp_path_factory):
    path = tmp_path_factory.mktemp("insight-report") / "shop.db"
    shutil.copy(demo_file, path)
    with Store(path) as store, owner_session(store, with_pin=False):
        sp = store.scalar("SELECT id FROM salespeople ORDER BY id LIMIT 1")
        set_commission_rate(store, 250, salesperson_id=sp)
    return path


def test_report_says_why_revenue_changed(shop, tmp_path):
    text = make_report(shop, "en", tmp_path / "en.pdf")
    conn = sqlite3.connect(shop)
    change = raw_month(conn, "2026-10-01", "2026-10-31") - raw_month(conn, "2026-09-01",
                                                                       "2026-09-30")
    new = conn.execute(
        "SELECT IFNULL(SUM(l.amount_usd), 0) FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " JOIN contacts c ON c.id = o.contact_id WHERE o.date BETWEEN '2026-10-01' AND"
        " '2026-10-31' AND c.first_purchase >= '2026-10-01'").fetchone()[0]
    f = Formatter("en")
    flat = " ".join(text.split())
    verb = "rose" if change > 0 else "fell"
    assert f"Revenue {verb} {f.figure(abs(change), 'USD')} on the month before:" in flat
    assert f"new customers +{f.figure(new, 'USD')}" in flat
    images = subprocess.run(["pdfimages", "-list", str(tmp_path / "en.pdf")],
                            capture_output=True, text=True).stdout.splitlines()[2:]
    assert len(images) >= 3  # revenue, the bridge, the pipeline
    # November is in progress on the report's day and has a target: its chance is said
    assert "Chance of making the target of November 2026:" in flat
    assert "Commission earned" in flat


def test_report_in_khmer_says_it_too(qapp, shop, tmp_path):
    text = make_report(shop, "km", tmp_path / "km.pdf")
    squashed = _squash(text)
    for khmer in ("ធៀបខែមុន៖", "អតិថិជនថ្មី", "លទ្ធភាពសម្រេចគោលដៅខែ"):
        assert _squash(shaped(khmer)) in squashed, khmer
    fonts = subprocess.run(["pdffonts", str(tmp_path / "km.pdf")], capture_output=True,
                           text=True).stdout
    assert "DejaVu" not in fonts  # every glyph from the bundled fonts
    assert DEMO_TODAY.year == 2026 and MONTH == "2026-10"
