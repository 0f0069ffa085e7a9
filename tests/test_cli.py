"""The command line: help, version, build, check, errors with file and line."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from plangraph.cli import cli


def test_help_and_version():
    runner = CliRunner()
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0 and "build" in result.output
    result = runner.invoke(cli, ["-V"])
    assert result.exit_code == 0 and "0.1.0" in result.output


def test_build_writes_and_summarises(tmp_path):
    from conftest import SOURCES

    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(cli, ["build", "--sources", str(SOURCES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "465 tasks" in result.output and "5 documents" in result.output
    assert out.read_text(encoding="utf-8").startswith("# plangraph")
    check = CliRunner().invoke(cli, ["build", "--sources", str(SOURCES), "-o", str(out), "--check", "-q"])
    assert check.exit_code == 0
    out.write_text(out.read_text(encoding="utf-8").replace("Sở Y tế", "Sở Y Tế"), encoding="utf-8")
    check = CliRunner().invoke(cli, ["build", "--sources", str(SOURCES), "-o", str(out), "--check", "-q"])
    assert check.exit_code == 1 and "differs" in check.output


def test_unreadable_document_stops_the_build_and_keeps_the_old_graph(tmp_path):
    from conftest import SOURCES

    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    (sources / "zzz_not_a_plan.txt").write_text("Một văn bản không phải kế hoạch.\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    out.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--sources", str(sources), "-o", str(out), "-q"])
    assert result.exit_code == 2
    assert "zzz_not_a_plan.txt" in result.output and "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "old"


def test_wrong_encoding_names_file_and_line(tmp_path):
    from conftest import SOURCES

    sources = tmp_path / "sources"
    sources.mkdir()
    text = (SOURCES / "003_d935930fee5a67bf.txt").read_text(encoding="utf-8")
    (sources / "bad.txt").write_bytes(text.encode("utf-8")[:200] + b"\n\xff\xfe broken\n")
    result = CliRunner().invoke(cli, ["build", "--sources", str(sources), "-o", str(tmp_path / "g.ttl"), "-q"])
    assert result.exit_code == 2
    assert "bad.txt:" in result.output and "not UTF-8" in result.output


def test_broken_appendix_row_names_the_line(tmp_path):
    from conftest import SOURCES

    sources = tmp_path / "sources"
    sources.mkdir()
    lines = (SOURCES / "004_86eb4304471918db.txt").read_text(encoding="utf-8").split("\n")
    lines[344] = "x\t" + lines[344].split("\t", 1)[1]  # line 345: a row that starts with no number
    (sources / "004.txt").write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--sources", str(sources), "-o", str(tmp_path / "g.ttl"), "-q"])
    assert result.exit_code == 2 and "004.txt:345" in result.output


def test_empty_source_folder(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--sources", str(tmp_path), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 2 and "no .txt or .md documents" in result.output
