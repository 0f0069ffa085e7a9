"""``plangraph init``, ``plangraph add`` and ``plangraph remove``: a workspace and its plans."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalogue import t
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
        click.echo(t("init.made", path=shown))
    click.echo(t("init.ready", root=root), err=True)


def _findings_lines(findings) -> list[str]:
    from ..catalogue.reader import reader_text

    f = findings
    body = f.tasks - f.appendix_tasks
    rows = [
        ("issuer", f.issuer or "?"),
        ("jurisdiction", f.jurisdiction or "?"),
        ("number", f.number or "?"),
        ("date", f.date or "?"),
        ("kind", f.kind),
        ("title", f.title),
        ("implements", "; ".join(f.implements) or t("add.nothing_found")),
        ("tasks", t("add.task_counts", tasks=f.tasks, body=body, appendix=f.appendix_tasks, targets=f.targets)),
        ("unregistered", "; ".join(f.unregistered) if f.unregistered else t("add.none")),
        ("warnings", str(len(f.warnings)) if f.warnings else t("add.none")),
    ]
    if f.notes:
        rows.insert(-1, ("notes", "; ".join(map(reader_text, f.notes))))
    width = max(len(t(f"add.{key}")) for key, _ in rows) + 1
    lines = [f.file, *(f"  {t('add.' + key) + ':':{width}} {value}" for key, value in rows)]
    shown = 20
    lines.extend(f"    {reader_text(warning)}" for warning in f.warnings[:shown])
    if len(f.warnings) > shown:
        lines.append(f"    {t('more', count=len(f.warnings) - shown)}")
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
        click.echo(t("add.dry_run", where=where), err=True)
        return
    copy_in(ws, candidates)
    for candidate in candidates:
        click.echo(t("add.added", name=candidate.name, where=where, sha=candidate.sha256[:12]), err=True)
    unregistered = sum(len(c.findings.unregistered) for c in candidates)
    click.echo(t("add.next", hint=t("add.hint_unregistered") if unregistered else ""), err=True)


@click.command()
@click.argument("file")
@reports_errors
def remove(file: str) -> None:
    """Take the plan FILE (its name in the sources) out of the workspace and its manifest."""
    from ..source_folder import take_out

    ws = workspace()
    path = take_out(ws, file)
    click.echo(t("remove.removed", path=ws.relative(path)), err=True)
