"""One naming rule for object names: camelCase ASCII (`saleTotal`, `cardGrossProfit`).

Read from the source (every `setObjectName` of `kpidesk/ui` names a literal that follows
the rule, or builds the name with `ui.names.object_name`), and from the running app: the
main window on every tab and every dialog (the walk of `test_access_keys.py`) carry no
other name, and no two widgets or actions of one window share one.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from kpidesk.ui.names import RULE, object_name

UI = Path(__file__).resolve().parent.parent / "kpidesk" / "ui"
# names Qt gives its own parts (a tab bar's scroll buttons, a line edit's clear action)
QT_OWN_PREFIXES = ("qt_", "_q_")
QT_OWN_NAMES = {"ScrollLeftButton", "ScrollRightButton"}


def names_breaking_the_rule(source: str) -> list[str]:
    """Where `setObjectName` gets a literal off the rule, or a name built by hand (an
    f-string or a concatenation) rather than by `object_name`."""
    wrong = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "setObjectName" and node.args):
            continue
        arg = node.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            if not RULE.match(arg.value):
                wrong.append(f"{node.lineno}: {arg.value!r}")
        elif isinstance(arg, ast.JoinedStr | ast.BinOp):
            wrong.append(f"{node.lineno}: a name built by hand (use object_name)")
    return wrong


def test_every_name_in_the_source_follows_the_rule():
    wrong = [f"{path.relative_to(UI).as_posix()}:{where}"
             for path in sorted(UI.rglob("*.py"))
             for where in names_breaking_the_rule(path.read_text(encoding="utf-8"))]
    assert not wrong, "object names are camelCase (kpidesk/ui/names.py):\n" + "\n".join(wrong)


@pytest.mark.parametrize("source", [
    'w.setObjectName("sale_total")',
    'w.setObjectName("MainWindow")',
    'w.setObjectName(f"card_{key}")',
    'w.setObjectName("card" + key)',
])
def test_the_source_scan_sees(source):
    assert names_breaking_the_rule(source)


def test_built_names_follow_the_rule():
    assert object_name("card", "gross_profit") == "cardGrossProfit"
    assert object_name("refund_quantity", 3) == "refundQuantity3"
    assert object_name("rate_cat", 12) == "rateCat12"
    assert object_name("sale", "unit_price") == "saleUnitPrice"
    assert object_name("tab", "sales") == "tabSales"
    for name in ("saleTotal", "cardGrossProfit", "refundQuantity3"):
        assert RULE.match(name)
    for name in ("sale_total", "MainWindow", "sale total", "", "1st"):
        assert not RULE.match(name)
    with pytest.raises(ValueError):
        object_name("ស្ថានភាព")  # no ASCII word to build a name from


def _own_name(obj: QObject) -> str:
    name = obj.objectName()
    return "" if name.startswith(QT_OWN_PREFIXES) or name in QT_OWN_NAMES else name


def named_objects(root: QWidget) -> list[tuple[str, str, str]]:
    """(name, path, class) of the window `root`, its widgets and actions that carry a
    name; Qt's own parts aside, and the windows it holds (walked on their own). The path
    is the names of its named ancestors and its own ("cardRevenue/title"): the parts of
    a composed widget share names from one instance to the next, as a style sheet's
    `KpiCard QLabel#title` expects."""
    found = []
    for obj in [root, *root.findChildren(QObject)]:
        if isinstance(obj, QWidget) and obj is not root and obj.isWindow():
            continue
        if not isinstance(obj, QWidget | QAction) or not _own_name(obj):
            continue
        path, up = [obj.objectName()], obj.parent()
        while up is not None and up is not root:
            if _own_name(up):
                path.append(up.objectName())
            up = up.parent()
        found.append((obj.objectName(), "/".join(reversed(path)), type(obj).__name__))
    return found


def problems_of(root: QWidget) -> list[str]:
    found = named_objects(root)
    off_rule = sorted({f"{name} ({kind})" for name, _path, kind in found
                       if not RULE.match(name)})
    counts = Counter(path for _name, path, _kind in found)
    shared = sorted(f"{path} ×{n}" for path, n in counts.items() if n > 1)
    return [f"off the rule: {n}" for n in off_rule] + [f"shared: {s}" for s in shared]


def test_the_walk_sees_a_bad_name_and_a_shared_one(qapp):
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    root = QWidget()
    root.setObjectName("probeWindow")
    layout = QVBoxLayout(root)
    for name in ("okName", "bad_name", "twice", "twice"):
        label = QLabel(name, root)
        label.setObjectName(name)
        layout.addWidget(label)
    for part in ("cardA", "cardB"):  # parts of two named composites may share a name
        card = QWidget(root)
        card.setObjectName(part)
        QLabel(card).setObjectName("title")
        layout.addWidget(card)
    assert problems_of(root) == ["off the rule: bad_name (QLabel)", "shared: twice ×2"]
    root.deleteLater()


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_the_main_window_on_every_tab(main_window, demo_ctx):
    """Every tab (and each Dashboard page, the Sales form in both modes, the Pipeline's
    two views, every Settings list) built and shown, then the window walked."""
    window = main_window
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _settle()
        page = window.current_page()
        kind = type(page).__name__
        if kind == "DashboardTab":
            for i in range(page.pages.count()):
                page.pages.setCurrentIndex(i)
                _settle()
        elif kind == "SalesTab":
            page.daily_check.setChecked(True)
            _settle()
            page.daily_check.setChecked(False)
        elif kind == "PipelineTab":
            for i in range(2):
                page.set_view(i)
                _settle()
        elif kind == "SettingsTab":
            for i in range(page.lists_tabs.count()):
                page.lists_tabs.setCurrentIndex(i)
                _settle()
    _settle()
    found = problems_of(window)
    assert found == [], "\n".join(found)
    assert ("mainWindow", "mainWindow", "MainWindow") in named_objects(window)


def test_every_dialog(main_window, demo_ctx):
    from tests.test_access_keys import _dialogs

    problems = {}
    for name, dialog in _dialogs(main_window, demo_ctx):
        dialog.show()
        _settle()
        found = problems_of(dialog)
        if found:
            problems[name] = found
        dialog.close()
    assert problems == {}
