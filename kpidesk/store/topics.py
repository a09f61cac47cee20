"""What a committed write changed, as the views hear it.

Every store write names the topics it touched (`Store.mark_changed`); after the commit
the store's listeners receive them as one set. Work done on another connection (an
import, the undo of an import) returns the topics it touched, and the app announces
them on its own store (`Store.announce`), so every view hears every change the same way.

`Topic` is a `StrEnum`: a member equals its name as text, so `"sales" in topics` holds.
"""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    SALES = "sales"  # orders, their lines and the rollups built from them
    CONTACTS = "contacts"
    OPPORTUNITIES = "opportunities"
    TARGETS = "targets"
    SETTINGS = "settings"  # the settings table (currency, rate, thresholds, …)
    STAGES = "stages"  # the pipeline's stages
    IMPORTS = "imports"  # the import log
    CALLS = "calls"  # call-backs to customers (store/calls.py)
    HEALTH = "health"  # data-health findings marked as right (store/health_marks.py)
    # the named lists (store/reference.py): one topic per table
    SALESPEOPLE = "salespeople"
    CATEGORIES = "categories"
    CHANNELS = "channels"
    PRODUCTS = "products"
    LOST_REASONS = "lost_reasons"


EVERYTHING: frozenset[Topic] = frozenset(Topic)
NAMED_LISTS: frozenset[Topic] = frozenset({
    Topic.SALESPEOPLE, Topic.CATEGORIES, Topic.CHANNELS, Topic.PRODUCTS, Topic.LOST_REASONS})


def of_table(table: str) -> Topic:
    """The topic of a named list's table ('products' → Topic.PRODUCTS)."""
    topic = Topic(table)
    if topic not in NAMED_LISTS:
        raise ValueError(f"not a named list: {table}")
    return topic
