"""The quick path (plangraph.cli.quick): `plangraph tasks` read without click prints what
the click command prints, byte for byte, or leaves the command line to click untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangraph.cli import cli, quick

# each: a command line the quick path answers (WS: the workspace folder, OUT: a file in a fresh folder)
ANSWERED = [
    ["tasks", "-a", "Sở Y tế", "-f", "json"],
    ["tasks", "--agency=Sở Y tế", "-fjsonl"],
    ["--lang", "en", "tasks", "-a", "so y te", "-f", "tsv", "--role", "lead"],
    ["tasks", "-aSở Tài chính", "--as-of", "2024-12-31", "-f", "tsv"],
    ["tasks", "-a", "Sở Tài chính", "--role=coordinating", "-f", "table"],
    ["tasks", "-a", "Sở Kế hoạch và Đầu tư", "-f", "table"],
    ["tasks", "-a", "Sở Y tế", "--from", "2025-01-01", "--to", "2026-12-31", "--undated", "-f", "csv"],
    ["tasks", "-a", "Sở Y tế", "--limit", "3", "--wide", "--lang=en"],
    ["tasks", "-a", "Sở Y tế", "--as-printed", "--collectives", "-f", "jsonl", "--fail-on-empty", "--all-rows"],
    ["tasks", "-a", "Sở Y tế", "--from", "2099-01-01", "-f", "json", "--fail-on-empty"],
    ["--workspace", "WS", "tasks", "-a", "UBND huyện Thọ Xuân", "-f", "table", "--timeout", "5"],
    ["tasks", "-a", "Sở Nông nghiệp và Môi trường", "-o", "OUT", "-f", "csv", "--bom"],
    ["tasks", "-a", "Sở Y tế", "--output=OUT", "-f", "xlsx", "--lang", "en", "--lang", "vi"],
]
# each: a command line the quick path leaves to click (help, errors, options it does not read)
LEFT = [
    ["tasks", "--help"], ["tasks", "-h"], ["--version"], ["tasks"], ["query", "tasks-of-agency", "-p", "agency=Sở Y tế"],
    ["tasks", "-a", "Sở Yx tế"], ["tasks", "-a", "Sở"], ["tasks", "-a", "Sở Y tế", "--as-of", "2024-13-01"],
    ["tasks", "-a", "Sở Y tế", "--as-of", "2024-01-01", "--as-printed"], ["tasks", "-a", "Sở Y tế", "--bogus"],
    ["tasks", "-a", "Sở Y tế", "-f", "xml"], ["tasks", "-a", "Sở Y tế", "--limit", "-1"],
    ["tasks", "-a", "Sở Y tế", "--limit", "x"], ["tasks", "-a", "Sở Y tế", "--timeout", "0"],
    ["tasks", "-a", "Sở Y tế", "--endpoint", "http://127.0.0.1:9/sparql"], ["tasks", "-a", "Sở Y tế", "word"],
    ["tasks", "-a", "Sở Y tế", "--from", "2025-02-01", "--to", "2025-01-01"], ["tasks", "-a", "Sở Y tế", "--to", "2025"],
    ["tasks", "-a", "Sở Y tế", "--lang", "fr"], ["tasks", "-a", "Sở Y tế", "--bom=1"], ["tasks", "-a", "--role"],
    ["tasks", "-a", "Sở Y tế", "--graph", "WS"], ["tasks", "-a", "Sở Y tế", "-f", "xlsx"], ["tasks", "--", "-a"],
    ["--workspace", "WS/nowhere", "tasks", "-a", "Sở Y tế"],
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, built) -> Path:
    root = tmp_path_factory.mktemp("quick")
    (root / "plangraph.toml").write_text('[workspace]\nname = "t"\njurisdiction = "tỉnh Thanh Hóa"\n', encoding="utf-8")
    (root / "sources").mkdir()
    (root / "plangraph.ttl").write_text(built.turtle, encoding="utf-8")
    return root


def _args(args: list[str], ws: Path, out: Path) -> list[str]:
    return [str(ws) + a[2:] if a.startswith("WS") else a.replace("OUT", str(out)) for a in args]


def _by_click(args: list[str]) -> tuple[str, str, int]:
    result = CliRunner().invoke(cli, args, prog_name="plangraph")
    # (the bytes: Result.stdout turns CSV's CRLF into LF)
    return result.stdout_bytes.decode("utf-8"), result.stderr_bytes.decode("utf-8"), result.exit_code


def _by_quick(args: list[str], capsys) -> tuple[str, str, int | None]:
    capsys.readouterr()
    code = quick.answer(args)
    out, err = capsys.readouterr()
    return out, err, code


@pytest.fixture(params=["vi", "en"])
def lang(request, monkeypatch):
    from plangraph import catalogue

    if request.param == "vi":
        monkeypatch.delenv("PLANGRAPH_LANG", raising=False)
    else:
        monkeypatch.setenv("PLANGRAPH_LANG", "en")
    catalogue.use(None)
    return request.param


@pytest.mark.parametrize("args", ANSWERED, ids=lambda a: " ".join(a)[:60])
def test_the_quick_path_prints_what_click_prints(args, workspace, tmp_path, monkeypatch, capsys, lang):
    monkeypatch.setenv("PLANGRAPH_WORKSPACE", str(workspace))
    monkeypatch.delenv("PLANGRAPH_ENDPOINT", raising=False)
    (tmp_path / "q").mkdir()
    (tmp_path / "c").mkdir()
    quick_args, click_args = _args(args, workspace, tmp_path / "q" / "out"), _args(args, workspace, tmp_path / "c" / "out")
    assert quick.read_tasks(quick_args) is not None
    by_quick = _by_quick(quick_args, capsys)
    by_click = _by_click(click_args)
    assert by_quick[2] is not None, "the quick path gave a command line it reads back to click"
    assert by_quick == (by_click[0], by_click[1].replace(str(tmp_path / "c"), str(tmp_path / "q")), by_click[2])
    assert by_quick[1].strip(), "says what it resolved and counted"
    if "OUT" in " ".join(args):
        assert (tmp_path / "q" / "out").read_bytes() == (tmp_path / "c" / "out").read_bytes()


def test_the_answers_compared_are_answers(workspace, monkeypatch, capsys):
    # (the comparison above would pass on two empty outputs)
    monkeypatch.setenv("PLANGRAPH_WORKSPACE", str(workspace))
    out, err, code = _by_quick(["tasks", "-a", "Sở Tài chính", "-f", "json"], capsys)
    rows = json.loads(out)["results"]["bindings"]
    assert code == 0 and len(rows) > 100 and any("succession" in row for row in rows)
    out, err, code = _by_quick(["tasks", "-a", "Sở Y tế", "--from", "2099-01-01", "-f", "json", "--fail-on-empty"],
                               capsys)
    assert code == 1 and json.loads(out)["results"]["bindings"] == []


@pytest.mark.parametrize("args", LEFT, ids=lambda a: " ".join(a)[:60])
def test_what_it_does_not_read_is_left_to_click_untouched(args, workspace, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PLANGRAPH_WORKSPACE", str(workspace))
    monkeypatch.delenv("PLANGRAPH_ENDPOINT", raising=False)
    assert _by_quick(_args(args, workspace, tmp_path / "out"), capsys) == ("", "", None)


def test_an_endpoint_in_the_environment_is_left_to_click(workspace, monkeypatch, capsys):
    monkeypatch.setenv("PLANGRAPH_WORKSPACE", str(workspace))
    monkeypatch.setenv("PLANGRAPH_ENDPOINT", "http://127.0.0.1:9/sparql")
    assert _by_quick(["tasks", "-a", "Sở Y tế", "-f", "json"], capsys) == ("", "", None)
    monkeypatch.delenv("PLANGRAPH_ENDPOINT")
    monkeypatch.setenv("PLANGRAPH_QUICK", "0")
    assert _by_quick(["tasks", "-a", "Sở Y tế", "-f", "json"], capsys) == ("", "", None)


_PROBE = """
import sys
from plangraph.cli import main
sys.argv = ["plangraph", *sys.argv[1:]]
try:
    main()
except SystemExit as done:
    code = done.code
print("click" in sys.modules, code, file=sys.stderr)
"""


def _run(args: list[str], ws: Path) -> tuple[str, list[str]]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PLANGRAPH_WORKSPACE": str(ws)})
    return done.stdout, done.stderr.strip().splitlines()


def test_a_command_answers_without_click_and_errors_with_it(workspace):
    out, err = _run(["tasks", "-a", "Sở Y tế", "-f", "jsonl"], workspace)
    assert err[-1] == "False 0" and len(out.splitlines()) == 16
    out, err = _run(["tasks", "-a", "Sở Yx tế", "-f", "jsonl"], workspace)
    assert err[-1] == "True 2" and out == "" and "Sở Yx tế" in err[0]
    assert len(err) == 2, "the error is said once, by click"


@pytest.mark.parametrize("columns", [None, "", "x", "0", "30", "60", "79", "80", "81", "200"])
@pytest.mark.parametrize("max_width", [80, 120])
def test_the_help_is_as_wide_as_click_makes_it(columns, max_width, monkeypatch):
    # (the group gives click the width itself, so that --help does not import shutil)
    import shutil

    from plangraph.cli.group import help_width

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert help_width(max_width) == max(min(shutil.get_terminal_size().columns, max_width) - 2, 50)
