"""The log file in the data folder (``logs/kpidesk.log``, rotated), for the app and the
headless commands. It names files and shops: written readable by the user only."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

log = logging.getLogger("kpidesk")


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log file created 0600 (rotated files keep that mode)."""

    def _open(self):  # noqa: ANN202 (logging API)
        from kpidesk.paths import prepare_private_file

        prepare_private_file(self.baseFilename)
        return super()._open()


def setup_logging() -> Path | None:
    """Log to the data folder's `logs/kpidesk.log` (once); returns the file's path."""
    from kpidesk.paths import logs_dir

    for handler in log.handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    try:
        path = logs_dir() / "kpidesk.log"
        handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                             encoding="utf-8")
    except OSError:
        return None  # no writable data folder: nothing is logged, nothing breaks
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path
