"""``plangraph agencies``: the merged registry, or entries for the names it does not know."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import reports_errors
from .options import emit, store_for, workspace
from .output import FORMATS

# Every agency or collective the tasks name, with each task's line: the names no registry
# knows are those whose IRI is not a registry id (the build gives them "unregistered-...").
USED_AGENCIES = """\
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?agency ?name ?file ?line WHERE {
  VALUES ?kind { pg:Agency pg:Collective }
  ?agency a ?kind ; skos:prefLabel ?name .
  FILTER(LANG(?name) = "vi")
  ?task pg:leadAgency|pg:coordinatingAgency ?agency ; pg:sourceFile ?file ; pg:sourceLine ?line .
}"""


def _toml(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def unregistered_entries(rows, resolver) -> list[str]:
    """TOML ``[[agency]]`` entries, one per name in ``rows`` (agency IRI, name, file, line)
    that ``resolver`` does not know, with its first line as ``source``."""
    from ..text import slugify

    used: dict[str, dict] = {}
    for iri, name, file, line in rows:
        entity_id = iri.rsplit("/", 1)[-1]
        if entity_id in resolver.entries or resolver.resolve(name):
            continue  # registered (or since added to the registry: the graph is older)
        seen = used.setdefault(entity_id, {"name": name, "tasks": set()})
        seen["tasks"].add((file, int(line)))
    entries = []
    taken = set(resolver.entries)
    for entity_id, seen in sorted(used.items(), key=lambda item: min(item[1]["tasks"])):
        slug = slugify(seen["name"]) or entity_id.removeprefix("unregistered-")
        new_id, n = slug, 2
        while new_id in taken:
            new_id, n = f"{slug}-{n}", n + 1
        taken.add(new_id)
        file, line = min(seen["tasks"])
        tasks = len(seen["tasks"])
        entries.append(
            f"# named by {tasks} task{'s' if tasks != 1 else ''}, first at {file}:{line}\n"
            f"[[agency]]\n"
            f"id = {_toml(new_id)}\n"
            f"name = {_toml(seen['name'])}\n"
            f'name_en = ""\n'
            f'# level = "province"         # central | province | district\n'
            f'# category = "department"    # department | board | peoples-committee | centre | ...\n'
            f"source = {_toml(f'{file}:{line}')}\n"
        )
    return entries


@click.command()
@click.option("--unregistered", is_flag=True,
              help="Print a registry entry, ready to paste, for each name the graph's tasks use that no registry knows.")
@click.option("--graph", "graph_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Graph file (default: the workspace's graph).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="Of the listing (--unregistered always prints TOML).")
@reports_errors
def agencies(unregistered: bool, graph_file: Path | None, fmt: str) -> None:
    """List the agencies and collectives of the registry: bundled, and the workspace's own.

    With --unregistered: the names the plans use that no registry knows, as [[agency]]
    entries to complete and paste into the workspace's registry/agencies.toml.
    """
    from ..extract.agencies import AgencyResolver
    from ..registries import load_registries
    from ..store import Result, Term

    ws = workspace(required=graph_file is None)
    registries = load_registries(ws.registry if ws else None)
    resolver = AgencyResolver.from_file(registries)
    if not unregistered:
        rows = [{"id": Term("literal", entry.id),
                 "kind": Term("literal", "collective" if entry.is_collective else "agency"),
                 "name": Term("literal", entry.name), "name_en": Term("literal", entry.name_en),
                 "from": Term("literal", registries.origin("agencies", entry.id))}
                for entry in resolver.entries.values()]
        emit(Result(["id", "kind", "name", "name_en", "from"], rows), fmt, False, None, False)
        return
    store = store_for(None, graph_file, 60.0)
    rows = [(r["agency"].value, r["name"].value, r["file"].value, r["line"].value)
            for r in store.query(USED_AGENCIES)]
    entries = unregistered_entries(rows, resolver)
    target = ws.relative(ws.registry / "agencies.toml") if ws else "the registry's agencies.toml"
    if not entries:
        click.echo("# every agency the graph's tasks name is in the registry")
        return
    click.echo(f"# {len(entries)} name{'s' if len(entries) != 1 else ''} the plans use that no registry knows: "
               f"complete each entry (name_en, level,\n# category), paste it into {target} and run "
               "`plangraph build`.\n")
    click.echo("\n".join(entries), nl=False)
