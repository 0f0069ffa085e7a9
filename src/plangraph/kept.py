"""Answers kept beside the embedded store: the small look-ups a command makes before its
query (which agency a name is, whether it had ended), read back instead of asked again.

A store's folder holds one graph content, named after its SHA-256 (:mod:`plangraph.cache`),
so the answer of a query that depends on nothing but the graph (no NOW(), RAND() or
BNODE()) can never be stale there: it goes when the folder goes, with the graph. Each of
those queries costs a command 0.5-3 ms, its first one on a store the most (issue 16); the
file of answers is read in a tenth of that. Only the callers that ask for it keep answers
(:meth:`plangraph.store.EmbeddedStore.kept_query`), and only for such queries.

The file is ``plangraph-answers.marshal`` in the store's folder: ``marshal`` (built in,
nothing to import) of a dict from query text to (variables, rows), each row a tuple of
(variable, term fields). It is replaced whole (a temporary file renamed over it), so that a
reader sees the old answers or the new ones; one that cannot be read is as none.
"""

from __future__ import annotations

import marshal
import os

from .results import Result, Term

__all__ = ["FILE", "answers", "keep"]

FILE = "plangraph-answers.marshal"
MOST = 2000  # answers kept per store (a few hundred bytes each); past that, started again


def answers(folder: str) -> dict:
    """The answers kept in the store folder ``folder`` (none when there is no readable file)."""
    try:
        with open(os.path.join(folder, FILE), "rb") as handle:
            kept = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return kept if isinstance(kept, dict) else {}


def result_of(kept) -> Result:
    """A kept answer as the store's :class:`Result` (new lists and terms: callers may change them)."""
    variables, rows = kept
    return Result(list(variables), [{name: Term(*fields) for name, fields in row} for row in rows])


def keep(folder: str, kept: dict, sparql: str, result: Result) -> None:
    """Add ``result`` (a SELECT's) to ``kept`` and write them to ``folder``; a folder that
    cannot be written keeps nothing (the query is only asked again)."""
    if len(kept) >= MOST:
        kept.clear()
    kept[sparql] = (tuple(result.variables),
                    tuple(tuple((name, tuple(term)) for name, term in row.items()) for row in result.rows))
    temporary = os.path.join(folder, f".{FILE}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(marshal.dumps(kept))
        os.replace(temporary, os.path.join(folder, FILE))
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
