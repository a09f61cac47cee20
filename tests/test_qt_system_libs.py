"""`make run` on a fresh Debian/Ubuntu desktop: the Qt system libraries are checked, then
installed with apt (root or sudo) or the one command to run is printed."""

from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load():
    path = ROOT / "packaging" / "qt_system_libs.py"
    spec = importlib.util.spec_from_file_location("qt_system_libs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


libs = _load()
# A fresh Ubuntu desktop: everything but the three xcb libraries Qt's message hides.
FRESH = {lib for pkg, lib in libs.DESKTOP.items()
         if pkg not in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1")}


def test_the_three_missing_libraries_are_named_not_only_the_first():
    assert libs.missing_packages(libs.DESKTOP, FRESH) == [
        "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert libs.missing_packages(libs.OFFSCREEN, FRESH) == []  # the tests need none of them


@pytest.fixture
def fresh_desktop(monkeypatch):
    monkeypatch.setattr(libs.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    known = set(FRESH)
    monkeypatch.setattr(libs, "known_libraries", lambda: set(known))
    monkeypatch.setattr(libs.shutil, "which", lambda name: f"/usr/bin/{name}")
    ran = []

    def run(command, **kwargs):
        ran.append(command)
        if "install" in command:  # apt installs them
            known.update(libs.DESKTOP.values())
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(libs.subprocess, "run", run)
    return ran


def test_as_root_they_are_installed_with_apt(fresh_desktop, monkeypatch):
    monkeypatch.setattr(libs.os, "geteuid", lambda: 0)
    assert libs.main(["run"]) == 0
    assert fresh_desktop == [["apt-get", "install", "-y", "--no-install-recommends",
                              "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]]


def test_a_user_with_sudo_at_a_terminal_installs_them_through_sudo(fresh_desktop, monkeypatch):
    monkeypatch.setattr(libs.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(libs.sys.stdin, "isatty", lambda: True, raising=False)
    assert libs.main(["run"]) == 0
    assert fresh_desktop[0][:3] == ["sudo", "apt-get", "install"]


def test_without_sudo_the_one_command_is_printed(fresh_desktop, monkeypatch, capsys):
    monkeypatch.setattr(libs.os, "geteuid", lambda: 1000)
    monkeypatch.setattr(libs.shutil, "which",
                        lambda name: None if name == "sudo" else f"/usr/bin/{name}")
    assert libs.main(["run"]) == 1
    assert fresh_desktop == []
    err = capsys.readouterr().err
    assert ("sudo apt-get install -y --no-install-recommends libxcb-cursor0 libxcb-icccm4"
            " libxcb-keysyms1") in err


def test_nothing_to_do_elsewhere(monkeypatch):
    monkeypatch.setattr(libs.sys, "platform", "win32")
    assert libs.main(["run"]) == 0


def test_this_machine_has_what_the_tests_need():
    """The libraries found here include the offscreen set (the tests are running)."""
    assert libs.missing_packages(libs.OFFSCREEN) == []


def test_make_run_and_make_test_call_it():
    makefile = (ROOT / "Makefile").read_text()
    assert "packaging/qt_system_libs.py run" in makefile.split("\nrun:")[1].split("\n\n")[0]
    assert "packaging/qt_system_libs.py test" in makefile.split("\ntest:")[1].split("\n\n")[0]
