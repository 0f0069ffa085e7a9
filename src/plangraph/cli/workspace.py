"""``plangraph init``, ``plangraph add`` and ``plangraph remove``: a workspace and its plans."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import reports_errors
from .options import workspace


@click.command()
@click.argument("folder", required=False, type=click.Path(path_type=Path))
@click.option("--name", help="The workspace's name (default: the folder's).")
@click.option("--jurisdiction", default="", help='The default jurisdiction of the plans, e.g. "tỉnh Thanh Hóa".')
@reports_errors
def init(folder: Path | None, name: str | None, jurisdiction: str) -> None:
    """Make a workspace in FOLDER (default: --workspace, else the current folder).

    Writes plangraph.toml, an empty sources/ with its manifest.toml, registry/agencies.toml
    (commented: the format of your own entries) and a .gitignore for the cache. Refuses a
    folder that already has a plangraph.toml.
    """
    from ..workspace import init as make

    context = click.get_current_context().find_root()
    folder = folder or (context.obj or {}).get("workspace_dir") or Path.cwd()
    made = make(folder, name=name, jurisdiction=jurisdiction)
    root = Path(folder).resolve()
    for path in made:
        shown = path.resolve().relative_to(root).as_posix() + ("/" if path.is_dir() else "")
        click.echo(f"made {shown}")
    click.echo(f"workspace ready in {root}; next: plangraph add PLAN.md, then plangraph build", err=True)


def _findings_lines(findings) -> list[str]:
    f = findings
    body = f.tasks - f.appendix_tasks
    rows = [
        ("issuer", f.issuer or "?"),
        ("jurisdiction", f.jurisdiction or "?"),
        ("number", f.number or "?"),
        ("date", f.date or "?"),
        ("kind", f.kind),
        ("title", f.title),
        ("implements", "; ".join(f.implements) or "nothing found"),
        ("tasks", f"{f.tasks} ({body} in the text, {f.appendix_tasks} appendix rows), {f.targets} targets"),
        ("unregistered", "; ".join(f.unregistered) if f.unregistered else "none"),
        ("warnings", str(len(f.warnings)) if f.warnings else "none"),
    ]
    if f.notes:
        rows.insert(-1, ("notes", "; ".join(f.notes)))
    lines = [f.file, *(f"  {key + ':':13} {value}" for key, value in rows)]
    shown = 20
    lines.extend(f"    {warning}" for warning in f.warnings[:shown])
    if len(f.warnings) > shown:
        lines.append(f"    ... and {len(f.warnings) - shown} more")
    return lines


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-n", "--dry-run", is_flag=True, help="Show what was found and copy nothing.")
@reports_errors
def add(files: tuple[Path, ...], dry_run: bool) -> None:
    """Copy plan FILES (.txt, .md) into the workspace's sources, byte for byte.

    First shows what the reader found in each: issuer, number, date, kind, what it
    implements, tasks, unregistered agencies, warnings. A file that cannot be read, is not a
    plan or is already there (same SHA-256) stops the command with exit 2 and nothing is
    copied. Each plan copied is recorded in the manifest with its checksum.
    """
    from ..source_folder import check_new, copy_in

    ws = workspace()
    candidates = check_new(ws, list(files))
    for candidate in candidates:
        click.echo("\n".join(_findings_lines(candidate.findings)))
    where = ws.relative(ws.sources) + "/"
    if dry_run:
        click.echo(f"dry run: nothing copied to {where}", err=True)
        return
    copy_in(ws, candidates)
    for candidate in candidates:
        click.echo(f"added {candidate.name} to {where} (sha256 {candidate.sha256[:12]}…)", err=True)
    unregistered = sum(len(c.findings.unregistered) for c in candidates)
    hint = "; then `plangraph agencies --unregistered` for entries to add" if unregistered else ""
    click.echo(f"next: plangraph build{hint}", err=True)


@click.command()
@click.argument("file")
@reports_errors
def remove(file: str) -> None:
    """Take the plan FILE (its name in the sources) out of the workspace and its manifest."""
    from ..source_folder import take_out

    ws = workspace()
    path = take_out(ws, file)
    click.echo(f"removed {ws.relative(path)}; next: plangraph build", err=True)
