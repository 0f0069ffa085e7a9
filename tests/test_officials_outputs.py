"""Issue 14: one CSV for Excel (tasks and export), xlsx read back with openpyxl, validate
headings written as findings in lines of 100 columns, the catalogue complete in both
languages."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from plangraph.cli import cli


def invoke(graph_file, *args):
    return CliRunner().invoke(cli, [*args, "--graph", str(graph_file)])


def test_tasks_and_export_write_one_csv(vietnamese, graph_file, tmp_path):
    tasks = tmp_path / "yte.csv"
    assert invoke(graph_file, "tasks", "-a", "Sở Y tế", "-f", "csv", "-o", str(tasks)).exit_code == 0
    export = tmp_path / "all.csv"
    assert invoke(graph_file, "export", "-f", "csv", "-o", str(export)).exit_code == 0
    for data in (tasks.read_bytes(), export.read_bytes()):
        assert data.startswith("\ufeff".encode()) and b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    tasks_header = next(csv.reader(io.StringIO(tasks.read_text(encoding="utf-8-sig"))))
    export_header = next(csv.reader(io.StringIO(export.read_text(encoding="utf-8-sig"))))
    # (and the column that says which tasks it took over in a change of organisation)
    assert tasks_header[:3] == ["Cơ quan", "Vai trò", "Kế thừa"] and tasks_header[3:] == export_header
    assert export_header[:5] == ["Văn bản", "Nguồn", "Phần", "Mục", "Nhiệm vụ"]
    rows = list(csv.DictReader(io.StringIO(export.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 471 and {row["Phần"] for row in rows} == {"nội dung", "phụ lục"}
    assert "không có thời hạn" in {row["Loại thời hạn"] for row in rows}


def test_xlsx_reads_back_with_frozen_header_filters_and_dates(vietnamese, graph_file, tmp_path):
    from datetime import datetime

    import openpyxl

    path = tmp_path / "yte.xlsx"
    result = invoke(graph_file, "tasks", "-a", "Sở Y tế", "-f", "xlsx", "-o", str(path))
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(path).active
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["Cơ quan", "Vai trò", "Kế thừa", "Văn bản", "Nguồn"] and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(header))}{sheet.max_row}"
    assert sheet.max_row == 1 + 10  # 16 rows, 6 appendix rows folded into their body tasks
    deadline = header.index("Thời hạn") + 1
    dates = [sheet.cell(row, deadline).value for row in range(2, sheet.max_row + 1)]
    assert any(isinstance(d, datetime) for d in dates) and all(d is None or isinstance(d, datetime) for d in dates)
    assert sheet.cell(2, deadline).number_format == "yyyy-mm-dd"
    text = header.index("Nhiệm vụ") + 1
    assert 30 <= sheet.column_dimensions[openpyxl.utils.get_column_letter(text)].width <= 62
    everything = tmp_path / "all.xlsx"
    assert invoke(graph_file, "export", "-f", "xlsx", "-o", str(everything)).exit_code == 0
    assert openpyxl.load_workbook(everything).active.max_row == 1 + 471


def test_the_same_answer_gives_a_byte_identical_xlsx(graph_file, tmp_path):
    import zipfile

    import openpyxl

    from plangraph.render.xlsx import FIXED_TIME

    for args in (["tasks", "-a", "Sở Y tế"], ["export"]):
        first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
        for path in (first, second):
            assert invoke(graph_file, *args, "-f", "xlsx", "-o", str(path)).exit_code == 0
        assert first.read_bytes() == second.read_bytes(), args
        # what made two writes differ: the zip entries' times and the workbook's created/modified
        with zipfile.ZipFile(first) as archive:
            assert {info.date_time for info in archive.infolist()} == {FIXED_TIME.timetuple()[:6]}
        properties = openpyxl.load_workbook(first).properties
        assert properties.created == properties.modified == FIXED_TIME


def test_xlsx_to_a_terminal_is_refused(graph_file):
    # CliRunner's stdout is not a terminal: the bytes go there; a terminal gets a one-line refusal
    result = invoke(graph_file, "tasks", "-a", "Sở Y tế", "-f", "xlsx")
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"PK")


def test_validate_headings_are_findings_within_100_columns(vietnamese, graph_file):
    result = CliRunner().invoke(cli, ["validate", str(graph_file)])
    out = result.stdout
    assert "CẢNH BÁO: Chỉ tiêu khác nhau giữa các kế hoạch (8) [target-conflicts]" in out
    assert "GHI CHÚ: Dòng phụ lục không nhắc lại nhiệm vụ nào ở phần nội dung (1)" in out
    assert "CẢNH BÁO: Nhiệm vụ thiếu hoặc sai thông tin (2) [TaskShape]" in out
    assert "agree" not in out and "TaskShape: TaskShape" not in out
    assert max(len(line) for line in out.splitlines()) <= 100
    english = CliRunner(env={"PLANGRAPH_LANG": "en"}).invoke(cli, ["validate", str(graph_file)]).stdout
    assert "WARNING: Targets disagree between plans (8)" in english
    assert "NOTE: Appendix rows that restate no body task (1)" in english


def test_every_shape_and_rule_has_a_title_in_both_languages():
    from pathlib import Path

    import rdflib

    from plangraph.validate import qc_rules, shape_titles

    shapes = rdflib.Graph().parse(Path(__file__).resolve().parents[1] / "shapes" / "plangraph-shapes.ttl")
    titles = shape_titles(shapes)
    names = {str(s).rsplit("#", 1)[-1] for s in shapes.subjects(rdflib.RDF.type, rdflib.namespace.SH.NodeShape)}
    assert set(titles) == names and all(set(t) == {"vi", "en"} for t in titles.values())
    for name, (header, _) in qc_rules().items():
        assert header.get("title-vi") and header["title"] != header["title-vi"], name


def test_the_catalogue_has_both_languages_and_every_help():
    import click

    from plangraph.catalogue.help import HELP
    from plangraph.catalogue.messages import MESSAGES
    from plangraph.cli import COMMANDS

    for key, (vi, en) in {**MESSAGES, **HELP}.items():
        assert (vi and en) or key.startswith("value.isOverdue"), key
    for name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        assert f"{name}.short" in HELP and name in HELP, name
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert f"{name}.{param.name}" in HELP or f"opt.{param.name}" in HELP, (name, param.name)


def test_help_imports_no_query_machinery():
    import subprocess
    import sys

    code = ("import sys; from plangraph.cli import main; sys.argv = ['plangraph', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('pyoxigraph', 'rdflib', 'openpyxl', 'plangraph.cli.'))\n"
            "             and m not in ('plangraph.cli.group', 'plangraph.cli.quick')))")  # the group, and what reads argv first
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
