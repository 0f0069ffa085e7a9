"""``plangraph agencies``: the merged registry, or entries for the names it does not know."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import reports_errors
from .options import emit, store_for, workspace
from .output import FORMATS

# Every agency or collective the tasks name that no registry lists (pg:registered false),
# with its jurisdiction and each task's line.
UNREGISTERED_AGENCIES = """\
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?agency ?kind ?name ?place ?file ?line WHERE {
  VALUES ?kind { pg:Agency pg:Collective }
  ?agency a ?kind ; pg:registered false ; skos:prefLabel ?name .
  FILTER(LANG(?name) = "vi")
  OPTIONAL { ?agency pg:jurisdiction ?place }
  ?task pg:leadAgency|pg:coordinatingAgency ?agency ; pg:sourceFile ?file ; pg:sourceLine ?line .
}"""


def _toml(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def unregistered_entries(rows, known: set[tuple[str, str]]) -> list[str]:
    """TOML entries, one per unregistered agency or collective in ``rows`` (IRI, kind, name,
    jurisdiction IRI, file, line), with its first line as ``source``; ``known`` holds the
    (jurisdiction, id) pairs of the registry, which a graph older than the registry may
    still call unregistered."""
    used: dict[str, dict] = {}
    for iri, kind, name, place, file, line in rows:
        slug = iri.rsplit("/", 1)[-1]
        jurisdiction = (place or "").rsplit("/jurisdiction/", 1)[-1] or "vn"
        if (jurisdiction, slug) in known:
            continue
        seen = used.setdefault(iri, {"name": name, "slug": slug, "jurisdiction": jurisdiction,
                                     "collective": kind.endswith("#Collective"), "tasks": set()})
        seen["tasks"].add((file, int(line)))
    entries = []
    for seen in sorted(used.values(), key=lambda item: min(item["tasks"])):
        file, line = min(seen["tasks"])
        tasks = len(seen["tasks"])
        where = ('scope = "national"\n' if seen["jurisdiction"] == "vn"
                 else f"jurisdiction = {_toml(seen['jurisdiction'])}\n")
        entries.append(
            f"# named by {tasks} task{'s' if tasks != 1 else ''}, first at {file}:{line}\n"
            f"[[{'collective' if seen['collective'] else 'agency'}]]\n"
            f"id = {_toml(seen['slug'])}\n"
            f"{where}"
            f"name = {_toml(seen['name'])}\n"
            f'name_en = ""\n'
            f'# level = "province"         # national | province | district | commune\n'
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
    from ..extract.agencies import load_registry
    from ..read.agencies import registry_entries
    from ..read.jurisdictions import Jurisdictions
    from ..registries import load_registries
    from ..store import Result, Term

    ws = workspace(required=graph_file is None)
    registries = load_registries(ws.registry if ws else None)
    default = Jurisdictions.bundled().configured(ws.jurisdiction) if ws else None
    entries = registry_entries(registries, default.id if default else None)
    if not unregistered:
        stems = {entry.id: stem for stem in ("standard-agencies", "agencies")
                 for entry in load_registry(registries, stem)}
        rows = [{"id": Term("literal", entry.id),
                 "kind": Term("literal", "collective" if entry.is_collective else "agency"),
                 "name": Term("literal", entry.name), "name_en": Term("literal", entry.name_en),
                 "jurisdiction": Term("literal", entry.jurisdiction or entry.scope),
                 "from": Term("literal", registries.origin(stems.get(entry.id, "agencies"), entry.id))}
                for entry in entries]
        emit(Result(["id", "kind", "name", "name_en", "jurisdiction", "from"], rows), fmt, False, None, False,
             name="agencies")
        return
    store = store_for(None, graph_file, 60.0)
    rows = [(r["agency"].value, r["kind"].value, r["name"].value, r["place"].value if "place" in r else "",
             r["file"].value, r["line"].value)
            for r in store.query(UNREGISTERED_AGENCIES)]
    known = {(entry.jurisdiction or "vn", entry.id) for entry in entries}
    found = unregistered_entries(rows, known)
    target = ws.relative(ws.registry / "agencies.toml") if ws else "the registry's agencies.toml"
    if not found:
        click.echo("# every agency the graph's tasks name is in the registry")
        return
    click.echo(f"# {len(found)} name{'s' if len(found) != 1 else ''} the plans use that no registry knows: "
               f"complete each entry (name_en, level,\n# category), paste it into {target} and run "
               "`plangraph build`.\n")
    click.echo("\n".join(found), nl=False)

