"""Sentences the Sales form and table share."""

from __future__ import annotations

from kpidesk.i18n.tr import translator

tr = translator("SalesTab")


def pin_refused_text(reason: str) -> str:
    """Why a change was not saved when the owner's PIN was not given."""
    if reason == "past_day":
        return tr("Not saved: changing a sale of an earlier day needs the owner's PIN.")
    if reason == "negative":
        return tr("Not saved: refunds and amounts below zero need the owner's PIN.")
    return tr("Not saved: this needs the owner's PIN.")
