"""Developer tools run from the repository root (``python -m tools.…``); not shipped in
the app and never imported by `kpidesk` (tests/test_layers.py checks)."""
