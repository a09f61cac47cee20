"""KPI Desk: an offline sales KPI desk for small shops, in Khmer and English."""

APP_NAME = "KPI Desk"
ORG_NAME = "kpidesk"


def __getattr__(name: str) -> str:
    """`__version__`, read on first use: importing importlib.metadata costs 15-40 ms that
    the start-up does not need."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("kpidesk")
    except metadata.PackageNotFoundError:  # running from a source tree or a bundle
        version = "0.1.0"
    globals()["__version__"] = version
    return version
