"""What pyside6-lupdate misses in our Python, found with the ast module.

lupdate understands ``self.tr("…")``, ``QCoreApplication.translate("Ctx",
"…")`` and ``QT_TRANSLATE_NOOP``. It does not understand two patterns the
code base uses on purpose:

1. a translator of one context (`kpidesk/i18n/tr.py`), or a method that is one::

       tr = translator("MainWindow")       # any name: tr, _tr, t
       ... tr("&File") ...
       def t(self, text):                  # the report's own translator
           return self.text.translate("Report", text)

   lupdate files ``tr("&File")`` under the *empty* context (or not at all
   for ``_tr``/``t``), while Qt asks for "MainWindow" at run time;

2. an alias of a translate method called with two literals::

       tr = self.text.translate
       tr("Report", "Revenue")

   lupdate reads this as source "Report" with the comment "Revenue".

`extra_strings()` returns the (context, text) pairs these calls really
ask for; build.py hands them to lupdate as QT_TRANSLATE_NOOP lines and
removes lupdate's misreadings (`misread_entries()`) from the .ts.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

_CONSTANTS: dict[str, str] = {}  # module-level NAME = "text" of the file being scanned


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name) and node.id in _CONSTANTS:  # CONTEXT = "Targets"
        return _CONSTANTS[node.id]
    if isinstance(node, ast.JoinedStr):
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "a" "b" split over lines
        left, right = _literal(node.left), _literal(node.right)
        return left + right if left is not None and right is not None else None
    return None


def _is_translate(func: ast.AST) -> bool:
    return (isinstance(func, ast.Attribute) and func.attr == "translate") or (
        isinstance(func, ast.Name) and func.id == "translate")


def _is_translator(value: ast.AST) -> bool:
    """``translator("Ctx")``: a translate function of one context (kpidesk/i18n/tr.py)."""
    return (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
            and value.func.id == "translator" and len(value.args) == 1)


def _helper_context(fn: ast.FunctionDef) -> str | None:
    """The context of ``def h(text): return <x>.translate("Ctx", text)``, else None."""
    params = [a.arg for a in fn.args.args if a.arg not in ("self", "cls")]
    if not params:
        return None
    body = [s for s in fn.body
            if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    if not isinstance(call, ast.Call) or not _is_translate(call.func) or len(call.args) < 2:
        return None
    context = _literal(call.args[0])
    text = call.args[1]
    if context is None or not (isinstance(text, ast.Name) and text.id == params[0]):
        return None
    return context


def _callee_name(func: ast.AST) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
            and func.value.id in ("self", "cls"):
        return func.attr
    return None


def scan_source(source: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(found, misread): (context, text) pairs asked for, and (source, comment) lupdate misreads."""
    tree = ast.parse(source)
    _CONSTANTS.clear()
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Constant) \
                and isinstance(stmt.value.value, str):
            for target in stmt.targets:
                if isinstance(target, ast.Name):
                    _CONSTANTS[target.id] = stmt.value.value
    helpers: dict[str, str] = {}
    aliases: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            context = _helper_context(node)
            if context is not None:
                helpers[node.name] = context
        elif isinstance(node, ast.Assign) and _is_translator(node.value):
            context = _literal(node.value.args[0])  # type: ignore[attr-defined]
            for target in node.targets:
                if isinstance(target, ast.Name) and context is not None:
                    helpers[target.id] = context
        elif isinstance(node, ast.Assign) and _is_translate(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    aliases.add(target.id)
    found: set[tuple[str, str]] = set()
    misread: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _callee_name(node.func)
        if name in aliases and len(node.args) >= 2:
            context, text = _literal(node.args[0]), _literal(node.args[1])
            if context is not None and text:
                found.add((context, text))
                if name == "tr":
                    misread.add((context, text))
                continue
        if name in helpers:
            text = _literal(node.args[0])
            if text:
                found.add((helpers[name], text))
    return found, misread


def scan(files: list[Path]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    found: set[tuple[str, str]] = set()
    misread: set[tuple[str, str]] = set()
    for path in files:
        try:
            f, m = scan_source(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        found |= f
        misread |= m
    return found, misread


def noop_module(pairs: set[tuple[str, str]]) -> str:
    """Python source lupdate reads: one QT_TRANSLATE_NOOP per pair."""
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", "", "STRINGS = ("]
    for context, text in sorted(pairs):
        lines.append(f"    QT_TRANSLATE_NOOP({json.dumps(context, ensure_ascii=False)}, "
                     f"{json.dumps(text, ensure_ascii=False)}),")
    lines.append(")")
    return "\n".join(lines) + "\n"
