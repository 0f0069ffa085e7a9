"""The ``plangraph`` command: one click group (:mod:`.group`), each subcommand in its own module.

:func:`main` first offers the command line to :mod:`.quick`, which answers the commonest
question (``plangraph tasks --agency X`` on the embedded store) without importing click,
and hands everything else, and every error, to the click group. Exit codes: 0 success,
1 findings (e.g. ``build --check`` found drift), 2 an error (unreadable input, bad
arguments).

The group's names (``cli``, ``COMMANDS``, ...) are importable from here as before; they
are loaded on first use, so that importing this package costs nothing.
"""

from __future__ import annotations

import sys

__all__ = ["COMMANDS", "LazyGroup", "cli", "language_in", "localize", "main"]


def main() -> None:
    """Console-script entry point."""
    from .quick import answer

    code = answer(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from .group import main as run_group

    run_group()


def __getattr__(name: str):
    if name in ("COMMANDS", "LazyGroup", "cli", "language_in", "localize"):
        from . import group

        return getattr(group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
