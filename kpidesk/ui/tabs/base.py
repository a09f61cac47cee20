"""What every tab shares: the context, its title, retranslation and refresh hooks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kpidesk.store.errors import ServerError
from kpidesk.store.topics import Topic
from kpidesk.ui.context import AppContext
from kpidesk.ui.server_writes import ServerWrites


class Tab(QWidget):
    """A main-window tab. Subclasses implement the three hooks.

    Translate with ``self.tr("…")`` in the tab class itself (context = the
    class name, as pyside6-lupdate sees it); tab classes are leaves, never
    subclassed, so the runtime context matches.
    """

    # What a tab asks of the window it is in; the main window connects these (a tab never
    # reaches for the window itself).
    show_tab_requested = Signal(str)  # the key of the tab to show
    open_contact_requested = Signal(int)  # a contact's page
    open_analysis_requested = Signal(str, str)  # an Analysis view ("day", "basket"…), a period
    open_sale_requested = Signal(int, object)  # order id, (order id, position) or None
    enter_day_requested = Signal(str)  # the Sales form, on that day (ISO date)
    tables_added = Signal(QWidget)  # tables built late: "Export this table…" works on them
    window_texts_changed = Signal()  # e.g. the shop name, in the window title

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # bound methods, not lambdas: Qt drops the connection when the tab is deleted
        ctx.language.language_changed.connect(self._on_language_changed)
        ctx.data_changed.connect(self.on_data_changed)
        # what needs a shared shop's server here: disabled while it does not answer
        self.writes = ServerWrites(ctx, self)

    def _on_language_changed(self, _lang: str) -> None:
        try:
            self.retranslate_ui()
        except ServerError as err:  # a figure it reads again is on a server gone away
            if err.reason != "unreachable":
                raise
            from kpidesk.ui.server_status import server_lost

            server_lost(err)

    def title(self) -> str:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        """Set every user-visible text again in the current language."""

    def on_data_changed(self, topics: set[Topic]) -> None:
        """Refresh after a committed write (what changed: `store.topics.Topic`)."""
