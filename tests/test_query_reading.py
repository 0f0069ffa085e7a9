"""The hand-written readers of the quick path read as the regular expressions they replace
(issue 16: re, with what it imports, cost a query command more than its query).

Each reader is compared with its regular expression, kept here as the specification, on
every shipped query and on texts made to hit the corners."""

from __future__ import annotations

import os
import random
import re

import pytest

from conftest import ROOT
from plangraph import sparql_text
from plangraph.query import QueryError, iri_term, load_query, list_queries, param_fields
from plangraph.resolve import _is_iri, _is_short_id

PARAM_RE = re.compile(
    r"^(?P<name>[a-z][\w-]*)\s+(?P<type>[a-z]+)(?:\((?P<choices>[^)]*)\))?(?:=(?P<default>\S+))?"
    r"(?P<required>\s+required)?(?:\s+as\s+\?(?P<var>\w+))?\s*(?P<description>.*)$"
)
HIDING = re.compile(sparql_text.HIDING, re.DOTALL)
CODE_TOKEN = re.compile(r"[{}]|[?$](\w+)")
IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _texts() -> list[str]:
    """Every shipped query, and random texts of the characters that matter."""
    folder = ROOT / "queries"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("**/*.rq"))]
    rng = random.Random(16)
    alphabet = ["#", "'", '"', "<", ">", "\\", "\n", "\r", "{", "}", "?", "$", "a", "_", " ", "ẽ", "@values",
                "'''", '"""', ":", "\x00", "\u00a0"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    return texts


def test_parts_are_what_the_hiding_expression_finds():
    for text in _texts():
        expected = [(m.lastgroup, m.start(), m.end()) for m in HIDING.finditer(text)]
        assert sparql_text.parts(text) == expected, text


def test_tokens_are_what_the_token_expression_finds():
    for text in _texts():
        expected = [m.group() if not m.group(1) else "?" + m.group(1) for m in CODE_TOKEN.finditer(text)]
        assert list(sparql_text._tokens(text)) == expected, text


def _param_lines() -> list[str]:
    shipped = [line.split(":", 1)[1].strip() for name in list_queries()
               for line in load_query(name).text.splitlines() if line.startswith("# param:")]
    made = ["a b", "a  b", "a", "A b", "a B", "a-b_c1 type", "a type(x,y)", "a type(x", "a type()=", "a type=",
            "a type=x", "a type=x(y) required", "a type requiredness", "a type  required  as ?v  d", "a type as ?",
            "a type as ?v", "a type asx ?v", "a type as?v", "a type as  ?v_1 rest", "a type required as ?v",
            "a typeX rest", "a type-x", "a type\tdesc", "a\u00a0type", "ả type", "aẽ type", "a type=ẽ", "a type ?v",
            "a type(x)=y required as ?z   the description  ", "a type=x\u2003required"]
    rng = random.Random(17)
    pieces = ["a", "b", "-", "_", " ", "  ", "(", ")", "=", "x", "required", "as", "?", "v", "\t", "é", "1"]
    made += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    return shipped + made


def test_parameter_lines_read_as_the_expression_reads_them():
    for line in _param_lines():
        match = PARAM_RE.match(line)
        fields = param_fields(line)
        if match is None:
            assert fields is None, line
        else:
            assert fields == match.groupdict(), line


@pytest.mark.parametrize("value", ["https://w3id.org/a", "urn:x", "a:", "a1+.-:b", "1a:b", ":a", "a", "ab c:d",
                                   "a:b c", "a:<b>", "a:\x00", "a:b\\", "ẽ:b", "a ẽ:b", "a:ẽ", "http:/x y", "x|:y",
                                   "a:{}", "A:b", "a_b:c", "a.b:c"])
def test_an_iri_is_refused_as_the_expressions_refuse_it(value):
    ok = re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value) and not IRI_FORBIDDEN.search(value)
    if ok:
        assert iri_term(value) == f"<{value}>"
    else:
        with pytest.raises(QueryError):
            iri_term(value)


@pytest.mark.parametrize("text", ["thanh-hoa/so-tai-chinh", "a/b/c", "a", "a/", "/a", "a//b", "A/b", "a/b ",
                                  "ả/b", "a-/-b", "1/2", "a/b\n", "http://x", "urn:x"])
def test_names_and_iris_are_told_apart_as_before(text):
    assert _is_short_id(text) == bool(re.fullmatch(r"[a-z0-9-]+(?:/[a-z0-9-]+)+", text))
    assert _is_iri(text) == bool(re.match(r"^https?://", text) or text.startswith("urn:"))


def test_a_text_without_service_is_passed_without_the_expressions():
    import sys

    for text in [*_texts()[:40], "SELECT * { ſervice <a:b> {} }", "SELECT * { SERV\\u0049CE <a:b> {} }",
                 "SELECT * { SERVİCE <a:b> {} }", "SELECT * { servıce <a:b> {} }"]:
        service = re.compile(r"(?<![\w?$])service(?![\w:])", re.IGNORECASE)
        decoded = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), text)
        expected = any(service.search(" ".join(m.group("code") for m in HIDING.finditer(t) if m.group("code")))
                       for t in {text, decoded})
        assert sparql_text.uses_service(text) == expected, text
    assert "re" in sys.modules  # (the comparison's own)
    assert sparql_text.uses_service("SELECT * { ſervice <a:b> { ?s ?p ?o } }")


def test_the_query_modules_import_no_re(tmp_path):
    """In a fresh interpreter (the editable install's finder imports re itself, so the
    modules are loaded from the source folder)."""
    import subprocess
    import sys

    probe = ("import sys; sys.path.insert(0, sys.argv[1]); before = set(sys.modules)\n"
             "import plangraph.query, plangraph.resolve, plangraph.sparql_text, plangraph.wsfile, plangraph.warm\n"
             "import plangraph.render.output, plangraph.cli.quick, plangraph.cli.agency_tasks\n"
             "print(sorted(m for m in set(sys.modules) - before if m.split('.')[0] in "
             "('re', 'pathlib', 'json', 'functools', 'collections', 'typing', 'enum', 'tomllib', 'threading')))")
    done = subprocess.run([sys.executable, "-S", "-c", probe, str(ROOT / "src")], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": ""})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_resolve_and_query_import_in_either_order():
    import subprocess
    import sys

    for first, second in (("plangraph.resolve", "plangraph.query"), ("plangraph.query", "plangraph.resolve")):
        done = subprocess.run([sys.executable, "-c", f"import {first}, {second}; "
                               "from plangraph.query import resolve_agency_match, STRONG; print(STRONG)"],
                              capture_output=True, text=True)
        assert done.stdout.strip() == "85", done.stderr
