"""The ``plangraph`` command: one click group, each subcommand in its own module.

Subcommand modules are imported only when their command runs, so ``plangraph --help``
stays fast. Exit codes: 0 success, 1 findings (e.g. ``build --check`` found drift),
2 an error (unreadable input, bad arguments).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from .. import __version__

# name -> (module, function, one-line help shown by --help without importing the module)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "init": ("plangraph.cli.workspace", "init", "Make a workspace: plangraph.toml, sources/, registry/."),
    "add": ("plangraph.cli.workspace", "add", "Copy plans into the workspace, after showing what was found."),
    "remove": ("plangraph.cli.workspace", "remove", "Take a plan out of the workspace."),
    "agencies": ("plangraph.cli.agencies", "agencies", "The registry's agencies; --unregistered: entries to paste."),
    "build": ("plangraph.cli.build", "build", "Build the workspace's graph from its plans."),
    "query": ("plangraph.cli.query", "query", "Run a named query (tasks-of-agency, trace, due, ...)."),
    "queries": ("plangraph.cli.query", "queries", "List the named queries and what they answer."),
    "sparql": ("plangraph.cli.query", "sparql", "Run an ad hoc SPARQL query."),
    "tasks": ("plangraph.cli.tasks", "tasks", "Every task of an agency across all plans."),
    "trace": ("plangraph.cli.tasks", "trace", "Trace a task up to the resolutions it serves."),
    "agency": ("plangraph.cli.tasks", "agency", "Find agencies by name, abbreviation or prefix."),
    "publish": ("plangraph.cli.publish", "publish", "Load the graph into a SPARQL store (Graph Store Protocol)."),
    "serve": ("plangraph.cli.publish", "serve", "Serve the graph read-only with oxigraph on 127.0.0.1."),
    "validate": ("plangraph.cli.validate", "validate", "Check the graph: SHACL shapes and whole-graph rules."),
    "viz": ("plangraph.cli.views", "viz", "Write an interactive graph view (HTML, works offline)."),
    "export": ("plangraph.cli.views", "export", "Export to GraphML, GEXF, JSON-LD, N-Triples or CSV."),
    "synth": ("plangraph.cli.synth", "synth", "Write a synthetic graph of a given size (benchmarks)."),
    "report": ("plangraph.cli.report", "report", "Progress reports: an agency's workbook (template), import it back."),
    "status": ("plangraph.cli.status", "status", "Per agency, its tasks as of a day: on time, late, in progress, overdue."),
    "overdue": ("plangraph.cli.status", "overdue", "The tasks overdue as of a day, with their last report."),
    "dashboard": ("plangraph.cli.status", "dashboard", "Write the follow-up dashboard (HTML, works offline)."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[name]
        return getattr(importlib.import_module(module), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="plangraph")
@click.option("--workspace", "workspace_dir", metavar="DIR", type=click.Path(path_type=Path),
              help="The workspace (a folder with plangraph.toml); default: PLANGRAPH_WORKSPACE, "
                   "else the nearest plangraph.toml at or above the current folder.")
@click.pass_context
def cli(ctx: click.Context, workspace_dir: Path | None) -> None:
    """Trace what a government plan asks of whom.

    plangraph turns provincial action plans into an RDF knowledge graph: every task with
    its lead and coordinating agencies, deadline, output and source line, the chain from
    each plan to the resolutions it implements, and the targets it sets.

    Commands work in a workspace (plangraph init makes one): its plangraph.toml says
    where the plans, the registry entries of its own, the graph and the cache are.
    """
    ctx.obj = {"workspace_dir": workspace_dir}


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="plangraph")
