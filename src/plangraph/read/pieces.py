"""A list of agency names cut into its pieces, and a list made only as far as it is read.

The separators of a list (",", ";", "và", "cùng") also occur inside names, so
:mod:`plangraph.read.names` cuts a text at every one of them (outside brackets) and joins
pieces back where a piece cannot open a name. Most texts end their names within the first
pieces: :class:`Lazy` makes the pieces (and the words of a piece) only as far as they are read.

Example:
    >>> [piece for _, piece, _ in split_pieces("Sở Tài chính, Sở Y tế (chủ trì, phối hợp) và các sở")]
    ['Sở Tài chính', 'Sở Y tế (chủ trì, phối hợp)', 'các sở']
"""

from __future__ import annotations

import re

__all__ = ["Lazy", "split_pieces"]

_SEPARATOR_RE = re.compile(r"\s*(?:[,;]\s*(?:và\s+|cùng\s+)?|\s+và\s+|\s+cùng\s+)", re.IGNORECASE)
_SEPARATOR_OR_PAREN_RE = re.compile(r"[(),;\s]")

_END = object()


class Lazy:
    """A list made from an iterator only as far as it is read: the words and pieces of a long
    text after its names are never made (scan_names reads a few pieces of most texts).

    ``has(i)`` stands for ``i < len(list)``; a negative index reads the whole list.
    """

    __slots__ = ("_items", "_source")

    def __init__(self, source):
        self._items: list = []
        self._source = iter(source)

    def has(self, index: int) -> bool:
        items = self._items
        while len(items) <= index:
            item = next(self._source, _END)
            if item is _END:
                return False
            items.append(item)
        return True

    def __getitem__(self, index: int):
        if index < 0:
            self._items.extend(self._source)
        elif not self.has(index):
            raise IndexError(index)
        return self._items[index]

    def __iter__(self):
        index = 0
        while self.has(index):
            yield self._items[index]
            index += 1


def split_pieces(text: str) -> Lazy:
    """Cut ``text`` at list separators outside parentheses: (separator before, piece, offset)."""
    return Lazy(_iter_flat(text) if "(" not in text else _split_nested(text))


def _split_flat(text: str) -> list[tuple[str, str, int]]:
    """:func:`_split_nested` of a text without "(": every separator counts, found in one pass."""
    return list(_iter_flat(text))


def _iter_flat(text: str):
    last = 0
    separator = ""
    for match in _SEPARATOR_RE.finditer(text):
        if match.start() > last:
            yield separator, text[last:match.start()], last
        separator = match.group(0)
        last = match.end()
    if last < len(text):
        yield separator, text[last:], last


def _split_nested(text: str) -> list[tuple[str, str, int]]:
    """Cut ``text`` at the separators that are not inside parentheses."""
    out: list[tuple[str, str, int]] = []
    depth = 0
    last = 0
    separator = ""
    i = 0
    while True:
        found = _SEPARATOR_OR_PAREN_RE.search(text, i)  # skip what can be neither, a word at a time
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = _SEPARATOR_RE.match(text, i)
            if match and match.end() > i and (ch in ",;" or text[i].isspace()):
                if i > last:
                    out.append((separator, text[last:i], last))
                separator = match.group(0)
                last = match.end()
                i = match.end()
                continue
        i += 1
    if last < len(text):
        out.append((separator, text[last:], last))
    return out
