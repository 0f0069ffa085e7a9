"""The embedded store's cache (issue 15): never an answer from an older graph (points 1
and 2), nothing left behind by a killed build (point 4), a damaged or full cache that says
why and heals (point 8)."""

from __future__ import annotations

import hashlib
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangraph.cli import cli
from plangraph.store import EmbeddedStore

MARKER = "SELECT ?v WHERE { <urn:plangraph-test:graph> <urn:plangraph-test:version> ?v }"


def version(base: str, mark: str, extra: int = 0) -> str:
    """The real graph with a marker triple (and ``extra`` more triples) that says which it is."""
    lines = [f'<urn:plangraph-test:graph> <urn:plangraph-test:version> "{mark}" .']
    lines += [f'<urn:plangraph-test:graph> <urn:plangraph-test:extra> "{i}" .' for i in range(extra)]
    return base + "\n" + "\n".join(lines) + "\n"


def marker(graph: Path, **options) -> str:
    return EmbeddedStore(graph, **options).query(MARKER).values()[0][0]


# -- point 1: the graph replaced while queries run -------------------------------------------------

QUERY_LOOP = """
import sys, time
from pathlib import Path
from plangraph.store import EmbeddedStore
Q = "SELECT ?v (COUNT(*) AS ?n) WHERE { <urn:plangraph-test:graph> <urn:plangraph-test:version> ?v . ?s ?p ?o } GROUP BY ?v"
until = time.monotonic() + float(sys.argv[2])
while time.monotonic() < until:
    try:
        rows = EmbeddedStore(Path(sys.argv[1])).query(Q).values()
        print("ok", *rows[0], flush=True)
    except Exception as error:
        print("error", type(error).__name__, " ".join(str(error).split()), flush=True)
"""


def test_queries_while_the_graph_is_replaced_never_mix_versions(tmp_path, built):
    """Four query loops for 5 s while the graph file is replaced every 20-150 ms (as
    `plangraph build` does, by a rename); then every cache folder must hold what its name
    says, and the file's current version must be what a query answers."""
    versions = {"1": version(built.turtle, "1"), "2": version(built.turtle, "2", extra=50)}
    shas = {mark: hashlib.sha256(text.encode("utf-8")).hexdigest() for mark, text in versions.items()}
    graph = tmp_path / "plangraph.ttl"
    graph.write_text(versions["1"], encoding="utf-8")
    loops = [subprocess.Popen([sys.executable, "-c", QUERY_LOOP, str(graph), "5"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    swapper = random.Random(15)
    deadline = time.monotonic() + 5
    current = "1"
    while time.monotonic() < deadline:
        current = "2" if current == "1" else "1"
        staging = tmp_path / f".staging-{current}"
        staging.write_text(versions[current], encoding="utf-8")
        os.replace(staging, graph)
        time.sleep(swapper.uniform(0.02, 0.15))
    outputs = [loop.communicate(timeout=120) for loop in loops]
    lines = [line for out, _ in outputs for line in out.splitlines()]
    assert [line for line in lines if not line.startswith("ok")] == []
    assert all(err == "" for _, err in outputs), [err for _, err in outputs]
    counts = {}
    for line in lines:  # each answer is one whole version: its marker with its own triple count
        _, mark, count = line.split()
        counts.setdefault(mark, set()).add(count)
    # (about 300 answers here, of both versions)
    assert set(counts) == {"1", "2"} and all(len(c) == 1 for c in counts.values()), counts
    # every folder holds what its name says
    import pyoxigraph as ox

    for folder in (tmp_path / ".cache").glob("oxigraph-*"):
        mark = next(iter(ox.Store.read_only(str(folder)).query(MARKER)))["v"].value
        assert shas[mark][:16] in folder.name, (folder.name, mark)
    for mark in ("1", "2", "1"):  # and the file as it is now is what is answered
        staging = tmp_path / ".staging"
        staging.write_text(versions[mark], encoding="utf-8")
        os.replace(staging, graph)
        assert marker(graph) == mark


# -- point 2: an edit that keeps size and modification time ---------------------------------------------

@pytest.mark.parametrize("settle", [None, 0.0], ids=["fresh-stamp", "trusted-stamp"])
def test_an_edit_keeping_size_and_mtime_is_seen(tmp_path, built, monkeypatch, settle):
    if settle is not None:  # trust the stamp at once: then only the ctime can tell
        monkeypatch.setattr(EmbeddedStore, "settle_s", settle)
    graph = tmp_path / "plangraph.ttl"
    graph.write_text(version(built.turtle, "AAAA"), encoding="utf-8")
    assert marker(graph) == "AAAA"
    time.sleep(0.05)  # a clock tick of the file system: the edit below gets a ctime of its own
    before = os.stat(graph)
    with open(graph, "r+b") as handle:  # in place, same inode, same size (an editor, cp -p)
        handle.write(version(built.turtle, "BBBB").encode("utf-8"))
    os.utime(graph, ns=(before.st_atime_ns, before.st_mtime_ns))  # touch -r: the old mtime back
    after = os.stat(graph)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
    assert marker(graph) == "BBBB"


def test_cp_p_of_an_older_graph_is_seen(tmp_path, built):
    """`cp -p old.ttl plangraph.ttl` (or a checkout that restores times): same size and mtime."""
    old, new = tmp_path / "old.ttl", tmp_path / "plangraph.ttl"
    old.write_text(version(built.turtle, "1111"), encoding="utf-8")
    new.write_text(version(built.turtle, "2222"), encoding="utf-8")
    shutil.copystat(old, new)
    query = ["sparql", MARKER, "-f", "tsv", "--graph", str(new)]
    assert CliRunner().invoke(cli, query).stdout.splitlines()[1] == "2222"
    shutil.copy2(old, new)  # cp -p: writes in place, then copies the times
    assert CliRunner().invoke(cli, query).stdout.splitlines()[1] == "1111"


# -- point 4: a killed cache build --------------------------------------------------------------

PAUSED_BUILD = """
import sys, time
from pathlib import Path
from plangraph import cache
read = cache._HashingReader.readinto
def slow(self, buffer):
    if getattr(self, "started", False):
        time.sleep(600)  # stop in the middle of the load
    self.started = True
    return read(self, buffer)
cache._HashingReader.readinto = slow
from plangraph.store import EmbeddedStore
EmbeddedStore(Path(sys.argv[1])).open()
"""


def kill_a_build(graph: Path) -> None:
    build = subprocess.Popen([sys.executable, "-c", PAUSED_BUILD, str(graph)])
    deadline = time.monotonic() + 60
    while not list((graph.parent / ".cache").glob(".building-*/*")):
        assert time.monotonic() < deadline and build.poll() is None, "the build did not start"
        time.sleep(0.01)
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert list((graph.parent / ".cache").glob(".building-*"))


@pytest.mark.parametrize("then", ["build", "open"])
def test_what_a_killed_build_left_is_removed(tmp_path, built, then):
    graph = tmp_path / "plangraph.ttl"
    graph.write_text(version(built.turtle, "first"), encoding="utf-8")
    if then == "open":  # the cache is already there: the next command builds nothing
        assert marker(graph) == "first"
    if then == "build":
        kill_a_build(graph)
    else:
        _kill_a_build_of_another_version(graph, built)
    assert marker(graph) == "first"
    left = [p.name for p in (tmp_path / ".cache").iterdir() if p.name.startswith((".building", ".trash", ".damaged"))]
    assert left == []


def _kill_a_build_of_another_version(graph: Path, built) -> None:
    original = graph.read_text(encoding="utf-8")
    graph.write_text(version(built.turtle, "second"), encoding="utf-8")
    kill_a_build(graph)
    graph.write_text(original, encoding="utf-8")


# -- point 8: damage and a full disk -----------------------------------------------------------------

def cache_folder(graph: Path) -> Path:
    (folder,) = (graph.parent / ".cache").glob("oxigraph-*")
    return folder


DAMAGE = {
    "no-CURRENT": lambda folder: (folder / "CURRENT").unlink(),
    "no-sst": lambda folder: sorted(folder.glob("*.sst"))[0].unlink(),
    "truncated-sst": lambda folder: os.truncate(sorted(folder.glob("*.sst"))[-1], 100),
    "empty-folder": lambda folder: [p.unlink() for p in folder.iterdir()],
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_cache_is_built_again(tmp_path, built, damage):
    graph = tmp_path / "plangraph.ttl"
    graph.write_text(version(built.turtle, "whole"), encoding="utf-8")
    assert marker(graph) == "whole"
    DAMAGE[damage](cache_folder(graph))
    result = CliRunner().invoke(cli, ["sparql", MARKER, "-f", "tsv", "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == "whole"
    assert len(list((tmp_path / ".cache").glob("oxigraph-*"))) == 1


def _small_file_limit() -> None:  # in the child: files may not grow past 100 kB (like a full disk)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


@pytest.mark.parametrize("debug", [False, True], ids=["message", "PLANGRAPH_DEBUG"])
def test_a_cache_that_cannot_be_written_says_why(tmp_path, built, debug):
    graph = tmp_path / "plangraph.ttl"
    graph.write_text(built.turtle, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PLANGRAPH_DEBUG"} | ({"PLANGRAPH_DEBUG": "1"} if debug else {})
    command = [sys.executable, "-m", "plangraph", "sparql", "ASK { ?s ?p ?o }", "--graph", str(graph)]
    # run outside any workspace, so that the cache is the one beside the graph
    done = subprocess.run(command, capture_output=True, text=True, preexec_fn=_small_file_limit, env=env, timeout=120,
                          cwd=tmp_path)
    assert done.returncode != 0
    assert "File too large" in done.stderr and "None" not in done.stderr.splitlines()[-1]
    assert ("Traceback" in done.stderr) == debug
    assert not list((tmp_path / ".cache").glob(".building-*"))
    # with room again, the same command works
    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path)
    assert again.returncode == 0 and again.stdout.strip() == "yes"


def test_an_os_error_without_strerror_keeps_its_text():
    """pyoxigraph raises OSError("IO error: ...") with no strerror: the CLI used to print "None"."""
    import click

    from plangraph.cli.errors import reports_errors

    @click.command()
    @reports_errors
    def failing():
        raise OSError("IO error: No space left on device: While appending to file: 000012.sst")

    result = CliRunner().invoke(failing, [], env={"PLANGRAPH_DEBUG": None})
    assert result.exit_code == 2
    assert result.output == "Error: IO error: No space left on device: While appending to file: 000012.sst\n"
