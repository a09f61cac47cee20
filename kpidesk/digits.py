"""Khmer digits ↔ Latin digits: the one piece of text handling every layer needs (the
store reads a PIN typed in Khmer digits; the formatting module shows and parses them).
It imports nothing of the project, so any layer may use it."""

from __future__ import annotations

KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"
TO_KHMER = str.maketrans("0123456789", KHMER_DIGITS)
TO_LATIN = str.maketrans(KHMER_DIGITS, "0123456789")


def latin_digits(text: str) -> str:
    """'១២៣' → '123' (other characters unchanged)."""
    return text.translate(TO_LATIN)
