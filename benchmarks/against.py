"""``benchmarks/run.py --against REF``: the commands officials run most, timed for this
checkout and for REF (a git ref, e.g. ``main``) in the same run, on the same machine, in
alternation, so that the ratio does not depend on what else the machine was doing.

REF is exported with ``git archive`` and installed (``--no-deps``) into a virtual
environment of its own whose dependencies are this one's (a ``.pth`` file), so that only
plangraph's own code differs. Both commands run in this repository's workspace and read
the same graph, whose embedded store (keyed by the graph's bytes) both share, warm.

Measured: ``plangraph --help``; ``plangraph tasks --agency "Sở Y tế"`` from process start
to last line as tsv and as the table (80 columns), both installed from wheels; and the
agency query in process (``tasks-of-agency`` of each side bound to Sở Y tế's IRI, run in
alternation on one pyoxigraph store in memory, median of 300 runs; with ``--sizes``, on
those synthetic graphs too). Nothing here asserts.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/plangraph/id/"

# the agency query in process: this checkout's and REF's query text, bound alike, run in
# alternation on one pyoxigraph store in memory (the engine is the same; the text differs)
IN_PROCESS = r"""
import json, statistics, sys, time
from plangraph.query import bind, parse_query
from plangraph.store import MemoryStore
store = MemoryStore(sys.argv[1])
queries = [bind(parse_query("tasks-of-agency", open(path, encoding="utf-8").read()), {"agency": sys.argv[2]})
           for path in sys.argv[4:]]
rows = [len(store.query(query)) for query in queries]
times = [[] for _ in queries]
for _ in range(int(sys.argv[3])):
    for index, query in enumerate(queries):
        start = time.perf_counter(); store.query(query); times[index].append(time.perf_counter() - start)
print(json.dumps({"median": [statistics.median(t) for t in times], "rows": rows}))
"""


def _install(ref: str | None, folder: Path, pip: str | None = None) -> Path:
    """``plangraph`` of ``ref`` (None: the working tree, as it is), installed from a wheel in
    a venv under ``folder``, like a user's; returns its bin/. (An editable install would be
    slower to import than a wheel, and so not the same yardstick.) With ``pip`` (a
    requirement such as ``"pip>=25"``), the venv's pip is upgraded first, so that the
    command's launcher is the one that pip writes; otherwise it is the one of the pip that
    ``venv`` bundles."""
    tree = folder / "tree"
    tree.mkdir(parents=True)
    if ref is None:
        files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard", "-z"], check=True,
                               capture_output=True).stdout.split(b"\0")
        import shutil

        for name in filter(None, (f.decode() for f in files)):
            source = ROOT / name
            if source.is_file():
                (tree / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, tree / name)
    else:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    if pip:
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--upgrade", pip], check=True,
                       capture_output=True)
    site = next((venv / "lib").glob("python*/site-packages"))
    here = next(p for p in map(Path, sys.path) if p.name == "site-packages" and (p / "pyoxigraph").exists())
    (site / "plangraph-bench-deps.pth").write_text(str(here) + "\n", encoding="utf-8")
    # the wheel is built as pip builds any (an isolated build environment), installed there
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w",
                    str(folder / "wheel"), str(tree)], check=True, capture_output=True)
    wheel = next((folder / "wheel").glob("*.whl"))
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True,
                   capture_output=True)
    return venv / "bin"


def _once(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def _alternating(commands: dict[str, list[str]], env: dict, runs: int) -> dict[str, float]:
    """Median seconds of each command, run in turn ``runs`` times after a warm-up."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        _once(command, env)
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_once(command, env))
    return {name: statistics.median(values) for name, values in times.items()}


def _in_process(graph: Path, agency: str, runs: int, texts: list[Path]) -> dict:
    out = subprocess.run([sys.executable, "-c", IN_PROCESS, str(graph), agency, str(runs), *map(str, texts)],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def compare(ref: str, graphs: list[tuple[str, Path, str]], runs: int = 25) -> list[str]:
    """Markdown lines: each measure for this checkout and ``ref``, and their ratio.
    ``graphs``: (label, graph file, agency IRI) for the in-process agency query."""
    with tempfile.TemporaryDirectory(prefix="plangraph-against-") as folder:
        here_bin = _install(None, Path(folder) / "here")
        there_bin = _install(ref, Path(folder) / "there")
        sides = {"this checkout": here_bin, ref: there_bin}
        # as a user runs them: bytecode written once and read after (this shell may say otherwise)
        env = {key: value for key, value in os.environ.items()
               if key not in ("PLANGRAPH_LANG", "PYTHONDONTWRITEBYTECODE")} | {"COLUMNS": "80"}
        lines = [f"| measure | this checkout | {ref} | ratio |", "|---|---|---|---|"]
        for label, args in [("`plangraph --help`", ["--help"]),
                            ('`plangraph tasks --agency "Sở Y tế" -f tsv`, start to last line',
                             ["tasks", "--agency", "Sở Y tế", "-f", "tsv"]),
                            ('`plangraph tasks --agency "Sở Y tế"` (the table, 80 columns), start to last line',
                             ["tasks", "--agency", "Sở Y tế"])]:
            timed = _alternating({side: [str(folder_bin / "plangraph"), *args] for side, folder_bin in sides.items()},
                                 env, runs)
            here, there = timed["this checkout"], timed[ref]
            lines.append(f"| {label} | {here * 1000:.0f} ms | {there * 1000:.0f} ms | ×{here / there:.2f} |")
        texts = [Path(folder) / side / "tree" / "queries" / "tasks-of-agency.rq" for side in ("here", "there")]
        for label, graph, agency in graphs:
            result = _in_process(graph, agency, 300 if "five" in label else 40, texts)
            (here, there), rows = result["median"], result["rows"]
            lines.append(f"| agency query in process, {label} (Sở Y tế, {rows[0]} / {rows[1]} rows) | "
                         f"{here * 1000:.2f} ms | {there * 1000:.2f} ms | ×{here / there:.2f} |")
        return lines
