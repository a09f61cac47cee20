"""No dead functions: every function and method of `kpidesk/` is named somewhere else in
the project (its code, tests, benches, tools, packaging). A function nobody calls is code a
reader must understand for nothing; delete it (git remembers it).

Named nowhere else yet alive: Qt's virtual methods (camelCase overrides Qt calls), the
CLI's `cmd_<command>` (found by name from the sub-command) and the sales table's
`_segments_<column>` (found by name from the column).
"""

from __future__ import annotations

import ast
import collections
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ = ("kpidesk", "tests", "bench", "tools", "packaging", "docs", "resources")
CALLED_BY_NAME = re.compile(r"^(cmd_\w+|_segments_\w+)$")


def _is_qt_override(name: str) -> bool:
    return name[0].islower() and any(c.isupper() for c in name)


def dead_functions(root: Path = ROOT) -> list[str]:
    texts = {p: p.read_text(encoding="utf-8") for d in READ for p in (root / d).rglob("*.py")}
    texts.update({root / f: (root / f).read_text(encoding="utf-8")
                  for f in ("build.spec",) if (root / f).exists()})
    words = collections.Counter(w for t in texts.values()
                                for w in re.findall(r"[A-Za-z_]\w*", t))
    found = []
    for path in sorted((root / "kpidesk").rglob("*.py")):
        for node in ast.walk(ast.parse(texts[path])):
            if (isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                    and not node.name.startswith("__") and words[node.name] <= 1
                    and not CALLED_BY_NAME.match(node.name)
                    and not _is_qt_override(node.name)):
                found.append(f"{path.relative_to(root).as_posix()}:{node.lineno} {node.name}")
    return found


def test_no_function_is_dead():
    assert dead_functions() == []


def test_the_scan_sees_a_dead_function(tmp_path):
    """The check above can fail: a function named nowhere else is reported."""
    package = tmp_path / "kpidesk"
    package.mkdir()
    (package / "m.py").write_text("def used():\n    pass\n\n\nused()\n\n\n"
                                  "def never_called_anywhere():\n    pass\n")
    assert dead_functions(tmp_path) == ["kpidesk/m.py:8 never_called_anywhere"]
