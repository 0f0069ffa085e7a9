"""``--as-of`` and ``--as-printed``: the day a question about an agency is asked for.

Agencies were merged, renamed and abolished in 2025: by default a command answers for
today, with the tasks an agency took over and without those it passed on; ``--as-of``
asks for another day and ``--as-printed`` for the agencies as the plans name them. The
answer itself comes from the graph and the named queries (so an endpoint gives the same);
this module only turns the options into query parameters and says, on stderr, when the
agency asked about did not exist on that day.

Example:
    >>> as_of_params("2024-12-31", False)
    {'as-of': '2024-12-31'}
    >>> as_of_params(None, True)
    {'as-printed': 'true'}
"""

from __future__ import annotations

try:  # the C date that datetime re-exports: running datetime.py itself costs a command ~1 ms
    from _datetime import date
except ImportError:  # pragma: no cover - not CPython
    from datetime import date

from ..catalogue import t

__all__ = ["as_of_options", "as_of_params", "succession_note"]

_STATUS = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?name ?ended ?founded ?successor WHERE {
  #@values
  ?agency skos:prefLabel ?name . FILTER(lang(?name) = "vi")
  OPTIONAL { ?agency pg:dissolved ?ended }
  OPTIONAL { ?agency pg:founded ?founded }
  OPTIONAL { ?agency pg:successor/skos:prefLabel ?successor FILTER(lang(?successor) = "vi") }
}"""


def as_of_options(function):
    """--as-of DATE and --as-printed."""
    import functools  # (here too: functools, with collections, costs the quick path ~3 ms)

    import click  # (here: the quick path imports this module without click)

    # their help is the catalogue's (opt.as_of, opt.as_printed; viz.as_of)
    @click.option("--as-of", "as_of", metavar="YYYY-MM-DD")
    @click.option("--as-printed", is_flag=True)
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs)

    return wrapper


def as_of_params(as_of: str | None, as_printed: bool) -> dict[str, str]:
    """The query parameters for the options (none when neither is given: the queries'
    defaults, today and not as printed)."""
    if as_of and as_printed:
        _refuse(t("asof.both"))
    if as_of:
        try:
            date.fromisoformat(as_of)
        except ValueError:
            _refuse(t("asof.not_a_day", value=as_of))
        return {"as-of": as_of}
    return {"as-printed": "true"} if as_printed else {}


def _refuse(message: str):
    from .errors import UserError  # click's: imported only on the way to an error

    raise UserError(message) from None


def succession_note(store, agency_iri: str, as_of: str | None, as_printed: bool) -> str | None:
    """One line saying that the agency had ended, or was not yet formed, on the day asked
    about; None when it existed (or ``as_printed``)."""
    from ..query import iri_term

    if as_printed:
        return None
    day = as_of or date.today().isoformat()
    ask = getattr(store, "kept_query", store.query)  # (the graph's alone: kept beside an embedded store)
    rows = list(ask(_STATUS.replace("#@values", f"VALUES ?agency {{ {iri_term(agency_iri)} }}")))
    if not rows:
        return None
    row = rows[0]
    name = row["name"].value
    ended = row.get("ended")
    founded = row.get("founded")
    if ended is not None and ended.value <= day:
        successor = row.get("successor")
        passed = (t("asof.passed_to", name=successor.value) if successor is not None
                  else t("asof.no_single_successor"))
        return t("asof.ended", name=name, ended=ended.value, passed=passed, day=day)
    if founded is not None and founded.value > day:
        return t("asof.not_formed", name=name, founded=founded.value, day=day)
    return None
