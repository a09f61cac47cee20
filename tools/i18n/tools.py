"""Reading and filling the .ts catalogue (used by build.py, the tests and translators).

``python -m tools.i18n.tools unfinished`` prints the entries still to
translate as ``context<TAB>source``; ``python -m tools.i18n.tools fill
FILE.tsv`` writes translations from ``context<TAB>source<TAB>translation``
lines (escape newlines as \\n) into the .ts and marks them finished;
``python -m tools.i18n.tools wordbreaks`` puts zero-width spaces between
the words of every Khmer translation and no-break spaces between numbers and
their units (see wordbreak.py; run it after filling, the tests check it).
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

PLACEHOLDER = re.compile(r"%L?\d+|%n")


@dataclass
class Entry:
    context: str
    source: str
    translation: str
    kind: str  # '' (finished), 'unfinished', 'obsolete', 'vanished'
    numerus: bool = False


def placeholders(text: str) -> list[str]:
    """The sorted %1/%2/%n placeholders of a string (%L1 counts as %1)."""
    return sorted(p.replace("%L", "%") for p in PLACEHOLDER.findall(text))


def read_ts(path: Path) -> list[Entry]:
    root = ET.parse(path).getroot()
    entries = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            kind = node.get("type", "") if node is not None else "unfinished"
            numerus = message.get("numerus") == "yes"
            if node is not None and numerus:
                forms = [f.text or "" for f in node.iter("numerusform")]
                text = forms[0] if forms else ""
            else:
                text = (node.text or "") if node is not None else ""
            entries.append(Entry(name, source, text, kind, numerus))
    return entries


def problems(path: Path) -> list[str]:
    """Unfinished, obsolete or empty translations and placeholder mismatches."""
    found = []
    for e in read_ts(path):
        where = f"{e.context}: {e.source!r}"
        if e.kind in ("obsolete", "vanished"):
            found.append(f"obsolete  {where}")
        elif e.kind == "unfinished" or not e.translation:
            found.append(f"unfinished  {where}")
        elif placeholders(e.source) != placeholders(e.translation):
            found.append(f"placeholders differ  {where} -> {e.translation!r}")
    return found


def summary(path: Path) -> str:
    entries = read_ts(path)
    todo = sum(1 for e in entries if e.kind == "unfinished" or not e.translation)
    return f"{path.name}: {len(entries)} strings, {todo} to translate"


def fill(path: Path, translations: dict[tuple[str, str], str]) -> int:
    """Write translations (context, source) → text into the .ts; returns how many were set.

    Edits the XML text in place (ElementTree would rewrite lupdate's layout).
    """
    text = path.read_text(encoding="utf-8")
    count = 0

    def esc(s: str) -> str:
        return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace('"', "&quot;").replace("'", "&apos;"))

    def unesc(s: str) -> str:
        return (s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                .replace("&apos;", "'").replace("&amp;", "&"))

    out: list[str] = []
    pos = 0
    for ctx_match in re.finditer(r"<context>(.*?)</context>", text, re.S):
        block = ctx_match.group(1)
        name = unesc(re.search(r"<name>(.*?)</name>", block, re.S).group(1))

        def replace_message(m: re.Match, name: str = name) -> str:
            nonlocal count
            message = m.group(0)
            src = re.search(r"<source>(.*?)</source>", message, re.S)
            if not src:
                return message
            key = (name, unesc(src.group(1)))
            if key not in translations:
                return message
            value = esc(translations[key])
            count += 1
            if 'numerus="yes"' in message:
                return re.sub(r"<translation[^>]*>.*?</translation>|<translation[^>]*/>",
                              f"<translation>\n            <numerusform>{value}</numerusform>\n"
                              f"        </translation>", message, flags=re.S)
            return re.sub(r"<translation[^>]*>.*?</translation>|<translation[^>]*/>",
                          f"<translation>{value}</translation>", message, flags=re.S)

        new_block = re.sub(r"<message[^>]*>.*?</message>", replace_message, block, flags=re.S)
        out.append(text[pos:ctx_match.start(1)])
        out.append(new_block)
        pos = ctx_match.end(1)
    out.append(text[pos:])
    path.write_text("".join(out), encoding="utf-8")
    return count


def remove_messages(path: Path, drop) -> int:
    """Delete the <message>s for which drop(context, source, comment) is true; returns how many.

    Edits the XML text in place; a context left empty is removed too.
    """
    text = path.read_text(encoding="utf-8")
    removed = 0

    def unesc(s: str) -> str:
        return (s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                .replace("&apos;", "'").replace("&amp;", "&"))

    def fix_context(m: re.Match) -> str:
        nonlocal removed
        block = m.group(0)
        name_match = re.search(r"<name>(.*?)</name>", block, re.S)
        name = unesc(name_match.group(1)) if name_match else ""

        def fix_message(mm: re.Match) -> str:
            nonlocal removed
            message = mm.group(0)
            src = re.search(r"<source>(.*?)</source>", message, re.S)
            com = re.search(r"<comment>(.*?)</comment>", message, re.S)
            source = unesc(src.group(1)) if src else ""
            comment = unesc(com.group(1)) if com else ""
            if drop(name, source, comment):
                removed += 1
                return ""
            return message

        block = re.sub(r"[ \t]*<message[^>]*>.*?</message>\n?", fix_message, block, flags=re.S)
        if "<message" not in block:
            return ""
        return block

    text = re.sub(r"<context>.*?</context>\n?", fix_context, text, flags=re.S)
    path.write_text(text, encoding="utf-8")
    return removed


# Seeded names (stages, channels) are shown as list items and may be edited into the
# shop's own names: they stay free of invisible characters.
NO_WORD_BREAKS = frozenset({"DefaultNames"})


def word_break_changes(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → the translation with word breaks, for every entry that
    `wordbreak.prepare_translation` would change."""
    from kpidesk.i18n.wordbreak import prepare_translation

    changes = {}
    for e in read_ts(path):
        if not e.translation or e.kind in ("obsolete", "vanished") or e.numerus \
                or e.context in NO_WORD_BREAKS:
            continue
        prepared = prepare_translation(e.translation)
        if prepared != e.translation:
            changes[(e.context, e.source)] = prepared
    return changes


def _escape_tsv(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def _unescape_tsv(s: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)


def main(argv: list[str]) -> int:
    from kpidesk.i18n.language import ts_path

    ts = ts_path("km")
    if argv[:1] == ["unfinished"]:
        for e in read_ts(ts):
            if e.kind == "unfinished" or not e.translation:
                print(f"{_escape_tsv(e.context)}\t{_escape_tsv(e.source)}")
        return 0
    if argv[:1] == ["fill"] and len(argv) == 2:
        table = {}
        for line in Path(argv[1]).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            ctx, src, tr = line.split("\t")
            table[(_unescape_tsv(ctx), _unescape_tsv(src))] = _unescape_tsv(tr)
        print(f"filled {fill(ts, table)} of {len(table)}")
        return 0
    if argv[:1] == ["wordbreaks"]:
        changes = word_break_changes(ts)
        print(f"word breaks put into {fill(ts, changes)} translations")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
