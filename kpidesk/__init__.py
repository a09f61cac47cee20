"""KPI Desk: an offline sales KPI desk for small shops, in Khmer and English."""

from importlib import metadata

from kpidesk._refcount_guard import immortalize_singletons

immortalize_singletons()  # PySide6 6.12 on Python 3.11 drops references to None (see module)

APP_NAME = "KPI Desk"
ORG_NAME = "kpidesk"

try:
    __version__ = metadata.version("kpidesk")
except metadata.PackageNotFoundError:  # running from a source tree or a bundle
    __version__ = "0.1.0"
