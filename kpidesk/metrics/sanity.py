"""Amounts that look wrong: the ×4,000 slip (riel typed as dollars) and its kin.

Pure functions, no Qt and no store: the Sales form asks before saving such a line
(it never refuses it), and a data-health check can run the same rules over past lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

RATE_RANGE = (3000, 5000)  # riel per dollar a Cambodian shop sees
LARGE_USD = 100_000  # cents: $1,000
TIMES_USUAL = 10
RIEL_TIMES_USUAL = 50  # a dollar amount this many times the usual may be riel (KPI.md §6)
SMALL_KHR = 100  # riel: the smallest note


@dataclass(frozen=True)
class Doubt:
    """One reason a line looks wrong. `code`:

    - usd_looks_like_riel: a dollar amount of $1,000 or more that is an ordinary riel
      amount (whole hundreds, worth under $1,000 as riel) and, when the product's usual
      price is known, 50× it or more; params riel, riel_in_usd;
    - khr_looks_like_usd: a riel amount under ៛100; params usd (the number as cents);
    - above_usual: a unit price 10× or more the product's usual; params usual (cents), times;
    - rate_unusual: a rate outside 3,000–5,000 riel per dollar; params low, high.
    """

    code: str
    params: dict = field(default_factory=dict)


def to_usd_cents(amount: int, currency: str, rate: int) -> int:
    if currency == "USD":
        return amount
    return round(amount * 100 / rate) if rate > 0 else 0


def line_doubts(amount: int, currency: str, rate: int, quantity: float = 1.0,
                usual_unit_usd: int | None = None) -> list[Doubt]:
    """What looks wrong in one sale line (amount in minor units of `currency`, `rate` riel
    per dollar, `usual_unit_usd` the product's usual unit price in cents if known)."""
    doubts: list[Doubt] = []
    size = abs(amount)
    quantity = abs(quantity) or 1.0
    if not RATE_RANGE[0] <= rate <= RATE_RANGE[1]:
        doubts.append(Doubt("rate_unusual", {"low": RATE_RANGE[0], "high": RATE_RANGE[1]}))
    usual_rate = rate if RATE_RANGE[0] <= rate <= RATE_RANGE[1] else 4000
    unit_usd = to_usd_cents(size, currency, usual_rate) / quantity
    ordinary_for_product = (usual_unit_usd is not None and usual_unit_usd > 0
                            and unit_usd < RIEL_TIMES_USUAL * usual_unit_usd)
    if currency == "USD" and size >= LARGE_USD and not ordinary_for_product:
        riel = size // 100
        if size % 100 == 0 and riel % 100 == 0 and riel < 1000 * usual_rate:
            doubts.append(Doubt("usd_looks_like_riel",
                                {"riel": riel, "riel_in_usd": round(riel * 100 / usual_rate)}))
    if currency == "KHR" and 0 < size < SMALL_KHR:
        doubts.append(Doubt("khr_looks_like_usd", {"usd": size * 100}))
    if usual_unit_usd and usual_unit_usd > 0 and unit_usd >= TIMES_USUAL * usual_unit_usd:
        doubts.append(Doubt("above_usual", {"usual": usual_unit_usd,
                                            "times": int(unit_usd // usual_unit_usd)}))
    return doubts
