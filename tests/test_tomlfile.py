"""The plain reader of plangraph.toml (:func:`plangraph.tomlfile.plain_toml`) reads what
``tomllib`` reads, or leaves the file to it (issue 16: tomllib cost a query command more
than its query)."""

from __future__ import annotations

import tomllib

import pytest

from conftest import ROOT
from plangraph.tomlfile import plain_toml, read_toml
from plangraph.workspace import WorkspaceError, config_text

SAMPLES = [
    '[workspace]\nname = "x"\n',
    '# comment\n\n[workspace]\nname = "x"   # why\njurisdiction = "tỉnh Thanh Hóa"\n',
    '[workspace]\r\nname = "x"\r\n',
    '[ workspace ]\nname=""\n',
    '[workspace] # a table\nname = "a # not a comment"\n',
    'top = "level"\n[workspace]\nname = "x"\n',
    '[a]\nk = "1"\n[b]\nk = "2"\n',
    '\ttop\t=\t"tabs"\t\n',
    "",
    "# only a comment",
    # what it leaves to tomllib (read or refused there)
    '[workspace]\nname = "x\\ty"\n',
    "[workspace]\nname = 'literal'\n",
    '[workspace]\nname = """multi"""\n',
    '[workspace]\nname = "x"\nname = "y"\n',
    '[workspace]\n[workspace]\n',
    'workspace = "x"\n[workspace]\n',
    '[[agency]]\nid = "a"\n',
    '[a.b]\nk = "1"\n',
    '[workspace]\na.b = "1"\n',
    '[workspace]\n"quoted" = "1"\n',
    '[workspace]\nn = 1\n',
    '[workspace]\nn = true\n',
    '[workspace]\nn = ["a"]\n',
    '[workspace]\nn = "x" y\n',
    '[workspace] y\n',
    '[workspace\n',
    '[]\n',
    '[workspace]\nname = "x\n',
    '[workspace]\nname =\n',
    '[workspace]\n= "x"\n',
    '[workspace]\nname "x"\n',
    '[workspace]\nname = "a\x01b"\n',
    '# \x7f in a comment\n',
    '[workspace]\nname = "x"\rjunk\n',
    '\ufeff[workspace]\n',
    '[workspace]\nname = "x" # \x00\n',
    '[workspace]\nnäme = "x"\n',
]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_plain_reader_reads_as_tomllib_or_leaves_the_file_to_it(text):
    plain = plain_toml(text)
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert plain is None  # refused there, with its message
        return
    assert plain is None or plain == expected


def test_the_files_plangraph_writes_are_plain():
    for text in (config_text("demo", "tỉnh Thanh Hóa"), config_text("d", graph="g.nt", cache="c"),
                 (ROOT / "plangraph.toml").read_text(encoding="utf-8")):
        assert plain_toml(text) == tomllib.loads(text)


def test_every_toml_file_of_the_repository_reads_the_same():
    for path in ROOT.glob("**/*.toml"):
        if ".venv" in path.parts or ".git" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        plain = plain_toml(text)
        assert plain is None or plain == tomllib.loads(text), path
        assert read_toml(path)[0] == tomllib.loads(text), path


def test_an_error_is_still_tomllibs_with_its_line(tmp_path):
    bad = tmp_path / "plangraph.toml"
    bad.write_text('[workspace]\nname = "x"\nname = "y"\n', encoding="utf-8")
    with pytest.raises(WorkspaceError) as raised:
        read_toml(bad, WorkspaceError)
    assert raised.value.line == 3 and "invalid TOML" in str(raised.value)
