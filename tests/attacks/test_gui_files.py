"""The app facing files that are not what they seem, and backups that fail: the owner is
told, in their language, in one sentence, and nothing is made up or overwritten."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest
from attacklib import make_shop
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from kpidesk.store import backup, backup_archive
from kpidesk.store.db import Store
from kpidesk.store.errors import WriteFailedError
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.ui import startup


@pytest.fixture
def answers(monkeypatch):
    """Message boxes shown, as (kind, text); questions answered with state['reply'], our
    own choice boxes with state['choice']."""
    shown: list[tuple[str, str]] = []
    state = {"reply": QMessageBox.StandardButton.Yes, "choice": "cancel"}

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return state["reply"] if kind == "question" else QMessageBox.StandardButton.Ok
        return box

    for kind in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))

    def ask(parent, title, text, choices, *args, **kwargs):
        shown.append(("ask", text))
        keys = [key for key, _label, _role in choices]
        assert state["choice"] in keys, (state["choice"], keys)
        return state["choice"]

    monkeypatch.setattr(startup, "ask", ask, raising=False)
    return shown, state


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_missing_shop_with_backups_in_the_chosen_folder_is_not_made_empty(
        qapp, tmp_path, answers, settings):
    shown, state = answers
    usb = tmp_path / "usb"
    usb.mkdir()
    path = make_shop(tmp_path / "shop.kpidesk.db", orders=4)
    with Store(path) as s:
        s.set_setting("backup_dir", str(usb))
        startup.remember_shop(settings, s)
        backup.make_backup(s, "daily")
    for p in tmp_path.glob("shop.kpidesk.db*"):
        p.unlink()  # the shop file is gone (deleted, a failed copy, a new laptop)
    state["choice"] = "cancel"
    assert startup.open_store_interactive(path, settings=settings) is None
    assert not path.exists()
    assert shown[-1][0] == "ask" and "is missing" in shown[-1][1] and "4 orders" in shown[-1][1]
    state["choice"] = "restore"
    store = startup.open_store_interactive(path, settings=settings)
    assert store is not None and store.scalar("SELECT count(*) FROM orders") == 4
    store.close()
    assert shown[-1][0] == "information" and "4 orders" in shown[-1][1]


def test_a_zero_byte_shop_with_backups_beside_it(qapp, tmp_path, answers):
    shown, state = answers
    path = make_shop(tmp_path / "shop.db", orders=2)
    with Store(path) as s:
        backup.make_backup(s, "daily")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"")
    state["choice"] = "cancel"
    assert startup.open_store_interactive(path) is None
    assert path.stat().st_size == 0 and "is empty" in shown[-1][1]
    state["choice"] = "new"  # asked for: an empty shop
    store = startup.open_store_interactive(path)
    assert store is not None and store.scalar("SELECT count(*) FROM orders") == 0
    store.close()


def test_an_unplugged_shop_folder_is_never_created(qapp, tmp_path, answers):
    shown, state = answers
    path = tmp_path / "media" / "USB" / "shop.kpidesk.db"
    state["choice"] = "cancel"
    assert startup.open_store_interactive(path) is None
    assert not (tmp_path / "media").exists()
    assert "plug it in" in shown[-1][1]


def _shop_with_backup_on_usb(tmp_path: Path) -> tuple[Path, Path, int]:
    from kpidesk.demo import build_demo

    usb = tmp_path / "usb"
    usb.mkdir()
    path = tmp_path / "shop.db"
    with Store(path) as s:
        build_demo(s, lines=3000, months=12, seed=1)
        s.set_setting("backup_dir", str(usb))
        orders = s.scalar("SELECT count(*) FROM orders")
        backup.make_backup(s, "daily")
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert not (tmp_path / "backups").exists()  # only on the USB stick
    return path, usb, orders


def test_the_damaged_file_dialog_looks_in_the_chosen_backup_folder(qapp, tmp_path, answers):
    """Damage found after opening (the check on its thread): the folder the owner chose is
    read from the damaged file itself."""
    from kpidesk.store.errors import CorruptStoreError

    shown, _ = answers
    path, _usb, orders = _shop_with_backup_on_usb(tmp_path)
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2 // 4096 * 4096)
        f.write(os.urandom(4096 * 4))
    damaged = _sha(path)
    assert startup.offer_backup(path, CorruptStoreError("quick_check failed"), None)
    with Store(path) as s:
        assert s.scalar("SELECT count(*) FROM orders") == orders
    assert [k for k, _ in shown] == ["question", "information"]
    kept = [p for p in tmp_path.glob("shop.db.damaged-*") if not p.name.endswith(("wal", "shm"))]
    assert len(kept) == 1 and _sha(kept[0]) == damaged


def test_a_shop_damaged_beyond_reading_is_offered_the_remembered_folder(qapp, tmp_path,
                                                                         answers, settings):
    shown, _ = answers
    path, _usb, orders = _shop_with_backup_on_usb(tmp_path)
    with Store(path) as s:
        startup.remember_shop(settings, s)  # as the app does on every opening
    with path.open("r+b") as f:
        f.write(b"garbage!" * 16)  # even the header: nothing can be read from it
    store = startup.open_store_interactive(path, settings=settings)
    assert store is not None and store.scalar("SELECT count(*) FROM orders") == orders
    store.close()
    assert [k for k, _ in shown] == ["question", "information"]


def test_opening_a_backup_never_changes_it(qapp, tmp_path, answers):
    shown, state = answers
    path = make_shop(tmp_path / "shop.kpidesk.db")
    legacy = tmp_path / "backups" / "shop.kpidesk-20250101-090000-daily.db"
    with Store(path) as s:
        s.backup_to(legacy)  # an older version's backup, a plain SQLite file
        made = backup.make_backup(s, "manual")
    with backup_archive.opened_backup(made.path, tmp_path) as extracted:  # unzipped by hand
        unzipped = tmp_path / "unzipped.db"
        unzipped.write_bytes(Path(extracted).read_bytes())
        # (an unzipped backup still has its indexes dropped: it is read through a copy)
    for copy in (legacy, unzipped):
        before = _sha(copy)
        state["choice"] = "view"
        store = startup.open_store_interactive(copy)
        assert store is not None and store.read_only and store.view_reason == "backup"
        with pytest.raises(WriteFailedError) as err:
            add_order(store, OrderInput("2026-03-01", [LineInput(1)]))
        assert err.value.reason == "opened_read_only"
        store.close()
        assert _sha(copy) == before and not Path(f"{copy}-wal").exists()
    assert startup.open_store_interactive(made.path) is None  # the zip itself
    assert "is a backup" in shown[-1][1]


def test_a_folder_named_like_a_shop_is_said_in_one_sentence(qapp, tmp_path, answers):
    shown, _ = answers
    path = tmp_path / "shop.db"
    path.mkdir()
    assert startup.open_store_interactive(path) is None
    assert shown == [("critical", f"{path} is a folder, not a shop file.")]


def test_a_read_only_medium_opens_read_only_and_says_why(qapp, tmpfs, answers):
    shown, state = answers
    path = make_shop(tmpfs / "shop.db")
    with Store(path) as s:
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    try:
        state["choice"] = "view"
        store = startup.open_store_interactive(path)
        assert store is not None and store.read_only and store.view_reason == "medium"
        assert "cannot be written" in shown[-1][1]
        assert store.scalar("SELECT count(*) FROM orders") == 3
        with pytest.raises(WriteFailedError) as err:
            add_order(store, OrderInput("2026-03-01", [LineInput(1)]))
        from kpidesk.ui.messages import write_failed_text

        assert "nothing can be saved" in write_failed_text(err.value)
        store.close()
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=False)


def test_a_full_disk_refuses_the_import_before_it_starts(tmpfs, tmp_path):
    from attacklib import cli, one_sentence

    from kpidesk.demo import build_demo

    path = tmpfs / "shop.db"
    with Store(path) as s:
        build_demo(s, lines=4000, months=6, seed=3)
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    filler = tmpfs / "filler"
    free = os.statvfs(tmpfs).f_bavail * os.statvfs(tmpfs).f_frsize
    filler.write_bytes(b"\0" * max(0, free - 200_000))
    csv = tmp_path / "sales.csv"
    csv.write_text("date,amount,currency\n2026-03-01,5.00,USD\n", encoding="utf-8")
    with Store(path) as s:
        orders = s.scalar("SELECT count(*) FROM orders")
    sentence = one_sentence(cli("import", "sales", csv, "--db", path))
    assert "full" in sentence
    filler.unlink()
    with Store(path) as s:
        assert s.scalar("SELECT count(*) FROM orders") == orders
    assert not [p for p in tmpfs.rglob("*") if ".partial" in p.name]


def test_os_errors_are_one_translated_sentence():
    import errno

    from kpidesk.ui.messages import os_error_text

    for code in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.ENOENT, errno.EISDIR,
                 errno.EIO, errno.EMFILE):
        text = os_error_text(OSError(code, os.strerror(code), "/x/shop.db"))
        assert "/x/shop.db" in text and "Errno" not in text and os.strerror(code) not in text


def _controller(tmp_path, settings):
    from kpidesk import app as kpidesk_app
    from kpidesk.i18n.language import LanguageManager

    language = LanguageManager()
    language.set_language("en")
    return kpidesk_app.Controller(settings, language)


def test_a_failed_daily_backup_is_shown_at_once_and_at_every_start(qtbot, tmp_path, answers,
                                                                  settings):
    shown, _ = answers
    path = make_shop(tmp_path / "shop.db")
    usb = tmp_path / "usb" / "backups"
    with Store(path) as s:
        s.set_setting("backup_dir", str(usb))  # the USB stick is not plugged in
    controller = _controller(tmp_path, settings)
    assert controller.open(path)
    qtbot.addWidget(controller.window)
    controller.backups.wait()
    qtbot.waitUntil(lambda: any(k == "warning" for k, _ in shown), timeout=15000)
    assert "is not there" in shown[-1][1] and str(usb) in shown[-1][1]
    assert controller.backups.status.failed
    assert "failed" in controller.backups.status.text()
    controller.close_store()
    shown.clear()

    controller = _controller(tmp_path, settings)  # the next start: told again
    assert controller.open(path)
    qtbot.addWidget(controller.window)
    controller.backups.wait()
    qtbot.waitUntil(lambda: any(k == "warning" for k, _ in shown), timeout=15000)
    usb.parent.mkdir()  # plugged in: the next backup works and the warning goes
    from kpidesk.ui.dialogs.backups import BackupsDialog

    dialog = BackupsDialog(controller.ctx, controller.window)
    qtbot.addWidget(dialog)
    assert dialog.back_up_now() is not None
    assert not controller.backups.status.failed
    assert controller.backups.status.text().startswith("Last backup: today")
    controller.close_store()


def test_a_click_on_the_backup_status_opens_the_backups_dialog(qtbot, tmp_path, settings,
                                                              monkeypatch):
    from PySide6.QtCore import Qt

    from kpidesk.ui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(MainWindow, "show_backups", lambda self: opened.append(self))
    path = make_shop(tmp_path / "shop.db")
    controller = _controller(tmp_path, settings)
    assert controller.open(path)
    qtbot.addWidget(controller.window)
    controller.backups.wait()
    qtbot.mouseClick(controller.backups.status, Qt.MouseButton.LeftButton)
    assert opened == [controller.window]
    controller.close_store()


def test_a_failed_backup_on_exit_is_shown(qtbot, tmp_path, answers, settings):
    shown, _ = answers
    path = make_shop(tmp_path / "shop.db")
    controller = _controller(tmp_path, settings)
    assert controller.open(path)
    qtbot.addWidget(controller.window)
    controller.backups.wait()
    add_order(controller.ctx.store, OrderInput("2026-03-01", [LineInput(5)]))
    controller.ctx.store.set_setting("backup_dir", str(tmp_path / "gone" / "backups"))
    shown.clear()
    controller.close_store()
    assert shown and shown[-1][0] == "warning" and "is not there" in shown[-1][1]


def test_the_error_dialog_survives_its_box_being_closed_under_it(qapp, monkeypatch):
    import shiboken6

    from kpidesk.logs import log
    from kpidesk.ui import errors

    def closed_under_it(self):  # its parent window closed while it was up
        shiboken6.delete(self)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", closed_under_it)
    logged = []
    monkeypatch.setattr(log, "exception", lambda *a, **k: logged.append(a))
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        errors.show_exception(type(exc), exc, exc.__traceback__)
    assert not logged


def test_the_backups_dialog_says_why_what_and_how_much(qtbot, tmp_path, answers, settings):
    from kpidesk.i18n.language import LanguageManager
    from kpidesk.ui.context import AppContext
    from kpidesk.ui.dialogs.backups import BackupsDialog

    shown, _ = answers
    path = make_shop(tmp_path / "shop.db", orders=3)
    other = make_shop(tmp_path / "other" / "shop.db", orders=1)
    with Store(other) as o:
        o.set_setting("backup_dir", str(tmp_path / "backups"))
        backup.make_backup(o, "daily")
    store = Store(path)
    backup.make_backup(store, "import")
    add_order(store, OrderInput("2026-02-01", [LineInput(5)]))
    language = LanguageManager()
    language.set_language("en")
    ctx = AppContext(store, language, settings)
    try:
        dialog = BackupsDialog(ctx)
        qtbot.addWidget(dialog)
        rows = [[dialog.table.item(0, c).text() for c in range(5)]]
        assert rows[0][1] == "before an import" and rows[0][2] == "3"
        assert rows[0][3] == "4 Jan 2026" or "2026" in rows[0][3]
        assert "1 backups" in dialog.total_label.text() and "MB" in dialog.total_label.text()
        assert "1 backups of other shops" in dialog.total_label.text()
        dialog.table.selectRow(0)
        result = dialog.restore_selected()
        assert result is not None and store.scalar("SELECT count(*) FROM orders") == 3
        question, confirmation = shown[-2], shown[-1]
        assert question[0] == "question" and "3 orders" in question[1] and "4 orders" in question[1]
        assert confirmation[0] == "information" and "3 orders" in confirmation[1]
    finally:
        ctx.close()
        store.close()


def test_a_full_disk_for_the_backup_before_an_import_is_one_sentence(qapp, tmp_path):
    from kpidesk.store.errors import BackupError
    from kpidesk.ui.messages import store_error_text

    text = store_error_text(BackupError("disk_full", "[Errno 28] No space left on device",
                                        folder=str(tmp_path)))
    assert "full" in text and str(tmp_path) in text and "Errno" not in text
