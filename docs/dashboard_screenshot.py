"""Regenerate docs/dashboard.png: the follow-up dashboard after the README's round trip.

    .venv/bin/python docs/dashboard_screenshot.py

A temporary workspace with the five plans; Sở Y tế's round trip (tests/test_followup.py)
and a second report on 000:214; Sở Kế hoạch và Đầu tư reports on its first twenty open
tasks; the dashboard as of 01/07/2023, Sở Y tế selected and the history of 000:214 open.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from followup_helpers import fill, run, workspace_with_history  # noqa: E402


def main() -> None:
    import openpyxl
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp())
    try:
        ws = workspace_with_history(folder / "ws", (ROOT / "data" / "plangraph.ttl").read_text(encoding="utf-8"))
        kh = ws / "kh.xlsx"
        run(ws, "report", "template", "--agency", "Sở Kế hoạch và Đầu tư", "--as-of", "2023-06-30", "-o", str(kh))
        keys = [row[0] for row in openpyxl.load_workbook(kh)["Báo cáo"].iter_rows(min_row=2, max_row=21, values_only=True)]
        statuses = ["Đã hoàn thành", "Đã hoàn thành", "Đang thực hiện", "Đã hoàn thành", "Chưa thực hiện"]
        rows = {key: {"status": statuses[i % 5], "completed": dt.date(2022, 1 + i % 12, 10) if statuses[i % 5] ==
                      "Đã hoàn thành" else None} for i, key in enumerate(keys)}
        result = run(ws, "report", "import", str(fill(kh, ws / "kh-filled.xlsx", rows)))
        assert result.exit_code == 0, result.output
        page_file = ws / "dashboard.html"
        run(ws, "dashboard", "--as-of", "2023-07-01", "-o", str(page_file))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), headless=True,
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(page_file.as_uri())
            page.wait_for_function("window.plangraph && window.plangraph.ready")
            page.click('.agency[data-iri$="/thanh-hoa/so-y-te"]')
            page.click('tr.task[data-task$="/2021-2999/task/L214"]')
            page.evaluate("document.getElementById('history').scrollIntoView({block: 'end'})")
            page.screenshot(path=str(ROOT / "docs" / "dashboard.png"), full_page=True)
            browser.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
