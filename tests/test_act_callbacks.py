"""Call-backs (KPI.md §4b): calls in the store, the call-back list, the calls due today,
the win-back figures against values computed here from the raw rows, import and export."""

from __future__ import annotations

import csv
import statistics
from datetime import date, timedelta
from pathlib import Path

import pytest

from kpidesk.cli import main
from kpidesk.metrics import callbacks, winback
from kpidesk.metrics.kpis import all_kpis
from kpidesk.store import calls
from kpidesk.store.calls import CallInput
from kpidesk.store.contacts import ContactInput, add_contact
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.store.reference import add_named
from kpidesk.store.sales import LineInput, OrderInput, add_order

TODAY = date(2026, 12, 20)

# customer: purchase days and amounts (cents); negative = refund
PURCHASES = {
    "A": [("2026-06-01", 2000), ("2026-06-15", 2000), ("2026-07-01", 2000),
          ("2026-11-20", 5000), ("2026-12-10", 3000)],  # back 15 days after the call
    "B": [("2026-05-01", 9000), ("2026-06-01", 9000)],  # called, never back
    "C": [("2026-10-20", 1000), ("2026-10-25", 1000)],  # called but not at risk
    "D": [("2026-03-01", 4000), ("2026-04-01", 4000), ("2026-11-10", 4000),
          ("2026-11-15", -1000)],  # back on the day of the call, then a refund
    "E": [("2026-02-01", 3000), ("2026-03-01", 3000)],  # called in October only
}
# customer, date, outcome, salesperson (None: the customer's own)
CALLS = [
    ("A", "2026-11-05", "promised", "S1"),
    ("B", "2026-11-03", "no_answer", "S1"),
    ("C", "2026-11-01", "reached", "S1"),
    ("D", "2026-11-10", "reached", None),
    ("D", "2026-11-12", "reached", None),
    ("E", "2026-10-30", "not_interested", "S1"),
]


@pytest.fixture
def shop(store: Store) -> Store:
    s1 = add_named(store, "salespeople", "S1")
    s2 = add_named(store, "salespeople", "S2")
    store.people = {"S1": s1, "S2": s2}
    store.ids = {}
    for name, rows in PURCHASES.items():
        cid = add_contact(store, ContactInput(name=name, created="2026-01-01",
                                              phone=f"01{ord(name):06d}",
                                              salesperson_id=s2 if name == "D" else None))
        store.ids[name] = cid
        for day, amount in rows:
            add_order(store, OrderInput(date=day, contact_id=cid,
                                        lines=[LineInput(amount=amount,
                                                         quantity=1 if amount > 0 else -1)]))
    for name, day, outcome, who in CALLS:
        calls.add_call(store, CallInput(store.ids[name], day, outcome,
                                        salesperson_id=store.people[who] if who else None))
    return store


def _at_risk_on(purchases: list[tuple[str, int]], d: date) -> bool:
    """KPI.md §5 from the raw rows: purchase days (non-refunds) before d."""
    days = sorted({date.fromisoformat(x) for x, amount in purchases
                   if amount > 0 and date.fromisoformat(x) <= d})
    if len(days) < 2:
        return False
    gaps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    since = (d - days[-1]).days
    return max(2 * statistics.median(gaps), 30) < since < 365


def expected(period_first: str, period_last: str, today: date) -> dict:
    """The win-back figures of KPI.md §4b computed from PURCHASES and CALLS."""
    counted: dict[str, tuple[str, str | None]] = {}
    for name, day, _outcome, who in sorted(CALLS, key=lambda c: c[1]):
        if not period_first <= day <= period_last or name in counted:
            continue
        d = date.fromisoformat(day)
        # at risk that morning: on the day before (purchases up to it) or on the day
        if _at_risk_on(PURCHASES[name], d - timedelta(days=1)) or _at_risk_on(PURCHASES[name], d):
            counted[name] = (day, who or ("S2" if name == "D" else None))
    won, revenue, per_person = 0, 0, {}
    for name, (day, who) in counted.items():
        d = date.fromisoformat(day)
        end = min(d + timedelta(days=30), today)
        window = [a for x, a in PURCHASES[name] if d <= date.fromisoformat(x) <= end]
        came = any(a > 0 for a in window)
        won += came
        revenue += sum(window) if came else 0
        row = per_person.setdefault(who, [0, 0, 0])
        row[0] += 1
        row[1] += came
        row[2] += sum(window) if came else 0
    return {"called": len(counted), "won": won, "revenue": revenue, "people": per_person}


def test_winback_against_the_raw_rows(shop: Store):
    want = expected("2026-11-01", "2026-11-30", TODAY)
    assert want == {"called": 3, "won": 2, "revenue": 5000 + 3000,
                    "people": {"S1": [2, 1, 5000], "S2": [1, 1, 3000]}}  # the data says so
    w = winback.winback(shop, "2026-11", TODAY)
    assert (w.called, w.won_back, w.recovered_revenue) == (want["called"], want["won"],
                                                           want["revenue"])
    assert w.winback_rate == pytest.approx(want["won"] / want["called"])
    assert not w.provisional  # every call of November has its 30 days by Dec 20
    got = {r.name: [r.called, r.won_back, r.recovered_revenue] for r in w.by_salesperson}
    assert got == want["people"]
    k = all_kpis(shop, "2026-11", TODAY)
    assert k["winback_rate"] == pytest.approx(2 / 3)
    assert k["recovered_revenue"] == 8000
    assert {r["name"]: r["won_back"] for r in k["winback_by_salesperson"]} == {"S1": 1, "S2": 1}


def test_winback_in_progress_is_provisional_and_counts_up_to_today(shop: Store):
    early = date(2026, 11, 25)  # A's purchase of Nov 20 is in; the 30 days are not over
    w = winback.winback(shop, "2026-11", early)
    want = expected("2026-11-01", "2026-11-25", early)
    assert (w.called, w.won_back, w.recovered_revenue) == (want["called"], want["won"],
                                                           want["revenue"])
    assert w.provisional
    nobody = winback.winback(shop, "2026-09", TODAY)
    assert nobody.called == 0 and nobody.winback_rate is None
    assert all_kpis(shop, "2026-09", TODAY)["recovered_revenue"] is None


def test_call_list_hides_those_not_to_call_again_and_shows_the_last_call(shop: Store):
    day = date(2026, 11, 2)
    names = {r.name: r for r in callbacks.call_list(shop, day)}
    assert "E" not in names  # "not interested" on Oct 30, after the last purchase
    assert {"A", "B", "D"} <= set(names)
    assert names["A"].last_call is None  # A's call is on Nov 5, after `day`
    later = {r.name: r for r in callbacks.call_list(shop, date(2026, 11, 6))}
    assert later["A"].last_call.outcome == "promised"
    calls.add_call(shop, CallInput(shop.ids["B"], "2026-11-06", "wrong_number"))
    assert "B" not in {r.name for r in callbacks.call_list(shop, date(2026, 11, 7))}


def test_due_today_follow_ups_then_uncalled(shop: Store):
    calls.add_call(shop, CallInput(shop.ids["B"], "2026-11-06", "no_answer",
                                   follow_up="2026-11-09", salesperson_id=shop.people["S1"]))
    due = callbacks.due_today(shop, date(2026, 11, 9))
    assert due[0].name == "B" and due[0].reason == "follow_up"
    assert all(d.name != "A" for d in due)  # called on Nov 5, no follow-up asked
    mine = callbacks.due_today(shop, date(2026, 11, 9), salesperson_id=shop.people["S2"])
    # D is S2's customer, at risk on Nov 9 and not called since its last purchase
    assert [(d.name, d.reason) for d in mine] == [("D", "at_risk")]
    # after its call (Nov 10) and purchase D is off the list
    assert callbacks.due_today(shop, date(2026, 11, 11), salesperson_id=shop.people["S2"]) == []


def test_call_validation(shop: Store):
    with pytest.raises(ValidationError) as err:
        calls.add_call(shop, CallInput(shop.ids["A"], "2026-11-05", "maybe"))
    assert err.value.code == "bad_outcome"
    with pytest.raises(ValidationError) as err:
        calls.add_call(shop, CallInput(shop.ids["A"], "2026-11-05", "reached",
                                       follow_up="2026-11-01"))
    assert err.value.code == "before_call"
    with pytest.raises(ValidationError) as err:
        calls.add_call(shop, CallInput(99999, "2026-11-05", "reached"))
    assert err.value.code == "not_found"


def test_delete_and_restore_a_call(shop: Store):
    call_id = calls.calls_of(shop, shop.ids["A"])[0].id
    snapshot = calls.delete_call(shop, call_id)
    assert calls.calls_of(shop, shop.ids["A"]) == []
    calls.restore_call(shop, snapshot)
    assert calls.calls_of(shop, shop.ids["A"])[0].outcome == "promised"


def test_import_and_export_calls_cli(shop: Store, tmp_path: Path, capsys):
    path = shop.location
    shop.close()
    good = tmp_path / "calls.csv"
    good.write_text("date,customer,outcome,note,follow_up\n"
                    "2026-12-01,A,reached,asked about a case,2026-12-05\n"
                    "02/12/2026,b,មិនលើក,,\n"
                    "2026-12-03,C,promised to come,,\n", encoding="utf-8")
    assert main(["import", "calls", str(good), "--db", str(path)]) == 0
    assert "3 call(s) imported" in capsys.readouterr().out
    assert main(["import", "calls", str(good), "--db", str(path)]) == 0  # nothing twice
    assert "0 call(s) imported" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("date,customer,outcome,note,follow_up\n"
                   "2026-12-04,A,reached,,\n"
                   "2026-12-04,Nobody,reached,,\n"
                   "2026-13-04,A,maybe,,\n", encoding="utf-8")
    assert main(["import", "calls", str(bad), "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "line 3" in err and "no contact" in err and "not a date" in err
    out = tmp_path / "out.csv"
    assert main(["export", "calls", "--db", str(path), "--out", str(out)]) == 0
    with open(out, encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(CALLS) + 3  # the bad file added nothing
    assert {"date", "customer", "outcome", "note", "follow_up"} <= set(rows[0])
    added = [r for r in rows if r["date"] == "2026-12-02"]
    assert added[0]["customer"] == "B" and added[0]["outcome"] == "no_answer"
    with Store(path) as again:
        assert calls.count_calls(again) == len(CALLS) + 3


def test_a_merge_takes_the_calls_along_and_its_undo_gives_them_back(shop: Store):
    from kpidesk.store.contacts import merge_contacts, unmerge_contacts

    a, b = shop.ids["A"], shop.ids["B"]
    snapshot = merge_contacts(shop, a, b)
    assert {c.outcome for c in calls.calls_of(shop, a)} == {"promised", "no_answer"}
    unmerge_contacts(shop, snapshot)
    assert [c.outcome for c in calls.calls_of(shop, b)] == ["no_answer"]
    assert [c.outcome for c in calls.calls_of(shop, a)] == ["promised"]
