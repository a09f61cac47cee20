"""Every table model of the app, proxies included, passes pytest-qt's model tester, on
the demo shop and on an empty one, in both languages.

The models are taken from the real main window (every tab and dashboard page shown,
the history dialog open), and the source is scanned so that a new model class that no
screen shows here fails the test instead of going unchecked.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication
from PySide6.QtGui import QStandardItemModel

from kpidesk.ui.models.base import Role

try:
    from pytestqt.modeltest import ModelTester
except ImportError:  # pragma: no cover
    ModelTester = None

pytestmark = pytest.mark.gui
UI = Path(__file__).resolve().parent.parent / "kpidesk" / "ui"
QT_MODEL_BASES = {"QAbstractTableModel", "QAbstractItemModel", "QAbstractListModel",
                  "QSortFilterProxyModel", "QIdentityProxyModel", "TableModel", "RowsModel"}


def model_classes_in_source() -> set[str]:
    names = set()
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                         for b in node.bases}
                if bases & QT_MODEL_BASES:
                    names.add(node.name)
    # the bases themselves, and bases of a model checked through its subclasses
    return names - {"TableModel", "RowsModel", "_ListModel"}


def _settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def models_of(window) -> dict[str, QAbstractItemModel]:
    from kpidesk.ui.dialogs.history import HistoryDialog

    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _settle()
        page = window.current_page()
        if type(page).__name__ == "DashboardTab":
            for i in range(page.pages.count()):
                page.pages.setCurrentIndex(i)
                _settle()
        if type(page).__name__ == "PipelineTab":
            for i in range(2):
                page.set_view(i)
                _settle()
    from kpidesk.ui.dialogs.calendar import CalendarDialog
    from kpidesk.ui.dialogs.call_today import CallTodayDialog
    from kpidesk.ui.dialogs.contact_page import ContactPage
    from kpidesk.ui.dialogs.data_health import DataHealthDialog
    from kpidesk.ui.insight.proposal import ProposalDialog
    from kpidesk.ui.models.dashboard_models import AtRiskModel
    from kpidesk.ui.sales.refund import RefundDialog
    from tests.conftest import refundable_sale

    dialogs = [HistoryDialog(window.ctx, window), CallTodayDialog(window.ctx, window),
               DataHealthDialog(window.ctx, window.ctx.today().isoformat()[:7], window),
               CalendarDialog(window.ctx, window),
               ProposalDialog(window.ctx, window.ctx.today().year + 1, window)]
    sale = refundable_sale(window.ctx.store)
    if sale is not None:
        dialogs.append(RefundDialog(window.ctx, sale, window))
    contacts = window.ctx.store.query("SELECT id FROM contacts ORDER BY id LIMIT 1")
    if contacts:
        dialogs.append(ContactPage(window.ctx, contacts[0][0], window))
    found: dict[str, QAbstractItemModel] = {"AtRiskModel": AtRiskModel()}  # the call list's base
    found.update(server_shop_models())
    for owner in (window, *dialogs):
        for model in owner.findChildren(QAbstractItemModel):
            if type(model).__module__.startswith("kpidesk.") \
                    and not isinstance(model, QStandardItemModel):
                found.setdefault(type(model).__name__, model)
    return found


def server_shop_models() -> dict[str, QAbstractItemModel]:
    """The models only a shop on a server shows (its waiting sales, its backups on this
    laptop), with one row each: no server here."""
    from datetime import datetime
    from pathlib import Path

    from kpidesk.store.outbox import QueuedSale
    from kpidesk.store.sales import LineInput, OrderInput
    from kpidesk.ui.server_status_backups import BackupRow, SharedBackupsModel
    from kpidesk.ui.server_status_list import WaitingSalesModel

    waiting = WaitingSalesModel()
    waiting.set_rows([QueuedSale(order=OrderInput(date="2026-11-26",
                                                  lines=[LineInput(amount=900)]),
                                 customer_name="Sokha", product_names=["Rice"], queue_id=1,
                                 queued_at="2026-11-26T10:15:00")])
    backups = SharedBackupsModel()
    backups.set_rows([BackupRow(Path("shop-daily.pgdump"), datetime(2026, 11, 26, 9, 0),
                                "daily", 1_500_000),
                      BackupRow(Path("shop-manual.pgdump"), datetime(2026, 11, 25, 17, 30),
                                "manual", 1_400_000, laptop="COUNTER-1")])
    return {"WaitingSalesModel": waiting, "SharedBackupsModel": backups}


def check_all(models: dict[str, QAbstractItemModel], config) -> list:
    """One tester per model: each stays connected and checks every signal its model
    sends afterwards (a language change, a reload) against that model."""
    testers = []
    for _name, model in sorted(models.items()):
        tester = ModelTester(config)
        tester.check(model, force_py=True)
        testers.append(tester)
    return testers


@pytest.mark.parametrize("lang", ["en", "km"])
def test_every_model_passes_the_model_tester(qtbot, pytestconfig, demo_ctx, lang):
    from kpidesk.ui.main_window import MainWindow

    demo_ctx.language.set_language(lang)
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    models = models_of(window)
    assert model_classes_in_source() <= set(models), "a model no screen shows here"
    testers = check_all(models, pytestconfig)
    # the signals of a language change and of a write are checked too
    demo_ctx.language.set_language("km" if lang == "en" else "en")
    _settle()
    demo_ctx.store.set_setting("default_rate", "4050")
    _settle()
    assert len(testers) == len(models)


def test_models_of_an_empty_shop(qtbot, pytestconfig, ctx):
    from kpidesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    models = models_of(window)
    check_all(models, pytestconfig)
    ctx.language.set_language("km")
    _settle()


def test_one_role_enum():
    values = [int(role) for role in Role]
    assert len(values) == len(set(values))
