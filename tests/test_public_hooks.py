"""Tests use the project's public hooks, not its private attributes.

A test that reads `obj._something`, patches `module._helper` or imports `_name` breaks
when the inside is rearranged although nothing a user sees changed; it should drive the
widget as a user would, read a public property or signal, or spy on a public function.
This scan of `tests/` fails on such access; the few left are listed in ALLOWED with the
reason each cannot go.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
PRIVATE = re.compile(r"^_[a-z]\w*$")  # _name, not __dunder__ nor _CONSTANT
OWN = {"self", "cls"}  # a test's own helper class may keep private state
# (test file, private name): why the test cannot do without it
ALLOWED = {
    ("test_metrics_day_index.py", "_getframe"):
        "the trace callback tells which module ran each statement: CPython's frame API, "
        "the only way a callback sees its caller",
    ("test_metrics_day_index.py", "_sql_median"):
        "the shop median's statement runs only when a line needs it; its plan is checked "
        "by calling it directly",
    ("test_health_sql.py", "_sql_median"):
        "the property tested is that the health check skips the shop-median sort when no "
        "line needs it: nothing public shows whether an inner step ran",
    ("test_health_sql.py", "_missing_days"):
        "the reference check recomputes every finding from raw rows except the missing "
        "days, which test_act_health.py checks on their own",
    ("test_report.py", "_export"):
        "reads the axes of the pyqtgraph widgets the report's charts are drawn from; the "
        "chart functions hand back only the finished image",
}


def private_access(source: str) -> list[tuple[int, str]]:
    """(line, name) of each private attribute a test module reads, patches or imports."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and PRIVATE.match(node.attr) \
                and not (isinstance(node.value, ast.Name) and node.value.id in OWN):
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.Call) and len(node.args) >= 2 \
                and isinstance(node.args[1], ast.Constant) \
                and isinstance(node.args[1].value, str) and PRIVATE.match(node.args[1].value):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("getattr", "setattr", "delattr"):
                found.append((node.lineno, node.args[1].value))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kpidesk"):
            found += [(node.lineno, alias.name) for alias in node.names
                      if PRIVATE.match(alias.name)]
    return found


def test_tests_use_public_hooks():
    wrong, used = [], set()
    for path in sorted(TESTS.rglob("*.py")):
        for line, name in private_access(path.read_text(encoding="utf-8")):
            if (path.name, name) in ALLOWED:
                used.add((path.name, name))
            else:
                wrong.append(f"{path.relative_to(TESTS).as_posix()}:{line} {name}")
    assert not wrong, "use a public property, signal or function:\n" + "\n".join(wrong)
    assert used == set(ALLOWED), f"allowed but no longer used: {set(ALLOWED) - used}"


@pytest.mark.parametrize("source", [
    "assert model._query.plain",
    "monkeypatch.setattr(health, '_line_findings', spy)",
    "real = getattr(charts, '_export')",
    "from kpidesk.store.money import _div_half_even as half_even",
    "wizard._show_page(2)",
])
def test_the_scan_sees(source):
    assert private_access(source)


@pytest.mark.parametrize("source", [
    "self._answer = 3",
    "x = obj.__class__",
    "monkeypatch.setattr(sm, 'PAGE_SIZE', 97)",
    "from kpidesk.store.money import div_half_even",
])
def test_the_scan_lets_pass(source):
    assert not private_access(source)
