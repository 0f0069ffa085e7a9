"""The command line sits on top: no module outside plangraph.cli imports it (the views, the
exports and the library can be used without click and the commands)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "plangraph"


def _imports_of(path: Path) -> set[str]:
    """The absolute names of the modules ``path`` imports (relative imports resolved)."""
    module = ".".join(("plangraph", *path.relative_to(PACKAGE).with_suffix("").parts))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - (node.level - 1)] if node.level else []
            name = ".".join([*base, node.module] if node.module else base)
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return found


def test_no_module_outside_the_cli_imports_it():
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "cli" or relative.name == "__main__.py":
            continue
        bad = sorted(name for name in _imports_of(path) if name == "plangraph.cli" or name.startswith("plangraph.cli."))
        if bad:
            offenders[relative.as_posix()] = bad
    assert offenders == {}


def test_the_spreadsheet_exports_run_without_the_cli(graph_file):
    script = (
        "import sys\n"
        "from plangraph.store import MemoryStore\n"
        "from plangraph.views.export import export\n"
        f"store = MemoryStore({str(graph_file)!r})\n"
        "csv, xlsx = export(store, 'csv'), export(store, 'xlsx')\n"
        "assert csv.startswith(b'\\xef\\xbb\\xbf') and xlsx.startswith(b'PK')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('plangraph.cli', 'click'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
