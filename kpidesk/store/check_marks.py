"""Shop files that passed the integrity check and are as KPI Desk left them: a read-only
command that reads a little of a large shop (the month report) skips the check that
reads every page (`PRAGMA quick_check`: about 10 s at 1M lines) for such a file, and
runs it for any other. A file changed since by anything else (a disk fault, a copy,
another program) has another size or modification time and is checked again.

A store whose check passed marks its file when it closes (`Store.close`); the marks are
kept in the user's data folder, never in the shop (marking must not change what it
marks)."""

from __future__ import annotations

import json
import os
from pathlib import Path

MARKS_FILE = "checked-shops.json"
KEEP = 20  # the shops of this laptop: a few; the oldest marks go first


def _state(path: Path) -> list[int] | None:
    """The file's and its write-ahead log's size and modification time (ns)."""
    try:
        main = path.stat()
    except OSError:
        return None
    try:
        wal = Path(f"{path}-wal").stat()
        # an empty log is made (and its time changed) by every reader: it holds nothing
        log = [wal.st_size, wal.st_mtime_ns] if wal.st_size else [0, 0]
    except OSError:
        log = [0, 0]
    return [main.st_size, main.st_mtime_ns, *log]


def _marks_path() -> Path:
    from kpidesk.paths import data_dir

    return data_dir() / MARKS_FILE


def _read() -> dict[str, list[int]]:
    try:
        marks = json.loads(_marks_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return marks if isinstance(marks, dict) else {}


def remember(path: Path) -> None:
    """Mark `path` as checked and left by KPI Desk as it is now."""
    state = _state(path)
    if state is None:
        return
    key = str(path.resolve())
    marks = {name: mark for name, mark in _read().items() if name != key}
    marks[key] = state
    target = _marks_path()
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_text(json.dumps(dict(list(marks.items())[-KEEP:])), encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        pass  # without the mark the next report checks the file again: nothing lost


def unchanged_since_check(path: Path) -> bool:
    """True when `path` is as KPI Desk left it after a check that passed."""
    state = _state(path)
    return state is not None and _read().get(str(path.resolve())) == state
