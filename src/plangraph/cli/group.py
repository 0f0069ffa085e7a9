"""The ``plangraph`` click group, each subcommand in its own module.

Subcommand modules are imported only when their command runs, so ``plangraph --help``
stays fast (and the commonest question, ``plangraph tasks``, is answered without click at
all: :mod:`.quick`). Every text people read comes from :mod:`plangraph.catalogue`: Vietnamese by
default, English with ``--lang en`` (before or after the command name) or
``PLANGRAPH_LANG=en``. Exit codes: 0 success, 1 findings (e.g. ``build --check`` found
drift), 2 an error (unreadable input, bad arguments).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from .. import __version__
from .. import catalogue

__all__ = ["COMMANDS", "LazyGroup", "cli", "help_width", "language_in", "localize", "main"]

# name -> (module, function); the one-line help is the catalogue's "NAME.short"
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("plangraph.cli.workspace", "init"),
    "add": ("plangraph.cli.workspace", "add"),
    "remove": ("plangraph.cli.workspace", "remove"),
    "agencies": ("plangraph.cli.agencies", "agencies"),
    "build": ("plangraph.cli.build", "build"),
    "query": ("plangraph.cli.query", "query"),
    "queries": ("plangraph.cli.query", "queries"),
    "sparql": ("plangraph.cli.query", "sparql"),
    "tasks": ("plangraph.cli.tasks", "tasks"),
    "trace": ("plangraph.cli.tasks", "trace"),
    "agency": ("plangraph.cli.tasks", "agency"),
    "publish": ("plangraph.cli.publish", "publish"),
    "serve": ("plangraph.cli.publish", "serve"),
    "validate": ("plangraph.cli.validate", "validate"),
    "viz": ("plangraph.cli.views", "viz"),
    "export": ("plangraph.cli.views", "export"),
    "synth": ("plangraph.cli.synth", "synth"),
    "report": ("plangraph.cli.report", "report"),
    "status": ("plangraph.cli.status", "status"),
    "overdue": ("plangraph.cli.status", "overdue"),
    "dashboard": ("plangraph.cli.status", "dashboard"),
}


def language_in(args: list[str]) -> str | None:
    """The value of ``--lang`` anywhere in ``args`` (None when not given).

    Read before click parses anything, so that ``plangraph tasks --help --lang en`` shows
    English help: click would print the help on meeting ``--help``, before ``--lang``.

    Example:
        >>> language_in(["tasks", "-a", "Sở Y tế", "--lang=en"]), language_in(["--lang", "vi", "tasks"])
        ('en', 'vi')
    """
    for index, arg in enumerate(args):
        if arg == "--":
            return None
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _lang_option() -> click.Option:
    # the value is read by language_in before parsing; the option is there for --help and
    # so that click accepts it after any command
    return click.Option(["--lang"], type=click.Choice(catalogue.LANGUAGES), expose_value=False,
                        is_eager=True, help=catalogue.help_text("opt.lang"))


def localize(command: click.Command, name: str) -> click.Command:
    """Fill in the help of ``command`` and its options from the catalogue, in the current
    language, and give it ``--lang``; the same for the subcommands of a group ("report
    template")."""
    command.help = catalogue.help_text(name) or command.help
    command.short_help = catalogue.help_text(f"{name}.short") or command.short_help
    for param in command.params:
        if isinstance(param, click.Option):
            param.help = (catalogue.help_text(f"{name}.{param.name}") or catalogue.help_text(f"opt.{param.name}")
                          or param.help)
    for sub_name, sub in getattr(command, "commands", {}).items():
        localize(sub, f"{name} {sub_name}")  # a group's subcommands: "report template"
    if not any(param.name == "lang" for param in command.params):
        command.params.append(_lang_option())
    else:
        next(p for p in command.params if p.name == "lang").help = catalogue.help_text("opt.lang")
    return command


def help_width(max_width: int = 80) -> int:
    """The width click gives its help, as click works it out (shutil.get_terminal_size's
    columns: COLUMNS, else the terminal, else 80), without importing shutil, which imports
    the bz2, lzma and zlib modules: 3 ms of a 66 ms ``plangraph --help``.

    Example:
        >>> import os
        >>> os.environ["COLUMNS"] = "200"; help_width(), help_width(120)
        (78, 118)
        >>> os.environ["COLUMNS"] = "40"; help_width()
        50
        >>> del os.environ["COLUMNS"]
    """
    import os
    import sys

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns or 80
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(min(columns, max_width) - 2, 50)


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.terminal_width is None and click.formatting.FORCED_WIDTH is None:  # (CliRunner forces one)
            ctx.terminal_width = help_width(ctx.max_content_width or 80)
        catalogue.use(language_in(args))
        if catalogue.current() == "vi":
            from ..catalogue.click import install

            install()
        localize(self, "plangraph")
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name]
        return localize(getattr(importlib.import_module(module), attribute), name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, catalogue.help_text(f"{name}.short") or "") for name in self.list_commands(ctx)]
        with formatter.section(click.formatting._("Commands")):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="plangraph")
@click.option("--workspace", "workspace_dir", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(catalogue.LANGUAGES), expose_value=False, is_eager=True)
@click.pass_context
def cli(ctx: click.Context, workspace_dir: Path | None) -> None:
    """Trace what a government plan asks of whom (help: the catalogue's "plangraph")."""
    ctx.obj = {"workspace_dir": workspace_dir}


def main() -> None:
    """Run the click group on ``sys.argv`` (what :func:`plangraph.cli.main` falls back to)."""
    cli(prog_name="plangraph")
