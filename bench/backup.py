"""Backups at scale: size against the shop file, time to make, verify and restore one.

    .venv/bin/python bench/backup.py [--lines 1000000] [--shop PATH] [--dir DIR]

Builds (or reuses) a demo shop of --lines sale lines under DIR (default
/tmp/kpidesk-bench; `python -m kpidesk demo --lines N`, about a minute at 1M), or
measures the shop given with --shop (on a copy). Printed:
  shop file        its size (checkpointed);
  backup           time of `make_backup` and each step of it (snapshot through the
                   sqlite3 backup API, integrity_check, indexes dropped + VACUUM INTO,
                   compression, verification by decompressing), the zip's size and its
                   ratio to the shop file (goal: <= 45 %);
  plain copy       what a backup was before (the sqlite3 backup API into a .db), for
                   comparison;
  verify           `verify_archive`: decompress and compare the SHA-256;
  restore          `restore` into a copy of the shop (a backup of it made first, then
                   decompressed, indexes rebuilt, checked and copied in).
Each step is timed once (seconds: medians would take minutes at 1M lines).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_RATIO = 0.45


def ensure_shop(folder: Path, lines: int) -> Path:
    path = folder / f"demo{lines}.db"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"building a demo shop of {lines:,} lines in {path} …", flush=True)
        subprocess.run([sys.executable, "-m", "kpidesk", "demo", "--db", str(path),
                        "--lines", str(lines)], check=True, cwd=ROOT)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--shop", type=Path)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/kpidesk-bench"))
    args = parser.parse_args()

    from kpidesk.store import backup, backup_archive, backup_restore
    from kpidesk.store.db import Store

    source = args.shop or ensure_shop(args.dir, args.lines)
    work = Path(tempfile.mkdtemp(prefix="kpidesk-backup-bench-", dir=args.dir
                                 if args.dir.exists() else None))
    try:
        shop = work / "shop.kpidesk.db"
        shutil.copyfile(source, shop)
        with sqlite3.connect(shop) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            lines = conn.execute("SELECT count(*) FROM sale_lines").fetchone()[0]
        size = shop.stat().st_size
        print(f"shop file        {lines:>12,} sale lines   {size / 1e6:10.1f} MB")

        steps: list[tuple[float, float]] = []
        started = time.perf_counter()
        with Store(shop) as store:
            store.check_result()
            made = backup.make_backup(store, "manual", progress=lambda f: steps.append(
                (f, time.perf_counter())))
        total = time.perf_counter() - started
        marks = {0.1: "snapshot", 0.45: "integrity_check", 0.55: "indexes dropped, VACUUM",
                 0.9: "compressed", 0.98: "verified", 1.0: "renamed, pruned"}
        last = started
        parts = []
        for mark, name in marks.items():
            at = next((t for f, t in steps if f >= mark - 1e-9), None)
            if at is not None:
                parts.append(f"{name} {at - last:.1f} s")
                last = at
        ratio = made.size / size
        verdict = "met" if ratio <= GOAL_RATIO else "NOT met"
        print(f"backup (zip)     {total:10.1f} s   {made.size / 1e6:10.1f} MB   "
              f"{ratio:6.1%} of the shop (goal <= {GOAL_RATIO:.0%}: {verdict})")
        print("                 " + "; ".join(parts))

        plain = work / "plain.db"
        started = time.perf_counter()
        with Store(shop) as store:
            store.backup_to(plain)
        print(f"plain copy       {time.perf_counter() - started:10.1f} s   "
              f"{plain.stat().st_size / 1e6:10.1f} MB   (what a backup was before)")
        plain.unlink()

        started = time.perf_counter()
        backup_archive.verify_archive(made.path)
        print(f"verify           {time.perf_counter() - started:10.1f} s   "
              "(decompressed, SHA-256 compared)")

        started = time.perf_counter()
        result = backup_restore.restore(shop, made.path, source="cli")
        print(f"restore          {time.perf_counter() - started:10.1f} s   "
              f"({result.restored['orders']:,} orders back; the shop backed up first)")
        folder = made.path.parent
        all_size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"backups folder   {len(list(folder.iterdir()))} files, {all_size / 1e6:.1f} MB")
        print(f"machine          {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
              f"SQLite {sqlite3.sqlite_version}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
