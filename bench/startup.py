"""Start-up time, as whole processes: launch → main window painted.

    .venv/bin/python bench/startup.py [--runs 7] [--bundle dist/kpidesk/kpidesk] [--db SHOP]

Three programs, in the same run, alternating so that machine load hits them alike:
  bare     a bare PySide6 QMainWindow (QApplication, one label, show, paint)
  source   python -m kpidesk --smoke (the source install, this venv)
  bundle   the PyInstaller bundle's executable with --smoke (when it has been built)
  onefile  the one-file executable (make onefile), when it has been built
Each one prints the wall clock at its first paint (the app's --smoke line has
"clock <unix time>"); the time counted is that minus the moment this script launched
it, so it includes the interpreter's start, the imports, opening the shop and
building the tab on screen (the Dashboard: its cards; its charts come just after the
first paint). The app also prints when its splash was painted ("splash clock"),
shown in its own columns. One warm-up round is not counted. Prints medians and the
ratios to the bare window. Goal: bundle <= 2 x bare.

The source install runs with bytecode caching on (PYTHONDONTWRITEBYTECODE removed from
its environment), as an installed package has its .pyc files: otherwise every run
would compile kpidesk's modules again.

The shop opened is a demo shop (built once under /tmp/kpidesk-bench), so the
dashboard paints real figures and charts.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOCK = re.compile(r"(?<!splash )clock (\d+\.\d+)")
SPLASH = re.compile(r"splash clock (\d+\.\d+)")

BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("KPI Desk"))
window.resize(1200, 780)
window.show()
app.processEvents()
image = window.grab()
print(f"bare: clock {time.time():.3f}", flush=True)
sys.exit(0 if not image.isNull() else 1)
"""


def launch(cmd: list[str], env: dict) -> tuple[float, float | None]:
    """Seconds from launch to the main window's first paint, and to the splash's (None
    when the program shows none)."""
    started = time.time()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"{cmd[0]} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    match = CLOCK.search(done.stdout)
    if not match:
        raise RuntimeError(f"no clock in the output of {cmd}:\n{done.stdout}")
    splash = SPLASH.search(done.stdout)
    return (float(match.group(1)) - started,
            float(splash.group(1)) - started if splash else None)


def demo_shop(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "startup-demo.db"
    if not path.exists():
        tmp = folder / "startup-demo.partial"
        for leftover in folder.glob(tmp.name + "*"):
            leftover.unlink()
        subprocess.run([sys.executable, "-m", "kpidesk", "demo", "--db", str(tmp),
                        "--today", "2026-11-26"], check=True, cwd=ROOT, capture_output=True)
        tmp.rename(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "kpidesk" / "kpidesk")
    parser.add_argument("--onefile", type=Path, default=ROOT / "dist" / "onefile" / "kpidesk")
    parser.add_argument("--db", type=Path, help="shop file (default: a demo shop)")
    parser.add_argument("--lang", default="en", choices=("en", "km"))
    args = parser.parse_args(argv)

    db = args.db or demo_shop(Path("/tmp/kpidesk-bench"))
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   KPIDESK_DATA_DIR=str(Path(tmp) / "data"),
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"))
        smoke = ["--smoke", "--lang", args.lang, "--db", str(db)]
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        programs = {
            "bare": [sys.executable, "-c", BARE],
            "source": [sys.executable, "-m", "kpidesk", *smoke],
        }
        if args.bundle.is_file():
            programs["bundle"] = [str(args.bundle), *smoke]
        else:
            print(f"no bundle at {args.bundle} (make bundle): measuring bare and source only")
        if args.onefile.is_file():
            programs["onefile"] = [str(args.onefile), *smoke]

        times: dict[str, list[float]] = {name: [] for name in programs}
        splashes: dict[str, list[float]] = {name: [] for name in programs}
        for round_ in range(args.runs + 1):  # round 0 warms the disk cache (and the .pyc)
            for name, cmd in programs.items():
                seconds, splash = launch(cmd, env)
                if round_:
                    times[name].append(seconds)
                    if splash is not None:
                        splashes[name].append(splash)

    med = {name: statistics.median(values) * 1000 for name, values in times.items()}
    print(f"launch -> main window painted, median of {args.runs} runs "
          f"(shop: {db.name}, {args.lang}, QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']})\n")
    print(f"{'program':<8} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'x bare':>7}"
          f" {'splash ms':>10} {'x bare':>7}")
    for name, values in times.items():
        shown = splashes[name]
        splash = (f" {statistics.median(shown) * 1000:>10.0f}"
                  f" {statistics.median(shown) * 1000 / med['bare']:>7.2f}" if shown else "")
        print(f"{name:<8} {med[name]:>10.0f} {min(values) * 1000:>8.0f} "
              f"{max(values) * 1000:>8.0f} {med[name] / med['bare']:>7.2f}{splash}")
    if "bundle" in med:
        ratio = med["bundle"] / med["bare"]
        print(f"\nbundle / bare = {ratio:.2f} (goal <= 2.0: {'met' if ratio <= 2 else 'NOT met'})"
              " for the main window")
        if splashes["bundle"]:
            ratio = statistics.median(splashes["bundle"]) * 1000 / med["bare"]
            print(f"bundle splash / bare = {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
