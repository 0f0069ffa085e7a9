"""The follow-up speaks as the rest of plangraph does: Vietnamese by default, English with
--lang en; its help, messages, problems and tables come from the catalogue."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner
from followup_helpers import IN_PROGRESS, fill, make_workspace, round_trip_rows, workspace_with_history

from plangraph.cli import cli


@pytest.fixture
def vietnamese(monkeypatch):
    from plangraph import catalogue

    monkeypatch.delenv("PLANGRAPH_LANG", raising=False)
    catalogue.use(None)


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split(" | ")]


def run(workspace, *args, columns: int = 120):
    return CliRunner(env={"COLUMNS": str(columns)}).invoke(cli, ["--workspace", str(workspace), *args])


def test_every_follow_up_command_subcommand_and_option_has_help_in_both_languages():
    from plangraph.catalogue.help import HELP

    report = cli.get_command(click.Context(cli), "report")
    commands = {name: cli.get_command(click.Context(cli), name) for name in ("status", "overdue", "dashboard")}
    commands.update({f"report {name}": command for name, command in report.commands.items()})
    assert set(commands) >= {"report template", "report import", "report build", "report history"}
    for name, command in commands.items():
        assert f"{name}.short" in HELP and name in HELP, name
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert f"{name}.{param.name}" in HELP or f"opt.{param.name}" in HELP, (name, param.name)
        assert all(vi and en for vi, en in (HELP[name], HELP[f"{name}.short"])), name


def test_report_help_is_vietnamese_by_default_and_english_on_request(vietnamese, tmp_path):
    group = CliRunner().invoke(cli, ["report", "--help"])
    assert "Báo cáo tiến độ: mỗi cơ quan một sổ tính" in group.output
    assert "Ghi sổ tính cơ quan cần điền" in group.output  # the subcommands' short help too
    english = CliRunner().invoke(cli, ["report", "template", "--help", "--lang", "en"])
    assert "Write the workbook an agency fills in" in english.output and "The report's day" in english.output
    listed = CliRunner().invoke(cli, ["--help"]).output
    assert "Các nhiệm vụ quá hạn tính đến một ngày" in listed and "Ghi trang theo dõi" in listed


def test_a_refused_import_names_sheet_row_and_column_in_vietnamese(vietnamese, tmp_path, built):
    ws = make_workspace(tmp_path / "ws", built.turtle)
    template = ws / "t.xlsx"
    made = run(ws, "report", "template", "--agency", "Sở Y tế", "--as-of", "2022-12-31", "-o", str(template))
    assert "đã ghi" in made.stderr and "15 nhiệm vụ chưa xong của Sở Y tế tính đến 2022-12-31" in made.stderr
    rows = round_trip_rows()
    rows[IN_PROGRESS]["status"] = "Xong rồi"
    result = run(ws, "report", "import", str(fill(template, ws / "bad.xlsx", rows)))
    assert result.exit_code == 2
    assert ("lỗi: bad.xlsx: trang 'Báo cáo', dòng 4, cột H (Tình trạng): 'Xong rồi' không có trong danh sách: "
            "Đã hoàn thành") in result.stderr
    assert "bad.xlsx: 1 lỗi; không nhập gì" in result.stderr
    assert not (ws / "progress.ttl").exists()


def test_status_and_history_tables_read_in_the_chosen_language(vietnamese, tmp_path, built):
    ws = workspace_with_history(tmp_path / "ws", built.turtle)
    status = run(ws, "status", "--as-of", "2022-12-31", "--agency", "Sở Y tế")
    assert status.exit_code == 0, status.output
    assert cells(status.stdout.splitlines()[0])[:4] == ["Cơ quan", "Tổng", "Đúng hạn", "Quá hạn, đã xong"]
    assert "15 nhiệm vụ: 1 hoàn thành đúng hạn, 1 hoàn thành quá hạn, 1 đang thực hiện trong hạn, 1 quá hạn" \
        in status.stderr
    english = run(ws, "status", "--as-of", "2022-12-31", "--agency", "Sở Y tế", "--lang", "en")
    assert cells(english.stdout.splitlines()[0])[:4] == ["Agency", "Total", "On time", "Done late"]
    history = run(ws, "report", "history", IN_PROGRESS, "--lang", "en").stdout.splitlines()
    assert cells(history[0])[:3] == ["Reported", "Status", "Completed"]
    assert [cells(line)[1] for line in history[2:]] == ["in progress", "done"]
    vi = run(ws, "report", "history", IN_PROGRESS).stdout.splitlines()
    assert [cells(line)[1] for line in vi[2:]] == ["Đang thực hiện", "Đã hoàn thành"]
    # the programs' formats keep the query's values
    assert '"status": "Đang thực hiện"' in run(ws, "report", "history", IN_PROGRESS, "-f", "jsonl",
                                                "--lang", "en").stdout
