# KPI Desk — developer commands. Needs only python3 (>= 3.11) and make.
#
#   make run      start the app on your shop file (first start offers the demo shop)
#   make test     run the test suite
#   make bundle   build the one-folder bundle dist/kpidesk/ (PyInstaller, build.spec)
#   make onefile  build the one-file executable dist/onefile/kpidesk
#   make dist     bundle + Linux tar.gz (AppDir layout) under dist/
#   make bench    print the start-up, scale (10k..1M; BENCH_10M=1: 10M), file size, import and backup figures
#   make icons    redraw resources/icons from make_icons.py
#   make lint     ruff, and mypy on the package (pyproject.toml: the files not clean yet)
#
# The virtual environment .venv is created once and reused; pip runs again only
# when pyproject.toml or constraints.txt changes (stamp files in .venv). Versions come
# from constraints.txt: what CI and the releases build with.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SHELL  := /bin/bash

TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test bundle onefile dist bench icons lint translations clean distclean

# Qt's system libraries (Linux): found, installed with apt (as root or with sudo), or the
# one command to run is printed (packaging/qt_system_libs.py).
run: $(VENV)/.stamp-app translations
	@$(PYTHON) packaging/qt_system_libs.py run
	$(PY) -m kpidesk $(ARGS)

test: $(VENV)/.stamp-test translations
	@$(PYTHON) packaging/qt_system_libs.py test
	@set +e; $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests: that is a failure" >&2; exit 1; fi; \
	exit $$rc

bundle: $(VENV)/.stamp-build translations
	rm -rf build/kpidesk dist/kpidesk
	$(PY) -m PyInstaller --noconfirm --log-level WARN build.spec
	@echo "bundle size (dist/kpidesk): $$(du -sh dist/kpidesk | cut -f1) on disk," \
	      "$$(du -sb dist/kpidesk | awk '{printf "%.1f MB", $$1/1e6}') apparent"

onefile: $(VENV)/.stamp-build translations
	rm -rf dist/onefile
	KPIDESK_ONEFILE=1 $(PY) -m PyInstaller --noconfirm --log-level WARN \
		--workpath build/onefile --distpath dist/onefile build.spec
	@echo "one-file size (dist/onefile/kpidesk): $$(du -h dist/onefile/kpidesk | cut -f1)"

dist: bundle
	bash packaging/make_linux_dist.sh

# make bench BENCH_10M=1 adds the 10M-line shop (about 10 minutes to build once, 1.5 GB)
bench: $(VENV)/.stamp-bench translations
	$(PY) bench/startup.py
	$(PY) bench/dashboard.py $(if $(BENCH_10M),--with-10m)
	$(PY) bench/size.py
	$(PY) bench/import.py --sizes 100000,1000000 --no-retail
	$(PY) bench/backup.py

icons: $(VENV)/.stamp-app
	QT_QPA_PLATFORM=offscreen $(PY) resources/icons/make_icons.py

lint: $(VENV)/.stamp-test
	$(PY) -m ruff check .
	$(PY) -m mypy

# Compiled translations (.qm, git-ignored) from the .ts catalogues.
translations: $(QM)
ifneq ($(QM),)
$(QM) &: $(TS) | $(VENV)/.stamp-app
	@if $(PY) -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('tools.i18n.build') is None)"; then \
		$(PY) -m tools.i18n.build; \
	else echo "no tools.i18n.build: translations not compiled"; fi
	@for f in $(QM); do if [ -f $$f ]; then touch $$f; fi; done
endif

$(VENV)/.stamp-base:
	$(PYTHON) packaging/bootstrap_venv.py $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@touch $@

$(VENV)/.stamp-app: pyproject.toml constraints.txt | $(VENV)/.stamp-base
	$(PY) -m pip install --quiet -c constraints.txt -e .
	@touch $@

$(VENV)/.stamp-test: pyproject.toml constraints.txt $(VENV)/.stamp-app
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	@touch $@

$(VENV)/.stamp-bench: pyproject.toml constraints.txt $(VENV)/.stamp-app
	$(PY) -m pip install --quiet -c constraints.txt -e ".[bench]"
	@touch $@

$(VENV)/.stamp-build: pyproject.toml constraints.txt $(VENV)/.stamp-app
	$(PY) -m pip install --quiet -c constraints.txt -e ".[build]"
	@touch $@

clean:
	rm -rf build dist .pytest_cache

distclean: clean
	rm -rf $(VENV)
