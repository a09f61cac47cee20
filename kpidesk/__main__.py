"""`python -m kpidesk` / `kpidesk`: the app by default, headless commands when named."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from kpidesk import cli

    if args and args[0] in cli.COMMANDS:
        return cli.main(args)
    from kpidesk import app

    return app.main(args)


if __name__ == "__main__":
    sys.exit(main())
