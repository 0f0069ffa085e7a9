"""The reader's speed: the five plans against the first reader, and the corpus of 2025 plans.

    .venv/bin/python benchmarks/reader.py                 # and append to benchmarks/results.md
    .venv/bin/python benchmarks/reader.py --no-record

The anchor is measured in the same run: the commit before the reader of any plan
(``--baseline``, default 77661ca) is checked out into a temporary git worktree and its
``build_graph`` of data/sources/ is timed in a process of its own, alternating with the
current code's, so that a busy machine slows both alike. Each measure is the median of the
runs (after one warm-up). The goals (issue 11): the five plans no slower than the first
reader; the 19 documents of tests/corpus/ in under 10 s. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import datetime
import json
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.md"

# Runs inside a fresh process: import plangraph from SRC, build FOLDER RUNS times, print seconds.
_TIMER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from plangraph.build import build_graph
folder, runs = Path(sys.argv[2]), int(sys.argv[3])
times = []
for _ in range(runs + 1):
    start = time.perf_counter()
    result = build_graph(folder)
    times.append(time.perf_counter() - start)
print(json.dumps({"times": times[1:], "tasks": result.summary.tasks, "documents": result.summary.documents}))
"""


def _time(src: Path, folder: Path, runs: int) -> dict:
    done = subprocess.run([sys.executable, "-c", _TIMER, str(src), str(folder), str(runs)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default="77661ca", help="the commit to compare the five plans with")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        old = tmp_path / "baseline"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(old), args.baseline], cwd=ROOT, check=True)
        try:
            corpus = tmp_path / "corpus"
            corpus.mkdir()
            for path in (ROOT / "tests" / "corpus").glob("*.md"):
                shutil.copy(path, corpus / path.name)
            both = tmp_path / "both"
            shutil.copytree(corpus, both)
            for path in (ROOT / "data" / "sources").iterdir():
                shutil.copy(path, both / path.name)
            seeds_old, seeds_new = [], []
            for _ in range(2):  # alternate, so that a busy machine slows both alike
                seeds_old.append(_time(old / "src", old / "data" / "sources", args.runs))
                seeds_new.append(_time(ROOT / "src", ROOT / "data" / "sources", args.runs))
            corpus_run = _time(ROOT / "src", corpus, max(3, args.runs // 2))
            both_run = _time(ROOT / "src", both, max(3, args.runs // 2))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, check=False)

    def median(runs: list[dict]) -> float:
        return statistics.median(t for run in runs for t in run["times"])

    rows = [
        (f"five plans, first reader ({args.baseline}): {seeds_old[0]['tasks']} tasks", median(seeds_old)),
        (f"five plans, this reader: {seeds_new[0]['tasks']} tasks", median(seeds_new)),
        (f"tests/corpus/ ({corpus_run['documents']} documents, {corpus_run['tasks']} tasks)", median([corpus_run])),
        (f"tests/corpus/ and the five plans ({both_run['documents']} documents, {both_run['tasks']} tasks)",
         median([both_run])),
    ]
    ratio = median(seeds_new) / median(seeds_old)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    lines = [
        f"\n## Reader, {datetime.date.today().isoformat()} (commit {commit}, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()})\n",
        "`benchmarks/reader.py`: `build_graph` in a process of its own, median of the runs after a warm-up; "
        "the first reader checked out and timed in the same run.\n",
        "| build | time |", "|---|---|",
        *(f"| {name} | {seconds:.2f} s |" for name, seconds in rows),
        f"\nThis reader takes ×{ratio:.2f} the first reader's time on the five plans.\n",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_record:
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write(text)


if __name__ == "__main__":
    main()
