"""``plangraph validate``: SHACL shapes and whole-graph rules, findings with source lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import EXIT_FINDINGS
from .errors import reports_errors


@click.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("-f", "--format", "fmt", type=click.Choice(["human", "json", "turtle"]), default="human",
              show_default=True)
@click.option("--fail-on", type=click.Choice(["violation", "warning", "info"]), default="violation",
              show_default=True)
@click.option("--shapes", "shapes_dir", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("--engine", type=click.Choice(["fast", "pyshacl"]), default="fast", show_default=True)
@click.option("-q", "--quiet", is_flag=True)
@reports_errors
def validate(files, fmt, fail_on, shapes_dir, engine, quiet):
    """Validate FILES (default: the workspace's graph and its progress reports' graph) against
    the shapes and qc rules.

    Exit 0 when there is no violation (warnings are printed), 1 when there are findings at
    or above --fail-on, 2 when a file cannot be read (its line is named).
    """
    from ..validate import validate_files
    from ..validation_report import report_json, report_turtle
    from .findings import report_human
    from .options import graph_of, workspace

    paths = list(files) or [graph_of(None)]
    if not files and workspace().progress_graph.is_file():
        paths.append(workspace().progress_graph)
    report = validate_files(paths, shapes_dir=shapes_dir, engine=engine,
                            progress=None if quiet or fmt != "human" else lambda m: click.echo(m, err=True))
    if fmt == "json":
        click.echo(json.dumps(report_json(report), ensure_ascii=False, indent=1))
    elif fmt == "turtle":
        click.echo(report_turtle(report), nl=False)
    elif quiet:
        click.echo(report_human(report).splitlines()[-1])
    else:
        click.echo(report_human(report))
    if report.fails(fail_on):
        sys.exit(EXIT_FINDINGS)
