"""Named queries (``queries/*.rq``) and their parameters, bound as RDF terms.

Each query file starts with a header of comments::

    # title: Tasks of an agency
    # question: What does this agency owe ...?
    # param: agency agency required  The agency: a name or its IRI.
    # param: role choice(both,lead,coordinating)=both as ?roles  Which role to count.
    # example: plangraph query tasks-of-agency --param agency="Sở Y tế"

``title-vi``, ``question-vi`` and ``param-vi: NAME  mô tả`` give the same in Vietnamese,
which ``plangraph queries`` shows by default (:meth:`NamedQuery.shown`).

A parameter is ``NAME TYPE[=DEFAULT] [required] [as ?var]  description``; its SPARQL
variable is ``?var`` or the camel-cased name (``as-of`` -> ``?asOf``). Values are never
pasted into the query text: each value becomes an RDF term (an escaped literal of the right
datatype, or a checked IRI) in a ``VALUES`` block placed where the query has a ``#@values``
line. Without parameters the file is plain SPARQL and runs as it is.

Example:
    >>> q = load_query("tasks-of-agency")
    >>> [p.name for p in q.params]
    ['agency', 'role', 'collectives', 'from', 'to', 'as-of', 'as-printed', 'lang']
"""

from __future__ import annotations

try:  # the C date that datetime re-exports: running datetime.py itself costs a command ~1 ms
    from _datetime import date
except ImportError:  # pragma: no cover - not CPython
    from datetime import date

from .errors import PlangraphError
from .record import Record

# No re, functools or pathlib here: with what they import, they cost a query command more
# than its query (issue 16). The header's parameter lines, the #@values markers and IRIs
# are read by hand (tests/test_query_reading.py holds the regular expressions they follow
# and compares); re is imported by the parameter types and checks that need it.

__all__ = [
    "NamedQuery", "Param", "QueryError", "load_query", "list_queries", "bind", "term_for",
    "AgencyMatch", "Resolution", "find_agencies", "resolve_agency", "resolve_document", "resolve_task",
    "resolve_agency_match", "resolve_document_match", "resolve_task_match", "short_file",
    "refuse_service", "uses_service",
]

PG = "https://w3id.org/plangraph/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"


class QueryError(PlangraphError):
    """A named query that does not exist or a parameter value that is not acceptable."""


class Param(Record):
    """One parameter of a named query: ``name``, ``type`` (agency, document, task, iri,
    string, folded, date, integer, boolean, choice), its SPARQL ``variable``, whether it is
    ``required``, its ``default``, its ``choices`` and ``description``."""

    __slots__ = ("name", "type", "variable", "required", "default", "choices", "description")
    _defaults = {"required": False, "default": None, "choices": (), "description": ""}


class NamedQuery(Record):
    """A query file with its header: ``name``, ``text``, ``title``, ``question``,
    ``example``, ``params`` and ``vietnamese`` ("title", "question" and "param.NAME" in
    Vietnamese, from the title-vi, ... lines)."""

    __slots__ = ("name", "text", "title", "question", "example", "params", "vietnamese")
    _defaults = {"title": "", "question": "", "example": "", "params": list, "vietnamese": dict}

    def shown(self, key: str, lang: str) -> str:
        """The ``key`` ("title", "question", "param.NAME") people read in ``lang``: the
        Vietnamese line when there is one, else the English.

        Example:
            >>> q = load_query("trace")
            >>> q.shown("title", "vi"), q.shown("title", "en")
            ('Lần theo nhiệm vụ tới các nghị quyết', 'Trace a task to its resolutions')
        """
        if lang == "vi" and key in self.vietnamese:
            return self.vietnamese[key]
        if key.startswith("param."):
            return self.param(key[len("param."):]).description
        return getattr(self, key)

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name!r} has no parameter {name!r} (parameters: {known})")


def _word(char: str) -> bool:
    """A character of ``\\w`` (re's, for text): a letter, a digit or ``_``."""
    return char.isalnum() or char == "_"


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def param_fields(value: str) -> dict | None:
    r"""A parameter line's parts, as ``NAME TYPE[(CHOICES)][=DEFAULT][ required][ as ?VAR]
    DESCRIPTION`` reads (None when it does not start ``NAME TYPE``); read as the regular
    expression ``^(?P<name>[a-z][\w-]*)\s+(?P<type>[a-z]+)(?:\((?P<choices>[^)]*)\))?``
    ``(?:=(?P<default>\S+))?(?P<required>\s+required)?(?:\s+as\s+\?(?P<var>\w+))?\s*(?P<description>.*)$``
    reads it, each part taken as far as it goes.

    Example:
        >>> param_fields("role choice(both,lead)=both as ?roles  Which role.")["choices"]
        'both,lead'
    """
    end = len(value)
    if not value or not "a" <= value[0] <= "z":
        return None
    at = 1
    while at < end and (_word(value[at]) or value[at] == "-"):
        at += 1
    name, start = value[:at], _skip_spaces(value, at)
    at = start
    while at < end and "a" <= value[at] <= "z":
        at += 1
    if start == len(name) or at == start:
        return None
    fields = {"name": name, "type": value[start:at], "choices": None, "default": None, "required": None, "var": None}
    close = value.find(")", at + 1) if value.startswith("(", at) else -1
    if close != -1:
        fields["choices"], at = value[at + 1:close], close + 1
    if value.startswith("=", at):
        stop = at + 1
        while stop < end and not value[stop].isspace():
            stop += 1
        if stop > at + 1:
            fields["default"], at = value[at + 1:stop], stop
    spaced = _skip_spaces(value, at)
    if spaced > at and value.startswith("required", spaced):
        fields["required"], at = value[at:spaced + 8], spaced + 8
    spaced = _skip_spaces(value, at)
    if spaced > at and value.startswith("as", spaced):
        mark = _skip_spaces(value, spaced + 2)
        if mark > spaced + 2 and value.startswith("?", mark):
            stop = mark + 1
            while stop < end and _word(value[stop]):
                stop += 1
            if stop > mark + 1:
                fields["var"], at = value[mark + 1:stop], stop
    fields["description"] = value[_skip_spaces(value, at):]
    return fields


def _camel(name: str) -> str:
    head, *rest = name.split("-")
    return head + "".join(part.capitalize() for part in rest)


def parse_query(name: str, text: str) -> NamedQuery:
    """Read the header comments of a query file."""
    query = NamedQuery(name=name, text=text)
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        key, _, value = line[1:].strip().partition(":")
        value = value.strip()
        if key == "title":
            query.title = value
        elif key == "question":
            query.question = value
        elif key == "example":
            query.example = value
        elif key in ("title-vi", "question-vi"):
            query.vietnamese[key[:-3]] = value
        elif key == "param-vi":
            name, _, description = value.partition(" ")
            query.vietnamese["param." + name] = description.strip()
        elif key == "param":
            match = param_fields(value)
            if not match:
                raise QueryError(f"cannot read parameter line {value!r}", path=f"{name}.rq")
            choices = tuple(c.strip() for c in (match["choices"] or "").split(",") if c.strip())
            query.params.append(Param(
                name=match["name"], type=match["type"], variable=match["var"] or _camel(match["name"]),
                required=bool(match["required"]), default=match["default"],
                choices=choices, description=match["description"].strip(),
            ))
    return query


def _query_files() -> str:
    from .resources import package_path

    return package_path("plangraph.queries")


_LISTED: list[list[str]] = []  # (computed once: the shipped files do not change while we run)


def list_queries() -> list[str]:
    """Names of the named queries shipped with plangraph."""
    if not _LISTED:
        import os

        _LISTED.append(sorted(name[:-3] for name in os.listdir(_query_files()) if name.endswith(".rq")))
    return _LISTED[0]


def load_query(name: str) -> NamedQuery:
    """Load one named query by name (file name without ``.rq``)."""
    if name not in list_queries():
        raise QueryError(f"no named query {name!r}; `plangraph queries` lists them")
    with open(f"{_query_files()}/{name}.rq", encoding="utf-8") as handle:
        text = handle.read()
    return parse_query(name, text)


# -- RDF terms ------------------------------------------------------------------------

# what may not be in an IRI term (it could end it early), and an IRI's scheme: a letter, then
# letters, digits, "+", "." or "-", up to the first ":"
_IRI_FORBIDDEN = frozenset(map(chr, range(0x21))) | frozenset('<>"{}|^`\\')
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SCHEME = _LETTERS | frozenset("0123456789+.-")


def _literal(value: str, datatype: str | None = None) -> str:
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"' + (f"^^<{datatype}>" if datatype else "")


def iri_term(value: str) -> str:
    """An IRI term; refuses characters that could end it early.

    Example:
        >>> iri_term("https://w3id.org/plangraph/id/agency/so-y-te")
        '<https://w3id.org/plangraph/id/agency/so-y-te>'
    """
    colon = value.find(":")
    if (colon < 1 or value[0] not in _LETTERS or not _SCHEME.issuperset(value[1:colon])
            or not _IRI_FORBIDDEN.isdisjoint(value)):
        raise QueryError(f"not an IRI: {value!r}")
    return f"<{value}>"


def term_for(param: Param, value: str) -> str:
    """The SPARQL term for one parameter value.

    Example:
        >>> term_for(Param("x", "string", "x"), 'a "b" } DROP ALL {')
        '"a \\\\"b\\\\" } DROP ALL {"'
        >>> term_for(Param("d", "date", "d"), "2022-06-30")
        '"2022-06-30"^^<http://www.w3.org/2001/XMLSchema#date>'
    """
    kind = param.type
    if kind in ("iri", "agency", "document", "task"):
        return iri_term(value)
    if kind == "string":
        return _literal(value)
    if kind == "folded":
        import re

        from .text import fold

        words = " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(value)).split())
        if not words:  # "" is contained in every text: the filter would match everything
            raise QueryError(f"parameter {param.name}: {value!r} has no letter or digit to look for")
        return _literal(words)
    if kind == "date":
        try:
            return _literal(date.fromisoformat(value).isoformat(), XSD + "date")
        except ValueError:
            raise QueryError(f"parameter {param.name}: {value!r} is not a date (YYYY-MM-DD)") from None
    if kind == "integer":
        import re

        if not re.fullmatch(r"-?\d{1,9}", value):
            raise QueryError(f"parameter {param.name}: {value!r} is not an integer")
        return _literal(str(int(value)), XSD + "integer")
    if kind == "boolean":
        lowered = value.lower()
        if lowered not in ("true", "false", "1", "0", "yes", "no"):
            raise QueryError(f"parameter {param.name}: {value!r} is not true or false")
        return _literal("true" if lowered in ("true", "1", "yes") else "false", XSD + "boolean")
    if kind == "choice":
        if value not in param.choices:
            raise QueryError(f"parameter {param.name}: {value!r} is not one of {', '.join(param.choices)}")
        return _literal(value)
    raise QueryError(f"parameter {param.name}: unknown type {kind!r}")


def bind(query: NamedQuery, values: dict[str, str]) -> str:
    """Return the query text with a VALUES block for ``values`` (already resolved to the
    parameter's expected form: IRIs for agency/document/task parameters)."""
    for name in values:
        query.param(name)  # unknown parameter -> QueryError
    terms: list[str] = []
    for param in query.params:
        value = values.get(param.name)
        if value is None and param.default is not None:
            value = date.today().isoformat() if param.default == "today" else param.default
        if value is None:
            if param.required:
                raise QueryError(f"query {query.name!r} needs --param {param.name}=...")
            terms.append("UNDEF")
        else:
            terms.append(term_for(param, value))
    if not query.params:
        return query.text
    markers = _markers(query.text)
    if not markers:
        raise QueryError(f"query {query.name!r} has parameters but no #@values line", path=f"{query.name}.rq")
    # each block binds only what its group uses, and no unbound (UNDEF) column: on oxigraph
    # every column of every block costs time (three unused ones made tasks-of-agency 19% slower)
    given = [(p.variable, term) for p, term in zip(query.params, terms) if term != "UNDEF"]
    out, done = [], 0
    for start, used in markers:
        columns = [(variable, term) for variable, term in given if variable in used]
        out.append(query.text[done:start])
        if columns:
            out.append("VALUES (" + " ".join(f"?{v}" for v, _ in columns) + ") { ("
                       + " ".join(t for _, t in columns) + ") }")
        done = start + len("#@values")
    out.append(query.text[done:])
    return "".join(out)


# -- the text of a query: its #@values markers, SERVICE (plangraph.sparql_text) ----------

from .sparql_text import _markers, refuse_service, uses_service  # noqa: E402,F401 - part of this module's interface


# -- finding things by name (plangraph.resolve) ---------------------------------------------

_RESOLVE = ("_LABELS_QUERY", "STRONG", "AgencyMatch", "Resolution", "find_agencies", "resolve_agency",
            "resolve_agency_match", "resolve_document", "resolve_document_match", "resolve_task",
            "resolve_task_match", "short_file")


def __getattr__(name: str):
    """plangraph.resolve's names, importable from here as before. Looked up on first use
    rather than imported at the end of this module: resolve imports this module, and
    importing resolve first then failed (a partly initialised module)."""
    if name in _RESOLVE:
        from . import resolve

        return getattr(resolve, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
