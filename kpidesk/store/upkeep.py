"""`Store`'s upkeep of its file: the integrity check, migrations, compaction, copies."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpidesk.store import migration_progress, schema
from kpidesk.store.errors import CorruptStoreError, NewerSchemaError, NotAStoreError
from kpidesk.store.file_facts import _write_error, make_private
from kpidesk.store.uuids import new_uuid

# progress(stage, fraction) while an older file is upgraded: stage 'backup' (the copy made
# first), 'upgrade' (the migrations) or 'compact' (giving the freed space back); 0..1.
Progress = Callable[[str, float], None]


class Upkeep:
    """`Store`'s upkeep of its file; the attributes below are set by `Store.__init__`."""

    conn: sqlite3.Connection
    path: Path
    server_url: str | None
    _progress: Progress | None
    _check_done: threading.Event | None
    _check_passed: bool | None

    if TYPE_CHECKING:
        @property
        def db(self) -> Any: ...

        def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def _start_check(self) -> None:
        done = self._check_done
        assert done is not None  # made with check_later

        def run() -> None:
            passed = False
            try:
                reader = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
                try:
                    passed = reader.execute("PRAGMA quick_check").fetchone()[0] == "ok"
                finally:
                    reader.close()
            except sqlite3.DatabaseError:
                passed = False
            finally:
                self._check_passed = passed
                done.set()

        threading.Thread(target=run, name="quick-check", daemon=True).start()

    def check_result(self) -> bool | None:
        """Outcome of the integrity check: True / False, None while it still runs."""
        if self._check_done is None:
            return True  # checked when opened
        return self._check_passed if self._check_done.is_set() else None

    def _wait_for_check(self) -> None:
        if self._check_done is not None:
            self._check_done.wait()
            if not self._check_passed:
                raise CorruptStoreError("quick_check failed: nothing is written to this file")

    def _stage(self, stage: str) -> Callable[[float], None] | None:
        if self._progress is None:
            return None
        report = self._progress
        return lambda fraction: report(stage, max(0.0, min(1.0, fraction)))

    def _migrate(self, version: int, shop_uuid: str | None = None) -> None:
        upgrade = self._stage("upgrade")
        if upgrade is not None:
            upgrade(0.0)
        with self.transaction():
            # Another process may have created or upgraded the file since it was examined
            # (two first starts at once): go on from what is there now.
            now = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if now != version:
                app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
                if app_id != schema.APPLICATION_ID:
                    raise NotAStoreError("foreign", "changed while it was being opened")
                if now > schema.SCHEMA_VERSION:
                    raise NewerSchemaError(now, schema.SCHEMA_VERSION)
                version = now
            first, steps = version, max(1, schema.SCHEMA_VERSION - version)
            while version < schema.SCHEMA_VERSION:
                done = version - first
                if upgrade is not None:  # each migration's own 0..1 within the whole
                    migration_progress.hook = lambda f, d=done: upgrade((d + f) / steps)
                try:
                    schema.MIGRATIONS[version](self.db)
                finally:
                    migration_progress.hook = None
                if version == 0:
                    self._seed_defaults()
                version += 1
                self.conn.execute(f"PRAGMA user_version = {version}")
                if upgrade is not None:
                    upgrade((version - first) / steps)
            self.conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            if shop_uuid:  # the identity its pre-upgrade copy was given
                self.conn.execute("UPDATE shop_identity SET uuid = ? WHERE id = 1", (shop_uuid,))

    # VACUUM runs about this many SQLite VM steps per page (measured on shop files):
    # enough to show how far it is.
    _VACUUM_STEPS_PER_PAGE = 780

    def _compact_if_worth_it(self) -> None:
        """After an upgrade that freed much of the file (a table rebuilt), give the space
        back: VACUUM rewrites the file without its free pages."""
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        free = self.conn.execute("PRAGMA freelist_count").fetchone()[0]
        wanted, schema.compaction_wanted = schema.compaction_wanted, False
        # under a fifth free: not worth rewriting, unless a migration rebuilt a table (or
        # shortened its rows in place: order_days, whose pages are then part empty)
        if pages < 256 or (free * 5 < pages and not wanted):
            return
        self.compact(self._stage("compact"))

    def compact(self, progress: Callable[[float], None] | None = None) -> None:
        """Rewrite the file without free space and with full pages (VACUUM): after a
        bulk load or an upgrade. Needs as much free disk as the file takes."""
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        free = self.conn.execute("PRAGMA freelist_count").fetchone()[0]
        expected = max(1, (pages - free) * self._VACUUM_STEPS_PER_PAGE // 1000)
        calls = 0

        def tick() -> int:
            nonlocal calls
            calls += 1
            if progress is not None:
                progress(min(0.99, calls / expected))
            return 0

        if progress is not None:
            self.conn.set_progress_handler(tick, 1000)
        try:
            self.conn.execute("VACUUM")
        except sqlite3.OperationalError as exc:
            raise _write_error(exc) from exc
        finally:
            self.conn.set_progress_handler(None, 0)
        if progress is not None:
            progress(1.0)

    def _seed_defaults(self) -> None:
        self.conn.executemany(
            "INSERT INTO settings(key, value) VALUES (?, ?)", schema.DEFAULT_SETTINGS.items()
        )
        self.conn.executemany(
            "INSERT INTO stages(uuid, name, probability, position, kind) VALUES (?, ?, ?, ?, ?)",
            [(new_uuid(), *stage) for stage in schema.DEFAULT_STAGES],
        )
        self.conn.executemany(
            "INSERT INTO channels(uuid, name) VALUES (?, ?)",
            [(new_uuid(), name) for name in schema.DEFAULT_CHANNELS],
        )
        self.conn.executemany(
            "INSERT INTO lost_reasons(uuid, name) VALUES (?, ?)",
            [(new_uuid(), name) for name in schema.DEFAULT_LOST_REASONS],
        )

    # -- housekeeping --------------------------------------------------------
    def backup_to(self, target: Path | str) -> Path:
        """Consistent copy of the file through the sqlite3 backup API."""
        if self.server_url is not None:
            from kpidesk.store.errors import ServerError

            raise ServerError("not_supported", "backup_to")
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(target)
        try:
            self.conn.backup(dest)
            # one self-contained file (no -wal / -shm left beside it by later readers)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        make_private(target)
        return target

    def integrity_ok(self, quick: bool = True) -> bool:
        if self.server_url is not None:
            return True  # the server keeps its own pages whole
        pragma = "quick_check" if quick else "integrity_check"
        try:
            return self.conn.execute(f"PRAGMA {pragma}").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            return False
