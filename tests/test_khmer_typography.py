"""Khmer on screen: no font noise at start, captions large enough, hints dark enough,
spin boxes and other number inputs in the user's digits."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QColor

from kpidesk.i18n.fonts import HINT_COLOUR, KHMER_MIN_CAPTION_PT


def test_no_opentype_noise_at_start(tmp_path, demo_file):
    """Qt used to try the Latin family for Khmer first and say so at every start."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KPIDESK_DATA_DIR=str(tmp_path))
    env.pop("QT_LOGGING_RULES", None)
    for lang in ("km", "en"):  # the demo shop has Khmer names in English too
        done = subprocess.run([sys.executable, "-m", "kpidesk", "--smoke", "--lang", lang,
                               "--db", str(demo_file)], capture_output=True, text=True,
                              env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "OpenType support missing" not in done.stderr + done.stdout


def test_khmer_captions_are_at_least_9_pt(qtbot, demo_ctx):
    from kpidesk.ui.tabs.dashboard import DashboardTab
    from kpidesk.ui.tabs.targets import TargetsTab

    dash = DashboardTab(demo_ctx)
    qtbot.addWidget(dash)
    card = dash.sales_cards["revenue"]
    english = card.note_label.font().pointSizeF()
    demo_ctx.language.set_language("km")
    try:
        assert card.note_label.font().pointSizeF() >= KHMER_MIN_CAPTION_PT > english
        dash.pages.setCurrentIndex(1)  # the customer page (its cohort table) is made now
        qtbot.wait(10)
        assert dash.cohort_view.font().pointSizeF() >= KHMER_MIN_CAPTION_PT
        # the targets grid paints its second line (the month's actual) with this size
        from kpidesk.i18n.fonts import caption_size

        targets = TargetsTab(demo_ctx)
        qtbot.addWidget(targets)
        assert caption_size(targets.view.font().pointSizeF(), 0.82) >= KHMER_MIN_CAPTION_PT
    finally:
        demo_ctx.language.set_language("en")
    assert card.note_label.font().pointSizeF() == english


def test_hints_are_dark_enough_to_read():
    """WCAG contrast of the hint colour on white: at least 4.5:1 (it is about 7.5:1)."""
    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
                + 0.0722 * channel(colour.blueF()))

    contrast = 1.05 / (luminance(QColor(HINT_COLOUR)) + 0.05)
    assert contrast >= 4.5


def test_spin_boxes_show_and_take_the_chosen_digits(qtbot, ctx):
    from PySide6.QtCore import Qt

    from kpidesk.ui.widgets import DigitSpinBox

    ctx.language.set_language("km")
    try:
        spin = DigitSpinBox(minimum=0, maximum=100)
        qtbot.addWidget(spin)
        spin.setSuffix(" %")
        spin.setValue(45)
        assert spin.text() == "៤៥ %"
        spin.lineEdit().selectAll()
        spin.lineEdit().setText("៥៥ %")  # typed in Khmer digits
        qtbot.keyClick(spin, Qt.Key.Key_Enter)
        assert spin.value() == 55
        assert spin.validate("១២០ %", 0)[0] != spin.validate("១២ %", 0)[0]  # out of range
        ctx.language.set_khmer_digits(False)
        spin.show_digits()
        assert spin.text() == "55 %"
    finally:
        ctx.language.set_khmer_digits(True)
        ctx.language.set_language("en")


def test_backup_counts_are_in_khmer_digits(qtbot, ctx):
    from kpidesk.ui.dialogs.backups import BackupsDialog

    ctx.language.set_language("km")
    try:
        dialog = BackupsDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.keep_daily.text() == "១៤" and dialog.keep_monthly.text() == "១២"
    finally:
        ctx.language.set_language("en")


def test_english_the_catalogue_could_not_reach_is_translated(qtbot, demo_ctx):
    """The About dialog's licence table, a contact's sales channels and the currency boxes
    were English in Khmer."""
    from kpidesk.ui.about import AboutDialog
    from kpidesk.ui.dialogs.contact_page import ContactPage
    from kpidesk.ui.dialogs.opportunity_dialog import OpportunityDialog

    store = demo_ctx.store
    contact = store.scalar(
        "SELECT o.contact_id FROM orders o JOIN channels c ON c.id = o.channel_id"
        " WHERE c.name = 'Shop' AND o.contact_id IS NOT NULL LIMIT 1")
    demo_ctx.language.set_language("km")
    try:
        about = AboutDialog()
        qtbot.addWidget(about)
        table = about.licences.text().replace("\u200b", "")
        assert "សមាសភាគ" in table and "កម្មសិទ្ធិសាធារណៈ" in table
        assert "Component" not in table and "Public domain" not in table
        page = ContactPage(demo_ctx, contact)
        qtbot.addWidget(page)
        channels = {page.purchases.item(r, 4).text() for r in range(page.purchases.rowCount())}
        assert "ហាង" in channels and "Shop" not in channels
        dialog = OpportunityDialog(store, demo_ctx.today, lambda opp: None)
        qtbot.addWidget(dialog)
        assert [dialog.currency_combo.itemText(i) for i in range(2)] == ["ដុល្លារ ($)",
                                                                         "រៀល (៛)"]
    finally:
        demo_ctx.language.set_language("en")
