"""The pre-commit hooks work in a user's repository that holds only a workspace (issue 12).

``pre-commit try-repo`` installs this working tree (as a git repository of its own, what a
user clones) into pre-commit's own environment and runs the hooks on a repository holding
a workspace with one plan and its graph: both pass, and a hand edit of the graph is refused.
A module apart from test_install.py, so that the two slow installs run on two workers.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FILES, SOURCES
from install_helpers import GIT, clean_env, clean_path, clone_of_working_tree, pip_cache, run
from plangraph.cli import cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def workspace(tmp_path_factory, monkeypatch_module) -> Path:
    """A repository's worth of workspace: one plan and its graph, made by this checkout's plangraph."""
    folder = tmp_path_factory.mktemp("hooks") / "plans"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(folder), "--jurisdiction", "tỉnh Thanh Hóa"]).exit_code == 0
    monkeypatch_module.chdir(folder)
    monkeypatch_module.delenv("PLANGRAPH_WORKSPACE", raising=False)
    for args in (["add", str(SOURCES / FILES["004"])], ["build"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_the_pre_commit_hooks_work_in_a_repository_that_holds_only_a_workspace(workspace, tmp_path):
    repo = tmp_path / "my-plans"
    shutil.copytree(workspace, repo, ignore=shutil.ignore_patterns(".plangraph-cache"))
    subprocess.run([*GIT, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "plans"], cwd=repo, check=True)
    # pre-commit installs the hook repository in an environment of its own: not our venv
    # pip's own cache (the real user's) is kept, so that the dependencies come from the
    # wheels pip already has rather than from the index again (the test's HOME is empty)
    env = clean_env(PATH=clean_path(), HOME=str(tmp_path / "home"), PYTHONNOUSERSITE="1",
                    PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), PIP_CACHE_DIR=pip_cache(), PIP_NO_COMPILE="1")
    (tmp_path / "home").mkdir()
    clone = clone_of_working_tree(tmp_path / "plangraph-clone")
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", clone]
    passed = run(*pre_commit, "--all-files", cwd=repo, env=env)
    assert "plangraph build --check" in passed.stdout and "plangraph validate" in passed.stdout
    assert passed.stdout.count("Passed") == 2, passed.stdout
    # a hand edit of the graph is refused by the build check
    with (repo / "plangraph.ttl").open("a", encoding="utf-8") as graph:
        graph.write('<agency/so-y-te> <http://www.w3.org/2000/01/rdf-schema#label> "edited by hand"@vi .\n')
    subprocess.run([*GIT, "add", "plangraph.ttl"], cwd=repo, check=True)
    failed = run(*pre_commit, "plangraph-build-check", "--all-files", cwd=repo, env=env, expect=1)
    assert "Failed" in failed.stdout and "khác với những gì nguồn cho" in failed.stdout
