"""No module of the package over 500 lines: past that a module holds more than one
concern and is split by responsibility (README "Where things live")."""

from __future__ import annotations

from pathlib import Path

import kpidesk

LIMIT = 500


def test_no_module_is_over_500_lines():
    root = Path(kpidesk.__file__).parent
    sizes = {path.relative_to(root).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
             for path in root.rglob("*.py")}
    assert len(sizes) > 100  # the package itself was read
    assert {name: lines for name, lines in sizes.items() if lines > LIMIT} == {}
