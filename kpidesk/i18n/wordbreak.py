"""Where a line of Khmer may break: a zero-width space (U+200B) between words.

Khmer writes no spaces between words, and Qt's line breaker (without a Khmer
dictionary) breaks an unspaced run that does not fit anywhere, even inside a
syllable ("ការសម្រេចគោល|ដៅ"). With a U+200B between words Qt breaks only
there. Translations carry them in the catalogue (``python -m
tools.i18n.tools wordbreaks`` puts them in); text the user typed (shop,
customer and product names) is segmented here before the report lays it out.

The segmenter is khmercut (Apache-2.0), a CRF model over Khmer character
clusters, chosen on measurement against dictionary segmenters (see README,
"Khmer word breaks"). Its model is loaded on first use: from khmercut's own
file in a source install, from the xz-compressed copy ``build.spec`` puts in
the bundle (4.3 MB instead of 17.7 MB) otherwise. Pure Python, no Qt.
"""

from __future__ import annotations

import re
import threading

ZWSP = "\u200b"
NBSP = "\u00a0"

# Khmer letters, vowels, signs and the repetition mark ៗ — what a word is made of.
# Punctuation (។ ៖ ៕), digits and the riel sign are not: lines may break around them.
_KHMER_WORD_CHARS = "\u1780-\u17d3\u17d7\u17dc\u17dd"
_CHUNK = re.compile(f"[{_KHMER_WORD_CHARS}\u200b]+")
_PLACEHOLDER = r"(?:%L?\d+|%n)"
# Units and classifiers that stay on the line of their number ("%1 ថ្ងៃ"), and the
# ordinal "ទី" that stays with the number after it ("ថ្ងៃទី %1").
UNITS = ("ថ្ងៃ", "ខែ", "ឆ្នាំ", "ដង", "នាក់", "ជួរ", "ខ្ទង់", "ទំព័រ", "វិនាទី", "សន្លឹក",
         "មុខ", "ម៉ោង", "នាទី", "ភាគរយ", "ពាន់", "លាន", "រៀល", "ដុល្លារ")
_UNIT_AFTER = re.compile(f"({_PLACEHOLDER}) (?=(?:{'|'.join(UNITS)}))")
_ORDINAL_BEFORE = re.compile(f"(ទី) (?={_PLACEHOLDER})")

# Words the segmenter cuts in two (found by reading its output on the catalogue):
# a break is never put inside them.
KEEP_WHOLE = ("ថាស", "ត្រីមាស", "ឯកតា", "ទសភាគ", "អ៊ិនកូដ", "ផលបូក", "លំនាំដើម",
              "កាលកំណត់", "គូប្រជែង", "ម៉ាស៊ីន")

_lock = threading.Lock()
_tagger_ready = False
_model_bytes: bytes | None = None  # open_inmemory reads this buffer for the tagger's life
PACKED_MODEL = ("segmenter", "khmercut.crfsuite.xz")


def _load_tagger() -> None:
    """khmercut's CRF tagger: its own model file when there is one (a source install),
    else the compressed copy shipped in the bundle, opened in memory."""
    global _tagger_ready, _model_bytes
    with _lock:
        if _tagger_ready:
            return
        import os

        import khmercut

        if khmercut.tagger is None and not os.path.isfile(khmercut.model_path):
            import lzma

            from pycrfsuite import Tagger

            from kpidesk.paths import resource_path

            _model_bytes = lzma.decompress(resource_path(*PACKED_MODEL).read_bytes())
            tagger = Tagger()
            tagger.open_inmemory(_model_bytes)  # keeps a pointer into the bytes, no copy
            khmercut.tagger = tagger
        khmercut.load()
        _tagger_ready = True


def preload() -> None:
    """Open the model now (thread-safe), so a later segment() on the GUI thread is fast."""
    _load_tagger()


def words(run: str) -> list[str]:
    """The words of one unspaced Khmer run."""
    if len(run) < 2:
        return [run] if run else []
    _load_tagger()
    import khmercut

    tokens = [w for w in khmercut.tokenize(run) if w]
    # boundaries as offsets, less those inside a word kept whole or before ៗ
    cuts, at = set(), 0
    for token in tokens[:-1]:
        at += len(token)
        cuts.add(at)
    for word in KEEP_WHOLE:
        start = run.find(word)
        while start >= 0:
            cuts -= set(range(start + 1, start + len(word)))
            start = run.find(word, start + 1)
    cuts = {c for c in cuts if run[c] != "ៗ"}
    bounds = [0, *sorted(cuts), len(run)]
    return [run[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def segment(text: str) -> str:
    """`text` with U+200B between the words of each Khmer run that has none yet (a run
    that already has one was segmented by hand or before: it is left alone)."""
    if not text:
        return text

    def one(match: re.Match) -> str:
        chunk = match.group(0)
        if ZWSP in chunk:
            return chunk
        return ZWSP.join(words(chunk))

    return _CHUNK.sub(one, text)


def keep_units(text: str) -> str:
    """A no-break space between a number placeholder and its unit ("%1 ថ្ងៃ"), and
    between the ordinal ទី and its number."""
    text = _UNIT_AFTER.sub(lambda m: m.group(1) + NBSP, text)
    return _ORDINAL_BEFORE.sub(lambda m: m.group(1) + NBSP, text)


def prepare_translation(text: str) -> str:
    """What the catalogue should hold for a Khmer translation: word breaks and
    no-break spaces in (idempotent: applying it twice changes nothing)."""
    return keep_units(segment(text))


def strip_breaks(text: str) -> str:
    """`text` without the zero-width spaces (to compare words, or copy text out)."""
    return text.replace(ZWSP, "")
