"""Start-up budget (issue 16): what a command imports is a property, not a timing.

`plangraph --help` and `plangraph tasks` on the embedded store must not pull in the
machinery of other commands: the HTTP client and TLS (endpoints only), rdflib and pySHACL
(validate), networkx and numpy (views), openpyxl (workbooks), the plan reader
(build). Each command runs in a fresh interpreter, so that nothing imported by the test
itself hides a regression.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

HEAVY = ("http.client", "ssl", "urllib.request", "email.parser", "rdflib", "pyshacl", "networkx", "numpy",
         "openpyxl", "plangraph.build", "plangraph.read.plan", "plangraph.extract",
         "plangraph.legacy_encodings", "plangraph.remote")
# and, on the `tasks` path, what cost more than its query (issue 16): tomllib (plangraph.toml
# has a plain reader), typing (annotations only), threading and queue (the query's thread
# runs on _thread locks)
TASKS_HEAVY = (*HEAVY, "tomllib", "typing", "threading", "queue")

_PROBE = """
import json, sys
args, heavy = json.loads(sys.argv[1]), json.loads(sys.argv[2])
from plangraph.cli import main
sys.argv = ["plangraph", *args]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m in heavy or m.split(".")[0] in heavy)), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A workspace holding the five plans' graph (built once: `tasks` only reads it)."""
    root = tmp_path_factory.mktemp("startup")
    (root / "plangraph.toml").write_text('[workspace]\nname = "t"\njurisdiction = "tỉnh Thanh Hóa"\n', encoding="utf-8")
    (root / "sources").mkdir()
    shutil.copy(ROOT / "data" / "plangraph.ttl", root / "plangraph.ttl")
    return root


def _imported(args: list[str], cwd: Path, heavy=HEAVY) -> list[str]:
    env = {**os.environ, "PLANGRAPH_WORKSPACE": str(cwd)}
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(args), json.dumps(heavy)],
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_help_imports_nothing_heavy(workspace):
    assert _imported(["--help"], workspace) == []


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_tasks_on_the_embedded_store_imports_nothing_heavy(workspace, fmt):
    _imported(["tasks", "--agency", "Sở Y tế", "-f", fmt], workspace)  # the first run fills the store's cache
    assert _imported(["tasks", "--agency", "Sở Y tế", "-f", fmt], workspace, TASKS_HEAVY) == []


# And with nothing imported before it (no site: an editable install's finder imports re and
# pathlib itself), `tasks -f json` on the warm store imports none of what cost it more than
# its query (issue 16): the workspace, the store, the query and the JSON are read and
# written without them.
LEAN_FORBIDDEN = ("re", "pathlib", "json", "functools", "collections", "typing", "enum", "tomllib", "threading",
                  "queue", "contextlib", "importlib.util", "urllib", "string", "weakref", "tempfile", "shutil",
                  "datetime")
_LEAN_PROBE = """
import sys
before = set(sys.modules)
forbidden = sys.argv[2].split(",")
from plangraph.cli import main
sys.argv = ["plangraph", *sys.argv[1].split("\\x1f")]
try:
    main()
except SystemExit:
    pass
print("imported:", ",".join(sorted(m for m in set(sys.modules) - before
                                  if m in forbidden or m.split(".")[0] in forbidden)), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def source_tree(tmp_path_factory) -> Path:
    """The package as a wheel lays it out (pyproject's package-dir), made of links to the
    working tree, for an interpreter started without site."""
    import tomllib

    tree = tmp_path_factory.mktemp("tree")
    mapping = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-dir"]
    (tree / "plangraph").mkdir()
    for entry in (ROOT / "src" / "plangraph").iterdir():
        (tree / "plangraph" / entry.name).symlink_to(entry)
    for package, folder in mapping.items():
        if package.startswith("plangraph."):
            (tree / package.replace(".", "/")).symlink_to(ROOT / folder)
    return tree


def test_tasks_json_on_the_warm_store_imports_none_of_the_costly_modules(workspace, source_tree):
    import pyoxigraph

    import time

    # the store built, and the graph stamped once it is old enough for its stamp to be trusted
    # (plangraph.cache.SETTLE_S): as a graph built a while ago is
    time.sleep(max(0.0, (workspace / "plangraph.ttl").stat().st_ctime + 3.2 - time.time()))
    _imported(["tasks", "--agency", "Sở Y tế", "-f", "json"], workspace)
    site = str(Path(pyoxigraph.__file__).parents[1])
    env = {**os.environ, "PLANGRAPH_WORKSPACE": str(workspace), "PYTHONPATH": os.pathsep.join([str(source_tree), site])}
    done = subprocess.run([sys.executable, "-S", "-c", _LEAN_PROBE, "\x1f".join(["tasks", "--agency", "Sở Y tế", "-f",
                                                                               "json"]), ",".join(LEAN_FORBIDDEN)],
                          capture_output=True, text=True, cwd=workspace, env=env, timeout=120)
    assert '"bindings"' in done.stdout, done.stderr
    assert done.stderr.splitlines()[-1] == "imported: ", done.stderr
