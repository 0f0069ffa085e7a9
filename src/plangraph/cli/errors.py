"""Turn plangraph errors into click errors with pySHACL-style exit codes."""

from __future__ import annotations

import functools
import os
from typing import Callable, TypeVar

import click

from ..errors import EXIT_ERROR, PlangraphError, describe

F = TypeVar("F", bound=Callable)


class UserError(click.ClickException):
    """A user-facing error: message on stderr, exit code 2."""

    exit_code = EXIT_ERROR


def reports_errors(function: F) -> F:
    """Decorator: every error becomes one line (:func:`plangraph.errors.describe`) and exit 2.

    A :class:`PlangraphError` or an ``OSError`` (a file, the disk, the store) is the user's to
    fix and is shown as it is; anything else is a bug and says so. ``PLANGRAPH_DEBUG=1``
    shows the traceback of every kind (with the error that caused it).
    """

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as error:
            if os.environ.get("PLANGRAPH_DEBUG"):
                raise
            from ..catalogue import t
            from ..catalogue.reader import reader_text

            if isinstance(error, (PlangraphError, OSError, UnicodeDecodeError)):
                # (the reader's errors are in English: the forms it knows are given in Vietnamese)
                raise UserError(reader_text(describe(error))) from None
            raise UserError(t("internal", detail=describe(error))) from None

    return wrapper  # type: ignore[return-value]
