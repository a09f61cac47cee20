"""First start and the window (issue 14): the demo is never taken for the shop, the first
start follows a Khmer system, new shop files get .kpidesk.db, Ctrl+P prints from the
Reports tab, and every string of the Reports tab follows the language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from kpidesk import app as kpidesk_app
from kpidesk.i18n.language import LanguageManager
from kpidesk.paths import data_dir, default_db_path
from kpidesk.ui.shop_place import shop_file_name


def _small_demo(monkeypatch):
    from kpidesk import demo

    real = demo.build_demo
    monkeypatch.setattr(demo, "build_demo",
                        lambda store, **kw: real(store, lines=1500, months=6, **{
                            k: v for k, v in kw.items() if k not in ("lines", "months")}))


def test_the_demo_is_never_the_shop_opened_next_time(qtbot, tmp_path, monkeypatch):
    _small_demo(monkeypatch)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    language = LanguageManager()
    language.set_language("en")
    controller = kpidesk_app.Controller(settings, language)
    assert controller.open(default_db_path())
    qtbot.addWidget(controller.window)
    assert not controller.window.demo_banner.isVisible()  # the user's own shop
    assert controller.open_demo()
    window = controller.window
    qtbot.addWidget(window)
    assert controller.ctx.store.path == data_dir() / "demo.kpidesk.db"
    assert window.demo_banner.isVisible()
    assert "Demo shop" in window.demo_label.text() and "File ▸ Open my shop" in \
        window.demo_label.text()
    # next start: the user's shop, not the demo
    assert settings.value("last_db") == str(default_db_path())
    assert kpidesk_app.shop_to_open(settings, None) == default_db_path()
    settings.setValue("last_db", str(data_dir() / "demo.kpidesk.db"))  # an older version's
    assert kpidesk_app.shop_to_open(settings, None) == default_db_path()
    # a demo opened with File ▸ Open is not remembered either
    assert controller.open_my_shop()
    qtbot.addWidget(controller.window)
    other_demo = tmp_path / "copy.db"
    import shutil

    shutil.copy(data_dir() / "demo.kpidesk.db", other_demo)
    settings.setValue("last_db", str(default_db_path()))
    assert controller.open(other_demo)
    qtbot.addWidget(controller.window)
    assert controller.window.demo_banner.isVisible()
    assert settings.value("last_db") == str(default_db_path())
    # the banner's button opens the shop
    controller.window.demo_button.click()
    qtbot.addWidget(controller.window)
    assert controller.ctx.store.path == default_db_path()
    assert not controller.window.demo_banner.isVisible()
    controller.close_store()


def test_the_banner_is_translated(main_window, demo_ctx):
    assert main_window.demo_banner.isVisible()  # the test's demo shop
    demo_ctx.language.set_language("km")
    def words(text: str) -> str:  # without the word breaks (U+200B) Khmer lines need
        return text.replace("\u200b", "")

    assert "ហាងសាកល្បង" in words(main_window.demo_label.text())
    assert words(main_window.demo_button.text()) == "បើកហាងរបស់ខ្ញុំ"


def test_the_first_start_follows_a_khmer_system(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert kpidesk_app.initial_language(settings, "km") == "km"
    assert kpidesk_app.initial_language(settings, "fr") == "en"
    settings.setValue("language", "en")  # chosen once: kept, whatever the system
    assert kpidesk_app.initial_language(settings, "km") == "en"


def test_a_new_shop_file_without_extension_gets_one(tmp_path):
    assert shop_file_name(tmp_path / "my shop") == tmp_path / "my shop.kpidesk.db"
    assert shop_file_name(tmp_path / "branch.kpidesk.db") == tmp_path / "branch.kpidesk.db"
    assert shop_file_name(tmp_path / "old.DB") == tmp_path / "old.DB"


def test_new_and_open_list_every_db_file(main_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: asked.append(a[3]) or ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: asked.append(a[3]) or (str(tmp_path / "mine"), ""))
    opened = []
    main_window.controller = type("C", (), {"open": lambda self, p: opened.append(p)})()
    main_window.open_shop()
    main_window.new_shop()
    assert all("(*.db)" in f for f in asked)
    assert opened == [tmp_path / "mine.kpidesk.db"]


def test_ctrl_p_prints_from_the_reports_tab(qtbot, main_window, monkeypatch):
    reports = main_window.show_tab("reports")
    printed = []
    monkeypatch.setattr(reports, "print_report", lambda: printed.append(True))
    reports.month_box.setFocus()
    qtbot.keyClick(reports.month_box, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == [True]
    assert "Ctrl+P" in reports.print_button.toolTip()
    main_window.show_tab("sales")  # from elsewhere too: the Reports tab comes first
    qtbot.keyClick(main_window.tabs, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == [True, True]
    assert main_window.current_page() is reports


def test_every_string_of_the_reports_tab_follows_the_language(qtbot, main_window, demo_ctx):
    reports = main_window.show_tab("reports")
    assert reports.wait_until_ready()
    pages = reports.report.page_count()
    assert reports.status.text() == f"{pages} pages"
    demo_ctx.language.set_language("km")
    assert "ទំព័រ" in reports.status.text() and "pages" not in reports.status.text()
    texts = [reports.currency_box.itemText(i) for i in range(reports.currency_box.count())]
    texts += [reports.month_label.text(), reports.lang_label.text(),
              reports.currency_label.text(), reports.paper_label.text(),
              reports.print_button.text(), reports.preview_button.text(),
              reports.pdf_button.text(), reports.print_button.toolTip(),
              reports.preview_button.toolTip(), reports.pdf_button.toolTip()]
    for text in texts:
        latin = [w for w in text.replace("(&", " ").split() if w.isascii() and w.isalpha()
                 and len(w) > 2 and w not in ("Ctrl", "PDF")]
        assert not latin, f"English left in Khmer: {text!r}"
    assert Path(reports.default_pdf_name()).suffix == ".pdf"
