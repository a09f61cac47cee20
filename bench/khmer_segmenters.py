"""Khmer word segmenters measured on names a shop types (the choice of khmercut).

    python bench/khmer_segmenters.py [khmercut] [khmerthings] [viterbi] [kpidesk]

For each candidate that is installed: how many breaks it puts inside a word of 44
product, shop and customer names segmented by hand ("|" between words, "¦" between
the parts of a compound, where a break is fine too), how many of the required word
breaks it finds, its load time and its time per name. "kpidesk" is khmercut with the
words kpidesk.i18n.wordbreak keeps whole. Only khmercut is a dependency: install the
others in a throw-away environment to compare (pip install khmerthings
khmer-viterbi-segmenter).
"""

from __future__ import annotations

import sys
import time

NAMES = """
ស្រោម|ទូរស័ព្ទ|ស៊ីលីកូន
កញ្ចក់|ការពារ|អេក្រង់
ឆ្នាំង¦សាក|ថ្ម
ខ្សែ|សាក|ទូរស័ព្ទ
កាស|ឥត¦ខ្សែ
កាត|បញ្ចូល|លុយ
ជួស¦ជុល|អេក្រង់
ប្ដូរ|ថ្ម|ទូរស័ព្ទ
ទឹក¦ក្រូច|ស្រស់
កាហ្វេ|ទឹក¦ដោះ¦គោ|ទឹក¦កក
អង្ករ|ផ្កា¦ម្លិះ
ប្រេង|ឆា
ទឹក¦ត្រី
សាប៊ូ|បោក¦ខោ¦អាវ
ក្រដាស|អនាម័យ
ម៉ាស៊ីន|បោក¦គក់
ទូរទស្សន៍|ឆ្លាត
កុំព្យូទ័រ|យួរ¦ដៃ
ស្បែក¦ជើង|កីឡា
អាវ¦យឺត|ពណ៌|ស
នំ¦បុ័ង|សាច់¦ក្រក
ថ្នាំ|ដុស|ធ្មេញ
ទឹក|បរិសុទ្ធ
គ្រឿង|សំអាង
ហេង|សុភា
លី|ចាន់¦ធារ៉ា
ហាង|លក់|ទូរស័ព្ទ|សុខា
ក្រុមហ៊ុន|ដឹក¦ជញ្ជូន|រតនា
សាលា¦រៀន|អន្តរជាតិ
ភោជនីយដ្ឋាន|ម្លប់|ដូង
ផ្សារ|ទំនើប|ស្រីពៅ
អ្នកស្រី|សុខ|ស្រី¦ពៅ
លោក|ហេង|វិចិត្រ
ទូរស័ព្ទ|សម្រាប់|ក្រុមហ៊ុន
គ្រឿង¦បន្លាស់
សេវា|ជួស¦ជុល
ហាង|កាហ្វេ|ព្រះ¦អាទិត្យ
ហាង|លក់|គ្រឿង¦ទេស
ទឹក¦ដោះ¦គោ|ខាប់|ផ្អែម
មី|កញ្ចប់|រស¦ជាតិ|សាច់|មាន់
ហាង|កែសម្ផស្ស|ស្រីនាង
ម៉ូតូ|ស៊េរី|ថ្មី
ថង់|ប្លាស្ទិក|ធំ
ស្ករ|ស|មួយ|គីឡូ
""".split()


def gold(marked: str) -> tuple[str, set[int], set[int]]:
    required, optional, plain = set(), set(), ""
    for ch in marked:
        if ch == "|":
            required.add(len(plain))
        elif ch == "¦":
            optional.add(len(plain))
        else:
            plain += ch
    return plain, required, optional


def load(name: str):
    if name == "khmercut":
        import khmercut

        return khmercut.tokenize
    if name == "kpidesk":
        from kpidesk.i18n.wordbreak import words

        return words
    if name == "khmerthings":
        import khmerthings

        return khmerthings.break_words
    if name == "viterbi":
        from khmer_segmenter.viterbi import KhmerSegmenter

        return KhmerSegmenter.from_data_dir().segment
    raise SystemExit(f"unknown candidate {name}")


def measure(name: str) -> None:
    started = time.perf_counter()
    try:
        segment = load(name)
        segment("សួស្តី")
    except ImportError:
        print(f"{name}: not installed")
        return
    loaded = (time.perf_counter() - started) * 1000
    inside = found = needed = 0
    for marked in NAMES:
        plain, required, optional = gold(marked)
        cuts, at = set(), 0
        for word in segment(plain)[:-1]:
            at += len(word)
            cuts.add(at)
        inside += len(cuts - required - optional)
        found += len(cuts & required)
        needed += len(required)
    started = time.perf_counter()
    for _ in range(20):
        for marked in NAMES:
            segment(gold(marked)[0])
    per_name = (time.perf_counter() - started) / (20 * len(NAMES)) * 1000
    print(f"{name}: {inside} breaks inside a word, {found}/{needed} word breaks found "
          f"({found / needed:.0%}), load {loaded:.0f} ms, {per_name:.2f} ms per name")


if __name__ == "__main__":
    for candidate in sys.argv[1:] or ["khmercut", "kpidesk", "khmerthings", "viterbi"]:
        measure(candidate)
