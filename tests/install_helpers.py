"""Shared by the install tests (test_install.py, test_install_hooks.py): the working tree as
a git repository of its own (what a user clones), and commands run with a clean PATH.

The two modules are apart so that the two slow installs (the wheel into a fresh virtual
environment, the hook repository into pre-commit's) run on two workers at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GIT = ["git", "-c", "user.name=plangraph-test", "-c", "user.email=test@plangraph.invalid", "-c", "init.defaultBranch=main"]


def run(*args, cwd: Path, env: dict, expect: int | None = 0) -> subprocess.CompletedProcess:
    """Run a command; unless ``expect`` is None, fail with its output when it exits otherwise."""
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=600)
    if expect is not None:
        assert result.returncode == expect, f"{args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def clean_path() -> str:
    """PATH without any folder that has a ``plangraph`` (so that only the installed one runs)."""
    return os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                           if p and not (Path(p) / "plangraph").exists())


def pip_cache() -> str:
    """The folder where this machine's pip keeps downloaded wheels."""
    return subprocess.run([sys.executable, "-m", "pip", "cache", "dir"], capture_output=True, text=True,
                          check=True).stdout.strip()


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without plangraph's settings, a venv or a bytecode ban."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PLANGRAPH_", "VIRTUAL_ENV")) and key != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def clone_of_working_tree(clone: Path) -> Path:
    """The working tree (tracked and untracked files, not the ignored ones) committed in a
    new git repository at ``clone``."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():  # a file deleted in the working tree is not part of it
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name, follow_symlinks=False)
    subprocess.run([*GIT, "init", "-q"], cwd=clone, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=clone, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "snapshot of the working tree"], cwd=clone, check=True)
    return clone
