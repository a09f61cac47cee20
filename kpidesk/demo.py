"""A demo shop: realistic sales so every chart and KPI has something to show.

Two years (by default) up to today of a phone-and-accessories shop in Phnom
Penh: weekly and yearly seasonality, the Khmer New Year dip in mid-April,
slow growth, several salespeople, USD and riel, walk-ins and named
customers who come back (or stop coming), leads, opportunities and targets.
Deterministic for a given seed. Also used to build large stores for `bench/`.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from array import array
from collections.abc import Callable
from datetime import date, timedelta

from kpidesk.store import rollups
from kpidesk.store.bulk import indexes_set_aside
from kpidesk.store.db import Store
from kpidesk.store.money import convert
from kpidesk.store.sales import write_sale_rows
from kpidesk.store.setup import DEMO_SETTING
from kpidesk.store.topics import EVERYTHING
from kpidesk.store.uuids import new_uuid, new_uuids

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
# what the shop pays for a product, as a share of its price, by category (for gross profit)
COST_SHARE = {"ទូរស័ព្ទ Phones": 0.82, "គ្រឿងបន្លាស់ Accessories": 0.45,
              "សេវា Services": 0.3, "កាត Top-up": 0.9}
# how customers pay (seeded payment methods, in their order) and when in the day
PAYMENT_WEIGHTS = (0.34, 0.2, 0.3, 0.07, 0.03, 0.04, 0.02)
HOUR_WEIGHTS = {8: 2, 9: 4, 10: 6, 11: 8, 12: 7, 13: 5, 14: 5, 15: 6, 16: 7, 17: 9, 18: 9,
                19: 6, 20: 3}


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
    """Fill an empty store with a demo shop; returns counts of what was made.

    Written day by day in batches, so memory stays bounded whatever the size (10M lines
    take under 200 MB): only each day's visiting customers (4 bytes each) are kept
    ahead. Deterministic for a given seed.
    """
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
        n, n_lines, n_contacts, sp_ids = _sales(store, rnd, days, weights, lines, total_orders,
                                                 report)
        report(80)
        rollups.rebuild_all(conn)
        report(95)
        _targets(store, sp_ids, first_month, today)
        _opportunities(store, rnd, sp_ids, range(1, n_contacts + 1), days[0], today)
        store.mark_changed(*EVERYTHING)  # every table is filled
    # pages filled in key order are left about 7/8 full (a server keeps its own pages)
    if n_lines >= COMPACT_FROM and not store.is_server:
        store.compact()
    report(100)
    return {"orders": n, "lines": n_lines, "contacts": n_contacts}


def _sales(store: Store, rnd: random.Random, days: list[date], weights: list[float],
           lines: int, total_orders: int, report: Callable[[int], None]
           ) -> tuple[int, int, int, list[int]]:
    """Salespeople, products, contacts, orders and lines (indexes made once at the end);
    returns (orders, lines, contacts, salesperson ids)."""
    conn = store.conn
    start, end = days[0], days[-1]
    day_cum = list(itertools.accumulate(weights))  # choices(days, weights) without redoing it
    with indexes_set_aside(conn):
        store.conn.execute("UPDATE settings SET value = ? WHERE key = 'shop_name'", (SHOP_NAME,))
        # marks the file as the demo: a banner says so, and it is never opened as "my shop"
        store.conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, '1')",
                           (DEMO_SETTING,))
        sp_ids = [conn.execute("INSERT INTO salespeople(uuid, name) VALUES (?, ?)",
                               (new_uuid(), n)).lastrowid for n in SALESPEOPLE]
        products: list[tuple[int, int]] = []  # (id, price in cents)
        costs: dict[int, int] = {}  # product id → unit cost in cents
        for category, items in CATEGORIES.items():
            cat_id = conn.execute("INSERT INTO categories(uuid, name) VALUES (?, ?)",
                                  (new_uuid(), category)).lastrowid
            for name, price in items:
                cost = int(round(price * COST_SHARE[category]))
                pid = conn.execute(
                    "INSERT INTO products(uuid, name, category_id, unit_price, unit_cost,"
                    " price_currency) VALUES (?, ?, ?, ?, ?, 'USD')",
                    (new_uuid(), name, cat_id, price, cost)).lastrowid
                products.append((pid, price))
                costs[pid] = cost
        # payment methods and times of day come from their own generator, so the sales
        # drawn from `rnd` stay what they were for a given seed
        extra = random.Random(len(days))
        payment_ids = [r[0] for r in conn.execute(
            "SELECT id FROM payment_methods ORDER BY position, id")][:len(PAYMENT_WEIGHTS)]
        payment_cum = list(itertools.accumulate(PAYMENT_WEIGHTS[:len(payment_ids)]))
        hours = list(HOUR_WEIGHTS)
        hour_cum = list(itertools.accumulate(HOUR_WEIGHTS.values()))
        product_cum = list(itertools.accumulate(1 / math.sqrt(price) for _, price in products))
        channels = {name: cid for cid, name in conn.execute("SELECT id, name FROM channels")}
        channel_ids = [channels[n] for n in CHANNEL_WEIGHTS]
        channel_cum = list(itertools.accumulate(CHANNEL_WEIGHTS.values()))
        insert_contacts = ("INSERT INTO contacts(id, uuid, kind, name, phone, source,"
                           " salesperson_id, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")

        # Customers: each arrives on some day, comes back every `gap` days on average
        # for a while, then may stop (some stop recently: the at-risk list). Their
        # visits are kept per day (contact ids, in the order made: ascending).
        n_customers = max(30, lines // 50)
        customer_orders = int(total_orders * 0.6)
        visits_each = max(2.0, customer_orders / n_customers)
        visits = [array("i") for _ in days]
        n_visits = 0
        batch: list[tuple] = []
        for i in range(n_customers):
            if i % 3:
                first = rnd.choices(days, cum_weights=day_cum)[0]
            else:
                first = days[rnd.randrange(len(days))]
            life = rnd.expovariate(1 / 420)
            count = max(1, int(rnd.expovariate(1 / visits_each)))
            gap = max(3.0, min(life, 720) / count) if count > 1 else 0
            name = f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}"
            phone = f"0{rnd.choice([12, 15, 17, 77, 89, 92, 96])}{rnd.randrange(100000, 999999)}"
            is_lead_first = rnd.random() < 0.25
            created = first - timedelta(days=rnd.randrange(1, 25)) if is_lead_first else first
            created = max(created, start)
            cid = i + 1
            batch.append((cid, new_uuid(), "lead" if is_lead_first else "customer", name,
                          phone, rnd.choice(list(CHANNEL_WEIGHTS)), rnd.choice(sp_ids),
                          created.isoformat()))
            day = first
            for _ in range(count):
                if day > end:
                    break
                visits[(day - start).days].append(cid)
                n_visits += 1
                day += timedelta(days=max(1, int(rnd.gauss(gap, gap / 3))))
            if len(batch) >= BATCH:
                conn.executemany(insert_contacts, batch)
                batch.clear()
        # Leads that never bought.
        n_leads = n_customers // 4
        for j in range(n_leads):
            created = days[rnd.randrange(len(days))]
            name = f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}"
            phone = f"0{rnd.choice([12, 15, 17, 77, 89])}{rnd.randrange(100000, 999999)}"
            batch.append((n_customers + j + 1, new_uuid(), "lead", name, phone,
                          rnd.choice(list(CHANNEL_WEIGHTS)), rnd.choice(sp_ids),
                          created.isoformat()))
            if len(batch) >= BATCH:
                conn.executemany(insert_contacts, batch)
                batch.clear()
        conn.executemany(insert_contacts, batch)
        batch.clear()

        # Walk-ins: how many on each day (drawn one by one as `choices` would, in slices).
        walk_ins = max(0, total_orders - n_visits)
        walk_in_count = array("i", bytes(4 * len(days)))
        index_of = {d: k for k, d in enumerate(days)}
        for done in range(0, walk_ins, BATCH):
            for d in rnd.choices(days, cum_weights=day_cum, k=min(BATCH, walk_ins - done)):
                walk_in_count[index_of[d]] += 1

        # Orders day by day: the day's walk-ins first, then its customers by id.
        n_orders = walk_ins + n_visits
        order_rows: list[tuple] = []
        line_rows: list[tuple] = []
        lines_left = lines
        n = n_lines = 0
        for k_day, day in enumerate(days):
            day_iso = day.isoformat()
            rate = _rate(day)
            for contact_id in itertools.chain(itertools.repeat(None, walk_in_count[k_day]),
                                              visits[k_day]):
                n += 1
                if n % 20000 == 0:
                    report(int(90 * n / n_orders))
                # ORDER_COLUMNS, then ORDER_DETAIL_COLUMNS (store/sales.py)
                order_rows.append([n, None, f"R{n:07d}", day_iso, contact_id,
                                   sp_ids[n % len(sp_ids)] if rnd.random() < 0.8
                                   else rnd.choice(sp_ids),
                                   channel_ids[_pick(rnd, channel_cum)], "", 0, None, None,
                                   payment_ids[_pick(extra, payment_cum)] if payment_ids
                                   else None,
                                   f"{hours[_pick(extra, hour_cum)]:02d}:"
                                   f"{extra.randrange(60):02d}"])
                k = 1 if rnd.random() < 0.55 else rnd.choice((2, 2, 3))
                k = max(1, min(k, lines_left - (n_orders - n)))
                lines_left -= k
                refund = rnd.random() < 0.01
                for position in range(1, k + 1):
                    pid, price = products[_pick(rnd, product_cum)]
                    qty = 1 if price > 5000 else rnd.choice((1, 1, 1, 2, 3))
                    cents = int(price * qty * rnd.uniform(0.9, 1.0))
                    if refund:
                        cents, qty = -cents, -qty
                    if rnd.random() < 0.3:
                        amount, currency = int(round(cents * rate / 100, -2)), "KHR"
                    else:
                        amount, currency = cents, "USD"
                    usd, khr = convert(amount, currency, rate)
                    line_rows.append((n, position, pid, qty, amount, currency, rate, usd, khr,
                                      "", *_line_details(price, costs[pid], qty, amount,
                                                     currency, rate)))
                if len(line_rows) >= BATCH:
                    n_lines += _write_orders(conn, order_rows, line_rows)
            visits[k_day] = array("i")  # that day is written: its visits are not needed
        n_lines += _write_orders(conn, order_rows, line_rows)
    return n, n_lines, n_customers + n_leads, sp_ids


BATCH = 50_000
COMPACT_FROM = 200_000  # lines from which the demo file is compacted once written


def _pick(rnd: random.Random, cum_weights: list[float]) -> int:
    """The index `rnd.choices(range(len(cum_weights)), cum_weights=…)[0]` would give, with
    the same draw from `rnd`."""
    return bisect.bisect(cum_weights, rnd.random() * cum_weights[-1], 0, len(cum_weights) - 1)


def _line_details(price: int, cost: int, qty: int, amount: int, currency: str,
                  rate: int) -> tuple:
    """(unit_price, discount, unit_cost, cost_usd, cost_khr, discount_usd, discount_khr) of a
    demo line: the list price, the discount the customer haggled (amount = quantity × unit
    price − discount), the product's cost."""
    if currency == "KHR":
        price = -(-price * rate // 10000) * 100  # the riel price, up to a 100-riel note
        cost = int(round(cost * rate / 100))
    discount = abs(qty) * price - abs(amount)
    if discount < 0:  # rounding to the riel note went above the list price
        price, discount = None, 0
    cost_usd, cost_khr = convert(qty * cost, currency, rate)
    sign = -1 if amount < 0 else 1
    disc_usd, disc_khr = convert(sign * discount, currency, rate)
    if not discount:
        return price, None, cost, cost_usd, cost_khr, None, None
    return price, discount, cost, cost_usd, cost_khr, disc_usd, disc_khr


def _write_orders(conn, order_rows: list[list], line_rows: list[tuple]) -> int:
    """Insert the batch (orders get their UUIDs here) and empty it; returns its lines."""
    for row, uid in zip(order_rows, new_uuids(len(order_rows)), strict=True):
        row[1] = uid
    write_sale_rows(conn, order_rows, line_rows, with_details=True)  # the shared write path
    written = len(line_rows)
    order_rows.clear()
    line_rows.clear()
    return written


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


def _opportunities(store: Store, rnd: random.Random, sp_ids: list[int], contact_ids: range,
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
    steps_rnd = random.Random(len(contact_ids))  # the stages on the way: rnd's draws stay as they were
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
        contact_id = rnd.choice(contact_ids)
        rate = _rate(created)
        usd, khr = convert(value, "USD", rate)
        opp_id = next_id
        next_id += 1
        rows.append((opp_id, new_uuid(), rnd.choice(titles), contact_id, rnd.choice(sp_ids),
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
