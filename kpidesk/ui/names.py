"""Object names: one rule for every widget, action and window.

An object name is camelCase ASCII (``saleTotal``, ``cardGrossProfit``), like Qt's own
and like most names here; `tests/test_object_names.py` fails on any other. Names built
from a key or an id go through `object_name` so they follow the rule too.
"""

from __future__ import annotations

import re

RULE = re.compile(r"^[a-z][a-zA-Z0-9]*$")
_WORD = re.compile(r"[A-Za-z0-9]+")


def object_name(*parts: str | int) -> str:
    """camelCase name from words, keys and ids: ("card", "gross_profit") → "cardGrossProfit",
    ("refund", "quantity", 3) → "refundQuantity3". Characters other than ASCII letters and
    digits separate words."""
    words = [w for part in parts for w in _WORD.findall(str(part))]
    if not words:
        raise ValueError("an object name needs at least one word")
    first, rest = words[0], words[1:]
    return first[:1].lower() + first[1:] + "".join(w[:1].upper() + w[1:] for w in rest)
