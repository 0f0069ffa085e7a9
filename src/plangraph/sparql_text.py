"""Reading the text of a SPARQL query: where its ``#@values`` markers are and what each must
bind (:func:`_markers`), and whether it uses ``SERVICE`` (:func:`uses_service`).

Both skip what hides code: comments, strings (long and short, with their escapes) and
IRIs. :func:`parts` cuts a text into those and code by hand, as the regular expression
:data:`HIDING` does (``tests/test_query_reading.py`` compares them): ``re``, with the
``enum``, ``functools`` and ``collections`` it imports, costs a query command more than
its query (issue 16). ``re`` is imported only by :func:`uses_service`, and only for a text
in which ``SERVICE`` could be written.

Example:
    >>> [(kind, "SELECT ?s # c\\n'x' <a:b>"[a:b]) for kind, a, b in parts("SELECT ?s # c\\n'x' <a:b>")]
    [('code', 'SELECT ?s '), ('comment', '# c'), ('code', '\\n'), ('string', "'x'"), ('code', ' '), ('iri', '<a:b>')]
"""

from __future__ import annotations

__all__ = ["HIDING", "parts", "uses_service", "refuse_service"]

# What hides a keyword: comments, strings (long and short, with their escapes) and IRIs.
# Anything else that does not start one of them is code. An unterminated string is read as
# code, so that a query cannot hide SERVICE from this check and still parse.
HIDING = (r"""(?P<comment>\#[^\n\r]*)"""
          r"""|(?P<string>'{3}(?:[^'\\]|\\.|'(?!''))*'{3}|"{3}(?:[^"\\]|\\.|"(?!""))*"{3}"""
          r"""|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")"""
          r"""|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
          r"""|(?P<code>[^#'"<]+|[#'"<])""")  # with re.DOTALL
_NOT_IN_IRI = frozenset('<>"{}|^`\\') | frozenset(map(chr, range(0x21)))


def _long_string(text: str, at: int, quote: str) -> int:
    """The end of the long string (three ``quote``) that starts at ``at``; -1 when unterminated."""
    end, index = len(text), at + 3
    while index < end:
        char = text[index]
        if char == "\\":
            if index + 1 == end:
                return -1
            index += 2
        elif char == quote and text.startswith(quote * 2, index + 1):
            return index + 3
        else:
            index += 1
    return -1


def _short_string(text: str, at: int, quote: str) -> int:
    """The end of the one-line string that starts at ``at``; -1 when unterminated."""
    end, index = len(text), at + 1
    while index < end:
        char = text[index]
        if char == quote:
            return index + 1
        if char == "\\":
            if index + 1 == end:
                return -1
            index += 2
        elif char in "\n\r":
            return -1
        else:
            index += 1
    return -1


def parts(text: str) -> list[tuple[str, int, int]]:
    """``text`` cut into comments, strings, IRIs and code: (kind, start, end) in order, as
    :data:`HIDING` finds them."""
    found: list[tuple[str, int, int]] = []
    end, at = len(text), 0
    ahead = dict.fromkeys("#'\"<", -1)  # where each of them is next found (searched again once passed)
    while at < end:
        char = text[at]
        if char == "#":
            stop = min((i for i in (text.find("\n", at), text.find("\r", at)) if i != -1), default=end)
            found.append(("comment", at, stop))
        elif char in "'\"":
            stop = _long_string(text, at, char) if text.startswith(char * 3, at) else -1
            if stop == -1:
                stop = _short_string(text, at, char)
            found.append(("string", at, stop) if stop != -1 else ("code", at, at + 1))
            stop = stop if stop != -1 else at + 1
        elif char == "<":
            stop = at + 1
            while stop < end and text[stop] not in _NOT_IN_IRI:
                stop += 1
            if stop < end and text[stop] == ">":
                stop += 1
                found.append(("iri", at, stop))
            else:
                stop = at + 1
                found.append(("code", at, stop))
        else:  # code, to the next character that may start something else
            stop = end
            for char in "#'\"<":
                if ahead[char] < at:
                    ahead[char] = text.find(char, at) % (end + 1)  # (not found: end)
                stop = min(stop, ahead[char])
            found.append(("code", at, stop))
        at = stop
    return found


# ASCII code with its braces set apart and each variable's mark before its name, everything
# else a space: split, it gives _tokens' tokens (the characters of \\w in ASCII are kept)
_SPACED = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")}
_SPACED.update({ord("{"): " { ", ord("}"): " } ", ord("?"): " ?", ord("$"): " ?"})


def _tokens(code: str):
    """What ``[{}]|[?$](\\w+)`` finds in ``code``: ``{``, ``}`` and each variable, as ``?name``."""
    if code.isascii():  # (the usual case, by str methods: a loop over every character cost more)
        for token in code.translate(_SPACED).split():
            if token in ("{", "}") or (token[0] == "?" and len(token) > 1):
                yield token
        return
    end, at = len(code), 0
    while at < end:
        char = code[at]
        if char in "{}":
            yield char
        elif char in "?$":
            stop = at + 1
            while stop < end and (code[stop].isalnum() or code[stop] == "_"):
                stop += 1
            if stop > at + 1:
                yield "?" + code[at + 1:stop]
                at = stop
                continue
        at += 1


_MARKED: dict[str, tuple] = {}  # (a process reads the same few queries)


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
    known = _MARKED.get(text)
    if known is not None:
        return known
    groups: list[list] = [[set(), []]]  # each group: its variables, its markers (indexes into found)
    open_groups = [0]
    uses: list[tuple[str, tuple[int, ...]]] = []  # each use of a variable, with the groups around it
    found: list[list] = []
    for kind, start, stop in parts(text):
        if kind == "comment":
            if text[start:stop].strip() == "#@values":
                groups[open_groups[-1]][1].append(len(found))
                found.append([start, set()])
            continue
        if kind != "code":
            continue
        for token in _tokens(text[start:stop]):
            if token[0] == "?":
                uses.append((token[1:], tuple(open_groups)))
                for index in open_groups:
                    groups[index][0].add(token[1:])
            elif token == "{":
                open_groups.append(len(groups))
                groups.append([set(), []])
            elif len(open_groups) > 1:
                open_groups.pop()
    for variables, indexes in groups:
        for index in indexes:
            found[index][1] |= variables
    reached = {i for i, (_, indexes) in enumerate(groups) if indexes}
    loose = {variable for variable, around in uses if not reached.intersection(around)}
    marked = tuple((start, frozenset(variables | loose)) for start, variables in found)
    if len(_MARKED) > 256:
        _MARKED.clear()
    _MARKED[text] = marked
    return marked


# the characters re.IGNORECASE matches to a letter of "service" besides the ASCII ones
# (long s, dotted and dotless i): a text without them, "service" in any case and \u or \U
# escapes has no SERVICE, and needs no regular expression
_FOLDS_TO_SERVICE = ("\u017f", "\u0130", "\u0131", "\\u", "\\U")


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
    if "service" not in sparql.lower() and not any(mark in sparql for mark in _FOLDS_TO_SERVICE):
        return False
    import re

    # SERVICE as a keyword: not part of a longer name, a variable (?service) or a prefixed
    # name's prefix (service:x). "ex:a.service" is refused too: better a query refused than
    # one that reaches the network.
    service_word = re.compile(r"(?<![\w?$])service(?![\w:])", re.IGNORECASE)
    hiding = re.compile(HIDING, re.DOTALL)

    def code_of(text: str) -> str:
        return " ".join(m.group("code") for m in hiding.finditer(text) if m.group("code"))

    decoded = re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})",
                     lambda m: chr(int(m.group(1) or m.group(2), 16))
                     if int(m.group(1) or m.group(2), 16) < 0x110000 else m.group(0), sparql)
    return any(service_word.search(code_of(text)) for text in {sparql, decoded})


def refuse_service(sparql: str) -> None:
    """Raise :class:`plangraph.query.QueryError` if ``sparql`` uses ``SERVICE`` (see
    :func:`uses_service`)."""
    if uses_service(sparql):
        from .query import QueryError

        raise QueryError("SERVICE (a federated query) is refused: it would make plangraph send requests to "
                         "other servers. Query the other endpoint with --endpoint instead, or allow it "
                         "explicitly (plangraph serve --allow-service; EmbeddedStore(allow_service=True))")
