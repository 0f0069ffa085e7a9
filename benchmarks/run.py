"""plangraph benchmarks: one command, results appended to benchmarks/results.md.

    .venv/bin/python benchmarks/run.py                 # real graph + 1M synthetic triples
    .venv/bin/python benchmarks/run.py --sizes 10000 100000 1000000

Measures, on this machine, with the versions installed:
  * `plangraph build` of the five plans (wall time, in-process);
  * `plangraph --help` and `plangraph tasks --agency "Sở Y tế"` from process start to the
    last output line, warm (median of several runs after one warm-up);
  * the tasks-of-agency query in process, on the real graph and on synthetic graphs,
    with pyoxigraph in memory and on disk (median of several runs).

Speed targets belong here, not in the tests. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results.md"
PLANGRAPH = Path(sys.executable).with_name("plangraph")


def _median_ms(function, runs: int = 7) -> float:
    function()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _cli_ms(args: list[str], runs: int = 7) -> float:
    def run():
        subprocess.run([str(PLANGRAPH), *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    return _median_ms(run, runs)


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

    return (f"{os.cpu_count()} cores ({cpu}), {memory}; Python {platform.python_version()}, "
            f"pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}")


def bench_real() -> list[tuple[str, str]]:
    from plangraph.build import build_graph
    from plangraph.paths import DEFAULT_OUTPUT
    from plangraph.query import bind, load_query
    from plangraph.store import EmbeddedStore

    rows = []
    rows.append(("build of the five plans (in process)", f"{_median_ms(build_graph, 3):.0f} ms"))
    rows.append(("`plangraph --help`, process start to exit", f"{_cli_ms(['--help']):.0f} ms"))
    rows.append(("`plangraph tasks --agency \"Sở Y tế\"`, warm, start to last line",
                 f"{_cli_ms(['tasks', '--agency', 'Sở Y tế', '-f', 'tsv']):.0f} ms"))
    rows.append(("`plangraph validate` of the five plans (fast engine), start to exit",
                 f"{_cli_ms(['validate', '-q'], 3):.0f} ms"))
    rows.append(("`plangraph validate --engine pyshacl` of the five plans",
                 f"{_cli_ms(['validate', '-q', '--engine', 'pyshacl'], 3):.0f} ms"))
    rows.extend(bench_views())
    store = EmbeddedStore(DEFAULT_OUTPUT)
    query = bind(load_query("tasks-of-agency"), {"agency": "https://w3id.org/plangraph/id/agency/so-y-te"})
    rows.append(("tasks-of-agency in process, five plans, oxigraph on disk",
                 f"{_median_ms(lambda: store.query(query)):.1f} ms"))
    return rows


def bench_views() -> list[tuple[str, str]]:
    """Generating the agency view, and the time until the page has drawn in Chromium."""
    rows = [("`plangraph viz --agency \"Sở Kế hoạch và Đầu tư\"`, start to exit",
             f"{_cli_ms(['viz', '--agency', 'Sở Kế hoạch và Đầu tư', '-o', '/tmp/plangraph-bench.html'], 3):.0f} ms")]
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
            page.goto("file:///tmp/plangraph-bench.html")
            page.wait_for_function("window.plangraph && window.plangraph.ready")
            times.append((time.perf_counter() - start) * 1000)
            page.close()
        browser.close()
    rows.append(("agency view drawn in headless Chromium (load to first drawing, settled: physics off)",
                 f"{statistics.median(times):.0f} ms"))
    return rows


def bench_synthetic(size: int) -> list[tuple[str, str]]:
    import pyoxigraph as ox

    from plangraph.query import bind, load_query
    from plangraph.synth import write_synthetic

    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"synth-{size}.nt"  # N-Triples is Turtle too: validate reads it as such
    if not path.exists():
        with path.open("w", encoding="utf-8") as out:
            write_synthetic(out, size)
    query = bind(load_query("tasks-of-agency"), {"agency": "https://w3id.org/plangraph/id/agency/so-y-te"})
    rows = []
    start = time.perf_counter()
    memory = ox.Store()
    memory.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    load_s = time.perf_counter() - start
    label = f"{len(memory):,} triples"
    rows.append((f"load into pyoxigraph in memory ({label})", f"{load_s:.2f} s"))
    count = len(list(memory.query(query)))
    rows.append((f"tasks-of-agency, pyoxigraph in memory ({label}, {count} rows)",
                 f"{_median_ms(lambda: list(memory.query(query))):.1f} ms"))
    folder = Path(tempfile.mkdtemp(prefix="plangraph-bench-"))
    try:
        disk = ox.Store(str(folder / "db"))
        disk.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
        disk.flush()
        disk.optimize()
        del disk
        start = time.perf_counter()
        reopened = ox.Store.read_only(str(folder / "db"))
        rows.append((f"reopen the on-disk store ({label})", f"{(time.perf_counter() - start) * 1000:.0f} ms"))
        rows.append((f"tasks-of-agency, pyoxigraph on disk ({label})",
                     f"{_median_ms(lambda: list(reopened.query(query))):.1f} ms"))
        del reopened
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if size <= 200_000:
        import rdflib

        start = time.perf_counter()
        graph = rdflib.Graph().parse(str(path), format="nt")
        rows.append((f"parse with rdflib ({label})", f"{time.perf_counter() - start:.2f} s"))
        rdflib_ms = _median_ms(lambda: list(graph.query(query)), 3)
        memory_ms = _median_ms(lambda: list(memory.query(query)))
        rows.append((f"tasks-of-agency, rdflib in memory ({label})",
                     f"{rdflib_ms:.0f} ms ({rdflib_ms / memory_ms:.0f}x pyoxigraph in memory, same run)"))
    from plangraph.validate import validate_files

    start = time.perf_counter()
    validate_files([path])
    rows.append((f"validate, fast engine ({label})", f"{time.perf_counter() - start:.1f} s"))
    if size <= 200_000:
        start = time.perf_counter()
        validate_files([path], engine="pyshacl")
        rows.append((f"validate, pySHACL engine ({label})", f"{time.perf_counter() - start:.1f} s"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000_000])
    parser.add_argument("--no-record", action="store_true", help="print only; do not append to results.md")
    options = parser.parse_args()
    rows = bench_real()
    for size in options.sizes:
        rows.extend(bench_synthetic(size))
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    lines = [f"\n## {stamp} (commit {commit})\n", f"{machine()}\n", "| measure | result |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
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
