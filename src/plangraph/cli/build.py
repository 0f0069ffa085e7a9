"""``plangraph build``: the workspace's plans -> its graph."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..catalogue import current, t
from ..errors import EXIT_FINDINGS
from .errors import reports_errors


@click.command()
@click.option("--sources", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of plans (default: the workspace's sources).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Graph file to write (default: the workspace's graph).")
@click.option("--check", is_flag=True,
              help="Do not write; exit 1 if the graph file differs from what the sources give.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Report the tasks, agencies, targets, plans and documents a rebuild adds, removes and changes.")
@click.option("--strict", is_flag=True,
              help="Refuse the whole build (exit 2, nothing written) when any document cannot be read (for CI).")
@click.option("-q", "--quiet", is_flag=True, help="No progress, only warnings and errors.")
@reports_errors
def build(sources: Path | None, output: Path | None, check: bool, show_diff: bool, strict: bool, quiet: bool) -> None:
    """Build the workspace's graph from its plans (see plangraph.toml).

    Reads every *.txt and *.md plan, extracts tasks, agencies, deadlines, targets and cited
    documents, and writes the graph as sorted Turtle (the same sources always give the
    same bytes). The previous file is replaced atomically. A document that cannot be read
    is reported with its file and line and left out; the others are built and the exit
    code is 1. Exit 0 on success, 1 when --check finds drift or a document was left out,
    2 on unusable input (or, with --strict, any unreadable document).
    """
    from ..build import build_graph, write_atomic
    from ..catalogue.reader import reader_text
    from ..registries import activate, load_registries
    from ..source_folder import edited_since_added
    from .options import workspace

    started = time.perf_counter()
    ws = workspace(required=not (sources and output))  # both given: any folder, bundled registries
    sources = sources or ws.sources
    output = output or ws.graph
    registries = load_registries(ws.registry if ws else None)
    if ws:
        ws.place()  # a jurisdiction plangraph does not know is an error before anything is read

    def progress(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    with activate(registries):
        result = build_graph(sources, registries, progress=progress, strict=strict,
                             jurisdiction=ws.jurisdiction if ws else None)
    result.summary.warnings[:0] = edited_since_added(sources)
    # the reader writes its warnings in English: reader_text gives the forms it knows in Vietnamese
    # (notes are progress: with --quiet not even translated, which compiles the forms' patterns)
    for note in [] if quiet else result.summary.notes:
        progress(t("build.note", text=reader_text(note)))
    for warning in result.summary.warnings:
        click.echo(t("build.warning", text=reader_text(warning)), err=True)
    for failure in result.summary.failed:
        click.echo(t("build.failed", text=reader_text(failure)), err=True)
    if show_diff:
        _print_graph_diff(output.read_text(encoding="utf-8") if output.exists() else "", result.turtle)
    if check:
        on_disk = output.read_text(encoding="utf-8") if output.exists() else ""
        if on_disk == result.turtle:
            click.echo(t("build.up_to_date", path=output), err=True)
            return
        _report_drift(output, on_disk, result.turtle)
        sys.exit(EXIT_FINDINGS)
    write_atomic(output, result.turtle)
    s = result.summary
    elapsed = time.perf_counter() - started
    unregistered = t("build.unregistered", count=s.unregistered) if s.unregistered else ""
    click.echo(t("build.wrote", path=output, documents=s.documents, tasks=s.tasks, body=s.body_tasks,
                 appendix=s.appendix_tasks, agencies=s.agencies, unregistered=unregistered,
                 collectives=s.collectives, targets=s.targets, cited=s.cited_documents, projects=s.projects,
                 triples=s.triples, seconds=f"{elapsed:.2f}".replace(".", "," if current() == "vi" else ".")),
               err=True)

    if s.failed:
        click.echo(t("build.left_out", count=len(s.failed), failures="; ".join(map(reader_text, s.failed))),
                   err=True)
        sys.exit(EXIT_FINDINGS)


def _report_drift(output: Path, current: str, expected: str) -> None:
    import difflib

    old, new = current.splitlines(), expected.splitlines()
    diff = [line for line in difflib.unified_diff(old, new, lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    added = sum(1 for line in diff if line.startswith("+"))
    removed = len(diff) - added
    click.echo(t("build.drift", path=output, added=added, removed=removed), err=True)
    for line in diff[:20]:
        click.echo(f"  {line[:160]}", err=True)


def _print_graph_diff(old: str, new: str) -> None:
    from ..build import graph_diff

    report = graph_diff(old, new)
    for kind, change in report.items():
        counts = f"+{len(change['added'])} -{len(change['removed'])} ~{len(change['changed'])}"
        click.echo(f"{t('diff.' + kind)}: {counts}", err=True)
        for sign, key in (("+", "added"), ("-", "removed"), ("~", "changed")):
            for node in change[key][:25]:
                click.echo(f"  {sign} {node}", err=True)
            if len(change[key]) > 25:
                click.echo(f"  {sign} {t('more', count=len(change[key]) - 25)}", err=True)
