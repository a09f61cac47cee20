"""`kpi --json` of a fixed demo shop, byte for byte.

The JSON keys are a public interface: retyping what the metrics return (TypedDicts,
dataclasses) or changing how the demo writes its rows must not move a byte of it. The
expected text lives in tests/data/kpi-pinned/*.json; a deliberate change to a figure or
a new key is re-pinned with `KPIDESK_REPIN=1 pytest tests/test_kpi_json_pinned.py` and
the diff reviewed in the commit.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kpidesk.cli import main

TODAY = "2026-11-26"
PINNED = Path(__file__).parent / "data" / "kpi-pinned"
CASES = {
    "month-in-progress": ["--month", "2026-11"],
    "complete-month": ["--month", "2026-10"],
    "quarter": ["--period", "2026-Q3"],
    "year-in-riel": ["--period", "2025", "--currency", "KHR"],
}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def pinned_shop(request, tmp_path_factory):
    """The fixed demo shop made by `demo --db`: a shop file, or a database on the test
    cluster. Both give the same bytes: the pinned text is one for both stores."""
    if request.param == "postgresql":
        from tests.conftest import new_database_url

        location: Path | str = new_database_url(request.getfixturevalue("pg_cluster"),
                                                "kpi_pinned_demo")
    else:
        location = tmp_path_factory.mktemp("pinned") / "shop.db"
    assert main(["demo", "--db", str(location), "--lines", "2500", "--seed", "5",
                 "--today", TODAY]) == 0
    yield location
    if request.param == "postgresql":
        from tests.conftest import drop_database

        drop_database(request.getfixturevalue("pg_cluster"), "kpi_pinned_demo")


@pytest.mark.parametrize("case", sorted(CASES))
def test_kpi_json_of_the_fixed_demo_shop_is_byte_identical(case, pinned_shop, capsys):
    capsys.readouterr()
    assert main(["kpi", "--db", str(pinned_shop), "--json", "--today", TODAY,
                 *CASES[case]]) == 0
    produced = capsys.readouterr().out
    expected_file = PINNED / f"{case}.json"
    if os.environ.get("KPIDESK_REPIN") == "1" and not str(pinned_shop).startswith("postgres"):
        PINNED.mkdir(parents=True, exist_ok=True)
        expected_file.write_text(produced, encoding="utf-8")
    assert produced == expected_file.read_text(encoding="utf-8")
