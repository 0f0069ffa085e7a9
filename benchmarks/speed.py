"""Issue 16's measures, each with its anchor measured in the same run, in alternation.

    .venv/bin/python benchmarks/speed.py                  # and append to benchmarks/results.md
    .venv/bin/python benchmarks/speed.py --no-record --runs 5 --sizes 0
    .venv/bin/python benchmarks/speed.py --only build     # the build measures alone

* ``plangraph --help`` against ``python -c "import click"``;
* ``plangraph tasks --agency "Sở Y tế" -f json`` on the embedded store (warm) against a
  ten-line script that opens the same on-disk pyoxigraph store read-only and runs the same
  SPARQL (the named query bound to the agency's IRI): the five plans, and a synthetic graph
  of ``--sizes`` triples (``plangraph synth``);
* in process, the agency query through :class:`plangraph.store.EmbeddedStore` against
  pyoxigraph's own ``Store.read_only`` on the same folder;
* ``plangraph build`` of the five plans, this checkout against ``--baseline`` (the commit
  before issue 16, checked out into a temporary worktree), both as a command and as
  ``build_graph`` in a process of its own;
* the build's time a task, each document built alone in process: the plans of the corpus
  (``tests/corpus``, many issuers and layouts) against the five plans, its documents that
  are not plans timed apart.

Commands are timed from process start to exit, as CPU time (user + system, from wait4)
and wall time; the figure is the median of ``--runs`` rounds, each round running every
command once in turn, so that a busy machine slows all alike. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.md"
AGENCY = "Sở Y tế"
# set in main(): the working tree installed from a wheel into a venv of its own, as a user
# installs it (an editable install imports more slowly), and the environment of every child
PYTHON = sys.executable
PLANGRAPH = "plangraph"
# the builds run each side's source tree (the baseline cannot run installed) with this
# checkout's development environment, whose editable install maps the package data
SOURCE_PYTHON = sys.executable
ENV: dict[str, str] = {}

# The anchor of the agency command: open the store the CLI uses, run the same text.
RAW = """
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
query = open(sys.argv[2], encoding="utf-8").read()
rows = list(store.query(query))
print(len(rows))
"""

# Prints the store folder of a workspace's graph and the bound query (after warming it).
SETUP = """
import sys
from pathlib import Path
from plangraph.query import bind, load_query
from plangraph.store import EmbeddedStore
graph, cache, iri, out = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
store = EmbeddedStore(graph, cache)
store.open()
out.write_text(bind(load_query("tasks-of-agency"), {"agency": iri}), encoding="utf-8")
print(store.location)
"""

IN_PROCESS = """
import json, statistics, sys, time
from pathlib import Path
import pyoxigraph as ox
from plangraph.store import EmbeddedStore
graph, cache, folder, query, runs = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
query = open(query, encoding="utf-8").read()
ours = EmbeddedStore(graph, cache)
raw = ox.Store.read_only(folder)
times = {"plangraph": [], "pyoxigraph": []}
rows = {"plangraph": len(ours.query(query)), "pyoxigraph": len(list(raw.query(query)))}
for _ in range(runs):
    start = time.perf_counter(); ours.query(query); times["plangraph"].append(time.perf_counter() - start)
    start = time.perf_counter(); list(raw.query(query)); times["pyoxigraph"].append(time.perf_counter() - start)
print(json.dumps({"median": {k: statistics.median(v) for k, v in times.items()}, "rows": rows}))
"""

BUILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from plangraph.build import build_graph
times = []
for _ in range(int(sys.argv[3]) + 1):
    start = time.process_time()
    build_graph(Path(sys.argv[2]))
    times.append(time.process_time() - start)
print(json.dumps(sorted(times[1:])[len(times[1:]) // 2]))
"""

# ms a task of a build in process (after a first build), each document built alone: the five
# plans, and the corpus of real plans of many issuers (tests/corpus), so that a rate met on
# the five plans is seen to hold on other layouts; its documents that are not plans (no
# task) are timed apart
RATE = """
import json, shutil, sys, tempfile, time
from pathlib import Path
from plangraph.build import build_graph
root, runs = Path(sys.argv[1]), int(sys.argv[2])
groups = {"five plans": sorted(p for p in (root / "data" / "sources").iterdir() if p.suffix in (".txt", ".md")),
          "corpus": sorted((root / "tests" / "corpus").glob("[0-9]*.md"))}
build_graph(root / "data" / "sources")  # the first build of the process fills the reader's caches
out = {}
for name, files in groups.items():
    plans = [0.0, 0, 0]  # seconds, tasks, documents
    others = [0.0, 0]
    for path in files:
        folder = Path(tempfile.mkdtemp())
        shutil.copy(path, folder / path.name)
        tasks = build_graph(folder).summary.tasks
        times = []
        for _ in range(runs):
            start = time.process_time(); build_graph(folder); times.append(time.process_time() - start)
        shutil.rmtree(folder)
        spent = sorted(times)[len(times) // 2]
        if tasks:
            plans[0] += spent; plans[1] += tasks; plans[2] += 1
        else:
            others[0] += spent; others[1] += 1
    out[name] = {"plans": plans, "others": others}
print(json.dumps(out))
"""

CLI_BUILD = """
import sys
sys.path.insert(0, sys.argv[1])
from plangraph.cli import main
sys.argv = ["plangraph", *sys.argv[2:]]
main()
"""


def run_once(command: list[str], env: dict | None = None, cwd: Path | None = None) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one command run in ``cwd``, its output thrown away."""
    here = os.getcwd()
    os.chdir(cwd or here)  # the child starts in the parent's folder (posix_spawn has no cwd)
    try:
        start = time.perf_counter()
        pid = os.posix_spawn(command[0], command, env or ENV, file_actions=[
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    finally:
        os.chdir(here)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed (exit {os.waitstatus_to_exitcode(status)}): {' '.join(command)}")
    return usage.ru_utime + usage.ru_stime, wall


def alternating(commands: dict[str, tuple[list[str], dict | None, Path | None]], runs: int) -> dict[str, dict]:
    """Median CPU and wall time of each command; every round runs each once, in turn."""
    for command, env, cwd in commands.values():
        run_once(command, env, cwd)  # warm-up: caches, the page cache, the store
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env, cwd) in commands.items():
            samples[name].append(run_once(command, env, cwd))
    return {name: {"cpu": statistics.median(s[0] for s in values), "wall": statistics.median(s[1] for s in values)}
            for name, values in samples.items()}


def workspace(folder: Path, graph: Path) -> tuple[Path, Path]:
    """A workspace holding a copy of ``graph`` (no sources: only queries are run in it);
    returns the folder and its graph file."""
    import shutil

    folder.mkdir(parents=True)
    (folder / "plangraph.toml").write_text(
        '[workspace]\nname = "bench"\njurisdiction = "tỉnh Thanh Hóa"\n'
        f'graph = "graph{graph.suffix}"\ncache = "cache"\n', encoding="utf-8")
    (folder / "sources").mkdir()
    shutil.copy(graph, folder / f"graph{graph.suffix}")
    return folder, folder / f"graph{graph.suffix}"


def _pip_version(bin_dir: Path) -> str:
    out = subprocess.run([str(bin_dir / "python"), "-m", "pip", "--version"], capture_output=True, text=True,
                         check=True).stdout
    return out.split()[1]


def agency_measures(label: str, graph: Path, tmp: Path, runs: int, launchers: dict[str, str] | None = None) -> list[str]:
    """The agency command and the agency query in process, against raw pyoxigraph; with
    ``launchers`` (name: command), the command through each launcher, one row each."""
    launchers = launchers or {"": PLANGRAPH}
    ws, graph = workspace(tmp / f"ws-{label.replace(' ', '-')}", graph)
    env = {**ENV, "PLANGRAPH_WORKSPACE": str(ws), "PLANGRAPH_LANG": "vi"}
    query = tmp / f"query-{label}.rq"
    iri = "https://w3id.org/plangraph/id/agency/thanh-hoa/so-y-te"
    folder = subprocess.run([PYTHON, "-c", SETUP, str(graph), str(ws / "cache"), iri, str(query)],
                            capture_output=True, text=True, check=True, env=env).stdout.strip().splitlines()[-1]
    # Warm: the store built and the graph's stamp trusted, as for a graph built a while ago.
    # A stamp is trusted only SETTLE_S after the file last changed (plangraph.cache); until
    # then every command hashes the graph again, and the first rounds (most of them on the
    # five plans) measured that instead (the runs recorded before 2026-12-02 13:20 UTC).
    from plangraph.cache import SETTLE_S

    time.sleep(max(0.0, graph.stat().st_ctime + SETTLE_S + 0.2 - time.time()))
    subprocess.run([PYTHON, "-c", SETUP, str(graph), str(ws / "cache"), iri, str(query)], capture_output=True,
                   check=True, env=env)
    times = alternating({
        **{name: ([command, "tasks", "--agency", AGENCY, "-f", "json"], env, None)
           for name, command in launchers.items()},
        "raw": ([PYTHON, "-c", RAW, folder, str(query)], env, None),
    }, runs)
    inside = json.loads(subprocess.run([PYTHON, "-c", IN_PROCESS, str(graph), str(ws / "cache"), folder, str(query),
                                        str(max(20, runs * 4))], capture_output=True, text=True, check=True,
                                       env=env).stdout)
    ours, raw = inside["median"]["plangraph"], inside["median"]["pyoxigraph"]
    return [
        *(f"| `tasks --agency \"{AGENCY}\" -f json`, {label}{f' (launcher of {name})' if name else ''} | "
          f"{_ms(times[name])} | raw script {_ms(times['raw'])} | ×{times[name]['cpu'] / times['raw']['cpu']:.2f} cpu, "
          f"×{times[name]['wall'] / times['raw']['wall']:.2f} wall |" for name in launchers),
        f"| agency query in process, {label} ({inside['rows']['plangraph']} rows) | {ours * 1000:.2f} ms | "
        f"`Store.read_only` {raw * 1000:.2f} ms | ×{ours / raw:.2f} |",
    ]


def _ms(measure: dict) -> str:
    return f"{measure['cpu'] * 1000:.0f} ms cpu, {measure['wall'] * 1000:.0f} ms wall"


def build_measures(baseline: str, tmp: Path, runs: int) -> list[str]:
    old = tmp / "baseline"
    subprocess.run(["git", "worktree", "add", "-q", "--detach", str(old), baseline], cwd=ROOT, check=True)
    try:
        sources = ROOT / "data" / "sources"
        env = {**ENV, "PLANGRAPH_WORKSPACE": str(ROOT)}
        old_args = ["build", "-q", "-o", str(tmp / "old.ttl")]
        if "--sources" in subprocess.run([SOURCE_PYTHON, "-c", CLI_BUILD, str(old / "src"), "build", "--help"],
                                         capture_output=True, text=True, cwd=old, env=ENV).stdout:
            old_args += ["--sources", str(sources)]
        times = alternating({
            "old": ([SOURCE_PYTHON, "-c", CLI_BUILD, str(old / "src"), *old_args], env, old),
            "new": ([SOURCE_PYTHON, "-c", CLI_BUILD, str(ROOT / "src"), "build", "-q", "--sources", str(sources),
                     "-o", str(tmp / "new.ttl")], env, ROOT),
        }, runs)
        inside = {}
        for _ in range(2):  # alternate, so that a busy machine slows both alike
            for name, src in (("old", old / "src"), ("new", ROOT / "src")):
                measure = json.loads(subprocess.run([SOURCE_PYTHON, "-c", BUILD, str(src), str(sources), str(runs)],
                                                    capture_output=True, text=True, check=True, cwd=ROOT,
                                                    env=ENV).stdout)
                inside[name] = min(inside.get(name, measure), measure)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=False)
    same = (tmp / "new.ttl").read_bytes() == (ROOT / "data" / "plangraph.ttl").read_bytes()
    rate = json.loads(subprocess.run([SOURCE_PYTHON, "-c", RATE, str(ROOT), str(max(3, runs // 2))],
                                     capture_output=True, text=True, check=True, cwd=ROOT, env=ENV).stdout)
    (five, five_tasks, _), (real, real_tasks, real_docs) = rate["five plans"]["plans"], rate["corpus"]["plans"]
    other, others = rate["corpus"]["others"]
    return [
        f"| `build_graph` in process, a task, each document alone | the {real_docs} plans of the corpus "
        f"{real * 1000 / real_tasks:.2f} ms ({real_tasks} tasks; its {others} documents that are not plans "
        f"{other * 1000:.0f} ms in all) | the five plans {five * 1000 / five_tasks:.2f} ms ({five_tasks} tasks) | "
        f"×{(real / real_tasks) / (five / five_tasks):.2f} |",
        f"| `plangraph build`, five plans | {_ms(times['new'])} | {baseline}: {_ms(times['old'])} | "
        f"×{times['new']['cpu'] / times['old']['cpu']:.2f} cpu, ×{times['new']['wall'] / times['old']['wall']:.2f} wall |",
        f"| `build_graph` in process, five plans | {inside['new'] * 1000:.0f} ms cpu | {baseline}: "
        f"{inside['old'] * 1000:.0f} ms cpu | ×{inside['new'] / inside['old']:.2f} |",
        f"| graph written by this build identical to data/plangraph.ttl | {'yes' if same else 'NO'} | | |",
    ]


def start_and_agency_measures(tmp: Path, runs: int, sizes: list[int], install) -> list[str]:
    """``plangraph --help`` and the agency command and query, from a wheel installed in a venv."""
    global PYTHON, PLANGRAPH
    # A current pip's launcher (pip 25 and later) no longer imports ``re``; the pip that
    # Python 3.11's venv bundles (23.x) still does, some 9 ms a command: both are measured.
    bin_dir = install(None, tmp / "install", pip="pip>=25")
    bundled = install(None, tmp / "install-bundled-pip")
    PYTHON, PLANGRAPH = str(bin_dir / "python"), str(bin_dir / "plangraph")
    pips = {name: _pip_version(path) for name, path in (("current", bin_dir), ("bundled", bundled))}
    times = alternating({
        "plangraph --help": ([PLANGRAPH, "--help"], None, None),
        "import click": ([PYTHON, "-c", "import click"], None, None),
    }, runs)
    rows = [f"| `plangraph --help` | {_ms(times['plangraph --help'])} | `python -c \"import click\"` "
            f"{_ms(times['import click'])} | ×{times['plangraph --help']['cpu'] / times['import click']['cpu']:.2f}"
            f" cpu, ×{times['plangraph --help']['wall'] / times['import click']['wall']:.2f} wall |"]
    rows += agency_measures("five plans", ROOT / "data" / "plangraph.ttl", tmp, runs,
                            launchers={f"pip {pips['current']}": PLANGRAPH,
                                       f"pip {pips['bundled']}": str(bundled / "plangraph")})
    for size in (s for s in sizes if s):
        from run import synthetic_file

        graph, _ = synthetic_file(size)
        rows += agency_measures(f"{size:,} triples", graph, tmp, max(5, runs // 2))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default="77661ca",
                        help="the commit to compare the build with (default: the first reader, when issue 16 was filed)")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000_000], help="synthetic sizes (0: none)")
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--only", choices=["build", "agency"],
                        help="only the build measures (no install, no agency query), or only --help and the agency")
    parser.add_argument("--keep", metavar="DIR", type=Path,
                        help="install into DIR and keep it (to look at imports: DIR/install/venv/bin/python -X importtime)")
    args = parser.parse_args()

    rows: list[str] = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from against import _install

        # bytecode written and reused, as after any pip install (this machine may say not to)
        ENV.update({k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
        ENV["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        if args.only != "build":
            rows += start_and_agency_measures(tmp, args.runs, args.sizes, _install)
        if args.only != "agency":
            rows += build_measures(args.baseline, tmp, args.runs)
        if args.keep and args.only != "build":
            import shutil

            shutil.copytree(tmp / "install", args.keep / "install", symlinks=True, dirs_exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    report = "\n".join([
        f"## Speed (issue 16), {datetime.date.today()} (commit {commit}, {platform.machine()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores)", "",
        "`benchmarks/speed.py`: each measure with its anchor in the same run, in alternation; median of the rounds.", "",
        "| measure | this checkout | anchor | ratio |", "|---|---|---|---|", *rows, ""])
    print(report)
    if not args.no_record:
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write("\n" + report)


if __name__ == "__main__":
    main()
