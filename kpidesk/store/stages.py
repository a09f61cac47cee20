"""Opportunity stages as Settings edits them: name, default probability, order.

The 'won' and 'lost' stages (``kind``) always exist and stay last; only
'open' stages are added or removed. A stage that opportunities use cannot
be removed. Changing a stage's default probability does not rewrite the
probability already stored on opportunities.
"""

from __future__ import annotations

from kpidesk.store import history, security
from kpidesk.store.db import Store, inserted_id
from kpidesk.store.errors import ValidationError
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import new_uuid


def list_stages(store: Store) -> list[dict]:
    return [dict(r) for r in store.query(
        "SELECT id, name, probability, position, kind FROM stages ORDER BY position, id")]


def _check_probability(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError("probability", "not_a_number", value=value)
    if not 0 <= value <= 100:
        raise ValidationError("probability", "bad_probability", value=value)
    return value


def _check_name(store: Store, name: str, stage_id: int | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", "required")
    other = store.scalar("SELECT id FROM stages WHERE name = ? COLLATE NOCASE", (name,))
    if other is not None and other != stage_id:
        raise ValidationError("name", "duplicate", name=name)
    return name


def _renumber(store: Store, ordered_ids: list[int]) -> None:
    for position, stage_id in enumerate(ordered_ids, start=1):
        store.conn.execute("UPDATE stages SET position = ? WHERE id = ?", (position, stage_id))


def _ordered(store: Store) -> list[dict]:
    """Open stages in their order, then won, then lost."""
    rows = list_stages(store)
    rank = {"open": 0, "won": 1, "lost": 2}
    return sorted(rows, key=lambda r: (rank.get(r["kind"], 0), r["position"], r["id"]))


def update_stage(store: Store, stage_id: int, *, name: str | None = None,
                 probability: int | None = None, position: int | None = None) -> None:
    """Change a stage; `position` is 1-based among the open stages (won/lost stay last)."""
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        row = store.query("SELECT * FROM stages WHERE id = ?", (stage_id,))
        if not row:
            raise ValidationError("stage", "not_found", id=stage_id)
        changes = {k: v for k, v in (("name", name), ("probability", probability),
                                     ("position", position)) if v is not None}
        history.note(store, "setting", f"stages {stage_id}",
                     {"name": row[0]["name"], **{k: row[0][k] for k in changes if k != "name"}},
                     {"name": row[0]["name"], **changes})
        if name is not None:
            conn.execute("UPDATE stages SET name = ? WHERE id = ?",
                         (_check_name(store, name, stage_id), stage_id))
        if probability is not None:
            conn.execute("UPDATE stages SET probability = ? WHERE id = ?",
                         (_check_probability(probability), stage_id))
        if position is not None:
            if row[0]["kind"] != "open":
                raise ValidationError("position", "fixed_stage")
            ordered = _ordered(store)
            open_ids = [r["id"] for r in ordered if r["kind"] == "open"]
            closed_ids = [r["id"] for r in ordered if r["kind"] != "open"]
            if not isinstance(position, int) or not 1 <= position <= len(open_ids):
                raise ValidationError("position", "bad_position", value=position)
            open_ids.remove(stage_id)
            open_ids.insert(position - 1, stage_id)
            _renumber(store, open_ids + closed_ids)
        store.mark_changed(Topic.STAGES, Topic.OPPORTUNITIES)


def add_stage(store: Store, name: str, probability: int) -> int:
    """A new open stage, placed after the other open stages (before won/lost)."""
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        name = _check_name(store, name)
        probability = _check_probability(probability)
        cur = conn.execute(
            "INSERT INTO stages(uuid, name, probability, position, kind)"
            " VALUES (?, ?, ?, 0, 'open')", (new_uuid(), name, probability))
        new_id = inserted_id(cur)
        ordered = [r["id"] for r in _ordered(store) if r["id"] != new_id]
        open_count = sum(1 for r in _ordered(store) if r["kind"] == "open" and r["id"] != new_id)
        ordered.insert(open_count, new_id)
        _renumber(store, ordered)
        history.note(store, "setting", f"stages {new_id}", None,
                     {"name": name, "probability": probability})
        store.mark_changed(Topic.STAGES, Topic.OPPORTUNITIES)
        return new_id


def remove_stage(store: Store, stage_id: int) -> None:
    """Remove an open stage no opportunity uses; won/lost and the last open stage stay."""
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        kind = store.scalar("SELECT kind FROM stages WHERE id = ?", (stage_id,))
        if kind is None:
            raise ValidationError("stage", "not_found", id=stage_id)
        if kind != "open":
            raise ValidationError("stage", "fixed_stage")
        if store.scalar("SELECT count(*) FROM stages WHERE kind = 'open'") <= 1:
            raise ValidationError("stage", "last_open_stage")
        if conn.execute("SELECT 1 FROM opportunities WHERE stage_id = ? LIMIT 1",
                        (stage_id,)).fetchone():
            raise ValidationError("stage", "in_use")
        history.note(store, "setting", f"stages {stage_id}",
                     {"name": store.scalar("SELECT name FROM stages WHERE id = ?", (stage_id,))},
                     None)
        conn.execute("DELETE FROM stages WHERE id = ?", (stage_id,))
        _renumber(store, [r["id"] for r in _ordered(store)])
        store.mark_changed(Topic.STAGES, Topic.OPPORTUNITIES)
