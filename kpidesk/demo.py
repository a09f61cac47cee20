"""A demo shop: realistic sales so every chart and KPI has something to show.

Two years (by default) up to today of a phone-and-accessories shop in Phnom
Penh: weekly and yearly seasonality, the Khmer New Year dip in mid-April,
slow growth, several salespeople, USD and riel, walk-ins and named
customers who come back (or stop coming), leads, opportunities and targets.
Deterministic for a given seed. Also used to build large stores for `bench/`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import date, timedelta

from kpidesk.store import rollups
from kpidesk.store.db import Store, new_uuid
from kpidesk.store.money import convert
from kpidesk.store.setup import DEMO_SETTING

SHOP_NAME = "ហាងទូរស័ព្ទ សុខា · Sokha Phone Shop"
SALESPEOPLE = ["សុខា", "Dara", "ស្រីនាង", "Vuthy"]
CATEGORIES = {
    "ទូរស័ព្ទ Phones": [("Samsung A15", 16900), ("iPhone 13", 52900), ("Oppo A58", 17900),
                        ("Vivo Y36", 19900), ("Redmi 13C", 11900)],
    "គ្រឿងបន្លាស់ Accessories": [("Case", 500), ("Screen glass", 300), ("Charger", 900),
                                  ("Earphones", 1500), ("Power bank", 2200)],
    "សេវា Services": [("Repair", 2500), ("Screen replacement", 4500), ("Software", 800)],
    "កាត Top-up": [("Top-up card $5", 500), ("Top-up card $10", 1000)],
}
FIRST_NAMES = ["សុខ", "ចាន់", "ស្រីពៅ", "វិចិត្រ", "ធារ៉ា", "សុភា", "បូរ៉ា", "រតនា", "Sophea",
               "Kimheng", "Dara", "Lina", "Visal", "Chenda", "Rithy", "Sreyneang", "Malis",
               "Pisey", "Bunthoeun", "Kosal"]
LAST_NAMES = ["សុខ", "ចាន់", "លី", "ហេង", "Chea", "Keo", "Meas", "Ouk", "Prak", "Sok", "Tan",
              "Yim", "Heng", "Ly"]
CHANNEL_WEIGHTS = {"Shop": 0.7, "Phone": 0.08, "Facebook": 0.12, "Telegram": 0.1}
LINES_PER_ORDER = 1.6


def _season(day: date, start: date) -> float:
    weekly = (1.0, 0.85, 0.85, 0.9, 1.0, 1.3, 1.4)[day.weekday()]
    yearly = 1 + 0.18 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 15) / 365)
    if day.month == 4 and 13 <= day.day <= 17:  # Khmer New Year: the shop nearly closes
        yearly *= 0.25
    growth = 1 + 0.15 * (day - start).days / 365
    return weekly * yearly * growth


def _rate(day: date) -> int:
    return 4100 + int(20 * math.sin(day.toordinal() / 45))


def build_demo(store: Store, *, months: int = 24, lines: int | None = None,
               today: date | None = None, seed: int = 7,
               progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Fill an empty store with a demo shop; returns counts of what was made."""
    rnd = random.Random(seed)
    today = today or date.today()
    end = today
    first_month = date(today.year, today.month, 1)
    for _ in range(months - 1):
        first_month = (first_month - timedelta(days=1)).replace(day=1)
    start = first_month
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    lines = lines or 25 * len(days)
    total_orders = max(len(days), int(lines / LINES_PER_ORDER))
    weights = [_season(d, start) for d in days]
    report = progress or (lambda pct: None)

    conn = store.conn
    with store.transaction():
        store.conn.execute("UPDATE settings SET value = ? WHERE key = 'shop_name'", (SHOP_NAME,))
        # marks the file as the demo: a banner says so, and it is never opened as "my shop"
        store.conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, '1')",
                           (DEMO_SETTING,))
        sp_ids = [conn.execute("INSERT INTO salespeople(uuid, name) VALUES (?, ?)",
                               (new_uuid(), n)).lastrowid for n in SALESPEOPLE]
        products: list[tuple[int, int]] = []  # (id, price in cents)
        for category, items in CATEGORIES.items():
            cat_id = conn.execute("INSERT INTO categories(uuid, name) VALUES (?, ?)",
                                  (new_uuid(), category)).lastrowid
            for name, price in items:
                pid = conn.execute(
                    "INSERT INTO products(uuid, name, category_id) VALUES (?, ?, ?)",
                    (new_uuid(), name, cat_id)).lastrowid
                products.append((pid, price))
        product_weights = [1 / math.sqrt(price) for _, price in products]
        channels = {name: cid for cid, name in conn.execute("SELECT id, name FROM channels")}
        channel_ids = [channels[n] for n in CHANNEL_WEIGHTS]
        channel_w = list(CHANNEL_WEIGHTS.values())

        # Customers: each arrives on some day, comes back every `gap` days on average
        # for a while, then may stop (some stop recently: the at-risk list).
        n_customers = max(30, lines // 50)
        customer_orders = int(total_orders * 0.6)
        visits_each = max(2.0, customer_orders / n_customers)
        contacts: list[tuple] = []
        visits: list[tuple[date, int]] = []
        for i in range(n_customers):
            first = rnd.choices(days, weights)[0] if i % 3 else days[rnd.randrange(len(days))]
            life = rnd.expovariate(1 / 420)
            count = max(1, int(rnd.expovariate(1 / visits_each)))
            gap = max(3.0, min(life, 720) / count) if count > 1 else 0
            name = f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}"
            phone = f"0{rnd.choice([12, 15, 17, 77, 89, 92, 96])}{rnd.randrange(100000, 999999)}"
            is_lead_first = rnd.random() < 0.25
            created = first - timedelta(days=rnd.randrange(1, 25)) if is_lead_first else first
            created = max(created, start)
            cid = i + 1
            contacts.append((cid, new_uuid(), "lead" if is_lead_first else "customer", name,
                             phone, rnd.choice(list(CHANNEL_WEIGHTS)), rnd.choice(sp_ids),
                             created.isoformat()))
            day = first
            for _ in range(count):
                if day > end:
                    break
                visits.append((day, cid))
                day += timedelta(days=max(1, int(rnd.gauss(gap, gap / 3))))
        # Leads that never bought.
        for j in range(n_customers // 4):
            created = days[rnd.randrange(len(days))]
            name = f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}"
            phone = f"0{rnd.choice([12, 15, 17, 77, 89])}{rnd.randrange(100000, 999999)}"
            contacts.append((n_customers + j + 1, new_uuid(), "lead", name, phone,
                             rnd.choice(list(CHANNEL_WEIGHTS)), rnd.choice(sp_ids),
                             created.isoformat()))
        conn.executemany(
            "INSERT INTO contacts(id, uuid, kind, name, phone, source, salesperson_id, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", contacts)

        walk_ins = max(0, total_orders - len(visits))
        walk_in_days = rnd.choices(days, weights, k=walk_ins)
        all_orders = sorted([(d, None) for d in walk_in_days] + visits,
                            key=lambda o: (o[0], o[1] or 0))
        order_rows = []
        line_rows = []
        lines_left = lines
        for n, (day, contact_id) in enumerate(all_orders, start=1):
            if n % 20000 == 0:
                report(int(90 * n / len(all_orders)))
            rate = _rate(day)
            order_rows.append((n, new_uuid(), f"R{n:07d}", day.isoformat(), contact_id,
                               sp_ids[n % len(sp_ids)] if rnd.random() < 0.8 else rnd.choice(sp_ids),
                               rnd.choices(channel_ids, channel_w)[0]))
            k = 1 if rnd.random() < 0.55 else rnd.choice((2, 2, 3))
            k = max(1, min(k, lines_left - (len(all_orders) - n)))
            lines_left -= k
            refund = rnd.random() < 0.01
            for _ in range(k):
                pid, price = rnd.choices(products, product_weights)[0]
                qty = 1 if price > 5000 else rnd.choice((1, 1, 1, 2, 3))
                cents = int(price * qty * rnd.uniform(0.9, 1.0))
                if refund:
                    cents, qty = -cents, -qty
                if rnd.random() < 0.3:
                    amount, currency = int(round(cents * rate / 100, -2)), "KHR"
                else:
                    amount, currency = cents, "USD"
                usd, khr = convert(amount, currency, rate)
                line_rows.append((new_uuid(), n, pid, qty, amount, currency, rate, usd, khr))
        conn.executemany(
            "INSERT INTO orders(id, uuid, number, date, contact_id, salesperson_id, channel_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", order_rows)
        conn.executemany(
            "INSERT INTO sale_lines(uuid, order_id, product_id, quantity, amount, currency, rate,"
            " amount_usd, amount_khr) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", line_rows)
        report(92)
        rollups.rebuild_all(conn)
        report(97)
        _targets(store, sp_ids, first_month, today)
        _opportunities(store, rnd, sp_ids, contacts, start, today)
        store.mark_changed("sales", "contacts", "targets", "opportunities", "settings")
    report(100)
    return {"orders": len(order_rows), "lines": len(line_rows), "contacts": len(contacts)}


def _targets(store: Store, sp_ids: list[int], first_month: date, today: date) -> None:
    """Targets: last year's same month (or the month's own revenue) plus 10 %, split by seller."""
    monthly = dict(store.conn.execute(
        "SELECT substr(day, 1, 7), SUM(revenue_usd) FROM daily_revenue GROUP BY 1"))
    month = first_month
    rows = []
    while month <= today.replace(day=1):
        key = month.strftime("%Y-%m")
        last_year = f"{month.year - 1:04d}-{month.month:02d}"
        base = monthly.get(last_year) or monthly.get(key) or 0
        if month.year == today.year and month.month == today.month and last_year not in monthly:
            base = max(monthly.values(), default=0)
        target = int(round(base * 1.1, -4))
        if target:
            share = target // len(sp_ids)
            rows.append((new_uuid(), key, None, "revenue", target, "USD"))
            rows += [(new_uuid(), key, sp, "revenue", share, "USD") for sp in sp_ids]
            rows.append((new_uuid(), key, None, "new_customers", 40, None))
        month = (month + timedelta(days=32)).replace(day=1)
    store.conn.executemany(
        "INSERT INTO targets(uuid, period, salesperson_id, measure, value, currency)"
        " VALUES (?, ?, ?, ?, ?, ?)", rows)


def _opportunities(store: Store, rnd: random.Random, sp_ids: list[int], contacts: list[tuple],
                   start: date, today: date) -> None:
    stage_rows = store.conn.execute(
        "SELECT id, probability, kind FROM stages ORDER BY position").fetchall()
    open_stages = [s for s in stage_rows if s[2] == "open"]
    won = next(s for s in stage_rows if s[2] == "won")
    lost = next(s for s in stage_rows if s[2] == "lost")
    reasons = [r[0] for r in store.conn.execute("SELECT name FROM lost_reasons")]
    titles = ["10 phones for staff", "Office phones", "Repair contract", "Wedding gifts",
              "ទូរស័ព្ទសម្រាប់ក្រុមហ៊ុន", "Accessories for resale", "School tablets"]
    total_days = (today - start).days
    rows = []
    history = []  # each opportunity's stages as it went (the pipeline of a past date)
    next_id = int(store.scalar("SELECT IFNULL(MAX(id), 0) FROM opportunities")) + 1
    steps_rnd = random.Random(len(contacts))  # the stages on the way: rnd's draws stay as they were
    for _ in range(max(12, total_days // 4)):
        created = start + timedelta(days=rnd.randrange(total_days + 1))
        value = rnd.choice((300, 500, 800, 1200, 2000, 3500)) * 100
        expected = created + timedelta(days=rnd.randrange(10, 75))
        age = (today - created).days
        first_stage = steps_rnd.choice(open_stages[:2])
        if age > 60 or (age > 15 and rnd.random() < 0.5):
            closed = min(today, created + timedelta(days=rnd.randrange(5, 60)))
            stage = won if rnd.random() < 0.45 else lost
            status = stage[2]
            reason = rnd.choice(reasons) if status == "lost" else ""
            last_open = steps_rnd.choice(open_stages[open_stages.index(first_stage):])
        else:
            stage = rnd.choice(open_stages)
            status, closed, reason = "open", None, ""
            first_stage = min(first_stage, stage, key=open_stages.index)
            last_open = stage
        contact = rnd.choice(contacts)
        rate = _rate(created)
        usd, khr = convert(value, "USD", rate)
        opp_id = next_id
        next_id += 1
        rows.append((opp_id, new_uuid(), rnd.choice(titles), contact[0], rnd.choice(sp_ids),
                     value, "USD", rate, usd, khr, stage[0], stage[1], created.isoformat(),
                     expected.isoformat(), status, closed.isoformat() if closed else None,
                     reason))
        steps = [(created, first_stage, "open", None)]
        end = closed or today
        if last_open != first_stage and (end - created).days > 1:
            moved = created + timedelta(days=steps_rnd.randrange(1, (end - created).days))
            steps.append((moved, last_open, "open", None))
        if closed:
            steps.append((closed, stage, status, closed.isoformat()))
        elif steps[-1][1] != stage:
            steps.append((today, stage, "open", None))
        history += [(opp_id, day.isoformat(), st[0], st[1], value, "USD", usd, khr,
                     expected.isoformat(), kind, closed_day)
                    for day, st, kind, closed_day in steps]
    store.conn.executemany(
        "INSERT INTO opportunities(id, uuid, title, contact_id, owner_id, value, currency, rate,"
        " value_usd, value_khr, stage_id, probability, created, expected_close, status, closed,"
        " lost_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    store.conn.executemany(
        "INSERT INTO opportunity_history (opportunity_id, day, stage_id, probability, value,"
        " currency, value_usd, value_khr, expected_close, status, closed)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", history)
