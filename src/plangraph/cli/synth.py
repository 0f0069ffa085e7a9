"""``plangraph synth``: a synthetic graph of a given size, for benchmarks."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import reports_errors


@click.command()
@click.option("--triples", type=click.IntRange(min=1000), required=True, help="Approximate size (at least).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="N-Triples file to write.")
@click.option("--seed", type=int, default=1, show_default=True)
@reports_errors
def synth(triples, output, seed):
    """Write a deterministic synthetic graph: the real plans copied into more plans and
    provinces (N-Triples), for benchmarks at national scale."""
    import io

    from ..atomic import open_atomic
    from ..synth import write_synthetic
    from .options import graph_of

    template = graph_of(None)  # the workspace's real graph
    with open_atomic(output) as raw:  # a link stays a link; an interrupted run leaves the old file
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        written = write_synthetic(out, triples, seed, graph_file=template)
        out.flush()
        out.detach()
    click.echo(f"wrote {output}: {written} triples", err=True)
