"""Check (and on Debian/Ubuntu install) the system libraries Qt needs (used by `make`).

    python3 packaging/qt_system_libs.py run     # a window on the desktop (xcb)
    python3 packaging/qt_system_libs.py test    # the tests, offscreen

On a fresh Debian/Ubuntu desktop, PySide6's wheel starts only when some system
libraries are there; when `libxcb-cursor0`, `libxcb-icccm4` or `libxcb-keysyms1`
is missing, Qt aborts and blames `libxcb-cursor0` alone. This looks for each
library Qt loads (by its file name, through `ldconfig -p` or the usual folders),
and for the missing ones:

- as root, runs `apt-get install -y --no-install-recommends …`;
- else, with `sudo` at hand and a terminal to ask for the password, runs the same
  through sudo;
- else prints the one exact command to run, and exits 1.

Elsewhere than Linux (Windows, macOS: Qt brings what it needs), or on a Linux
without apt-get (prints the library names), it does nothing else. Exit code 0
when everything is there (or was installed).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys

# Debian/Ubuntu package → a library file it installs (what Qt loads).
OFFSCREEN = {
    "libglib2.0-0": "libglib-2.0.so.0",
    "libgl1": "libGL.so.1",
    "libegl1": "libEGL.so.1",
    "libxkbcommon0": "libxkbcommon.so.0",
    "libfontconfig1": "libfontconfig.so.1",
    "libdbus-1-3": "libdbus-1.so.3",
}
DESKTOP = {
    **OFFSCREEN,
    "libxcb-cursor0": "libxcb-cursor.so.0",
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-image0": "libxcb-image.so.0",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
    "libxcb-render-util0": "libxcb-render-util.so.0",
    "libxcb-shape0": "libxcb-shape.so.0",
    "libxcb-xkb1": "libxcb-xkb.so.1",
    "libxkbcommon-x11-0": "libxkbcommon-x11.so.0",
}
FOLDERS = ("/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib",
           "/lib/*-linux-gnu*", "/usr/lib/*-linux-gnu*")


def known_libraries() -> set[str]:
    """File names of the shared libraries the dynamic linker knows."""
    names: set[str] = set()
    ldconfig = shutil.which("ldconfig") or next(
        (p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if os.path.exists(p)), None)
    if ldconfig:
        try:
            out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True,
                                 timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        for line in out.splitlines()[1:]:
            names.add(line.strip().split(" ", 1)[0])
    for pattern in FOLDERS:
        for folder in glob.glob(pattern):
            try:
                names.update(os.listdir(folder))
            except OSError:
                pass
    return names


def missing_packages(needed: dict[str, str], known: set[str] | None = None) -> list[str]:
    """The packages whose library file is not found."""
    known = known_libraries() if known is None else known
    return [package for package, library in needed.items() if library not in known]


def install_command(packages: list[str], as_root: bool) -> list[str]:
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    return command if as_root else ["sudo", *command]


def main(argv: list[str]) -> int:
    mode = argv[0] if argv else "run"
    if not sys.platform.startswith("linux"):
        return 0
    needed = OFFSCREEN if mode == "test" or os.environ.get("QT_QPA_PLATFORM") == "offscreen" \
        else DESKTOP
    missing = missing_packages(needed)
    if not missing:
        return 0
    print("KPI Desk: Qt needs these system libraries, missing here: " + " ".join(missing),
          file=sys.stderr)
    if not shutil.which("apt-get"):
        print("Install them with your system's package manager, then run make again.",
              file=sys.stderr)
        return 1
    as_root = os.geteuid() == 0
    command = install_command(missing, as_root)
    can_sudo = shutil.which("sudo") is not None and sys.stdin.isatty()
    if as_root or can_sudo:
        print("KPI Desk: installing them: " + " ".join(command), file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        done = subprocess.run(command, env=env)
        if done.returncode != 0:  # a fresh machine may never have read the package lists
            update = ["apt-get", "update"] if as_root else ["sudo", "apt-get", "update"]
            if subprocess.run(update, env=env).returncode == 0:
                done = subprocess.run(command, env=env)
        if done.returncode == 0 and not missing_packages(needed):
            return 0
    print("KPI Desk: run this once, then make again:\n    "
          + " ".join(install_command(missing, as_root=False)), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
