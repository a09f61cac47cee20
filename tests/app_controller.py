"""The app's Controller as the GUI tests of a shared shop start and stop it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings

from kpidesk import app as kpidesk_app
from kpidesk.i18n.language import LanguageManager


def new_controller(tmp_path, lang: str = "en") -> kpidesk_app.Controller:
    """A Controller with its settings in `tmp_path`, in `lang`."""
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    language = LanguageManager()
    language.set_language(lang)
    return kpidesk_app.Controller(settings, language)


def stop_controller(controller: kpidesk_app.Controller, qapp, *,
                    delete_window_now: bool = False) -> None:
    """As closing the app: English again, the window closed, a backup under way waited
    for, the store closed; the next open makes a window. `delete_window_now`: the window
    (and the widgets it owns) deleted here, before the language changes again (a window
    left for later would hear it): not for a test whose qtbot still holds a dialog of it."""
    if controller.ctx is not None and controller.ctx.language.lang != "en":
        controller.ctx.language.set_language("en")
    if controller.window is not None:
        controller.window.hide()
        controller.window.deleteLater()
    qapp.processEvents()
    if delete_window_now:
        qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if controller.backups is not None:
        controller.backups.wait(60)
    controller.close_store()
    controller.window = None
