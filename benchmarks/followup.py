"""Follow-up at scale: ``status`` on a million triples of plans and 100,000 progress reports.

    .venv/bin/python benchmarks/followup.py               # and append to benchmarks/results.md
    .venv/bin/python benchmarks/followup.py --triples 100000 --reports 10000 --no-record

The plans are ``plangraph synth`` (the five plans copied into more plans and provinces);
the reports are generated: for as many tasks as needed, two to four reports each on
successive quarters after the plan was issued, attributed to the task's lead agency, with
a status drawn with a fixed seed (done ones with a completion date on or before the report).
They go through the same writer as imported reports (``plangraph.progress.graph``).

Both graphs are loaded into one pyoxigraph store in memory, in this process, and then
into the on-disk store the CLI uses (the cache keyed on both files). The anchor, measured
in the same run on the same store, is ``tasks-of-agency`` for Sở Y tế, the query every
benchmark of plangraph times. Each time is the median of up to 7 runs after a warm-up.
The goal (issue 18): ``status`` under 2 s in process. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.md"
ID = "https://w3id.org/plangraph/id/"

_TASKS = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?task ?file ?line ?lead ?issued WHERE {
  ?task a pg:Task ; pg:leadAgency ?lead ; pg:sourceFile ?file ; pg:sourceLine ?line ;
        pg:plan/pg:issuedBy/eli:date_document ?issued .
}"""


def timed(function, runs: int = 7) -> tuple[float, object]:
    function()  # warm-up
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
        if times[-1] > 5:
            break
    return statistics.median(times), result


def make_reports(store, count: int, seed: int = 18):
    """``count`` reports on the graph's tasks: 2-4 per task, on successive quarter ends."""
    from plangraph.progress import STATUSES
    from plangraph.progress.check import Report

    rng = random.Random(seed)
    tasks = {}
    for row in store.query(_TASKS):  # one lead per task (the first seen)
        tasks.setdefault(row["task"].value, (f"{row['file'].value}:{row['line'].value}", row["lead"].value,
                                             dt.date.fromisoformat(row["issued"].value)))
    reports = []
    for task in sorted(tasks):
        key, lead, issued = tasks[task]
        day = dt.date(issued.year, ((issued.month - 1) // 3 + 1) * 3, 1) + dt.timedelta(days=92)
        for _ in range(rng.randint(2, 4)):
            day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1) - dt.timedelta(days=1)  # month end
            status = rng.choices(STATUSES, weights=(4, 4, 2, 1, 1))[0]
            completed = day - dt.timedelta(days=rng.randint(0, 60)) if status.code == "done" else None
            reports.append(Report(task, key, lead, day, status, max(completed, issued) if completed else None,
                                  "", "", "bench.xlsx", "Báo cáo", len(reports) + 2))
            if len(reports) == count:
                return reports, len(tasks)
            day += dt.timedelta(days=85)
    return reports, len(tasks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--no-record", action="store_true", help="print only; do not append to results.md")
    args = parser.parse_args()

    from plangraph.cli.query import run_named
    from plangraph.progress.graph import progress_turtle
    from plangraph.store import EmbeddedStore, MemoryStore
    from plangraph.synth import write_synthetic

    folder = Path(tempfile.mkdtemp())
    rows: list[tuple[str, str]] = []
    try:
        plans = folder / "plangraph.nt"
        with open(plans, "w", encoding="utf-8") as out:
            written = write_synthetic(out, args.triples, graph_file=ROOT / "data" / "plangraph.ttl")
        reports, tasks = make_reports(MemoryStore(plans), args.reports)
        progress = folder / "progress.ttl"
        started = time.perf_counter()
        progress.write_text(progress_turtle(reports, {"bench.xlsx": "0" * 64}), encoding="utf-8")
        written_in = time.perf_counter() - started
        started = time.perf_counter()
        store = MemoryStore(plans, progress)
        loaded_in = time.perf_counter() - started
        report_triples = len(store) - written
        rows.append((f"the plans: `plangraph synth` ({written:,} triples, {tasks:,} tasks); {len(reports):,} reports "
                     f"({report_triples:,} triples)", "–"))
        rows.append(("progress graph written (sorted Turtle)", f"{written_in:.1f} s"))
        rows.append(("both loaded into pyoxigraph in memory", f"{loaded_in:.1f} s"))
        syt = ID + "agency/thanh-hoa/so-y-te"
        measures = [
            ("anchor: tasks-of-agency, Sở Y tế", "tasks-of-agency", {"agency": syt}),
            ("`status` as of 2023-12-31, every agency", "status", {"as-of": "2023-12-31"}),
            ("`status` as of 2023-12-31, Sở Y tế", "status", {"as-of": "2023-12-31", "agency": syt}),
            ("`overdue` as of 2023-12-31, every agency", "overdue", {"as-of": "2023-12-31"}),
            ("`task-status` as of 2023-12-31 (the dashboard's rows)", "task-status", {"as-of": "2023-12-31"}),
        ]
        for backend, opened in (("in memory", store), ("on disk", None)):
            if opened is None:
                started = time.perf_counter()
                opened = EmbeddedStore(plans, cache_dir=folder / "cache", also=[progress])
                opened.open()
                rows.append(("the on-disk store built from both files (bulk load and compaction)",
                             f"{time.perf_counter() - started:.1f} s"))
            anchor = None
            for label, name, params in measures:
                seconds, result = timed(lambda: run_named(opened, name, params))
                anchor = anchor or seconds
                ratio = "" if name == "tasks-of-agency" else f" (×{seconds / anchor:.1f} the anchor)"
                rows.append((f"{label}, pyoxigraph {backend} ({len(result):,} rows)", f"{seconds * 1000:.0f} ms{ratio}"))
            if backend == "on disk":
                opened.close()
        total = sum(int(row["total"].value) for row in run_named(store, "status", {"as-of": "2023-12-31"}))
        rows.append(("tasks counted by `status` (a task with two leads counts for each)", f"{total:,}"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    import pyoxigraph

    lines = [f"## Follow-up, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC (commit {commit}, "
             f"{platform.machine()}, Python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__})", "",
             "`benchmarks/followup.py`: `status` and the follow-up queries on the plans of `plangraph synth` and "
             "generated progress reports, in this process; the anchor (tasks-of-agency) on the same store in the "
             "same run.", "", "| measure | result |", "|---|---|"]
    lines += [f"| {measure} | {result} |" for measure, result in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_record:
        with RESULTS.open("a", encoding="utf-8") as handle:
            handle.write("\n" + text)


if __name__ == "__main__":
    sys.exit(main())
