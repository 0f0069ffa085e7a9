"""Where the agency query's time goes on oxigraph: planning against evaluation (issue 13).

    .venv/bin/python benchmarks/planning.py            # prints a markdown table
    .venv/bin/python benchmarks/planning.py --record   # and appends it to benchmarks/results.md

``tasks-of-agency`` answers for a day (the tasks an agency holds then, with those it took
over); its anchor is the query before issue 13 (``anchor-tasks-of-agency.rq``, the agencies
as printed). Each variant runs on the five plans' graph in memory, and on an empty store,
where a query costs its parsing and planning alone (nothing to evaluate), in alternation,
fastest of the rounds. The variants that are not the query say what a way out would give:

* ``without bound VALUES``: the query with none of the VALUES blocks that
  :func:`plangraph.query.bind` writes at its ``#@values`` markers (so it answers something
  else: planning only, to see what the blocks cost);
* ``substitutions``: the parameters given to pyoxigraph as ``substitutions`` instead of
  VALUES blocks (the subquery keeps its own: substitutions do not reach into it; the
  parameters then have to be in the SELECT list), checked to give the same rows.

Nothing here asserts.
"""

from __future__ import annotations

import argparse
import datetime
import re
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/plangraph/id/"
AGENCIES = ("so-y-te", "so-ke-hoach-va-dau-tu", "so-tai-chinh")
_BOUND = re.compile(r"\n *VALUES \(\?agency[^\n]*")  # the blocks bind() writes all begin with ?agency


def _substituted(text: str, empty):
    """The bound query without its top-level blocks (the subquery's, the last, kept) and the
    same values as pyoxigraph substitutions, read from the widest block itself (so that
    they are bind()'s, defaults included), the parameters added to the SELECT list."""
    blocks = list(_BOUND.finditer(text))
    widest = max(blocks, key=lambda block: block.group(0).split(")")[0].count("?"))
    results = empty.query("SELECT * WHERE {" + widest.group(0) + " }")
    variables, solution = results.variables, next(iter(results))
    values = {variable: solution[variable] for variable in variables}
    kept = blocks[-1]
    text = _BOUND.sub("", text[:kept.start()]) + text[kept.start():]
    select = re.search(r"^SELECT ([^\n]*?) *\nWHERE", text, re.M)
    text = text[:select.end(1)] + "".join(f" ?{variable.value}" for variable in values) + text[select.end(1):]
    return text, values


def measure(rounds: int) -> list[str]:
    import pyoxigraph as ox

    from plangraph.query import bind, load_query, parse_query

    graph = ox.Store()
    graph.load(path=str(ROOT / "data" / "plangraph.ttl"), format=ox.RdfFormat.TURTLE, base_iri=ID)
    empty = ox.Store()
    anchor = parse_query("tasks-of-agency", (ROOT / "benchmarks" / "anchor-tasks-of-agency.rq").read_text("utf-8"))
    today = load_query("tasks-of-agency")
    lines = ["| agency: variant | five plans, in memory (ratio to the anchor) | empty store: parsing and planning | "
             "rows |", "|---|---|---|---|"]
    for name in AGENCIES:
        agency = ID + "agency/thanh-hoa/" + name
        query = bind(today, {"agency": agency})
        variants = {"anchor (before issue 13)": (bind(anchor, {"agency": agency}), None),
                    "the query": (query, None),
                    "without bound VALUES (planning only)": (_BOUND.sub("", query), None),
                    "substitutions instead of VALUES": _substituted(query, empty)}
        rows = {label: len(list(graph.query(text, substitutions=subs))) for label, (text, subs) in variants.items()}
        spent = {label: [float("inf"), float("inf")] for label in variants}
        for _ in range(rounds):
            for label, (text, subs) in variants.items():
                for index, store in enumerate((graph, empty)):
                    start = time.perf_counter()
                    list(store.query(text, substitutions=subs))
                    spent[label][index] = min(spent[label][index], time.perf_counter() - start)
        base = spent["anchor (before issue 13)"][0]
        for label, (full, planning) in spent.items():
            same = "" if "planning only" in label else f"{rows[label]}"
            lines.append(f"| {name}: {label} | {full * 1e3:.2f} ms (×{full / base:.2f}) | {planning * 1e3:.2f} ms | "
                         f"{same} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--record", action="store_true", help="append the table to benchmarks/results.md")
    options = parser.parse_args()
    import pyoxigraph

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"## Planning of the agency query, {stamp} (commit {commit}, pyoxigraph {pyoxigraph.__version__})", "",
             "`benchmarks/planning.py`: fastest of interleaved rounds; on an empty store a query costs its "
             "parsing and planning alone.", "", *measure(options.rounds), ""]
    print("\n".join(lines))
    if options.record:
        with open(ROOT / "benchmarks" / "results.md", "a", encoding="utf-8") as handle:
            handle.write("\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
