"""Build the translation catalogue.

    python -m tools.i18n.build            # lrelease: .ts → resources/i18n/kpidesk_km.qm
    python -m tools.i18n.build --update   # lupdate: every .py under kpidesk/ → the .ts
    python -m tools.i18n.build --check    # list unfinished / missing strings, exit 1 if any

``--update`` keeps existing translations and drops obsolete entries
(``-no-obsolete``); new strings arrive as "unfinished" for a translator.
The ``.qm`` is git-ignored: built at test, run and bundle time (the app
also compiles it on the fly when it is missing or stale, see language.py).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from kpidesk.i18n.language import LANGUAGES, compile_ts, qm_path, ts_path
from tools.i18n import extract, tools

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = ROOT / "kpidesk"
# Qt's own dialog strings, kept here with the tools: lupdate reads them, the app never
# imports them
QT_STRINGS = Path(__file__).resolve().parent / "qt_strings.py"
TARGET_LANGUAGES = {"km": "km_KH"}


def lupdate_command() -> list[str]:
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    for name in ("lupdate", "lupdate.exe"):
        if (base / name).is_file():
            return [str(base / name)]
    found = shutil.which("pyside6-lupdate") or shutil.which("lupdate")
    if not found:
        raise SystemExit("pyside6-lupdate not found (pip install PySide6-Essentials)")
    return [found]


def source_files() -> list[Path]:
    """Every .py under kpidesk/ and the Qt dialog strings (tests and the other build
    scripts are not shipped UI)."""
    found = sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)
    return [*found, QT_STRINGS]


def update(lang: str = "km", verbose: bool = True, ts: Path | None = None) -> Path:
    """Refresh the .ts from the sources, keeping translations, dropping obsolete entries."""
    ts = ts or ts_path(lang)
    ts.parent.mkdir(parents=True, exist_ok=True)
    sources = source_files()
    # strings asked for through helpers lupdate cannot follow (see extract.py)
    found, misread = extract.scan(sources)
    tmpdir = Path(tempfile.mkdtemp(prefix="kpidesk-i18n-"))
    extra = tmpdir / "kpidesk_helper_strings.py"
    extra.write_text(extract.noop_module(found), encoding="utf-8")
    files = [str(p) for p in sources] + [str(extra)]
    # a list file keeps the command line short on Windows
    lst = tmpdir / "files.lst"
    lst.write_text("\n".join(files), encoding="utf-8")
    try:
        command = [*lupdate_command(), f"@{lst}", "-ts", str(ts),
                   "-no-obsolete", "-locations", "none",
                   "-source-language", "en", "-target-language", TARGET_LANGUAGES[lang]]
        if not verbose:
            command.insert(1, "-silent")
        done = subprocess.run(command, capture_output=True, text=True)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    if done.returncode != 0:
        raise SystemExit(f"lupdate failed:\n{done.stdout}\n{done.stderr}")
    # lupdate's own reading of those calls: under the empty context, or
    # "Report" read as the text with "Revenue" as a comment. Drop them.
    helper_texts = {text for _context, text in found}
    dropped = tools.remove_messages(
        ts, lambda context, source, comment: (context == "" and source in helper_texts)
        or (source, comment) in misread)
    if verbose and dropped:
        print(f"    Dropped {dropped} entries misread from helper calls")
    if verbose:
        print(done.stdout.strip())
    return ts


def release(lang: str = "km") -> Path:
    ts, qm = ts_path(lang), qm_path(lang)
    if not compile_ts(ts, qm):
        raise SystemExit(f"lrelease failed for {ts}")
    return qm


def check(lang: str = "km") -> int:
    """Report what a translator still has to do, including strings marked in the
    sources since the last --update (the .ts itself is not modified)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts_path(lang).name
        shutil.copy(ts_path(lang), copy)
        update(lang, verbose=False, ts=copy)
        problems = tools.problems(copy)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.i18n.build")
    parser.add_argument("--update", action="store_true",
                        help="run lupdate over kpidesk/ to refresh the .ts (keeps translations)")
    parser.add_argument("--check", action="store_true",
                        help="list unfinished entries and placeholder mismatches")
    args = parser.parse_args(argv)
    langs = [lang for lang in LANGUAGES if lang in TARGET_LANGUAGES]
    if args.check:
        return max(check(lang) for lang in langs)
    for lang in langs:
        if args.update:
            update(lang)
            print(tools.summary(ts_path(lang)))
        else:
            print(f"wrote {release(lang)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
