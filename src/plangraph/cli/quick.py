"""The quick path: ``plangraph tasks`` on the embedded store, without importing click.

What an agency owes is the question people ask most, often from scripts, and click's
import and parse cost more than the query itself (issue 16: 21 ms of a 140 ms command).
:func:`answer` reads the command line itself when it is one it is sure to read as click
would: the ``tasks`` command with its own options, each given in a form click reads
(``-a X``, ``-aX``, ``--agency X``, ``--agency=X``), values that are plainly valid, no
endpoint. Anything else (``--help``, an option it does not know, a value click would
refuse or convert, ``--endpoint`` or ``PLANGRAPH_ENDPOINT``) goes to the click group
untouched, and so does every error met before the answer starts: the messages said until
then are held back (:func:`plangraph.cli.answer.hold`), so that click says them once,
with its own wording and exit code. The answer itself is :func:`.agency_tasks.answer_tasks`,
the same function the click command runs, so both paths print the same bytes
(``tests/test_quick_path.py`` compares them on every form). ``PLANGRAPH_QUICK=0`` turns the
quick path off.

Example:
    >>> read_tasks(["tasks", "-a", "Sở Y tế", "-f", "json", "--lang=en"])["agency"]
    'Sở Y tế'
    >>> read_tasks(["tasks", "-a", "Sở Y tế", "--help"]) is None  # click's to answer
    True
"""

from __future__ import annotations

import os
import sys

__all__ = ["answer", "read_tasks"]

# option -> (the answer's keyword, takes a value); flags are True when given
_GLOBAL = {"--workspace": ("workspace_dir", True), "--lang": ("lang", True)}
_TASKS = {
    "-a": ("agency", True), "--agency": ("agency", True), "--role": ("role", True),
    "--collectives": ("collectives", False), "--from": ("from_", True), "--to": ("to", True),
    "--undated": ("undated", False), "--as-of": ("as_of", True), "--as-printed": ("as_printed", False),
    "--graph": ("graph_file", True), "-f": ("fmt", True), "--format": ("fmt", True), "--wide": ("wide", False),
    "--all-rows": ("all_rows", False), "-o": ("output", True), "--output": ("output", True),
    "--bom": ("bom", False), "--limit": ("limit", True), "--fail-on-empty": ("fail_on_empty", False),
    "--timeout": ("timeout", True), "--lang": ("lang", True),
}
_ROLES = ("both", "lead", "coordinating")


def _count(text: str) -> bool:
    """ASCII digits only (what click's integer reads the same way); no re: --help passes here."""
    return text.isascii() and text.isdigit()


def _number(text: str) -> bool:
    """Digits, with at most one decimal point between digits ("2", "0.5")."""
    whole, point, fraction = text.partition(".")
    return _count(whole) and (not point or _count(fraction))


def _read(args: list[str], options: dict[str, tuple[str, bool]], into: dict) -> list[str] | None:
    """Read ``options`` from the front of ``args`` into ``into``; the rest from the first
    word that is not an option, or None when a token is not one of ``options`` in a plain form."""
    index = 0
    while index < len(args):
        token = args[index]
        if not token.startswith("-"):
            return args[index:]
        name, equals, value = token.partition("=") if token.startswith("--") else (token[:2], "", token[2:])
        if name not in options:
            return None
        key, takes_value = options[name]
        if not takes_value:
            if equals or value:
                return None  # "--bom=1", "-fx" for a flag: click's to judge
            into[key] = True
            index += 1
            continue
        if not (equals or value):
            index += 1
            if index == len(args):
                return None
            value = args[index]
        if value.startswith("-"):
            return None  # click would take it as the value; whether that is meant is click's to say
        if key == "lang":  # every one is checked; the first is the language (language_in)
            into.setdefault("langs", []).append(value)
        else:
            into[key] = value
        index += 1
    return []


def read_tasks(args: list[str]) -> dict | None:
    """The keywords of :func:`.agency_tasks.answer_tasks` (with ``workspace_dir``,
    ``graph_file``, ``timeout`` and ``langs``, every ``--lang`` given) for a ``tasks`` command line read as click
    reads it; None for any other command line."""
    given: dict = {}
    rest = _read(args, _GLOBAL, given)
    if not rest or rest[0] != "tasks":
        return None
    if _read(rest[1:], _TASKS, given) != []:
        return None  # a word after the options, "--", "--help", an option it does not know
    from ..catalogue import LANGUAGES
    from ..render.output import FORMATS

    if ("agency" not in given or given.get("role", "both") not in _ROLES
            or given.get("fmt", "table") not in FORMATS
            or any(lang not in LANGUAGES for lang in given.get("langs", ()))):
        return None
    if "limit" in given:
        if not _count(given["limit"]):
            return None
        given["limit"] = int(given["limit"])
    if "timeout" in given:
        if not _number(given["timeout"]) or float(given["timeout"]) < 0.1:
            return None
        given["timeout"] = float(given["timeout"])
    for key in ("graph_file", "output", "workspace_dir"):
        if key in given:
            from pathlib import Path  # (only then: pathlib costs the quick path ~5 ms)

            given[key] = Path(given[key])
            if key != "workspace_dir" and given[key].is_dir():
                return None  # click refuses a folder there
    if given.pop("wide", False) and given.get("fmt", "table") == "table":
        given["fmt"] = "wide"
    if given.get("fmt") == "xlsx" and "output" not in given:
        return None  # refused on a terminal, and a workbook is no quick answer anyway
    return given


def answer(args: list[str]) -> int | None:
    """Answer ``args`` on the quick path and return the exit code; None when it is click's
    to answer (then nothing has been printed)."""
    if os.environ.get("PLANGRAPH_QUICK") == "0" or os.environ.get("PLANGRAPH_ENDPOINT"):
        return None
    given = read_tasks(args)
    if given is None:
        return None
    from .. import catalogue
    from . import answer as said

    catalogue.use(given.pop("langs", [None])[0])  # None: PLANGRAPH_LANG, else Vietnamese
    workspace_dir, graph_file = given.pop("workspace_dir", None), given.pop("graph_file", None)
    timeout = given.pop("timeout", 30.0)
    said.hold(True)
    try:
        from .agency_tasks import answer_tasks

        open_store = said.warm_store_opener(workspace_dir, graph_file, timeout)
        if open_store is None:  # a graph file given, or a plangraph.toml that is not plain
            ws = said.find_workspace(workspace_dir, required=graph_file is None)

            def open_store():
                return said.open_store_in(ws, None, graph_file, timeout)
        answer_tasks(open_store, **given)
    except SystemExit as done:  # the answer's own exit: 1 for --fail-on-empty, 0 for a closed pipe
        return done.code if isinstance(done.code, int) else 0
    except KeyboardInterrupt:
        said.hold(False)
        return _aborted()
    except Exception as error:
        if said.holding():  # nothing printed: click answers, and says what went wrong its way
            said.hold(False)
            return None
        return _late(error)
    return 0


def _click_in_language():
    import click

    from .. import catalogue

    if catalogue.current() == "vi":
        from ..catalogue.click import install

        install()
    return click


def _late(error: Exception) -> int:
    """An error once the answer had started: said as the click command says it."""
    click = _click_in_language()
    from .errors import reports_errors

    def fail():
        raise error

    try:
        reports_errors(fail)()
    except click.ClickException as shown:
        shown.show()
        return shown.exit_code
    return 2  # (not reached: reports_errors always raises)


def _aborted() -> int:
    """Ctrl-C: what click prints, and its exit code."""
    click = _click_in_language()
    from click.core import _

    click.echo(file=sys.stderr)
    click.echo(_("Aborted!"), file=sys.stderr)
    return 1
