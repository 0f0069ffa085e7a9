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
    assert "471 tasks" in result.output and "5 documents" in result.output
    assert out.read_text(encoding="utf-8").startswith("# plangraph")
    check = CliRunner().invoke(cli, ["build", "--sources", str(SOURCES), "-o", str(out), "--check", "-q"])
    assert check.exit_code == 0
    out.write_text(out.read_text(encoding="utf-8").replace("Sở Y tế", "Sở Y Tế"), encoding="utf-8")
    check = CliRunner().invoke(cli, ["build", "--sources", str(SOURCES), "-o", str(out), "--check", "-q"])
    assert check.exit_code == 1 and "differs" in check.output


def test_a_document_that_is_not_a_plan_does_not_stop_the_build(tmp_path):
    from conftest import SOURCES

    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    (sources / "zzz_not_a_plan.txt").write_text("Một văn bản không phải kế hoạch.\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(cli, ["build", "--sources", str(sources), "-o", str(out), "-q"])
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert "zzz_not_a_plan.txt: no tasks found: not a plan?" in result.output
    assert "6 documents, 471 tasks" in result.output


def test_wrong_encoding_names_file_and_line(tmp_path):
    from conftest import SOURCES

    sources = tmp_path / "sources"
    sources.mkdir()
    text = (SOURCES / "003_d935930fee5a67bf.txt").read_text(encoding="utf-8")
    (sources / "bad.txt").write_bytes(text.encode("utf-8")[:200] + b"\n\xff\xfe broken\n")
    result = CliRunner().invoke(cli, ["build", "--sources", str(sources), "-o", str(tmp_path / "g.ttl"), "-q"])
    assert result.exit_code == 2
    assert "bad.txt:" in result.output and "not UTF-8" in result.output


def test_appendix_row_with_an_odd_number_is_kept_at_its_line(tmp_path):
    from conftest import SOURCES

    sources = tmp_path / "sources"
    sources.mkdir()
    lines = (SOURCES / "004_86eb4304471918db.txt").read_text(encoding="utf-8").split("\n")
    lines[344] = "x\t" + lines[344].split("\t", 1)[1]  # line 345: a row numbered "x", not "2"
    (sources / "004.txt").write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(cli, ["build", "--sources", str(sources), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    graph = out.read_text(encoding="utf-8")
    assert '<plan/thanh-hoa/2022-913/task/L345>' in graph and 'pg:rowNumber "x"' in graph


def test_empty_source_folder(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--sources", str(tmp_path), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 2 and "no documents (.txt, .md, .markdown)" in result.output
