"""A wheel in a fresh virtual environment works in a workspace in any folder (issue 12).

The real thing, slowly: the working tree is copied into a git repository of its own (what a
user clones), a wheel is built from it and installed with its dependencies into a new
virtual environment, and the installed ``plangraph`` is run in a temporary folder far from
this checkout: init, add, build, validate, tasks, the example GitHub workflow's steps. The
pre-commit hooks are in test_install_hooks.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FILES, ROOT, SOURCES
from install_helpers import clean_env, clean_path, clone_of_working_tree, run
from plangraph import __version__

pytestmark = pytest.mark.slow

CORPUS_PLAN = ROOT / "tests" / "corpus" / "02_hanoi_308-kh-ubnd-2025.md"
PLAN = SOURCES / FILES["004"]


@dataclass
class Installed:
    base: Path
    clone: Path
    bin: Path
    env: dict[str, str]

    def run(self, *args, cwd: Path, expect: int | None = 0, env: dict | None = None) -> subprocess.CompletedProcess:
        return run(*args, cwd=cwd, env=env or self.env, expect=expect)

    def plangraph(self, *args, cwd: Path, expect: int | None = 0) -> subprocess.CompletedProcess:
        return self.run(self.bin / "plangraph", *args, cwd=cwd, expect=expect)


def _snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    base = tmp_path_factory.mktemp("install")
    clone = clone_of_working_tree(base / "plangraph-clone")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", base / "dist", clone],
                   check=True, capture_output=True)
    wheels = list((base / "dist").glob("plangraph-*.whl"))
    assert [w.name for w in wheels] == [f"plangraph-{__version__}-py3-none-any.whl"]
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    # --no-compile: the modules a command imports are compiled when it first runs them (below,
    # bytecode may be written), not the whole of numpy, rdflib and networkx at install time
    subprocess.run([venv / "bin" / "pip", "install", "-q", "--no-compile", wheels[0]], check=True,
                   capture_output=True)
    (base / "home").mkdir()
    env = clean_env(PATH=f"{venv / 'bin'}{os.pathsep}{clean_path()}", HOME=str(base / "home"), PYTHONNOUSERSITE="1")
    return Installed(base, clone, venv / "bin", env)


@pytest.fixture(scope="module")
def workspace(installed) -> Path:
    """A workspace made and filled by the installed plangraph, in a folder of its own."""
    folder = installed.base / "officer" / "plans"
    folder.parent.mkdir()
    installed.plangraph("init", "plans", "--jurisdiction", "tỉnh Thanh Hóa", cwd=folder.parent)
    added = installed.plangraph("add", PLAN, cwd=folder)
    # (Vietnamese by default: the installed wheel carries the catalogue of the workspace commands)
    assert re.search(r"^  số hiệu: +913/QĐ-UBND$", added.stdout, re.MULTILINE), added.stdout
    assert "đã thêm 004_86eb4304471918db.txt vào sources/" in added.stderr
    installed.plangraph("build", cwd=folder)
    return folder


def test_the_installed_wheel_works_in_a_workspace_anywhere(installed, workspace):
    run, cwd = installed.plangraph, workspace
    site = installed.bin.parent
    venv_before = _snapshot(site)
    outside_before = _snapshot(installed.base / "officer")
    # the version is written once, and is the distribution's; python -m plangraph works too
    assert run("--version", cwd=cwd).stdout.strip() == f"plangraph, version {__version__}"
    module = installed.run(installed.bin / "python", "-m", "plangraph", "--version", cwd=cwd)
    assert module.stdout.strip() == f"plangraph, version {__version__}"
    metadata = installed.run(installed.bin / "python", "-c",
                             "import importlib.metadata as m; print(m.version('plangraph'))", cwd=cwd)
    assert metadata.stdout.strip() == __version__
    # an empty folder is not a workspace: one line, exit 2 (it was ".../lib/python3.11/data/sources")
    empty = installed.base / "empty"
    empty.mkdir()
    refused = run("build", cwd=empty, expect=2)
    # (Vietnamese by default since issue 14)
    assert refused.stderr.strip().splitlines() == [
        "Lỗi: không ở trong thư mục làm việc plangraph nào (không có plangraph.toml ở đây hay ở thư mục cha nào); "
        "chạy `plangraph init` để tạo"]
    # the workspace's graph, checked with the bundled shapes, queried with the bundled queries
    run("build", "--check", "-q", cwd=cwd)
    assert "0 vi phạm" in run("validate", "-q", cwd=cwd).stdout  # the catalogue is in the wheel
    tasks = run("tasks", "--agency", "Sở Y tế", "-f", "csv", cwd=cwd / "sources")  # from a subfolder
    assert "004_86eb4304471918db.txt:77" in tasks.stdout
    assert "tasks-of-agency" in run("queries", cwd=cwd).stdout
    assert "so-y-te" in run("agencies", "-f", "csv", cwd=cwd).stdout
    # a view: vis-network is the wheel's own package data (issue 16: pyvis, IPython and jinja2
    # are not installed at all)
    assert "plangraph-plan-913.html" in run("viz", "--plan", "913", cwd=cwd).stderr
    page = (cwd / "reports" / "plangraph-plan-913.html").read_text(encoding="utf-8")
    assert page.count("@version 9.1.2") == 1 and "UBND huyện Thọ Xuân" in page
    absent = installed.run(installed.bin / "python", "-c", "import importlib.util as u; "
                           "print([m for m in ('pyvis', 'IPython', 'jinja2') if u.find_spec(m)])", cwd=cwd)
    assert absent.stdout.strip() == "[]"
    # nothing was written outside the workspace, nor into the installed package
    assert list((installed.base / "home").iterdir()) == [] and list(empty.iterdir()) == []
    assert _snapshot(site) == venv_before
    new = _snapshot(installed.base / "officer") - outside_before
    assert all(name.startswith("plans/") for name in new), new
    assert any(name.startswith("plans/.plangraph-cache/") for name in _snapshot(installed.base / "officer"))


def test_a_corpus_plan_is_added_built_and_validated(installed, tmp_path):
    installed.plangraph("init", tmp_path / "corpus-ws", cwd=tmp_path)
    folder = tmp_path / "corpus-ws"
    installed.plangraph("add", PLAN, cwd=folder)
    added = installed.plangraph("add", CORPUS_PLAN, cwd=folder)
    assert "308/KH-UBND" in added.stdout
    installed.plangraph("build", cwd=folder)
    installed.plangraph("validate", cwd=folder)
    # two provinces' "Sở Tài chính" now: the name is given with its city
    tasks = installed.plangraph("tasks", "--agency", "Sở Tài chính thành phố Hà Nội", "-f", "csv", cwd=folder)
    assert CORPUS_PLAN.name in tasks.stdout


def test_the_example_github_workflow_runs_in_a_workspace(installed, workspace):
    import yaml  # installed with pre-commit (test extra)

    workflow = yaml.safe_load((installed.clone / "examples" / "github-actions-validate.yml").read_text("utf-8"))
    steps = workflow["jobs"]["validate"]["steps"]
    commands = [step["run"] for step in steps if "run" in step and "pip install" not in step["run"]]
    assert commands == ["plangraph build --check", "plangraph validate",
                        "plangraph validate -f turtle > validation-report.ttl || true"]
    for command in commands:
        installed.run("bash", "-eo", "pipefail", "-c", command, cwd=workspace)
    report = (workspace / "validation-report.ttl").read_text(encoding="utf-8")
    assert "sh:ValidationReport" in report and 'sh:conforms "true"^^xsd:boolean' in report
    (workspace / "validation-report.ttl").unlink()
