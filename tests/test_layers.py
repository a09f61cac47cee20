"""The layers, read from the source: ui → metrics / reports / io → store, one direction.

- `store`, `metrics`, `io` and `reports/data.py` import no Qt (they run in the CLI, on
  worker threads and, one day, against another database);
- `kpidesk/ui/` holds no SQL and no raw connection calls: it asks named store and metrics
  functions;
- no import runs back up (e.g. the store borrowing from `i18n` or `ui`).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kpidesk"
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph")
QT_FREE = ("store", "metrics", "io")
QT_FREE_FILES = ("reports/data.py",)

# What each layer may import from the project (besides itself). `digits` imports nothing
# of the project; `paths` asks Qt for the data folder only when the app runs it.
MAY_IMPORT = {
    "digits": set(),
    "store": {"digits", "paths"},
    "metrics": {"store", "digits"},
    "i18n": {"store", "digits", "paths"},  # format.py knows the currencies' minor units
    "io": {"store", "metrics", "i18n", "digits", "paths", "shop_cli", "cli_pin"},
    "reports": {"store", "metrics", "i18n", "digits", "paths", "shop_cli"},
    "demo": {"store", "digits"},
    "shop_cli": {"store", "digits", "paths"},
    "cli_pin": {"store", "digits", "paths", "shop_cli"},
}
# reports/data.py gathers the figures; formatting and drawing are the report's other modules
FILE_MAY_IMPORT = {"reports/data.py": {"store", "metrics"}}

SQL = re.compile(r"\b(SELECT\b.*\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|"
                 r"DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIEW)|DROP\s+TABLE|PRAGMA)\b", re.S)
RAW_CALLS = {"scalar", "query", "executemany", "executescript", "write_bookkeeping"}


def _sources(*under: str) -> list[Path]:
    return sorted(p for u in under for p in (PACKAGE / u).rglob("*.py"))


def _rel(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every import, those inside functions included."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "kpidesk" and len(parts) > 1 else None


def test_no_qt_below_the_ui():
    wrong = []
    for path in _sources(*QT_FREE) + [PACKAGE / f for f in QT_FREE_FILES]:
        for line, module in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            if module.split(".")[0] in QT_MODULES:
                wrong.append(f"{_rel(path)}:{line} imports {module}")
    assert not wrong, "\n".join(wrong)


def sql_in(source: str) -> list[str]:
    """Where a module's source holds SQL or raw connection calls."""
    wrong = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and SQL.search(node.value):
            wrong.append(f"{node.lineno}: SQL {node.value[:50]!r}")
        elif isinstance(node, ast.Attribute) and node.attr == "conn":
            wrong.append(f"{node.lineno}: .conn")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in RAW_CALLS:
            wrong.append(f"{node.lineno}: .{node.func.attr}()")
    return wrong


def test_no_sql_in_the_ui():
    wrong = [f"{_rel(path)}:{where}" for path in _sources("ui")
             for where in sql_in(path.read_text(encoding="utf-8"))]
    assert not wrong, "ask a named store or metrics function instead:\n" + "\n".join(wrong)


@pytest.mark.parametrize("source", [
    'rows = store.query("SELECT id FROM orders")',
    'n = self.ctx.store.conn.execute("x")',
    'x = "UPDATE settings SET value = 1"',
])
def test_the_sql_scan_sees(source):
    assert sql_in(source)


def test_no_import_runs_back_up():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = _rel(path)
        own = rel.split("/")[0].removesuffix(".py")
        allowed = FILE_MAY_IMPORT.get(rel, MAY_IMPORT.get(own))
        if allowed is None:  # the ui, the app and the command line may use every layer
            continue
        for line, module in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            layer = _layer(module)
            if layer is not None and layer != own and layer not in allowed:
                wrong.append(f"{rel}:{line} imports {module}")
    assert not wrong, "\n".join(wrong)


SALE_ROW_INSERT = re.compile(r"INSERT\s+(OR\s+\w+\s+)?INTO\s+(orders|sale_lines)\b")


def test_sale_rows_have_one_write_path():
    """Orders and sale lines are inserted by store/sales.py alone (its statements are built
    from ORDER_COLUMNS / LINE_COLUMNS; the form, the importer and the demo all call it):
    no module writes its own INSERT into them."""
    writers = {_rel(path) for path in PACKAGE.rglob("*.py")
               if SALE_ROW_INSERT.search(path.read_text(encoding="utf-8"))}
    assert writers == set()
    for caller in ("demo.py", "io/importer/sales.py"):
        assert "write_sale_rows(" in (PACKAGE / caller).read_text(encoding="utf-8"), caller


TOOLS = ("tools", "bench", "tests")  # top-level folders the shipped package never imports


def imports_of_tools(source: str) -> list[str]:
    """Where a module's source imports the developer tools, the benches or the tests."""
    return [f"{line}: {module}" for line, module in _imports(ast.parse(source))
            if module.split(".")[0] in TOOLS]


def test_the_package_never_imports_the_tools():
    """The translation build tools live in `tools/i18n/` (run from the repository root,
    not shipped in the bundle): nothing under `kpidesk/` may import them, nor the benches
    or the tests."""
    wrong = [f"{_rel(path)}:{where}" for path in sorted(PACKAGE.rglob("*.py"))
             for where in imports_of_tools(path.read_text(encoding="utf-8"))]
    assert not wrong, "\n".join(wrong)
    assert not (PACKAGE / "i18n" / "build.py").exists()


@pytest.mark.parametrize("source", [
    "from tools.i18n import build",
    "import tools.i18n.tools",
    "def f():\n    from tools.i18n.extract import scan\n",
])
def test_the_tools_scan_sees(source):
    assert imports_of_tools(source)
