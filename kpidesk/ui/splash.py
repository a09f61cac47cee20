"""The start-up splash: the icon and the name, shown until the main window paints."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from kpidesk import APP_NAME


class Splash(QObject):
    """The icon and the name, painted as soon as Qt is up, while the shop file opens and
    the main window is built (issue 8: a splash, as the main window alone takes more than
    twice a bare Qt window to appear); it goes when the main window paints. No words to
    translate: only the product's name. A frameless window rather than QSplashScreen,
    whose show() waits up to a second for the window system (measured: offscreen, Xvfb)."""

    def __init__(self, app: QApplication, started: float) -> None:
        super().__init__(app)
        from PySide6.QtCore import QRect
        from PySide6.QtGui import QColor, QPainter, QPixmap
        from PySide6.QtWidgets import QLabel

        from kpidesk.paths import resource_path

        pixmap = QPixmap(380, 200)
        pixmap.fill(QColor("white"))
        painter = QPainter(pixmap)
        painter.setPen(QColor("#c8c8c8"))
        painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
        icon = QPixmap(str(resource_path("icons", "kpidesk-128.png")))
        if not icon.isNull():
            painter.drawPixmap(28, 36, icon)
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#333333"))
        painter.drawText(QRect(176, 0, 190, 200),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         APP_NAME)
        painter.end()
        self.screen = QLabel()
        self.screen.setObjectName("splash")
        self.screen.setWindowFlags(Qt.WindowType.SplashScreen
                                   | Qt.WindowType.FramelessWindowHint)
        self.screen.setPixmap(pixmap)
        self.screen.resize(pixmap.size())
        screen = app.primaryScreen()
        if screen is not None:
            self.screen.move(screen.availableGeometry().center() - self.screen.rect().center())
        self.screen.show()
        self.screen.repaint()  # painted now, not at the next turn of the event loop
        app.processEvents()
        self.elapsed = (time.perf_counter() - started) * 1000
        self.painted_at = time.time()
        self._window = None
        # a message while the shop opens (file in use, damaged…) must not sit under it
        app.focusWindowChanged.connect(self._focus_changed)

    def _focus_changed(self, window) -> None:
        if window is not None and self.screen is not None and \
                window is not self.screen.windowHandle():
            self.close()

    def finish(self, window) -> None:
        """Close when `window` first paints (or after 5 s, whatever happens)."""
        self._window = window
        window.installEventFilter(self)
        QTimer.singleShot(5000, self, self.close)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if obj is self._window and event.type() == QEvent.Type.Paint:
            self.close()
        return False

    def close(self) -> None:
        app = QApplication.instance()
        if app is not None and self.screen is not None:  # the first close only
            app.focusWindowChanged.disconnect(self._focus_changed)
        if self._window is not None:
            self._window.removeEventFilter(self)
            self._window = None
        if self.screen is not None:
            self.screen.close()
            self.screen.deleteLater()
            self.screen = None
