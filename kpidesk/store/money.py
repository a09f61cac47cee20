"""Money arithmetic in integer minor units (US cents, whole riel). No floats.

Conversion between currencies uses the sale's own rate (riel per dollar) and
rounds half to even to the minor unit, as KPI.md requires.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

CURRENCIES = ("USD", "KHR")
MINOR_DIGITS = {"USD": 2, "KHR": 0}


def div_half_even(numerator: int, denominator: int) -> int:
    """Integer division rounding half to even, exact for any size of int."""
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    quotient, remainder = divmod(numerator, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and quotient % 2 == 1):
        quotient += 1
    return quotient


def convert(amount: int, currency: str, rate: int) -> tuple[int, int]:
    """(cents, riel) of `amount` minor units of `currency` at `rate` riel per dollar."""
    if rate <= 0:
        raise ValueError("rate must be positive")
    if currency == "USD":
        return amount, div_half_even(amount * rate, 100)
    if currency == "KHR":
        return div_half_even(amount * 100, rate), amount
    raise ValueError(f"unknown currency {currency!r}")


def to_minor(value: Decimal | str | int, currency: str) -> int:
    """Major units (e.g. Decimal('12.34') dollars) → minor units, half to even."""
    try:
        dec = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc
    if not dec.is_finite():
        raise ValueError(f"not a number: {value!r}")
    scaled = dec.scaleb(MINOR_DIGITS[currency]).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    return int(scaled)


def to_major(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-MINOR_DIGITS[currency])


def in_currency(usd: int, khr: int, currency: str) -> int:
    return usd if currency == "USD" else khr
