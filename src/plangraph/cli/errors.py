"""Turn plangraph errors into click errors with pySHACL-style exit codes."""

from __future__ import annotations

import functools
from typing import Callable, TypeVar

import click

from ..errors import EXIT_ERROR, PlangraphError

F = TypeVar("F", bound=Callable)


class UserError(click.ClickException):
    """A user-facing error: message on stderr, exit code 2."""

    exit_code = EXIT_ERROR


def reports_errors(function: F) -> F:
    """Decorator: a :class:`PlangraphError` becomes a one-line message and exit 2."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except PlangraphError as error:
            raise UserError(str(error)) from None
        except OSError as error:
            raise UserError(f"{error.filename or ''}: {error.strerror}".lstrip(": ")) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as error:  # a bug: one clear line; the traceback only when asked for
            import os

            if os.environ.get("PLANGRAPH_DEBUG"):
                raise
            detail = " ".join(str(error).split())  # one line, whatever the exception's text
            raise UserError(f"internal error ({type(error).__name__}: {detail}); "
                            "run again with PLANGRAPH_DEBUG=1 and report the traceback") from None

    return wrapper  # type: ignore[return-value]
