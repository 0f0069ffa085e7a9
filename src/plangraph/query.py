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

import re
from datetime import date
from functools import lru_cache

from .errors import PlangraphError
from .record import Record
from .text import fold

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


_PARAM_RE = re.compile(
    r"^(?P<name>[a-z][\w-]*)\s+(?P<type>[a-z]+)(?:\((?P<choices>[^)]*)\))?(?:=(?P<default>\S+))?"
    r"(?P<required>\s+required)?(?:\s+as\s+\?(?P<var>\w+))?\s*(?P<description>.*)$"
)


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
            match = _PARAM_RE.match(value)
            if not match:
                raise QueryError(f"cannot read parameter line {value!r}", path=f"{name}.rq")
            choices = tuple(c.strip() for c in (match.group("choices") or "").split(",") if c.strip())
            query.params.append(Param(
                name=match.group("name"), type=match.group("type"),
                variable=match.group("var") or _camel(match.group("name")),
                required=bool(match.group("required")), default=match.group("default"),
                choices=choices, description=match.group("description").strip(),
            ))
    return query


def _query_files():
    from .resources import queries_folder

    return queries_folder()


@lru_cache(maxsize=None)
def list_queries() -> list[str]:
    """Names of the named queries shipped with plangraph."""
    return sorted(p.name[:-3] for p in _query_files().iterdir() if p.name.endswith(".rq"))


def load_query(name: str) -> NamedQuery:
    """Load one named query by name (file name without ``.rq``)."""
    if name not in list_queries():
        raise QueryError(f"no named query {name!r}; `plangraph queries` lists them")
    text = (_query_files() / f"{name}.rq").read_text(encoding="utf-8")
    return parse_query(name, text)


# -- RDF terms ------------------------------------------------------------------------

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


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
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value) or _IRI_FORBIDDEN.search(value):
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


_CODE_TOKEN = re.compile(r"[{}]|[?$](\w+)")


@lru_cache(maxsize=64)
def _markers(text: str) -> tuple[tuple[int, frozenset[str]], ...]:
    r"""Each ``#@values`` line of ``text``: where it starts, and the variables its block
    must bind (comments, strings and IRIs skipped).

    Those are the variables of the group it is in, with the groups inside it, and those used
    where no block reaches (the projection, a group around the blocks' groups), which every
    block binds as before. (A block also binds a parameter that only a group inside it
    uses: oxigraph plans the query around it; without ?agency in the outer block
    tasks-of-agency took 4 times as long.)

    Example:
        >>> [(at, sorted(v)) for at, v in _markers("SELECT ?s { { #@values\n ?a ?p ?b } #@values\n ?b ?q ?c }")]
        [(14, ['a', 'b', 'p', 's']), (35, ['a', 'b', 'c', 'p', 'q', 's'])]
    """
    groups: list[list] = [[set(), []]]  # each group: its variables, its markers (indexes into found)
    open_groups = [0]
    uses: list[tuple[str, tuple[int, ...]]] = []  # each use of a variable, with the groups around it
    found: list[list] = []
    for match in _SPARQL_HIDING.finditer(text):
        if match.group("comment") is not None:
            if match.group("comment").strip() == "#@values":
                groups[open_groups[-1]][1].append(len(found))
                found.append([match.start(), set()])
            continue
        code = match.group("code")
        if code is None:
            continue
        for token in _CODE_TOKEN.finditer(code):
            if token.group(1):
                uses.append((token.group(1), tuple(open_groups)))
                for index in open_groups:
                    groups[index][0].add(token.group(1))
            elif token.group() == "{":
                open_groups.append(len(groups))
                groups.append([set(), []])
            elif len(open_groups) > 1:
                open_groups.pop()
    for variables, indexes in groups:
        for index in indexes:
            found[index][1] |= variables
    reached = {i for i, (_, indexes) in enumerate(groups) if indexes}
    loose = {variable for variable, around in uses if not reached.intersection(around)}
    return tuple((start, frozenset(variables | loose)) for start, variables in found)


# -- SERVICE -------------------------------------------------------------------------

# What hides a keyword: comments, strings (long and short, with their escapes) and IRIs.
# Anything else that does not start one of them is code. An unterminated string is read as
# code, so that a query cannot hide SERVICE from this check and still parse.
_SPARQL_HIDING = re.compile(
    r"""(?P<comment>\#[^\n\r]*)"""
    r"""|(?P<string>'{3}(?:[^'\\]|\\.|'(?!''))*'{3}|"{3}(?:[^"\\]|\\.|"(?!""))*"{3}"""
    r"""|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")"""
    r"""|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
    r"""|(?P<code>[^#'"<]+|[#'"<])""",
    re.DOTALL,
)
# SERVICE as a keyword: not part of a longer name, a variable (?service) or a prefixed
# name's prefix (service:x). "ex:a.service" is refused too: better a query refused than
# one that reaches the network.
_SERVICE_WORD = re.compile(r"(?<![\w?$])service(?![\w:])", re.IGNORECASE)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _code_of(sparql: str) -> str:
    return " ".join(m.group("code") for m in _SPARQL_HIDING.finditer(sparql) if m.group("code"))


def uses_service(sparql: str) -> bool:
    """True when ``sparql`` has a ``SERVICE`` clause (a federated query, which makes the
    engine send HTTP requests to the IRI it names).

    Strings, IRIs and comments are skipped. The text is also checked with its ``\\u``
    escapes decoded, as SPARQL 1.1 has them decoded before parsing (oxigraph does not,
    another engine may).

    Example:
        >>> uses_service('SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
        True
        >>> uses_service('SELECT ?service WHERE { ?service ?p "SERVICE" } # SERVICE')
        False
    """
    decoded = _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16))
                             if int(m.group(1) or m.group(2), 16) < 0x110000 else m.group(0), sparql)
    return any(_SERVICE_WORD.search(_code_of(text)) for text in {sparql, decoded})


def refuse_service(sparql: str) -> None:
    """Raise :class:`QueryError` if ``sparql`` uses ``SERVICE`` (see :func:`uses_service`)."""
    if uses_service(sparql):
        raise QueryError("SERVICE (a federated query) is refused: it would make plangraph send requests to "
                         "other servers. Query the other endpoint with --endpoint instead, or allow it "
                         "explicitly (plangraph serve --allow-service; EmbeddedStore(allow_service=True))")


# -- finding things by name (plangraph.resolve) ---------------------------------------------

from .resolve import (  # noqa: E402 - resolve uses the terms above
    _LABELS_QUERY, STRONG, AgencyMatch, Resolution, find_agencies, resolve_agency, resolve_agency_match,
    resolve_document, resolve_document_match, resolve_task, resolve_task_match, short_file,
)
