"""Finding what a name given on the command line means: an agency, a document, a task.

Every command that takes one says what it took it to be (:meth:`Resolution.said`), and a
name that only resembles an agency is refused with the candidates rather than guessed
(:data:`STRONG`). The functions are re-exported by :mod:`plangraph.query`.

Example:
    >>> short_file("004_86eb4304471918db.txt", ["003_d935930fee5a67bf.txt", "004_86eb4304471918db.txt"])
    '004'
"""

from __future__ import annotations

from .query import PG, QueryError, _literal, iri_term
from .record import Record

BASE = "https://w3id.org/plangraph/id/"
# re and plangraph.text (which needs re) are imported where a name is not found as it is
# written: re, with what it imports, costs a query command more than its query (issue 16)
_SHORT_ID = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")

__all__ = ["AgencyMatch", "Resolution", "STRONG", "find_agencies", "resolve_agency", "resolve_agency_match",
           "resolve_document", "resolve_document_match", "resolve_task", "resolve_task_match", "short_file"]


class AgencyMatch(Record):
    """An agency or collective found by name (``iri``, ``name``), with how well it matched
    (``score``, the label ``matched``) and whether it is a ``collective``."""

    __slots__ = ("iri", "name", "score", "matched", "collective")


class Resolution:
    """What a name given on the command line was taken to mean, and how it matched."""

    __slots__ = ("given", "iri", "label", "how", "kind")

    def __init__(self, given: str, iri: str, label: str, how: str = "exact", kind: str = "agency"):
        self.given = given
        self.iri = iri
        self.label = label  # what people call it: the agency's name, "58-NQ/TW", "004_86eb4304471918db.txt:97"
        self.how = how  # a catalogue key after "how.": exact, variant, case, spelling, folded, ...
        self.kind = kind  # agency, document, task

    def said(self) -> str:
        """One line for stderr: 'cơ quan "so y te" → Sở Y tế (khớp khi bỏ dấu, chỉ một cơ quan)'."""
        from .catalogue import t

        return t("resolved", what=t(f"what.{self.kind}"), given=self.given, found=self.label) + (
            f" ({t('how.' + self.how)})" if self.how != "exact" or self.given != self.label else "")


# A name is taken only when it is one of the agency's names (100: as printed, a variant
# the registry or the plans give, or its form without diacritics), the same in another
# case (95) or spelling (92: tone marks placed otherwise, abbreviations expanded), the
# one agency with that form once diacritics are removed (90), or a known abbreviation
# without its head word (85: "KH&ĐT"). A prefix or some of the words (75 and less) only
# resembles an agency: "Sở Du lịch" is not "Sở Văn hóa, Thể thao và Du lịch".
STRONG = 85
_HOW = {100: "exact", 95: "case", 92: "spelling", 90: "folded", 85: "abbreviation"}
_HEADS = ("sở", "ban", "ủy ban nhân dân", "trung tâm", "bộ chỉ huy")
_LABELS_QUERY = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?agency ?name ?label ?collective WHERE {
  { ?agency a pg:Agency BIND(false AS ?collective) } UNION { ?agency a pg:Collective BIND(true AS ?collective) }
  ?agency skos:prefLabel ?name . FILTER(lang(?name) = "vi")
  { ?agency skos:prefLabel ?label } UNION { ?agency skos:altLabel ?label } UNION { ?agency skos:hiddenLabel ?label }
  FILTER(!langMatches(lang(?label), "en"))
}"""


def _is_iri(text: str) -> bool:
    """``text`` is an IRI to take as it is (``^https?://`` or ``urn:``), not a name."""
    return text.startswith(("http://", "https://", "urn:"))


def _is_short_id(text: str) -> bool:
    """"thanh-hoa/so-tai-chinh": an agency IRI's path (``[a-z0-9-]+(?:/[a-z0-9-]+)+``)."""
    steps = text.split("/")
    return len(steps) > 1 and all(step and _SHORT_ID.issuperset(step) for step in steps)


def find_agencies(store, text: str, limit: int = 10) -> list[AgencyMatch]:
    """Find agencies by name: diacritics- and case-insensitive, by abbreviation and prefix.

    Ranking: the exact name with diacritics first, then the same name in another case,
    then without diacritics, then an abbreviation ("KH&ĐT"), then names that start with the
    text, then names that contain all its words.
    """
    from .extract.agencies import name_key
    from .text import fold

    wanted = text.strip()
    if not wanted:
        return []
    low, folded, key = wanted.lower(), fold(wanted), name_key(wanted)
    folded_key = fold(key)
    best: dict[str, AgencyMatch] = {}
    for row in store.query(_LABELS_QUERY):
        label = row["label"].value
        iri, name = row["agency"].value, row["name"].value
        collective = row["collective"].value == "true"
        label_key = name_key(label)
        if label == wanted:
            score = 100
        elif label.lower() == low:
            score = 95
        elif key == label_key:
            score = 92
        elif fold(label) == folded or folded_key == fold(label_key):
            score = 90
        elif any(label_key == f"{head} {key}" for head in _HEADS):
            score = 85  # "KH&ĐT" for "Sở KH&ĐT": the name without its head word
        elif label_key.startswith(key + " ") or label.lower().startswith(low):
            score = 75
        elif fold(label_key).startswith(folded_key + " ") or fold(label).startswith(folded):
            score = 70
        elif all(word in fold(label_key).split() for word in folded_key.split()):
            score = 50
        elif folded_key and folded_key in fold(label_key):
            score = 40
        else:
            continue
        if collective:
            score -= 1  # an agency before a collective of the same name
        if iri not in best or best[iri].score < score:
            best[iri] = AgencyMatch(iri, name, score, label, collective)
    from .catalogue.collation import sort_key

    return sorted(best.values(), key=lambda m: (-m.score, sort_key(m.name)))[:limit]


_EXACT_LABEL_QUERY = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?agency ?name ?label WHERE {
  #@values
  { ?agency skos:prefLabel ?label } UNION { ?agency skos:altLabel ?label } UNION { ?agency skos:hiddenLabel ?label }
  ?agency a ?kind . VALUES ?kind { pg:Agency pg:Collective }
  OPTIONAL { ?agency skos:prefLabel ?name FILTER(lang(?name) = "vi") }
}"""


def _candidates(matches: list[AgencyMatch], count: int = 6) -> str:
    return "; ".join(m.name for m in matches[:count])


def resolve_agency_match(store, text: str) -> Resolution:
    """The one agency ``text`` names, and how; a name that only resembles agencies, or
    names several, is refused with the candidates (:data:`STRONG`).

    A name that is exactly the label of one agency is looked up in the store's index; any
    other name is ranked against every label (:func:`find_agencies`), which costs more on
    a national graph with thousands of agencies.
    """
    from .catalogue import t

    if _is_iri(text):
        iri = _known(store, text, "agency", "VALUES ?kind { pg:Agency pg:Collective } ?node a ?kind")
        names = store.query(f"PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nSELECT ?n WHERE {{ "
                            f"{iri_term(iri)} skos:prefLabel ?n FILTER(lang(?n) = 'vi') }}")
        return Resolution(text, iri, next((row["n"].value for row in names), iri))
    from .unicode_form import nfc

    wanted = nfc(text.strip())
    if _is_short_id(wanted):  # "thanh-hoa/so-tai-chinh": the IRI's path
        for kind in ("agency", "collective"):
            iri = f"{BASE}{kind}/{wanted}"
            if store.query(f"PREFIX pg: <{PG}>\nASK {{ VALUES ?node {{ {iri_term(iri)} }} ?node a ?kind }}").boolean:
                return Resolution(text, iri, _placed(store, iri), "variant")
    if wanted:
        label = _literal(wanted)
        values = f"VALUES ?label {{ {label} {label}@vi }}"
        # (an embedded store keeps this answer beside it: it depends on the graph alone)
        ask = getattr(store, "kept_query", store.query)
        exact = {row["agency"].value: row for row in ask(_EXACT_LABEL_QUERY.replace("#@values", values))}
        if len(exact) == 1:
            (iri, row), = exact.items()
            name = row["name"].value if "name" in row else wanted
            if name == wanted:
                how = "exact"
            else:
                from .text import fold

                how = "folded" if fold(wanted) == wanted and fold(name) == wanted else "variant"
            return Resolution(text, iri, name, how)
        qualified = _qualified(store, wanted)
        if qualified:
            return Resolution(text, qualified, _placed(store, qualified), "qualified")
    matches = find_agencies(store, text)
    if not matches:
        raise QueryError(t("none.agency", given=text))
    top = [m for m in matches if m.score == matches[0].score]
    if len(top) > 1 or (matches[0].score < 90 and len(matches) > 1 and matches[1].score >= matches[0].score - 5):
        shown = matches[:8]
        places = _places(store, [m.iri for m in shown])
        names = "; ".join(f"{m.name} ({places.get(m.iri, '?')}: {_short(m.iri)})" if len(top) > 1 else m.name
                          for m in shown)
        raise QueryError(t("ambiguous.agency", given=text, candidates=names))
    if matches[0].score < STRONG - 1:  # (a collective scores one less than an agency)
        raise QueryError(t("weak.agency", given=text, candidates=_candidates(matches)))
    best = matches[0]
    how = _HOW.get(best.score + best.collective, "exact")
    if how == "exact" and best.matched != best.name:
        how = "variant"
    return Resolution(text, best.iri, best.name, how)


# An agency of several provinces ("Sở Tài chính" of Thanh Hóa and of Hà Nội) is named with
# its province ("Sở Tài chính thành phố Hà Nội", "Sở Tài chính (Hà Nội)") or by its short id
# ("ha-noi/so-tai-chinh"); an ambiguous name lists each candidate's province and short id.
# (From main, ee1299e, where the reader's engineer added it to plangraph.query.)
_PLACES_QUERY = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?agency ?place WHERE { #@values
  ?agency pg:jurisdiction/rdfs:label ?place }"""


def _places(store, iris: list[str]) -> dict[str, str]:
    """The jurisdiction's name of each agency IRI ("tỉnh Thanh Hóa")."""
    if not iris:
        return {}
    values = "VALUES ?agency { " + " ".join(iri_term(i) for i in iris) + " }"
    return {row["agency"].value: row["place"].value for row in store.query(_PLACES_QUERY.replace("#@values", values))}


def _names(store, iris: list[str]) -> dict[str, str]:
    values = "VALUES ?agency { " + " ".join(iri_term(i) for i in iris) + " }"
    query = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nSELECT ?agency ?name WHERE { " + values
             + ' ?agency skos:prefLabel ?name FILTER(lang(?name) = "vi") }')
    return {row["agency"].value: row["name"].value for row in store.query(query)}


def _placed(store, iri: str) -> str:
    """The agency's name and its province: "Sở Tài chính (thành phố Hà Nội)"."""
    name, place = _names(store, [iri]).get(iri, iri), _places(store, [iri]).get(iri)
    return f"{name} ({place})" if place else name


def _short(iri: str) -> str:
    """"https://.../id/agency/thanh-hoa/so-tai-chinh" -> "thanh-hoa/so-tai-chinh"."""
    return iri.split("/id/", 1)[-1].split("/", 1)[-1]


def _qualified(store, wanted: str) -> str | None:
    """"Sở Tài chính tỉnh Thanh Hóa", "Sở Tài chính (Hà Nội)": a name and the jurisdiction it is of."""
    import re

    from .read.jurisdictions import Jurisdictions

    places = Jurisdictions.bundled()
    words = re.sub(r"[(),]", " ", wanted).split()
    for cut in range(len(words) - 1, 0, -1):
        place = places.configured(" ".join(words[cut:]))
        if place is None or place.level not in ("province", "national"):
            continue
        label = _literal(" ".join(words[:cut]).rstrip(" -"))
        values = f"VALUES ?label {{ {label} {label}@vi }}"
        exact = [row["agency"].value for row in store.query(_EXACT_LABEL_QUERY.replace("#@values", values))]
        found = [iri for iri in exact if f"/{place.id}/" in iri]
        if len(found) == 1:
            return found[0]
    return None


def resolve_agency(store, text: str) -> str:
    """The IRI of the one agency ``text`` names (see :func:`resolve_agency_match`)."""
    return resolve_agency_match(store, text).iri


def _nearest_numbers(store, text: str) -> list[str]:
    """Document numbers that look like ``text``: the same number, the same kind."""
    import re

    digits = re.match(r"\d+", text.strip())
    if not digits:
        return []
    query = ('PREFIX eli: <http://data.europa.eu/eli/ontology#>\n'
             'SELECT DISTINCT ?number WHERE { ?doc eli:id_local ?number }')
    numbers = [row["number"].value for row in store.query(query)]
    same = sorted(n for n in numbers if re.match(rf"{digits.group(0)}\D", n + " "))
    return same[:6]


def resolve_document_match(store, text: str) -> Resolution:
    """The document numbered ``text`` ("58-NQ/TW", any case), or ``text`` if it is an IRI;
    a number that names no document suggests the numbers that look like it."""
    from .catalogue import t

    if _is_iri(text):
        iri = _known(store, text, "document", "?node eli:id_local ?number")
        return Resolution(text, iri, text, kind="document")
    wanted = text.strip()
    exact = ('PREFIX eli: <http://data.europa.eu/eli/ontology#>\n'
             f'SELECT DISTINCT ?doc ?number WHERE {{ VALUES ?number {{ {_literal(wanted)} }} ?doc eli:id_local ?number }}'
             ' ORDER BY ?doc')
    found = [(row["doc"].value, row["number"].value) for row in store.query(exact)]
    if not found:  # "58-nq/tw": the same number in another case (every document is compared)
        query = ('PREFIX eli: <http://data.europa.eu/eli/ontology#>\n'
                 f'SELECT DISTINCT ?doc ?number WHERE {{ VALUES ?wanted {{ {_literal(wanted.upper())} }} '
                 '?doc eli:id_local ?number FILTER(UCASE(STR(?number)) = ?wanted) } ORDER BY ?doc')
        found = [(row["doc"].value, row["number"].value) for row in store.query(query)]
    if not found:
        near = _nearest_numbers(store, wanted)
        hint = t("hint.documents", candidates=", ".join(near)) if near else ""
        raise QueryError(t("none.document", given=text, hint=hint))
    if len(found) > 1:
        raise QueryError(t("several.documents", given=text, candidates=", ".join(iri for iri, _ in found)))
    iri, number = found[0]
    return Resolution(text, iri, number, "exact" if number == wanted else "case", kind="document")


def resolve_document(store, text: str) -> str:
    """The IRI of the document numbered ``text`` (see :func:`resolve_document_match`)."""
    return resolve_document_match(store, text).iri


def resolve_task_match(store, text: str) -> Resolution:
    """The task given as an IRI or FILE:LINE (FILE may be a unique prefix: "004:97").

    A file that is not in the graph lists the files; a line where no task starts names
    the nearest tasks of that file.
    """
    from .catalogue import t

    if _is_iri(text):
        iri = _known(store, text, "task", "?node a pg:Task")
        return Resolution(text, iri, text, kind="task")
    import re

    match = re.fullmatch(r"(?P<file>[^:]+):(?P<line>\d+)", text.strip())
    if not match:
        raise QueryError(t("task.form", given=text))
    prefix, line = match.group("file"), int(match.group("line"))
    files_query = ("PREFIX pg: <https://w3id.org/plangraph/ontology#>\n"
                   "SELECT DISTINCT ?file WHERE { ?task a pg:Task ; pg:sourceFile ?file } ORDER BY ?file")
    files = [row["file"].value for row in store.query(files_query)]
    chosen = [f for f in files if f == prefix] or [f for f in files if f.startswith(prefix)]
    if not chosen:
        raise QueryError(t("task.no_file", given=text, file=prefix, files=", ".join(short_file(f, files) for f in files)))
    if len(chosen) > 1:
        raise QueryError(t("task.several_files", given=text, files=", ".join(chosen)))
    file = chosen[0]
    query = ("PREFIX pg: <https://w3id.org/plangraph/ontology#>\n"
             f"SELECT ?task ?line WHERE {{ ?task a pg:Task ; pg:sourceFile {_literal(file)} ; pg:sourceLine ?line }}")
    lines = {int(row["line"].value): row["task"].value for row in store.query(query)}
    if line not in lines:
        nearest = sorted(lines, key=lambda n: (abs(n - line), n))[:2]
        short = short_file(file, files)
        raise QueryError(t("task.no_line", given=text, line=line, file=file,
                           nearest=", ".join(f"{short}:{n}" for n in sorted(nearest))))
    return Resolution(text, lines[line], f"{file}:{line}", "exact" if prefix == file else "prefix", kind="task")


def resolve_task(store, text: str) -> str:
    """The IRI of a task given as an IRI or FILE:LINE (see :func:`resolve_task_match`)."""
    return resolve_task_match(store, text).iri


def short_file(file: str, files) -> str:
    """The shortest name people can type for ``file`` among ``files``: the part before
    the first "_" or "." when no other file starts with it ("004" for
    "004_86eb4304471918db.txt"), else the whole name.

    Example:
        >>> short_file("004_86eb.txt", ["003_aa.txt", "004_86eb.txt"]), short_file("a.txt", ["a.txt", "a.md"])
        ('004', 'a.txt')
    """
    import re

    head = re.split(r"[_.]", file, maxsplit=1)[0]
    if head and sum(1 for other in files if other.startswith(head)) == 1:
        return head
    return file


def _known(store, iri: str, what: str, pattern: str) -> str:
    """``iri`` if the graph has it as ``what`` (``pattern`` about ``?node``), else QueryError:
    an IRI with a typo would otherwise answer with no rows, as if the agency had no task."""
    from .catalogue import t

    query = (f"PREFIX pg: <{PG}>\nPREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
             f"ASK {{ VALUES ?node {{ {iri_term(iri)} }} {pattern} }}")
    if not store.query(query).boolean:
        raise QueryError(t("none.iri", what=t(f"what.{what}"), iri=iri))
    return iri
