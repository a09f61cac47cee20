"""Create the project's virtual environment with nothing but python3 (used by `make`).

    python3 packaging/bootstrap_venv.py .venv

Uses ``python3 -m venv``. Where the interpreter has no ``ensurepip`` (Debian and
Ubuntu without the python3-venv package), it makes the venv without pip and
installs pip from PyPI's own wheel instead, so a fresh clone works anyway.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
import venv
from pathlib import Path

MIN_PYTHON = (3, 11)


def venv_python(path: Path) -> Path:
    return path / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def install_pip_from_pypi(python: Path) -> None:
    index = "https://pypi.org/pypi/pip/json"
    with urllib.request.urlopen(index, timeout=60) as response:
        release = json.load(response)
    wheel = next(u for u in release["urls"] if u["filename"].endswith(".whl"))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / wheel["filename"]
        urllib.request.urlretrieve(urllib.parse.urljoin(index, wheel["url"]), target)
        # A pip wheel can run itself: python pip-X.whl/pip install pip
        subprocess.run([str(python), f"{target}/pip", "install", "--quiet", str(target)],
                       check=True)


def main(argv: list[str]) -> int:
    if sys.version_info < MIN_PYTHON:
        print(f"KPI Desk needs Python {'.'.join(map(str, MIN_PYTHON))} or newer; this is "
              f"{sys.version.split()[0]}", file=sys.stderr)
        return 1
    path = Path(argv[0] if argv else ".venv")
    python = venv_python(path)
    if python.exists() and subprocess.run([str(python), "-m", "pip", "--version"],
                                          capture_output=True).returncode == 0:
        return 0
    try:
        import ensurepip  # noqa: F401

        venv.EnvBuilder(with_pip=True, upgrade_deps=False).create(path)
    except (ImportError, subprocess.CalledProcessError):
        print("ensurepip is missing: creating the venv without pip and fetching pip from PyPI")
        venv.EnvBuilder(with_pip=False).create(path)
        install_pip_from_pypi(python)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
