"""Every error code the store and io raise has its own sentence in `ui/messages.py`.

The codes are read from the source (each `raise XError("code", …)` with a literal code),
so a new code without a sentence fails here, not in front of a user.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kpidesk.io import importer
from kpidesk.io.read_base import FileError
from kpidesk.store.errors import (
    BackupError,
    NotAStoreError,
    PinRequiredError,
    ValidationError,
    WriteFailedError,
)
from kpidesk.ui import messages

PLACEHOLDER = re.compile(r"%\d")  # a %1 left unfilled
PACKAGE = Path(__file__).resolve().parent.parent / "kpidesk"


def raised_codes(class_name: str, n_codes: int = 1) -> set[tuple]:
    """The literal first `n_codes` arguments of every `class_name(...)` in store/ and io/."""
    found = set()
    for path in [*(PACKAGE / "store").rglob("*.py"), *(PACKAGE / "io").rglob("*.py"),
                 PACKAGE / "shop_cli.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == class_name and len(node.args) >= n_codes:
                args = node.args[:n_codes]
                if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                    found.add(tuple(a.value for a in args))  # type: ignore[attr-defined]
    return found


def test_the_scan_finds_the_codes():
    assert ("name", "duplicate") in raised_codes("ValidationError", 2)
    assert ("disk_full",) in raised_codes("WriteFailedError")
    assert ("xls",) in raised_codes("FileError")


@pytest.mark.parametrize("field_code", sorted(raised_codes("ValidationError", 2)))
def test_every_validation_code_has_a_sentence(qapp, field_code):
    field, code = field_code
    text = messages.validation_text(ValidationError(field, code))
    fallback = messages.fmt.fill(messages.tr_input("This value was refused (%1)."), code)
    assert text and text != fallback and not PLACEHOLDER.search(text)


@pytest.mark.parametrize(("kind", "code"), [
    *[(WriteFailedError, c) for (c,) in raised_codes("WriteFailedError")],
    *[(BackupError, c) for (c,) in raised_codes("BackupError")],
    *[(NotAStoreError, c) for (c,) in raised_codes("NotAStoreError")],
])
def test_every_store_reason_has_its_own_sentence(qapp, kind, code):
    text = messages.message(kind(code), "/tmp/shop.kpidesk")
    fallback = messages.message(kind("no such reason"), "/tmp/shop.kpidesk")
    assert text and not PLACEHOLDER.search(text)
    # the catalogue's catch-all is for reasons nobody raises; each raised one is named
    assert text != fallback or code in ("io_error", "foreign", "not_sqlite")


@pytest.mark.parametrize("code", sorted(c for (c,) in raised_codes("FileError")))
def test_every_file_error_has_a_sentence(qapp, code):
    text = messages.message(FileError(code))
    assert text and text != code and not PLACEHOLDER.search(text)


@pytest.mark.parametrize("code", sorted({*importer.REASONS,
                                         *(c for (c,) in raised_codes("ParseError"))}))
def test_every_row_problem_has_words(qapp, code):
    text = messages.row_problem_text(code)
    assert text and text != code and not PLACEHOLDER.search(text)


def test_the_pin_reasons_the_store_gives(qapp):
    from kpidesk.store import security

    source = (PACKAGE / "store").rglob("*.py")
    reasons = set()
    for path in source:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "demand_owner" and len(node.args) >= 2 \
                    and isinstance(node.args[1], ast.Constant):
                reasons.add(node.args[1].value)
    assert reasons and security
    fallback = messages.message(PinRequiredError("no_such_reason"))
    for reason in reasons:
        text = messages.message(PinRequiredError(reason))
        assert text and text != fallback, reason
