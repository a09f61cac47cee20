"""The copy of a shared shop kept on each laptop (store/known_copy.py), refreshed at each
connection: how long one refresh takes for a shop on a server you run.

    .venv/bin/python bench/known_copy.py --pg-url postgresql://user@host/db [--runs 3]

Prints, in milliseconds, each refresh from a connection of its own (as the app's worker
makes it, off the UI thread): the first into an empty folder (every row copied) and the
next ones with nothing changed on the server; then the size of the copy and the number
of contacts. The shop's contacts dominate: the 10M-line demo has 250,000.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg-url", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from kpidesk.store import known_copy
    from kpidesk.store.db import Store

    with tempfile.TemporaryDirectory(prefix="kpidesk-known-") as folder:
        with Store(args.pg_url) as store:
            contacts = store.scalar("SELECT count(*) FROM contacts")
        for run in range(args.runs):
            with Store(args.pg_url) as store:
                started, cpu = time.perf_counter(), time.process_time()
                path = known_copy.refresh(store, folder)
            wall = (time.perf_counter() - started) * 1000
            cpu = (time.process_time() - cpu) * 1000
            kind = "first (empty folder)" if run == 0 else "again, nothing changed"
            print(f"refresh {run + 1} {kind}: {wall:,.0f} ms wall, {cpu:,.0f} ms CPU")
        size = Path(path).stat().st_size / 1e6
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"contacts on the server: {contacts:,}; copy {size:.1f} MB; peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
