"""What a sync answers: its refusals (SyncError), the counts per record kind (SyncResult)
and the progress callback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kpidesk.store.errors import StoreError


class SyncError(StoreError):
    """A sync refused before anything changed. Codes: no_branch_name, same_branch,
    same_shop, other_file (`branch`, `file` name the file that brought the name in first),
    cancelled; unknown_branch (`branch`, `known`) for a branch's figures."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"sync: {code} {params or ''}".strip())
        self.code = code
        self.params = params


# Record kinds in the order they are brought in, with their table.
KINDS = ("contacts", "orders", "opportunities", "calls", "targets")

@dataclass
class KindCounts:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    kept: int = 0  # deleted in the branch but still used by another branch's rows here

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.deleted)


@dataclass
class SyncResult:
    branch: str
    counts: dict[str, KindCounts] = field(default_factory=lambda: {k: KindCounts() for k in KINDS})
    names_added: int = 0

    @property
    def changed(self) -> bool:
        return self.names_added > 0 or any(c.changed for c in self.counts.values())

    def as_json(self) -> dict:
        return {"branch": self.branch, "names_added": self.names_added,
                **{kind: {"added": c.added, "updated": c.updated, "deleted": c.deleted,
                          "kept": c.kept} for kind, c in self.counts.items()}}


Progress = Callable[[float], None]
