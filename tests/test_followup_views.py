"""The follow-up dashboard, generated from the round trip's reports and used in headless Chromium."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil

import pytest
from followup_helpers import IN_PROGRESS, fill, make_workspace, round_trip_rows, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
needs_browser = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="Debian's chromium is not installed (.ci/run installs it)")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, built):
    ws = make_workspace(tmp_path_factory.mktemp("dashboard") / "ws", built.turtle)
    template = ws / "t.xlsx"
    run(ws, "report", "template", "--agency", "Sở Y tế", "--as-of", "2022-12-31", "-o", str(template))
    assert run(ws, "report", "import", str(fill(template, ws / "q4.xlsx", round_trip_rows()))).exit_code == 0
    second = {IN_PROGRESS: {"status": "Đã hoàn thành", "completed": dt.date(2023, 6, 15), "report_date": dt.date(2023, 6, 30),
                            "evidence": "Quyết định số 77/QĐ-UBND"}}
    assert run(ws, "report", "import", str(fill(template, ws / "q2.xlsx", second))).exit_code == 0
    return ws


@pytest.fixture(scope="module")
def page_file(workspace):
    out = workspace / "dashboard.html"
    result = run(workspace, "dashboard", "--as-of", "2023-07-01", "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


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
            {k: v for k, v in row.items() if k not in ("agency", "name")}
    overdue = run(workspace, "overdue", "--as-of", "2023-07-01", "-f", "jsonl").stdout.splitlines()
    assert len(data["overdue"]) == len(overdue)


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.fail("chromium is required in CI")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@needs_browser
def test_dashboard_in_chromium(page_file, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests, errors = [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    def route(route_):
        if not route_.request.url.startswith(("file://", "data:", "about:")):
            requests.append(route_.request.url)
            route_.abort()
        else:
            route_.continue_()

    page.route("**/*", route)
    page.goto(page_file.as_uri())
    page.wait_for_function("window.plangraph && window.plangraph.ready", timeout=10000)
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
