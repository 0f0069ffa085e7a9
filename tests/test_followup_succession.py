"""Agencies over time: a task handed over in a change of organisation is reported on, and
counted, by the agency that holds it on the day.

The handover is written as the succession work emits it (a ``pg:Handover`` with the task,
the role, the printed and the former agency, the day it starts and the agency that holds
the task from then on), added to the five plans' graph: Sở Y tế's task 000:214 passes to
Sở Khoa học và Công nghệ on 01/03/2025.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from followup_helpers import IN_PROGRESS, fill, make_workspace, run

SYT = "https://w3id.org/plangraph/id/agency/thanh-hoa/so-y-te"
KHCN = "https://w3id.org/plangraph/id/agency/thanh-hoa/so-khoa-hoc-va-cong-nghe"
HANDOVER = """
<plan/thanh-hoa/2021-2999/task/L214/holder/lead/thanh-hoa/so-y-te/2025-03-01>
    a pg:Handover ;
    pg:task <plan/thanh-hoa/2021-2999/task/L214> ;
    pg:role "lead" ;
    pg:printedAgency <agency/thanh-hoa/so-y-te> ;
    pg:fromAgency <agency/thanh-hoa/so-y-te> ;
    pg:validFrom "2025-03-01"^^xsd:date ;
    pg:heldBy <agency/thanh-hoa/so-khoa-hoc-va-cong-nghe> .
"""


@pytest.fixture()
def workspace(tmp_path, built):
    return make_workspace(tmp_path / "ws", built.turtle + HANDOVER)


def counts(workspace, day: str, agency: str) -> dict[str, int]:
    result = run(workspace, "status", "--as-of", day, "--agency", agency, "-f", "jsonl")
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    return {k: int(v) for k, v in row.items() if k not in ("agency", "name", "ended")}


def test_the_task_counts_for_the_agency_holding_it_on_the_day(workspace, tmp_path, built):
    assert counts(workspace, "2025-02-28", "Sở Y tế")["total"] == 15
    assert counts(workspace, "2025-03-01", "Sở Y tế")["total"] == 14
    # on 1 March 2025 Sở Khoa học và Công nghệ also took over Sở Thông tin và Truyền thông's
    # tasks (data/registry/succession.toml): the handover above adds one to those
    plain = make_workspace(tmp_path / "plain", built.turtle)
    merged = counts(plain, "2025-03-01", "Sở Khoa học và Công nghệ")["total"]
    assert merged > counts(plain, "2025-02-28", "Sở Khoa học và Công nghệ")["total"]
    assert counts(workspace, "2025-03-01", "Sở Khoa học và Công nghệ")["total"] == merged + 1


def test_today_s_agency_reports_on_the_inherited_task(workspace):
    template = workspace / "khcn.xlsx"
    result = run(workspace, "report", "template", "--agency", "Sở Khoa học và Công nghệ", "--as-of", "2025-06-30",
                 "-o", str(template))
    assert result.exit_code == 0, result.output
    import openpyxl

    keys = [row[0] for row in openpyxl.load_workbook(template)["Báo cáo"].iter_rows(min_row=2, values_only=True)]
    assert IN_PROGRESS in keys
    rows = {IN_PROGRESS: {"status": "Đã hoàn thành", "completed": dt.date(2025, 5, 20)}}
    imported = run(workspace, "report", "import", str(fill(template, workspace / "khcn-filled.xlsx", rows)))
    assert imported.exit_code == 0, imported.output
    assert counts(workspace, "2025-06-30", "Sở Khoa học và Công nghệ")["doneLate"] == 1  # due 28/02/2025
    # the former agency may no longer report on it
    old = workspace / "syt.xlsx"
    run(workspace, "report", "template", "--agency", "Sở Y tế", "--as-of", "2024-12-31", "-o", str(old))
    late = {IN_PROGRESS: {"status": "Đang thực hiện", "report_date": dt.date(2025, 7, 31)}}
    refused = run(workspace, "report", "import", str(fill(old, workspace / "syt-filled.xlsx", late)))
    assert refused.exit_code == 2
    assert "column F (Cơ quan báo cáo): task 000_b2f608754944a1c5.txt:214 is not a task of Sở Y tế: on 2025-07-31 " \
           "it is led by Sở Khoa học và Công nghệ" in refused.output
    # before the handover it was Sở Y tế's to report on
    early = {IN_PROGRESS: {"status": "Đang thực hiện", "report_date": dt.date(2024, 12, 31)}}
    assert run(workspace, "report", "import", str(fill(old, workspace / "syt-2024.xlsx", early))).exit_code == 0
