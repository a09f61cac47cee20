"""The Settings tab, driven like a user: shop, rate, language, lists, stages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kpidesk.store import reference, stages
from kpidesk.store.errors import ValidationError
from kpidesk.ui.settings import NamedListModel, SettingsTab, StagesModel


@pytest.fixture
def tab(qtbot, ctx):
    widget = SettingsTab(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_rename_shop_changes_window_title(qtbot, main_window):
    page = main_window.show_tab("settings")
    page.shop_name.clear()
    qtbot.keyClicks(page.shop_name, "Sokha Phone Shop")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert main_window.ctx.store.setting("shop_name") == "Sokha Phone Shop"
    assert main_window.windowTitle().startswith("Sokha Phone Shop")
    assert page.saved_label.text()


@pytest.mark.parametrize("bad", ["0", "-4100", "abc", "", "4,100.5"])
def test_bad_rate_refused_nothing_saved(qtbot, tab, ctx, bad):
    before = {k: ctx.store.setting(k) for k in ("shop_name", "default_rate",
                                                 "reporting_currency")}
    tab.shop_name.setText("New name")
    tab.currency.setCurrentIndex(tab.currency.findData("KHR"))
    tab.rate.setText(bad)
    assert tab.save_shop() is False
    assert tab.rate_error.isVisible() and tab.rate_error.text()
    after = {k: ctx.store.setting(k) for k in before}
    assert after == before  # not even the name or the currency


def test_rate_accepts_khmer_digits_and_grouping(tab, ctx):
    tab.rate.setText("៤,០៥០")
    tab.currency.setCurrentIndex(tab.currency.findData("KHR"))
    assert tab.save_shop()
    assert ctx.store.default_rate == 4050
    assert ctx.store.reporting_currency == "KHR"
    assert not tab.rate_error.isVisible()


def test_add_salesperson_appears_in_store(qtbot, tab, ctx):
    editor = tab.lists["salespeople"]
    editor.name_edit.setText("ចាន់ សុភា")  # Khmer: setText, not keyClicks
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    names = [name for _id, name in reference.list_named(ctx.store, "salespeople")]
    assert "ចាន់ សុភា" in names
    assert editor.name_edit.text() == ""
    shown = [editor.model.index(r, 0).data() for r in range(editor.model.rowCount())]
    assert "ចាន់ សុភា" in shown


def test_duplicate_salesperson_refused_with_message(qtbot, tab, ctx):
    reference.add_named(ctx.store, "salespeople", "Dara")
    editor = tab.lists["salespeople"]
    editor.name_edit.setText("dara")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Return)
    assert editor.error.isVisible() and editor.error.text()
    assert len(reference.list_named(ctx.store, "salespeople")) == 1


def test_remove_salesperson_in_use_becomes_inactive(qtbot, main_window):
    store = main_window.ctx.store
    page = main_window.show_tab("settings")
    sp_id, _name = reference.list_named(store, "salespeople")[0]
    editor = page.lists["salespeople"]
    row = next(i for i, r in enumerate(editor.model.rows) if r["id"] == sp_id)
    editor.view.selectRow(row)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert store.scalar("SELECT active FROM salespeople WHERE id = ?", (sp_id,)) == 0
    # ticking Active brings them back
    row = next(i for i, r in enumerate(editor.model.rows) if r["id"] == sp_id)
    index = editor.model.index(row, editor.model.columns().index("active"))
    assert editor.model.setData(index, Qt.CheckState.Checked.value,
                                Qt.ItemDataRole.CheckStateRole)
    assert store.scalar("SELECT active FROM salespeople WHERE id = ?", (sp_id,)) == 1


def test_rename_and_add_product_with_category(tab, ctx):
    cat = reference.add_named(ctx.store, "categories", "Phones")
    editor = tab.lists["products"]
    editor.reload()
    editor.category_combo.setCurrentIndex(editor.category_combo.findData(cat))
    editor.name_edit.setText("Galaxy A15")
    assert editor.add()
    row = ctx.store.query("SELECT id, category_id FROM products WHERE name = 'Galaxy A15'")[0]
    assert row["category_id"] == cat
    r = next(i for i, x in enumerate(editor.model.rows) if x["id"] == row["id"])
    assert editor.model.setData(editor.model.index(r, 0), "Galaxy A16")
    assert reference.name_of(ctx.store, "products", row["id"]) == "Galaxy A16"


def test_change_stage_probability(qtbot, tab, ctx):
    model = tab.stages_model
    row = next(i for i, r in enumerate(model.rows) if r["name"] == "Proposal")
    index = model.index(row, model.column_of("probability"))
    assert model.setData(index, "៥៥")  # Khmer digits accepted
    assert ctx.store.scalar("SELECT probability FROM stages WHERE name = 'Proposal'") == 55
    # out of range: refused with a message, unchanged
    row = next(i for i, r in enumerate(model.rows) if r["name"] == "Proposal")
    index = model.index(row, model.column_of("probability"))
    assert not model.setData(index, "150")
    assert tab.stages_error.isVisible()
    assert ctx.store.scalar("SELECT probability FROM stages WHERE name = 'Proposal'") == 55


def test_add_move_remove_stage(tab, ctx):
    tab.stage_name.setText("Demo given")
    tab.stage_probability.setText("45")
    assert tab.add_stage()
    rows = stages.list_stages(ctx.store)
    kinds = [r["kind"] for r in rows]
    assert kinds[-2:] == ["won", "lost"]  # won/lost stay last
    assert rows[-3]["name"] == "Demo given" and rows[-3]["probability"] == 45
    new_row = next(i for i, r in enumerate(tab.stages_model.rows) if r["name"] == "Demo given")
    tab.stages_view.selectRow(new_row)
    assert tab.move_stage(-1)
    names = [r["name"] for r in stages.list_stages(ctx.store)]
    assert names.index("Demo given") == names.index("Negotiation") - 1
    assert tab.remove_stage()
    assert "Demo given" not in [r["name"] for r in stages.list_stages(ctx.store)]


def test_won_and_lost_stages_stay(tab, ctx):
    won = next(i for i, r in enumerate(tab.stages_model.rows) if r["kind"] == "won")
    tab.stages_view.selectRow(won)
    assert not tab.remove_stage()
    assert tab.stages_error.text()
    assert [r["kind"] for r in stages.list_stages(ctx.store)].count("won") == 1
    with pytest.raises(ValidationError):
        stages.update_stage(ctx.store, tab.stages_model.rows[won]["id"], position=1)


def test_stage_in_use_cannot_be_removed(demo_ctx):
    used = demo_ctx.store.scalar("SELECT stage_id FROM opportunities o JOIN stages s"
                                 " ON s.id = o.stage_id WHERE s.kind = 'open' LIMIT 1")
    assert used is not None
    with pytest.raises(ValidationError) as err:
        stages.remove_stage(demo_ctx.store, used)
    assert err.value.code == "in_use"


def test_language_switch_from_settings_is_remembered(qtbot, tab, ctx):
    tab.language_combo.setCurrentIndex(tab.language_combo.findData("km"))
    assert ctx.language.lang == "km"
    assert ctx.settings.value("language") == "km"
    assert tab.title() != "Settings"
    assert tab.save_button.text() != "Save"
    tab.latin_digits.setChecked(True)
    assert ctx.settings.value("khmer_digits") in (False, "false")
    assert tab.rate.text() == "4,100"
    tab.latin_digits.setChecked(False)
    assert tab.rate.text() == "៤,១០០"
    tab.language_combo.setCurrentIndex(tab.language_combo.findData("en"))
    assert tab.title() == "Settings"
    assert ctx.settings.value("language") == "en"


def test_owner_gate_refusal_saves_nothing(tab, ctx, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from kpidesk.store import security

    security.set_pin(ctx.store, "2468")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    tab.shop_name.setText("Not allowed")
    assert not tab.save_shop()
    tab.lists["channels"].name_edit.setText("TikTok")
    assert not tab.lists["channels"].add()
    assert ctx.store.setting("shop_name") != "Not allowed"
    assert "TikTok" not in [n for _i, n in reference.list_named(ctx.store, "channels")]


@pytest.mark.parametrize("table", ["salespeople", "products", "channels"])
def test_named_list_models(qtmodeltester, demo_ctx, table):
    model = NamedListModel(demo_ctx.store, table, lambda action, label: False)
    qtmodeltester.check(model)


def test_stages_model(qtmodeltester, demo_ctx):
    model = StagesModel(demo_ctx.store, lambda action, label: False)
    qtmodeltester.check(model)


def _clipped(page) -> list[str]:
    """Labels/buttons narrower than their text, fields narrower than their placeholder,
    and a page that needs sideways scrolling."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QScrollArea

    bad = []
    for w in page.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QLineEdit) and w.placeholderText() and not w.text():
            need = w.fontMetrics().horizontalAdvance(w.placeholderText()) + 12
            if w.width() < need:
                bad.append(f"field {w.placeholderText()!r}: {w.width()} < {need}")
        if not isinstance(w, (QLabel, QAbstractButton)) or not w.text():
            continue
        if isinstance(w, QLabel) and w.wordWrap():
            continue
        if w.width() < w.sizeHint().width() - 2:
            bad.append(f"{w.text()!r}: {w.width()} < {w.sizeHint().width()}")
    for area in page.findChildren(QScrollArea):
        if area.horizontalScrollBar().isVisible():
            bad.append("the page scrolls sideways")
    return bad


@pytest.mark.parametrize("pseudo", [False, True])
def test_no_clipped_labels_in_khmer(qtbot, main_window, pseudo):
    """At the default window size, no Settings text is cut short (also with the
    pseudo-translation's longer strings)."""
    main_window.resize(1200, 780)
    page = main_window.show_tab("settings")
    language = main_window.ctx.language
    language.pseudo = pseudo
    try:
        main_window.set_language("km")
        qtbot.wait(10)
        assert not _clipped(page)
        narrow = SettingsTab(main_window.ctx)  # far too narrow: the check does see it
        qtbot.addWidget(narrow)
        narrow.resize(420, 600)
        narrow.show()
        qtbot.wait(10)
        assert _clipped(narrow)
    finally:
        language.pseudo = False
        main_window.set_language("en")
