"""Shared by the follow-up tests: a workspace holding the five plans' graph, and filling a template."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from click.testing import CliRunner

from plangraph.cli import cli

ROOT = Path(__file__).resolve().parents[1]
T000 = "000_b2f608754944a1c5.txt"
# Sở Y tế's tasks in plan 2999/QĐ-UBND (issued 2021-08-?): deadlines as the graph has them
ON_TIME = f"{T000}:212"  # deadline 2021-08-31
LATE = f"{T000}:371"  # deadline 2021-08-31
IN_PROGRESS = f"{T000}:214"  # deadline 2025-02-28
OVERDUE = f"{T000}:210"  # deadline 2022-09-30, never reported
NOT_REPORTED = f"{T000}:372"  # deadline 2025-02-28


def make_workspace(folder: Path, turtle: str) -> Path:
    """A workspace with the five plans (sources and graph) and no progress report yet."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "data" / "sources", folder / "sources")
    (folder / "plangraph.toml").write_text(
        '[workspace]\nname = "test"\njurisdiction = "tỉnh Thanh Hóa"\nsources = "sources"\n'
        'graph = "plangraph.ttl"\ncache = ".cache"\nprogress = "progress"\nprogress_graph = "progress.ttl"\n',
        encoding="utf-8")
    (folder / "plangraph.ttl").write_text(turtle, encoding="utf-8")
    return folder


def run(workspace: Path, *args: str):
    return CliRunner().invoke(cli, ["--workspace", str(workspace), *args])


def fill(template: Path, out: Path, rows: dict[str, dict], edit=None) -> Path:
    """Fill ``rows`` (task key -> {column key: value}) into a copy of the template; ``edit``
    may change the sheet further (move a column, rename a header)."""
    import openpyxl

    from plangraph.progress.sheet import BY_KEY

    book = openpyxl.load_workbook(template)
    sheet = book["Báo cáo"]
    for cells in sheet.iter_rows(min_row=2):
        values = rows.get(cells[0].value)
        for key, value in (values or {}).items():
            sheet[f"{BY_KEY[key].letter}{cells[0].row}"] = value
    if edit:
        edit(sheet)
    book.save(out)
    return out


def round_trip_rows(day: dt.date = dt.date(2022, 12, 31)) -> dict[str, dict]:
    return {
        ON_TIME: {"status": "Đã hoàn thành", "completed": dt.date(2021, 8, 20), "evidence": "Báo cáo số 123/BC-SYT",
                  "report_date": day},
        LATE: {"status": "Đã hoàn thành", "completed": dt.date(2022, 3, 15), "note": "Chậm do dịch Covid-19",
               "report_date": day},
        IN_PROGRESS: {"status": "Đang thực hiện", "note": "Đang xây dựng đề án", "report_date": day},
    }


def workspace_with_history(folder: Path, turtle: str) -> Path:
    """The round trip's reports (as of 31/12/2022), and a second report on 000:214: done on
    15/06/2023, reported on 30/06/2023."""
    ws = make_workspace(folder, turtle)
    template = ws / "t.xlsx"
    run(ws, "report", "template", "--agency", "Sở Y tế", "--as-of", "2022-12-31", "-o", str(template))
    assert run(ws, "report", "import", str(fill(template, ws / "q4.xlsx", round_trip_rows()))).exit_code == 0
    second = {IN_PROGRESS: {"status": "Đã hoàn thành", "completed": dt.date(2023, 6, 15),
                            "report_date": dt.date(2023, 6, 30), "evidence": "Quyết định số 77/QĐ-UBND"}}
    assert run(ws, "report", "import", str(fill(template, ws / "q2.xlsx", second))).exit_code == 0
    return ws
