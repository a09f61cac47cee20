"""A TCP relay in front of the test PostgreSQL server: `cut()` makes the server
unreachable for whoever connects through it (the listening socket closed, every relayed
connection dropped, as when the server's laptop goes away), `restore()` brings it back on
the same port. The cluster itself keeps running for the other tests."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit


class TcpProxy:
    def __init__(self, target_port: int, host: str = "127.0.0.1") -> None:
        self.host = host
        self.target_port = target_port
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None
        probe = socket.socket()
        probe.bind((host, 0))
        self.port = int(probe.getsockname()[1])
        probe.close()
        self.restore()

    def url(self, user_password: str, dbname: str) -> str:
        return f"postgresql://{user_password}@{self.host}:{self.port}/{dbname}"

    def restore(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection((self.host, self.target_port))
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self) -> None:
        """Refuse new connections and drop the open ones."""
        if self._listener is not None:
            try:  # wakes the thread blocked in accept(): close() alone would not
                self._listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for s in sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def close(self) -> None:
        self.cut()


@contextmanager
def relayed_shop(pg_url: str, login: str = "kpidesk:kpidesk"
                 ) -> Iterator[tuple[str, TcpProxy]]:
    """A shop on the test cluster holding a product, a salesperson and a customer, and
    its address through a relay the test cuts and restores: (url, relay). `login` is the
    user:password of the URL (a role that must give its password: `pg_password_role`)."""
    from kpidesk.store import reference
    from kpidesk.store.db import Store

    parts = urlsplit(pg_url)
    proxy = TcpProxy(parts.port)
    url = f"postgresql://{login}@127.0.0.1:{proxy.port}{parts.path}"
    with Store(url) as store:
        reference.add_named(store, "products", "Rice 5 kg")
        reference.add_named(store, "salespeople", "Dara")
        with store.transaction() as conn:
            conn.execute("INSERT INTO contacts(uuid, kind, name, phone, created)"
                         " VALUES (?, 'customer', 'Sok Chea', '012345678', '2026-01-01')",
                         (b"\x07" * 16,))
    try:
        yield url, proxy
    finally:
        proxy.close()
