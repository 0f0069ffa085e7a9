"""The SPARQL 1.1 results model every store answers with: terms, results, streams of rows.

Example:
    >>> answer = Result(["name"], [{"name": Term("literal", "Sở Y tế", "vi")}])
    >>> answer.values(), answer.to_json()["results"]["bindings"][0]["name"]["xml:lang"]
    ([('Sở Y tế',)], 'vi')
"""

from __future__ import annotations

from operator import itemgetter

from .record import Record

__all__ = ["Term", "Result", "RowStream"]


class Term(tuple):
    """An RDF term in the SPARQL 1.1 JSON results shape: ``type`` ("uri", "literal" or
    "bnode"), ``value``, ``lang`` and ``datatype`` (None when absent).

    A named tuple rather than a frozen dataclass: a result of a few thousand rows makes
    tens of thousands of them, and a frozen dataclass costs about four times as much to
    create (measured: a third of the agency query's time at 1M triples). Written out, as
    ``collections.namedtuple`` would make it, because importing ``typing`` (NamedTuple) or
    ``collections`` cost a query command more than the query (issue 16).

    Example:
        >>> Term("literal", "Sở Y tế", "vi")
        Term(type='literal', value='Sở Y tế', lang='vi', datatype=None)
        >>> Term("uri", "a:b") == ("uri", "a:b", None, None), Term("uri", "a:b").value
        (True, 'a:b')
    """

    __slots__ = ()

    def __new__(cls, type: str, value: str, lang: str | None = None, datatype: str | None = None):
        return tuple.__new__(cls, (type, value, lang, datatype))

    type = property(itemgetter(0), doc="uri, literal or bnode")
    value = property(itemgetter(1))
    lang = property(itemgetter(2))
    datatype = property(itemgetter(3))

    def __repr__(self) -> str:
        return "Term(type=%r, value=%r, lang=%r, datatype=%r)" % self

    def __getnewargs__(self) -> tuple:  # (pickled and copied as the four fields)
        return tuple(self)

    def to_json(self) -> dict[str, str]:
        out = {"type": self.type, "value": self.value}
        if self.lang:
            out["xml:lang"] = self.lang
        elif self.datatype:
            out["datatype"] = self.datatype
        return out

    @classmethod
    def from_json(cls, data: dict[str, str]) -> "Term":
        kind = data["type"]
        if kind == "typed-literal":  # SPARQL XML-era servers
            kind = "literal"
        return cls(kind, data["value"], data.get("xml:lang"), data.get("datatype"))


class Result(Record):
    """Variables and rows (variable name -> :class:`Term`, unbound variables absent);
    ``boolean``: the answer of an ASK."""

    __slots__ = ("variables", "rows", "boolean")
    _defaults = {"rows": list, "boolean": None}

    def __iter__(self) -> Iterator[dict[str, Term]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def values(self) -> list[tuple[str | None, ...]]:
        """Rows as tuples of plain values, in variable order (handy in tests)."""
        return [tuple(row[v].value if v in row else None for v in self.variables) for row in self.rows]

    def to_json(self) -> dict:
        """The SPARQL 1.1 Query Results JSON document."""
        if self.boolean is not None:
            return {"head": {}, "boolean": self.boolean}
        return {
            "head": {"vars": self.variables},
            "results": {"bindings": [{k: t.to_json() for k, t in row.items()} for row in self.rows]},
        }


class RowStream:
    """Rows that arrive one at a time, for output that should not wait for the whole answer.

    Iterate it once. ``count`` is the number of rows handed out so far.
    """

    def __init__(self, variables: list[str], rows: Iterator[dict[str, Term]], boolean: bool | None = None):
        self.variables = variables
        self.boolean = boolean
        self.count = 0
        self._rows = rows

    def __iter__(self) -> Iterator[dict[str, Term]]:
        for row in self._rows:
            self.count += 1
            yield row
