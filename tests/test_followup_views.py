"""The follow-up dashboard, generated from the round trip's reports and used in headless Chromium."""

from __future__ import annotations

import json

import pytest
from followup_helpers import run, workspace_with_history
from test_views import browser, needs_browser, open_offline  # noqa: F401  (Debian's chromium, as for the other views)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, built):
    return workspace_with_history(tmp_path_factory.mktemp("dashboard") / "ws", built.turtle)


@pytest.fixture(scope="module")
def page_file(workspace):
    out = workspace / "dashboard.html"
    result = run(workspace, "dashboard", "--as-of", "2023-07-01", "-o", str(out), "--lang", "vi")
    assert result.exit_code == 0, result.output
    return out


def test_dashboard_in_english(workspace, tmp_path):
    out = tmp_path / "en.html"
    assert run(workspace, "dashboard", "--as-of", "2023-07-01", "-o", str(out), "--lang", "en").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in text and "<title>Follow-up of the tasks as of 01/07/2023</title>" in text
    assert "Done on time: <b>" in text and "<th>Lead agency</th>" in text and "Theo dõi" not in text
    assert "<h2>By lead agency <span" in text and "<th>Last report</th>" in text


def test_every_text_of_the_page_is_filled_in(page_file):
    import re

    assert not re.search(r"@[A-Z_]+@", page_file.read_text(encoding="utf-8"))


def test_dashboard_counts_are_the_status_counts(workspace, page_file):
    import re

    text = page_file.read_text(encoding="utf-8")
    assert not re.search(r"""<script[^>]*\ssrc=|<link[^>]*rel=["']?stylesheet|(?:src|href)\s*=\s*["']https?://""", text)
    data = json.loads(re.search(r"const data = (\{.*?\});\n", text, re.S).group(1))
    status = run(workspace, "status", "--as-of", "2023-07-01", "-f", "jsonl")
    expected = {row["agency"]: row for row in map(json.loads, status.stdout.splitlines())}
    assert len(data["agencies"]) == len(expected) == 41
    for agency in data["agencies"]:
        row = expected[agency["iri"]]
        assert {k: str(v) for k, v in agency.items() if k not in ("iri", "name")} == \
            {k: v for k, v in row.items() if k not in ("agency", "name", "ended")}
    overdue = run(workspace, "overdue", "--as-of", "2023-07-01", "-f", "jsonl").stdout.splitlines()
    assert len(data["overdue"]) == len(overdue)


@needs_browser
def test_dashboard_in_chromium(page_file, browser, tmp_path):
    page, requests, errors = open_offline(browser, page_file, {"width": 1400, "height": 1000})
    assert requests == [] and errors == []
    assert page.locator(".agency").count() == 41
    overdue = page.evaluate("window.plangraph.data.overdue.length")
    assert page.locator("#rows tr").count() == overdue and "Nhiệm vụ quá hạn" in page.inner_text("#list-title")
    # Sở Y tế's bar: one segment per category it has, sized by its counts (2 + 1 + 1 + 1 + 10 of 15)
    bar = page.locator('.agency[data-iri$="/thanh-hoa/so-y-te"] .bar span')
    assert sorted(bar.evaluate_all("spans => spans.map(s => s.dataset.category)")) == \
        ["doneLate", "doneOnTime", "noDeadline", "noReport", "overdue"]
    page.click('.agency[data-iri$="/thanh-hoa/so-y-te"]')
    assert page.inner_text("#list-title") == "Nhiệm vụ của Sở Y tế (15)"
    page.click(f'tr.task[data-task$="/2021-2999/task/L214"]')
    history = page.locator("#history-table tbody tr")
    assert history.count() == 2
    assert history.nth(0).get_attribute("class") == "superseded" and history.nth(1).get_attribute("class") == "current"
    assert "Đang thực hiện" in history.nth(0).inner_text() and "30/06/2023" in history.nth(0).inner_text()
    assert "Quyết định số 77/QĐ-UBND" in history.nth(1).inner_text()
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=False)
    assert (tmp_path / "dashboard.png").stat().st_size > 10000
    page.close()
