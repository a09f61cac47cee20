"""Windows that fit small laptop screens (1366×768, 1280×720 and the taskbar under them).

The main window opens at its natural size when that fits the screen's available area,
else maximised; a remembered geometry (perhaps from a larger screen) is clamped to the
current one. Dialogs are kept inside the available area whenever they are shown
(`keep_on_screen`), whatever size their content asks for.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

NATURAL_SIZE = QSize(1200, 780)
# What a window manager adds around a window before it is shown (title bar and borders,
# Windows 10/11 at 100 %); after showing, the real frame is measured.
FRAME_ALLOWANCE = QSize(16, 39)


def available_area(widget: QWidget | None = None) -> QRect:
    """The available geometry (without taskbars) of the screen the widget is on, else of
    the primary screen."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def _frame_extra(widget: QWidget) -> QSize:
    """Frame around the client area: measured once shown, else the usual allowance."""
    if widget.isVisible():
        frame, inner = widget.frameGeometry(), widget.geometry()
        extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
        if extra.width() > 0 or extra.height() > 0:
            return extra
    return FRAME_ALLOWANCE


def fits(size: QSize, area: QRect, extra: QSize = FRAME_ALLOWANCE) -> bool:
    """Whether a window of client `size` (plus its frame) fits `area`."""
    return (size.width() + extra.width() <= area.width()
            and size.height() + extra.height() <= area.height())


def clamped(rect: QRect, area: QRect, extra: QSize = FRAME_ALLOWANCE) -> QRect:
    """`rect` (client geometry) made small enough for `area` with its frame, and moved
    inside it."""
    width = min(rect.width(), area.width() - extra.width())
    height = min(rect.height(), area.height() - extra.height())
    left = min(max(rect.left(), area.left() + extra.width() // 2),
               area.right() - extra.width() // 2 - width + 1)
    top = min(max(rect.top(), area.top() + extra.height() - extra.width() // 2),
              area.bottom() - extra.width() // 2 - height + 1)
    return QRect(left, top, max(width, 1), max(height, 1))


def place_main_window(window: QWidget, saved: QByteArray | None,
                      area: QRect | None = None) -> None:
    """Size the main window before it is shown: the remembered geometry clamped to the
    screen, or the natural size centred, or maximised when the natural size does not fit."""
    area = area or available_area(window)
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        if window.isMaximized() or window.isFullScreen():
            return
        geometry = window.geometry()
        if not area.contains(geometry) or not fits(geometry.size(), area):
            window.setGeometry(clamped(geometry, area))
        return
    if fits(NATURAL_SIZE, area):
        window.resize(NATURAL_SIZE)
        centre = area.center()
        window.move(centre.x() - NATURAL_SIZE.width() // 2,
                    centre.y() - NATURAL_SIZE.height() // 2)
    else:
        window.setGeometry(clamped(QRect(area.topLeft(), NATURAL_SIZE), area))
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def fit_on_screen(widget: QWidget, area: QRect | None = None) -> None:
    """Shrink and move a top-level window so that it lies inside the available area."""
    area = area or available_area(widget)
    if widget.isMaximized() or widget.isFullScreen():
        return
    extra = _frame_extra(widget)
    geometry = widget.geometry()
    if not fits(geometry.size(), area, extra) or not area.contains(widget.frameGeometry()):
        widget.setGeometry(clamped(geometry, area, extra))


class _KeepOnScreen(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
            fit_on_screen(obj)
        return False


def keep_on_screen(widget: QWidget) -> QWidget:
    """Fit `widget` (a dialog) inside the screen's available area whenever it is shown."""
    keeper = _KeepOnScreen(widget)
    widget.installEventFilter(keeper)
    return widget
