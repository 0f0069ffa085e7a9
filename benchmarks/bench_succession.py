"""The agency query across the 2025 reorganisation, against its anchor (used by run.py).

``tasks-of-agency`` now answers for a day (the tasks an agency holds then, with those it
took over): it is measured on the same store, in the same run, as the query as it was
before (``anchor-tasks-of-agency.rq``: the agencies as printed), so that the ratio is the
query's own and not the machine's. The printed branch leaves out the tasks an agency no
longer held that day; that exclusion can be written three ways, each measured here on
oxigraph and on rdflib, whose engines favour different ones (the tasks an agency gave
away while it continued; those of an agency that ended go with its pg:dissolved):

* ``minus``: MINUS { handover released by the agency, on or before the day } (the query's form)
* ``optional``: OPTIONAL { the same } FILTER(!BOUND ...)
* ``not-exists``: FILTER NOT EXISTS { the same }
"""

from __future__ import annotations

from pathlib import Path

ANCHOR = Path(__file__).with_name("anchor-tasks-of-agency.rq")
ID = "https://w3id.org/plangraph/id/"
AGENCIES = ["agency/thanh-hoa/so-y-te", "agency/thanh-hoa/so-ke-hoach-va-dau-tu", "agency/thanh-hoa/so-tai-chinh"]
FORMS = ("minus", "optional", "not-exists")


_PATTERN = "?gone pg:releasedBy ?agency ; pg:task ?task ; pg:role ?role ; pg:validFrom ?left"
_MINUS = ("    MINUS {\n      #@values\n      " + _PATTERN + " .\n"
          "      FILTER(!?asPrinted && ?left <= ?asOf)\n    }")
_FORMS = {
    "minus": _MINUS,
    "optional": "    OPTIONAL { " + _PATTERN + " }\n    FILTER(?asPrinted || !BOUND(?left) || ?asOf < ?left)",
    "not-exists": "    FILTER(?asPrinted || NOT EXISTS { " + _PATTERN + " FILTER(?left <= ?asOf) })",
}


def variants() -> dict[str, object]:
    """name -> NamedQuery: the anchor, and the query of today in each form of its exclusion."""
    from plangraph.query import load_query, parse_query

    today = load_query("tasks-of-agency")
    found = {"anchor": parse_query("tasks-of-agency", ANCHOR.read_text(encoding="utf-8"))}
    if _MINUS not in today.text:
        raise SystemExit("benchmarks/bench_succession.py: the exclusion of tasks-of-agency.rq has changed")
    for form, text in _FORMS.items():
        found[form] = parse_query("tasks-of-agency", today.text.replace(_MINUS, text))
    return found


def measure(store, backend: str, rdflib_limit=None, rounds: int = 21, budget: float = 60.0) -> dict:
    """Seconds (the fastest and the median of the rounds) and rows of each variant, for each
    agency, today and as printed.

    The variants of one agency run in turn, round after round, so that a busy machine slows
    them alike: on this shared 2-core machine the median of one query alone moved by a
    third between two runs, the fastest of interleaved rounds by a few percent.
    """
    import statistics
    import time

    from plangraph.query import bind

    out: dict = {}
    queries = variants()
    if backend == "rdflib":
        rounds, budget = 3, 20.0
    for agency in AGENCIES:
        cases = [("anchor", {}), *((form, {}) for form in FORMS), ("minus", {"as-printed": "true"})]
        texts = {f"succession {agency} {name}{' as printed' if extra else ''}":
                 bind(queries[name], {"agency": ID + agency, **extra}) for name, extra in cases}
        times: dict[str, list[float]] = {}
        for label, text in texts.items():  # warm-up, and the rows
            try:
                result = rdflib_limit(lambda: store.query(text)) if rdflib_limit else store.query(text)
            except Exception as error:  # rdflib stopped after its time limit, or a failure: say so, go on
                out[label] = "> limit" if type(error).__name__ == "_Alarm" else f"failed ({type(error).__name__})"
                continue
            out[label + " rows"] = len(result)
            times[label] = []
        started = time.perf_counter()
        for _ in range(rounds):
            for label in times:
                start = time.perf_counter()
                store.query(texts[label])
                times[label].append(time.perf_counter() - start)
            if time.perf_counter() - started > budget:
                break
        for label, spent in times.items():
            out[label] = min(spent)
            out[label + " median"] = statistics.median(spent)
    return out


def table(results: dict, fmt_time) -> list[str]:
    """The markdown rows: one per agency and variant, one column per backend, with the ratio
    to the anchor measured in the same process."""
    backends = [b for b in results if any(k.startswith("succession ") for k in results[b]["measures"])]
    if not backends:
        return []
    lines = ["", "| `tasks-of-agency` across the reorganisation: fastest of interleaved rounds (ratio to the "
             "anchor, same store, same run); median | "
             + " | ".join(backends) + " |", "|---|" + "---|" * len(backends)]
    names = [("anchor", "anchor: the query before issue 13 (as printed)"),
             ("minus", "today, MINUS (the query)"), ("optional", "today, OPTIONAL + !BOUND"),
             ("not-exists", "today, FILTER NOT EXISTS"), ("minus as printed", "--as-printed (the query)")]
    for agency in AGENCIES:
        for key, label in names:
            cells = []
            for backend in backends:
                measures = results[backend]["measures"]
                value = measures.get(f"succession {agency} {key}")
                anchor = measures.get(f"succession {agency} anchor")
                rows = measures.get(f"succession {agency} {key} rows")
                if not isinstance(value, float):
                    cells.append(value or "–")
                    continue
                ratio = f" (×{value / anchor:.2f})" if key != "anchor" and isinstance(anchor, float) and anchor else ""
                median = measures.get(f"succession {agency} {key} median")
                cells.append(f"{fmt_time(value)}{ratio}; median {fmt_time(median)}; {rows} rows")
            lines.append(f"| {agency.rsplit('/', 1)[-1]}: {label} | " + " | ".join(cells) + " |")
    return lines
