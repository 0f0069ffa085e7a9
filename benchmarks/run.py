"""plangraph benchmarks: one command, results appended to benchmarks/results.md.

    .venv/bin/python benchmarks/run.py                      # five plans, then 100k and 1M triples
    .venv/bin/python benchmarks/run.py --sizes 10000 100000 1000000 10000000
    .venv/bin/python benchmarks/run.py --sizes 1000000 --backends oxigraph-memory oxigraph-disk
    .venv/bin/python benchmarks/run.py --no-real --no-record  # try something out

What it measures, on this machine with the versions installed (recorded with the results):

* the five plans: build, ``plangraph --help``, ``plangraph tasks``, validation (both
  engines), the agency view (generated, and drawn in headless Chromium);
* per synthetic size (``plangraph synth``: the five plans copied into more plans and
  provinces) and per backend, each backend in a process of its own so that its peak memory
  is its own:

  - ``rdflib``: an rdflib Graph in memory (its SPARQL engine is pure Python: queries only up
    to 100k triples, each stopped after 120 s);
  - ``oxigraph-memory``: pyoxigraph in memory;
  - ``oxigraph-disk``: the embedded default, the on-disk pyoxigraph store the CLI uses;
  - ``oxigraph-server``: ``oxigraph serve`` on 127.0.0.1, loaded with ``plangraph publish``
    (SPARQL Graph Store Protocol) and queried over HTTP;

  load or open, every named query (median of up to 7 runs after a warm-up, one run when a
  run takes over a second), the agency view, validation, peak memory; and the command line
  from process start to last line. Times are also given as ratios to pyoxigraph in memory
  measured in the same run. ``oxigraph load`` (the server's own bulk loader) on the same
  file is the yardstick for loading.

Speed targets belong here, not in the tests. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results.md"
BIN = Path(sys.executable).parent
PLANGRAPH = BIN / "plangraph"
OXIGRAPH = BIN / "oxigraph"
BACKENDS = ["rdflib", "oxigraph-memory", "oxigraph-disk", "oxigraph-server"]
ID = "https://w3id.org/plangraph/id/"
# The named queries with the parameters used at every size (round 0 of the synthetic graph
# is the real graph, so these nodes exist at every size). Names are resolved beforehand,
# so that the times are the queries' own; the command-line rows include name resolution.
QUERIES = [
    ("tasks-of-agency", {"agency": ID + "agency/thanh-hoa/so-y-te"}),
    ("tasks-of-agency", {"agency": ID + "agency/thanh-hoa/so-ke-hoach-va-dau-tu"}),
    ("tasks-of-agency", {"agency": ID + "agency/thanh-hoa/so-tai-chinh"}),
    ("trace", {"task": ID + "plan/thanh-hoa/2022-913/task/L97"}),
    ("resolution-tree", {"resolution": ID + "doc/2020/58-nq-tw"}),
    ("due", {"from": "2022-01-01", "to": "2022-06-30"}),
    ("targets", {"indicator": "GRDP", "year": "2025"}),
    ("workload", {"agency": ID + "agency/thanh-hoa/so-y-te"}),
    ("workload", {}),
    ("workload", {"as-printed": "true"}),
    ("unassigned-after-reorganisation", {}),
    ("target-conflicts", {}),
    ("duplicate-tasks", {"plan": ID + "doc/2022/thanh-hoa/913-qd-ubnd"}),
    ("duplicate-tasks", {}),
]
# PLANGRAPH_BENCH_ONLY=succession (`--only succession`): only the agency query against its
# anchor (bench_succession.py), at each size and backend
ONLY = os.environ.get("PLANGRAPH_BENCH_ONLY", "")
# duplicate-tasks over every pair of plans grows with the square of the plans of one
# province (4 s at 100k triples, 100 s at 1M in memory, over 600 s on the server); above
# this size only its one-plan form is run
ALL_PAIRS_MAX = 100_000
VIEW_MAX = 1_000_000
RDFLIB_QUERY_MAX = 100_000
RDFLIB_PARSE_MAX = 1_000_000
RDFLIB_QUERY_SECONDS = 120


# -- measuring -------------------------------------------------------------------------------

def timed(function, max_runs: int = 7, budget: float = 5.0) -> tuple[float, object]:
    """Median seconds of ``function`` over up to ``max_runs`` runs after a warm-up, within
    ``budget`` seconds; a single run when one run takes more than a second."""
    start = time.perf_counter()
    value = function()
    first = time.perf_counter() - start
    if first > 1.0:
        return first, value
    times = []
    spent = first
    while len(times) < max_runs and spent < budget:
        start = time.perf_counter()
        value = function()
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        spent += elapsed
    return statistics.median(times), value


def cli_peak(command: list[str]) -> tuple[float, int, int]:
    """(seconds, peak memory KiB, exit code) of one command, from wait4 of that child."""
    start = time.perf_counter()
    pid = os.posix_spawn(command[0], command, dict(os.environ), file_actions=[
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    _, status, usage = os.wait4(pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def cli_ms(args: list[str], runs: int = 7) -> float:
    """Median wall time of a plangraph command, process start to exit, after a warm-up."""
    command = [str(PLANGRAPH), *args]
    cli_peak(command)
    return statistics.median(cli_peak(command)[0] for _ in range(runs)) * 1000


def peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    if seconds >= 10:
        return f"{seconds:.0f} s"
    if seconds >= 1:
        return f"{seconds:.1f} s"
    if seconds >= 0.01:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds * 1000:.1f} ms"


def fmt_memory(kib: int | None) -> str:
    if not kib:
        return "–"
    return f"{kib / 1024 / 1024:.1f} GiB" if kib >= 1024 * 1024 else f"{kib / 1024:.0f} MiB"


# -- one backend, in a process of its own ----------------------------------------------------

class _Alarm(Exception):
    pass


def _with_alarm(seconds: int, function):
    """Run pure-Python ``function``, stopped after ``seconds`` (rdflib's engine)."""
    def ring(signum, frame):
        raise _Alarm()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        return function()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def worker(backend: str, path: Path, size: int) -> dict:
    """Load ``path`` into ``backend`` and run everything on it; return the measures."""
    from plangraph.cli.query import run_named
    from plangraph.store import EmbeddedStore, MemoryStore, RdflibStore, RemoteStore, StoreError

    out: dict = {"backend": backend, "measures": {}, "notes": []}
    measures = out["measures"]
    server = None
    folder = Path(tempfile.mkdtemp(prefix="plangraph-bench-"))
    try:
        if backend == "rdflib":
            start = time.perf_counter()
            store = RdflibStore.from_files(path)
            measures["load"] = time.perf_counter() - start
            if size > RDFLIB_QUERY_MAX:
                out["notes"].append(f"rdflib: queries not run above {RDFLIB_QUERY_MAX:,} triples "
                                    f"(tasks-of-agency took about a minute at 100k)")
                store = None
        elif backend == "oxigraph-memory":
            start = time.perf_counter()
            store = MemoryStore(path)
            measures["load"] = time.perf_counter() - start
        elif backend == "oxigraph-disk":
            graph = folder / path.name
            os.symlink(path, graph)
            start = time.perf_counter()
            EmbeddedStore(graph).open()  # bulk load into RocksDB, then compaction
            measures["load"] = time.perf_counter() - start
            start = time.perf_counter()
            store = EmbeddedStore(graph)
            store.open()
            measures["open"] = time.perf_counter() - start
        elif backend == "oxigraph-server":
            from plangraph.publish import free_port, publish, start_server

            port = free_port()
            server = start_server(folder / "db", port, read_only=False, union_default_graph=True)
            start = time.perf_counter()
            publish(f"http://127.0.0.1:{port}/store", path, timeout=600)
            measures["load"] = time.perf_counter() - start
            store = RemoteStore(f"http://127.0.0.1:{port}/query", timeout=600, retries=0)
            if ONLY != "succession":
                seconds = statistics.median(cli_peak([str(PLANGRAPH), "tasks", "--agency", "Sở Y tế", "-f", "tsv",
                                                      "--endpoint", f"http://127.0.0.1:{port}/query"])[0]
                                            for _ in range(5))
                measures["cli tasks"] = seconds
        else:
            raise SystemExit(f"unknown backend {backend}")
        if store is not None:
            from bench_succession import measure

            limit = (lambda function: _with_alarm(RDFLIB_QUERY_SECONDS, function)) if backend == "rdflib" else None
            measures.update(measure(store, backend, limit))
        if store is not None and ONLY != "succession":
            for name, params in QUERIES:
                key = f"query {name} {json.dumps(params, ensure_ascii=False)}"
                if name == "duplicate-tasks" and not params and size > ALL_PAIRS_MAX:
                    measures[key] = "not run"
                    continue
                try:
                    if backend == "rdflib":
                        seconds, result = _with_alarm(RDFLIB_QUERY_SECONDS, lambda: timed(
                            lambda: run_named(store, name, params), max_runs=2, budget=1))
                    else:
                        seconds, result = timed(lambda: run_named(store, name, params))
                    measures[key] = seconds
                    measures[key + " rows"] = len(result)
                except _Alarm:
                    measures[key] = f"> {RDFLIB_QUERY_SECONDS} s"
                except StoreError as error:  # a timeout (600 s) or a failure: say so, go on
                    measures[key] = "failed"
                    out["notes"].append(f"{backend}: {name} {params}: {error}")
            # a view of tens of thousands of nodes is no use to a reader (and its layout is
            # quadratic): views are measured up to 1M triples
            if (backend != "rdflib" or size <= 20_000) and size <= VIEW_MAX and ONLY != "succession":
                from plangraph.views import html, subgraphs

                def view():
                    graph = subgraphs.agency_view(store, ID + "agency/thanh-hoa/so-ke-hoach-va-dau-tu")
                    return graph, html.render_html(graph)

                seconds, (graph, _) = timed(view, max_runs=3)
                measures["view agency"] = seconds
                measures["view agency nodes"] = graph.number_of_nodes()
        if server is not None:
            status = Path(f"/proc/{server.pid}/status").read_text()
            measures["server peak"] = int(next(line.split()[1] for line in status.splitlines()
                                               if line.startswith("VmHWM")))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    measures["peak"] = peak_kib()
    return out


def validate_worker(path: Path) -> dict:
    from plangraph.validate import validate_files

    start = time.perf_counter()
    report = validate_files([path])
    return {"backend": "validate", "notes": [], "measures": {
        "validate": time.perf_counter() - start, "peak": peak_kib(),
        "findings": f"{report.count('violation')} violations, {report.count('warning')} warnings"}}


def in_child(*args: str) -> dict:
    command = [sys.executable, __file__, "--worker", *args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        return {"backend": args[0], "measures": {}, "notes": [f"{args[0]} failed: {result.stderr.strip()[-300:]}"]}
    return json.loads(result.stdout)


# -- the five plans --------------------------------------------------------------------------

def bench_real() -> list[tuple[str, str]]:
    from plangraph.build import build_graph
    from plangraph.paths import DEFAULT_OUTPUT
    from plangraph.query import bind, load_query
    from plangraph.store import EmbeddedStore

    rows = [("build of the five plans (in process)", fmt_time(timed(build_graph, 3)[0])),
            ("`plangraph --help`, process start to exit", f"{cli_ms(['--help']):.0f} ms"),
            ("`plangraph tasks --agency \"Sở Y tế\"`, warm, start to last line",
             f"{cli_ms(['tasks', '--agency', 'Sở Y tế', '-f', 'tsv']):.0f} ms"),
            ("`plangraph validate` of the five plans (fast engine), start to exit",
             f"{cli_ms(['validate', '-q'], 3):.0f} ms"),
            ("`plangraph validate --engine pyshacl` of the five plans",
             f"{cli_ms(['validate', '-q', '--engine', 'pyshacl'], 3):.0f} ms")]
    rows.extend(bench_views())
    store = EmbeddedStore(DEFAULT_OUTPUT)
    query = bind(load_query("tasks-of-agency"), {"agency": ID + "agency/so-y-te"})
    rows.append(("tasks-of-agency in process, five plans, oxigraph on disk",
                 fmt_time(timed(lambda: store.query(query))[0])))
    return rows


def bench_real_succession() -> list[str]:
    """tasks-of-agency against its anchor on the five plans: on-disk oxigraph and rdflib."""
    from bench_succession import measure, table

    from plangraph.paths import DEFAULT_OUTPUT
    from plangraph.store import EmbeddedStore, RdflibStore

    results = {"five plans, oxigraph-disk": {"measures": measure(EmbeddedStore(DEFAULT_OUTPUT), "oxigraph-disk")},
               "five plans, rdflib": {"measures": measure(RdflibStore.from_files(DEFAULT_OUTPUT), "rdflib")}}
    return table(results, fmt_time)


def bench_views() -> list[tuple[str, str]]:
    """Generating the agency view, and the time until the page has drawn in Chromium."""
    target = Path(tempfile.gettempdir()) / "plangraph-bench.html"
    rows = [("`plangraph viz --agency \"Sở Kế hoạch và Đầu tư\"`, start to exit",
             f"{cli_ms(['viz', '--agency', 'Sở Kế hoạch và Đầu tư', '-o', str(target)], 3):.0f} ms")]
    chromium = shutil.which("chromium")
    if chromium is None:
        return rows
    from playwright.sync_api import sync_playwright

    flags = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync"]
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=flags)
        for _ in range(3):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            start = time.perf_counter()
            page.goto(target.as_uri())
            page.wait_for_function("window.plangraph && window.plangraph.ready")
            times.append(time.perf_counter() - start)
            page.close()
        browser.close()
    rows.append(("agency view drawn in headless Chromium (load to first drawing, settled: physics off)",
                 fmt_time(statistics.median(times))))
    return rows


# -- one synthetic size ------------------------------------------------------------------------

def synthetic_file(size: int) -> tuple[Path, float | None]:
    import hashlib

    from plangraph import synth
    from plangraph.paths import DEFAULT_OUTPUT

    DATA.mkdir(parents=True, exist_ok=True)
    # kept between runs, but only while the generator and the real graph are the same
    inputs = Path(synth.__file__).read_bytes() + DEFAULT_OUTPUT.read_bytes()
    path = DATA / f"synth-{size}-{hashlib.sha256(inputs).hexdigest()[:10]}.nt"
    if path.exists():
        return path, None
    start = time.perf_counter()
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as out:
        synth.write_synthetic(out, size)
    tmp.replace(path)
    return path, time.perf_counter() - start


def bench_size(size: int, backends: list[str]) -> list[str]:
    path, generated = synthetic_file(size)
    triples = sum(1 for _ in path.open("rb"))
    results = {name: in_child(name, str(path), str(size)) for name in backends
               if name != "rdflib" or size <= RDFLIB_PARSE_MAX}
    baseline = results.get("oxigraph-memory", {}).get("measures", {})
    lines = [f"\n### {triples:,} triples (`plangraph synth --triples {size}`"
             + (f", written in {fmt_time(generated)})" if generated else ")") + "\n",
             "| measure | " + " | ".join(results) + " |", "|---|" + "---|" * len(results)]

    def cell(backend: str, key: str, ratio: bool) -> str:
        value = results[backend]["measures"].get(key)
        if value is None:
            return "–"
        if isinstance(value, str):
            return value
        text = fmt_time(value)
        base = baseline.get(key)
        if ratio and backend != "oxigraph-memory" and isinstance(base, float) and base > 0:
            factor = value / base
            text += f" (×{factor:.0f})" if factor >= 10 else f" (×{factor:.1f})"
        rows, expected = results[backend]["measures"].get(key + " rows"), baseline.get(key + " rows")
        if rows is not None and expected is not None and rows != expected:
            text += f" **{rows} rows**"  # another engine, another answer
        return text

    from bench_succession import table as succession_table

    if ONLY == "succession":
        lines.append("| load | " + " | ".join(cell(b, "load", False) for b in results) + " |")
        notes = [note for r in results.values() for note in r.get("notes", [])]
        return [*lines, *succession_table(results, fmt_time), *(f"\n* {note}" for note in notes)]
    lines.append("| load (rdflib parse; pyoxigraph bulk load; on disk: bulk load and compaction; "
                 "server: `plangraph publish`) | " + " | ".join(cell(b, "load", False) for b in results) + " |")
    lines.append("| open the on-disk store | " + " | ".join(cell(b, "open", False) for b in results) + " |")
    for name, params in QUERIES:
        key = f"query {name} {json.dumps(params, ensure_ascii=False)}"
        shown = ", ".join(f"{k}={v.removeprefix(ID)}" for k, v in params.items())
        rows = baseline.get(key + " rows", "?")
        lines.append(f"| `{name}` {shown} ({rows} rows) | "
                     + " | ".join(cell(b, key, True) for b in results) + " |")
    nodes = next((r["measures"].get("view agency nodes") for r in results.values()
                  if r["measures"].get("view agency nodes")), "?")
    lines.append(f"| agency view of Sở Kế hoạch và Đầu tư, queried and rendered ({nodes} nodes) | "
                 + " | ".join(cell(b, "view agency", True) for b in results) + " |")
    lines.append("| `plangraph tasks --agency \"Sở Y tế\"` over HTTP, start to last line | "
                 + " | ".join(cell(b, "cli tasks", False) for b in results) + " |")
    lines.append("| peak memory of the process | " + " | ".join(
        fmt_memory(results[b]["measures"].get("peak")) for b in results) + " |")
    if "oxigraph-server" in results:
        lines.append("| peak memory of the oxigraph server | " + " | ".join(
            fmt_memory(results[b]["measures"].get("server peak")) for b in results) + " |")

    # loading: the same file with oxigraph's own bulk loader
    folder = Path(tempfile.mkdtemp(prefix="plangraph-bench-"))
    try:
        seconds, kib, code = cli_peak([str(OXIGRAPH), "load", "--location", str(folder / "db"), "--file", str(path)])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    lines.append("")
    extra = [f"| `oxigraph load` of the same file (its own bulk loader, on disk) | {fmt_time(seconds)}, "
             f"{fmt_memory(kib)} peak{'' if code == 0 else f' (exit {code})'} |"]
    disk = results.get("oxigraph-disk", {}).get("measures", {})
    if "load" in disk:
        extra.append(f"| plangraph's on-disk store built from the same file (bulk load and compaction) | "
                     f"{fmt_time(disk['load'])} (×{disk['load'] / seconds:.2g} `oxigraph load`), "
                     f"{fmt_memory(disk.get('peak'))} peak |")
    # the command line, from process start to last output line
    graph = str(path)
    cli_peak([str(PLANGRAPH), "tasks", "--agency", "Sở Y tế", "--graph", graph, "-f", "tsv"])  # builds the cache
    tasks = [cli_peak([str(PLANGRAPH), "tasks", "--agency", "Sở Y tế", "--graph", graph, "-f", "tsv"])
             for _ in range(5)]
    table = [cli_peak([str(PLANGRAPH), "tasks", "--agency", "Sở Y tế", "--graph", graph]) for _ in range(5)]
    extra.append(f"| `plangraph tasks --agency \"Sở Y tế\"` (embedded store, warm), start to last line, tsv / table "
                 f"| {fmt_time(statistics.median(t[0] for t in tasks))} / "
                 f"{fmt_time(statistics.median(t[0] for t in table))}, {fmt_memory(max(t[1] for t in table))} peak |")
    seconds, kib, _ = cli_peak([str(PLANGRAPH), "viz", "--agency", "Sở Kế hoạch và Đầu tư", "--graph", graph,
                                "-o", str(Path(tempfile.gettempdir()) / "plangraph-bench-viz.html")])
    extra.append(f"| `plangraph viz --agency \"Sở Kế hoạch và Đầu tư\"`, start to exit | {fmt_time(seconds)}, "
                 f"{fmt_memory(kib)} peak |")
    validation = in_child("validate", graph, str(size))
    measures = validation["measures"]
    if measures:
        extra.append(f"| `validate` (fast engine: shapes and qc rules on pyoxigraph in memory) | "
                     f"{fmt_time(measures['validate'])}, {fmt_memory(measures['peak'])} peak; {measures['findings']} |")
    if size <= 200_000:
        seconds, kib, _ = cli_peak([str(PLANGRAPH), "validate", "-q", "--engine", "pyshacl", graph])
        extra.append(f"| `plangraph validate --engine pyshacl` (rdflib and pySHACL) | {fmt_time(seconds)}, "
                     f"{fmt_memory(kib)} peak |")
    lines += succession_table(results, fmt_time)
    lines += ["", "| measure | result |", "|---|---|", *extra]
    notes = [note for r in [*results.values(), validation] for note in r.get("notes", [])]
    if size > RDFLIB_PARSE_MAX and "rdflib" in backends:
        notes.append(f"rdflib: not run above {RDFLIB_PARSE_MAX:,} triples")
    if any("**" in line for line in lines):
        notes.append("**N rows**: this backend answered with another number of rows than pyoxigraph")
    lines += [f"\n* {note}" for note in notes]
    return lines


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    import pyoxigraph
    import rdflib

    server = subprocess.run([str(OXIGRAPH), "--version"], capture_output=True, text=True).stdout.strip()
    return (f"{os.cpu_count()} cores ({cpu}), {memory}; Python {platform.python_version()}, "
            f"pyoxigraph {pyoxigraph.__version__}, {server or 'oxigraph server not installed'}, rdflib {rdflib.__version__}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--backends", nargs="*", default=BACKENDS, choices=BACKENDS)
    parser.add_argument("--no-real", action="store_true", help="skip the five plans' measures")
    parser.add_argument("--no-record", action="store_true", help="print only; do not append to results.md")
    parser.add_argument("--only", choices=["succession"],
                        help="succession: only tasks-of-agency against its anchor (five plans and each size)")
    parser.add_argument("--worker", nargs=3, metavar=("BACKEND", "FILE", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--against", metavar="REF",
                        help="only time --help and the agency query here and at git REF, in the same run "
                             "(benchmarks/against.py); with --sizes, the agency query on those synthetic sizes too")
    options = parser.parse_args()
    if options.only:
        global ONLY
        ONLY = os.environ["PLANGRAPH_BENCH_ONLY"] = options.only  # the workers read it too
    if options.worker:
        backend, path, size = options.worker
        result = validate_worker(Path(path)) if backend == "validate" else worker(backend, Path(path), int(size))
        print(json.dumps(result))
        return
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    lines = [f"\n## {stamp} (commit {commit})\n", f"{machine()}\n"]
    if options.against:
        from against import compare

        graphs = [("the five plans", ROOT / "data" / "plangraph.ttl", ID + "agency/thanh-hoa/so-y-te")]
        graphs += [(f"{size:,} triples", synthetic_file(size)[0], ID + "agency/thanh-hoa/so-y-te")
                   for size in (options.sizes if "--sizes" in sys.argv else [])]
        lines += [f"Against `{options.against}` (anchor measured in the same run, in alternation):\n"]
        lines += compare(options.against, graphs)
        options.no_real, options.sizes = True, []
    if not options.no_real and ONLY == "succession":
        lines += bench_real_succession()
    elif not options.no_real:
        lines += ["| the five plans | result |", "|---|---|"]
        lines += [f"| {name} | {value} |" for name, value in bench_real()]
    for size in options.sizes:
        lines += bench_size(size, options.backends)
        print("\n".join(lines), flush=True)
    text = "\n".join(lines) + "\n"
    print(text)
    if not options.no_record:
        if not RESULTS.exists():
            RESULTS.write_text("# Benchmark results\n\nAppended by `benchmarks/run.py`; newest last.\n",
                               encoding="utf-8")
        with RESULTS.open("a", encoding="utf-8") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()
