"""The Khmer catalogue: complete, placeholders kept, glossary terms used, and
built (or compiled on the fly) into a .qm that Qt loads."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from kpidesk.i18n import language, wordbreak
from kpidesk.i18n.language import LanguageManager, compile_ts, ts_path, usable_qm
from kpidesk.i18n.pseudo import pseudo
from tools.i18n import extract, tools

TS = ts_path("km")
ENTRIES = tools.read_ts(TS)
KHMER = re.compile(r"[\u1780-\u17FF]")

# English term → the glossary's Khmer (resources/i18n/GLOSSARY.md)
GLOSSARY = {
    r"\brevenue\b": "ចំណូល",
    r"\btargets?\b": "គោលដៅ",
    r"\bsales ?(person|people)\b": "អ្នកលក់",
    r"\bopportunit(y|ies)\b": "ឱកាសលក់",
    r"\bexchange rate\b": "អត្រាប្តូរប្រាក់",
    r"\bwin rate\b": "អត្រាលក់បាន",
    r"\bretention\b": "រក្សាអតិថិជន",
    r"\bloyal\b": "ប្រចាំ",
    r"\bleads?\b": "សក្តានុពល",
    r"\bbackups?\b": "បម្រុងទុក",
    r"\breceipts?\b": "វិក្កយបត្រ",
    r"\bstages?\b": "ដំណាក់កាល",
    r"\bforecast\b": "ការព្យាករណ៍",
}
# Brand names stay in Latin letters (GLOSSARY.md): their translation is the name itself.
LATIN_NAMES = {"Facebook", "Telegram", "CSV (*.csv)", "KHQR"}  # KHQR: the national QR payment's name


def words_of(text: str) -> str:
    """A translation as a reader sees it: without the invisible word breaks."""
    return wordbreak.strip_breaks(text).replace(wordbreak.NBSP, " ")


def test_catalogue_is_not_empty():
    assert len(ENTRIES) > 100
    contexts = {e.context for e in ENTRIES}
    assert {"SettingsTab", "QPlatformTheme", "QDialogButtonBox"} & contexts


def test_no_unfinished_or_obsolete_entries():
    bad = [f"{e.context}: {e.source!r} ({e.kind or 'empty'})" for e in ENTRIES
           if e.kind in ("unfinished", "obsolete", "vanished") or not e.translation.strip()]
    assert not bad, "\n".join(bad[:30])


def test_placeholders_are_kept():
    bad = [f"{e.context}: {e.source!r} -> {e.translation!r}" for e in ENTRIES
           if tools.placeholders(e.source) != tools.placeholders(e.translation)]
    assert not bad, "\n".join(bad)


def test_no_empty_context():
    """An entry under the empty context is a tr() call lupdate could not place."""
    assert not [e.source for e in ENTRIES if not e.context]


def test_translations_are_khmer():
    """Every string that has words is translated into Khmer script, not copied."""
    copied = [f"{e.context}: {e.source!r}" for e in ENTRIES
              if re.search(r"[A-Za-z]{3,}", e.source) and not KHMER.search(e.translation)
              and e.source not in LATIN_NAMES]
    assert not copied, "\n".join(copied)


@pytest.mark.parametrize("term", sorted(GLOSSARY))
def test_glossary_terms_used_consistently(term):
    khmer = GLOSSARY[term]
    bad = [f"{e.context}: {e.source!r} -> {e.translation!r}" for e in ENTRIES
           if re.search(term, e.source, re.I) and khmer not in words_of(e.translation)]
    assert not bad, "\n".join(bad)


def test_glossary_file_lists_the_terms():
    glossary = (TS.parent / "GLOSSARY.md").read_text(encoding="utf-8")
    for khmer in GLOSSARY.values():
        assert khmer in glossary


def test_no_digits_in_translations():
    """Every number, range and example is a placeholder that format.py fills, so the
    digits follow the user's setting (Khmer or Latin). Digits inside a Latin name
    (PySide6, UTF-8) are part of the name."""
    def digits_left(text: str) -> list[str]:
        text = re.sub(r"%L?\d+|%n", "", text)
        text = re.sub(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*", "", text)
        return re.findall(r"[0-9\u17e0-\u17e9]", text)

    bad = [f"{e.context}: {e.source!r} -> {e.translation!r}" for e in ENTRIES
           if digits_left(e.translation)]
    assert not bad, "\n".join(bad)


def test_digit_check_catches_digits():
    """The check above is not blind: it sees Khmer and Latin digits, not names."""
    sample = [tools.Entry("X", "Top %1", "កំពូល ១០", ""), tools.Entry("X", "a", "ពី 0", ""),
              tools.Entry("X", "b", "Qt និង PySide6 UTF-8 %1", "")]
    found = [e.source for e in sample
             if re.findall(r"[0-9\u17e0-\u17e9]", re.sub(
                 r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*", "",
                 re.sub(r"%L?\d+|%n", "", e.translation)))]
    assert found == ["Top %1", "a"]


def test_word_breaks_are_in_every_translation():
    """Khmer lines break between words only: every translation carries its U+200B word
    breaks and its number–unit no-break spaces (`python -m tools.i18n.tools
    wordbreaks` puts them in after new strings are translated)."""
    missing = tools.word_break_changes(TS)
    assert not missing, "run `python -m tools.i18n.tools wordbreaks`:\n" + "\n".join(
        f"{c}: {s!r}" for c, s in list(missing)[:20])


def test_word_breaks_fall_between_words():
    assert wordbreak.segment("ការសម្រេចគោលដៅ") == "ការសម្រេច\u200bគោលដៅ"
    assert wordbreak.segment("ចំនួនថ្ងៃតាំងពីទិញ").split("\u200b") == \
        ["ចំនួន", "ថ្ងៃ", "តាំងពី", "ទិញ"]
    assert "\u200b" not in wordbreak.segment("ត្រីមាស")  # kept whole (the model splits it)
    assert wordbreak.segment("ហាងតូចៗ").endswith("តូចៗ")  # ៗ stays with its word
    assert wordbreak.keep_units("%1 ថ្ងៃ · ថ្ងៃទី %2") == "%1\u00a0ថ្ងៃ · ថ្ងៃទី\u00a0%2"
    once = wordbreak.prepare_translation("មកទិញ %1 ថ្ងៃ។ គម្លាតធម្មតា")
    assert wordbreak.prepare_translation(once) == once
    assert wordbreak.segment("ការ\u200bសម្រេចគោលដៅ") == "ការ\u200bសម្រេចគោលដៅ"  # by hand


def test_mnemonics_are_kept():
    """'&File' → 'ឯកសារ (&F)': Alt+letter still works in Khmer."""
    def mnemonic(text: str) -> str | None:
        m = re.search(r"&([^&\s])", text.replace("&&", ""))
        return m.group(1).lower() if m else None

    bad = [f"{e.context}: {e.source!r} -> {e.translation!r}" for e in ENTRIES
           if mnemonic(e.source) and mnemonic(e.translation) != mnemonic(e.source)]
    assert not bad, "\n".join(bad)


def test_qm_compiles_and_loads(tmp_path):
    qm = tmp_path / "km.qm"
    assert compile_ts(TS, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert words_of(translator.translate("SettingsTab", "Settings")) == "ការកំណត់"
    assert words_of(translator.translate("QPlatformTheme", "Cancel")) == "បោះបង់"


def test_missing_qm_is_compiled_on_the_fly(tmp_path, monkeypatch):
    """A fresh clone has no .qm: the language manager compiles one into the cache."""
    monkeypatch.setattr(language, "qm_path", lambda lang: tmp_path / "absent.qm")
    monkeypatch.setattr(language, "cache_dir", lambda: tmp_path / "cache")
    language.forget_resolved()
    path = usable_qm("km")
    assert path is not None and path.parent == tmp_path / "cache" and path.is_file()
    manager = LanguageManager()
    manager.set_language("km")
    try:
        assert manager.loaded_from == path
    finally:
        manager.set_language("en")
        language.forget_resolved()


def test_stale_qm_is_not_used(tmp_path, monkeypatch):
    stale = tmp_path / "stale.qm"
    assert compile_ts(TS, stale)
    old = TS.stat().st_mtime - 3600  # built before the .ts last changed
    os.utime(stale, (old, old))
    monkeypatch.setattr(language, "qm_path", lambda lang: stale)
    monkeypatch.setattr(language, "cache_dir", lambda: tmp_path / "cache")
    language.forget_resolved()
    try:
        assert usable_qm("km") != stale
    finally:
        language.forget_resolved()


def test_extractor_finds_what_lupdate_misses():
    source = '''
from PySide6.QtCore import QCoreApplication
CONTEXT = "Targets"

def tr(text):
    return QCoreApplication.translate("MainWindow", text)

def _tr(text: str) -> str:
    """doc"""
    return QCoreApplication.translate(CONTEXT, text)

class Report:
    def t(self, text):
        return self.text.translate("Report", text)

    def rows(self):
        tr = self.text.translate
        return [tr("Report", "Revenue"), self.t("Orders"), _tr("Set target"),
                tr2("not a helper")]

def menu():
    return tr("&File")
'''
    found, misread = extract.scan_source(source)
    assert ("MainWindow", "&File") in found
    assert ("Targets", "Set target") in found
    assert ("Report", "Orders") in found
    assert ("Report", "Revenue") in found
    assert misread == {("Report", "Revenue")}
    assert not any(text == "not a helper" for _c, text in found)
    module = extract.noop_module(found)
    assert 'QT_TRANSLATE_NOOP("MainWindow", "&File")' in module


def test_pseudo_text():
    assert pseudo("Sales") .startswith("[Ŝàľéś")
    assert pseudo("Delete these %1 sales?").count("%1") == 1
    assert "&F" in pseudo("&File")
    assert pseudo("<b>Bold</b>").startswith("[<b>")
    assert len(pseudo("Settings")) >= len("Settings") * 1.4


def test_tools_fill_round_trip(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="km_KH" sourcelanguage="en">\n<context>\n'
        "    <name>A</name>\n    <message>\n        <source>Save &amp; close</source>\n"
        '        <translation type="unfinished"></translation>\n    </message>\n'
        "</context>\n</TS>\n", encoding="utf-8")
    assert tools.fill(ts, {("A", "Save & close"): "រក្សាទុក & បិទ"}) == 1
    entry = tools.read_ts(ts)[0]
    assert entry.translation == "រក្សាទុក & បិទ" and entry.kind == ""
    assert tools.remove_messages(ts, lambda c, s, m: c == "A") == 1
    assert "<context>" not in ts.read_text(encoding="utf-8")


def test_build_paths_exist():
    from tools.i18n import build

    files = build.source_files()
    assert any(p.as_posix().endswith("ui/settings/tab.py") for p in files)
    assert any(p.as_posix().endswith("io/importer/sales.py") for p in files)
    assert all("__pycache__" not in p.parts for p in files)
    assert Path(build.lupdate_command()[0]).exists()


def test_segmenter_runs_from_the_packed_model_of_the_bundle(tmp_path):
    """The bundle ships khmercut's model xz-compressed and opens it in memory (build.spec):
    run that path in a fresh interpreter, as the bundle does, with khmercut's own file
    out of reach."""
    import lzma
    import subprocess
    import sys

    import khmercut

    (tmp_path / "resources" / "segmenter").mkdir(parents=True)
    (tmp_path / "resources" / "segmenter" / "khmercut.crfsuite.xz").write_bytes(
        lzma.compress(Path(khmercut.model_path).read_bytes(), preset=1))
    code = f"""
import gc, sys
import khmercut
khmercut.model_path = "/nonexistent/model.crfsuite"
sys._MEIPASS = {str(tmp_path)!r}
from kpidesk.i18n import wordbreak
first = wordbreak.segment("ការសម្រេចគោលដៅ")
gc.collect()
for _ in range(200):
    last = wordbreak.segment("ចំនួនថ្ងៃតាំងពីទិញអតិថិជនជិតបាត់បង់")
print(first.split("\\u200b"), len(last.split("\\u200b")))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "['ការសម្រេច', 'គោលដៅ']" in done.stdout
