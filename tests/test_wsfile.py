"""The quick path's reading of plangraph.toml (plangraph.wsfile, strings and os.path) finds
and reads what plangraph.workspace does, or leaves the file to it (issue 16)."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from plangraph import wsfile
from plangraph.workspace import NotInWorkspace, WorkspaceError, config_text, find

PLAIN = [
    '[workspace]\nname = "a"\n',
    '[workspace]\n',
    config_text("demo", "tỉnh Thanh Hóa"),
    config_text("demo", graph="out/g.nt", cache="c/../cache", sources="./plans"),
    '[workspace]\ngraph = "sub/./g.ttl"\nreports = "."\n',
]
NOT_PLAIN_OR_BROKEN = [
    '[workspace]\nname = "a"\n[other]\n',  # a second table: refused by load
    'name = "a"\n',  # no [workspace]
    '[workspace]\nsorces = "x"\n',  # an unknown key
    '[workspace]\ngraph = "../outside.ttl"\n',  # outside the workspace
    '[workspace]\ngraph = "/etc/g.ttl"\n',
    '[workspace]\ngraph = "  "\n',  # an empty path
    '[workspace]\nname = 1\n',  # not a string (tomllib's)
    "[workspace]\nname = 'literal'\n",  # not plain, yet fine: load reads it with tomllib
    '[workspace]\nname = "x\\ty"\n',
]


def _reference(config: Path) -> dict:
    """What load() gave before wsfile (tomllib and pathlib), as strings."""
    table = tomllib.loads(config.read_text(encoding="utf-8"))["workspace"]
    root = Path(os.path.abspath(config)).parent
    found = {"root": str(root), "name": table.get("name") or root.name, "jurisdiction": table.get("jurisdiction", "")}
    for key in wsfile.PATH_KEYS:
        found[key] = str(Path(os.path.normpath(root / table.get(key, wsfile.KEYS[key][0]))))
    return found


@pytest.mark.parametrize("text", PLAIN)
def test_a_plain_file_is_read_as_load_reads_it(tmp_path, text):
    config = tmp_path / "plangraph.toml"
    config.write_text(text, encoding="utf-8")
    assert wsfile.settings(str(config)) == _reference(config)
    ws = find(explicit=tmp_path)
    assert {k: str(getattr(ws, k)) for k in ("root", *wsfile.PATH_KEYS)} == {
        k: v for k, v in _reference(config).items() if k not in ("name", "jurisdiction")}


@pytest.mark.parametrize("text", NOT_PLAIN_OR_BROKEN)
def test_anything_else_is_left_to_load(tmp_path, text):
    config = tmp_path / "plangraph.toml"
    config.write_text(text, encoding="utf-8")
    assert wsfile.settings(str(config)) is None
    try:
        ws = find(explicit=tmp_path)
    except WorkspaceError:
        return
    assert ws.name in ("literal", "x\ty")  # the two that are valid TOML, read by tomllib


def test_the_file_is_found_where_find_finds_it(tmp_path, monkeypatch):
    monkeypatch.delenv("PLANGRAPH_WORKSPACE", raising=False)
    (tmp_path / "ws" / "deep" / "er").mkdir(parents=True)
    (tmp_path / "ws" / "plangraph.toml").write_text('[workspace]\n', encoding="utf-8")
    config = str(tmp_path / "ws" / "plangraph.toml")
    for explicit in (tmp_path / "ws", str(tmp_path / "ws") + "/", tmp_path / "ws" / "plangraph.toml"):
        assert wsfile.config_file(explicit) == config or wsfile.config_file(explicit) is None
        assert str(find(explicit=explicit).config_file) == config
    assert wsfile.config_file(None, tmp_path / "ws" / "deep" / "er") == config
    monkeypatch.chdir(tmp_path / "ws" / "deep")
    assert wsfile.config_file() == config
    monkeypatch.setenv("PLANGRAPH_WORKSPACE", str(tmp_path / "ws"))
    monkeypatch.chdir(tmp_path)
    assert wsfile.config_file() == config
    monkeypatch.setenv("PLANGRAPH_WORKSPACE", str(tmp_path / "nowhere"))
    assert wsfile.config_file() is None
    with pytest.raises(NotInWorkspace):
        find()
