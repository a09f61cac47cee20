"""A throwaway PostgreSQL cluster for the tests (and `.ci/run`): initdb in a temp folder,
started on a free port with its socket in that folder, trust authentication, stopped and
removed at the end. Run as root it runs the server as the `postgres` user (initdb
refuses root).

    python -m tests.pg_server start   # prints the URL; KPIDESK_PG_DIR=... keeps the folder
    python -m tests.pg_server stop DIR
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


def bin_dir() -> Path | None:
    """The folder of the newest installed PostgreSQL server binaries, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name)
                   if Path(p).parent.parent.name.isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    folder: Path
    port: int
    user: str

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/postgres"

    def url_for(self, dbname: str) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{dbname}"


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.name == "posix" and os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def start() -> Cluster:
    binaries = bin_dir()
    if binaries is None:
        raise RuntimeError("no PostgreSQL server binaries (initdb) on this machine")
    folder = Path(tempfile.mkdtemp(prefix="kpidesk-pg-"))
    data = folder / "data"
    root = os.name == "posix" and os.geteuid() == 0
    if root:
        shutil.chown(folder, "postgres", "postgres")
    user = "postgres" if root else (os.environ.get("USER") or "postgres")
    subprocess.run(_as_server_user([str(binaries / "initdb"), "-D", str(data), "-U", user,
                                    "--auth=trust", "-E", "UTF8", "--no-sync"]),
                   check=True, stdout=subprocess.DEVNULL)
    port = _free_port()
    options = (f"-p {port} -k {folder} -h 127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
    subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-o", options,
                                    "-l", str(folder / "server.log"), "-w", "start"]),
                   check=True, stdout=subprocess.DEVNULL)
    return Cluster(folder, port, user)


def stop(folder: Path | str) -> None:
    folder = Path(folder)
    binaries = bin_dir()
    if binaries is not None and (folder / "data").is_dir():
        subprocess.run(_as_server_user([str(binaries / "pg_ctl"), "-D", str(folder / "data"),
                                        "-m", "immediate", "-w", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "start":
        cluster = start()
        print(cluster.folder, cluster.url)
    elif len(sys.argv) == 3 and sys.argv[1] == "stop":
        stop(sys.argv[2])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
