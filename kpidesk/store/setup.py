"""How far a new shop is in setting itself up (the dashboard's first-steps checklist)."""

from __future__ import annotations

from kpidesk.store.db import Store

DEMO_SETTING = "is_demo"  # "1" in a demo shop
# Written when the shop's name, reporting currency and rate are saved together (Settings).
CURRENCY_CHECKED = "currency_checked"


def first_steps(store: Store, month: str) -> dict[str, bool]:
    """Which first steps are done: the shop's name, its currency and rate looked at and
    saved, a first sale, a revenue target for `month` ('YYYY-MM')."""
    return {
        "shop_name": bool(store.setting("shop_name").strip()),
        "currency": store.setting(CURRENCY_CHECKED) == "1",
        "first_sale": bool(store.scalar("SELECT EXISTS (SELECT 1 FROM orders)")),
        "first_target": bool(store.scalar(
            "SELECT EXISTS (SELECT 1 FROM targets WHERE period = ? AND measure = 'revenue')",
            (month,))),
    }


def has_sales(store: Store) -> bool:
    return bool(store.scalar("SELECT EXISTS (SELECT 1 FROM orders)"))


def is_demo(store: Store) -> bool:
    """Whether the file is a demo shop (`kpidesk demo` or File ▸ Open the demo shop)."""
    return store.setting(DEMO_SETTING) == "1"
