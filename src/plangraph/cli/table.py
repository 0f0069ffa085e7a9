"""A table that fits the terminal: the text column gets the room, cells wrap between words.

Each column has a priority: when even the narrowest layout (every column as wide as its
longest word) is wider than the screen, the columns of the highest priority number are
hidden first, and the caller says which. Words are never cut, except a single word wider
than the whole screen (an IRI in an ad hoc query), which is cut as a last resort.

Example:
    >>> lines = fit(["Nguồn", "Nhiệm vụ"], [["004:97", "Rà soát, điều chỉnh quy hoạch xây dựng vùng huyện Thọ Xuân"]],
    ...             width=40, flex=[False, True])[0]
    >>> print("\\n".join(lines))
    Nguồn  | Nhiệm vụ
    -------+--------------------------------
    004:97 | Rà soát, điều chỉnh quy hoạch
           | xây dựng vùng huyện Thọ Xuân
"""

from __future__ import annotations

import unicodedata

__all__ = ["fit", "wide", "wrap", "text_width"]

SEPARATOR = " | "
SHORT = 12  # a column at most this wide is never wrapped
CAP = 24  # a column that is not flexible wraps beyond this
TEXT_AT_LEAST, TEXT_SHARE = 30, 0.4  # the room the text needs before other columns are hidden
_NARROW = {chr(c) for c in range(0x20, 0x7F)} | set(
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư"
    "ẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ")


def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 0 if unicodedata.combining(char) else 1


def text_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide CJK characters 2, combining marks 0).

    Vietnamese text in NFC is one column per character; only other characters are looked up.
    """
    odd = set(text) - _NARROW
    if not odd:
        return len(text)
    return len(text) + sum(text.count(c) * (_char_width(c) - 1) for c in odd)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - text_width(text))


def _cut(word: str, width: int) -> list[str]:
    pieces, piece = [], ""
    for char in word:
        if text_width(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return pieces + [piece]


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken between words.

    Example:
        >>> wrap("trước tháng 9 năm 2021", 12)
        ['trước tháng', '9 năm 2021']
    """
    lines, line = [], ""
    for word in text.split():
        if text_width(word) > width:  # one word wider than the column: the last resort
            if line:
                lines.append(line)
            *whole, line = _cut(word, width)
            lines.extend(whole)
            continue
        candidate = f"{line} {word}" if line else word
        if text_width(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def _longest_word(text: str) -> int:
    return max((text_width(word) for word in text.split()), default=0)


def fit(headers: list[str], rows: list[list[str]], width: int, flex: list[bool],
        priority: list[int] | None = None, caps: list[int | None] | None = None,
        groups: list[str] | None = None) -> tuple[list[str], list[int]]:
    """The lines of a table of ``rows`` at most ``width`` columns wide, and the indexes of
    the columns hidden to make it fit.

    ``flex`` marks the columns that share the room left (the task text); the others are as
    wide as their longest cell while there is room. ``priority``: higher numbers are hidden
    first when even the narrowest layout does not fit, or leaves the text too little room
    (0: never hidden). ``caps``: the width a column that is not flexible wraps beyond.
    ``groups``: a heading for each row (the lead agency of ``due``), printed on a line of
    its own above the first row of each group instead of in a column.
    """
    count = len(headers)
    priority = priority or [0] * count
    natural = [max([text_width(h)] + [text_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    # short columns (dates, roles, sources) never wrap; the others down to their longest word
    minimum = [natural[i] if natural[i] <= SHORT else
               max(3, _longest_word(h) if text_width(h) > SHORT else text_width(h), *(_longest_word(r[i]) for r in rows))
               for i, h in enumerate(headers)]
    # a column that is not flexible stops growing at CAP (and wraps); flexible ones take the rest
    caps = caps or [None] * count
    wanted = [natural[i] if flex[i] else max(minimum[i] if caps[i] is None else min(minimum[i], caps[i]),
                                             min(natural[i], caps[i] or CAP)) for i in range(count)]
    minimum = [min(minimum[i], wanted[i]) for i in range(count)]
    shown = list(range(count))

    def total(columns, widths):
        return sum(widths[i] for i in columns) + len(SEPARATOR) * (len(columns) - 1)

    def room_for_text(columns):
        return width - total([i for i in columns if not flex[i]], wanted) - len(SEPARATOR) * sum(
            1 for i in columns if flex[i])

    text_target = min(sum(natural[i] for i in shown if flex[i]), max(TEXT_AT_LEAST, int(width * TEXT_SHARE)))
    hidden: list[int] = []
    while any(priority[i] for i in shown) and (total(shown, minimum) > width or (
            any(flex[i] for i in shown) and room_for_text(shown) < text_target)):
        drop = max((i for i in shown if priority[i]), key=lambda i: (priority[i], i))
        shown.remove(drop)
        hidden.append(drop)
    widths = {i: minimum[i] for i in shown}
    room = width - total(shown, widths)
    for i in sorted((i for i in shown if not flex[i]), key=lambda i: wanted[i] - widths[i]):
        grow = max(0, min(room, wanted[i] - widths[i]))
        widths[i] += grow
        room -= grow
    flexible = [i for i in shown if flex[i]]
    while room > 0 and flexible:
        wanting = [i for i in flexible if widths[i] < natural[i]]
        if not wanting:
            break
        share = max(room // len(wanting), 1)
        for i in wanting:
            grow = min(share, natural[i] - widths[i], room)
            widths[i] += grow
            room -= grow
    if total(shown, widths) > width:  # one column alone is wider than the screen: cut its longest words
        widest = max(shown, key=lambda i: widths[i])
        widths[widest] = max(widths[widest] - (total(shown, widths) - width), 8)
    lines = [SEPARATOR.join(_pad(headers[i], widths[i]) for i in shown).rstrip(),
             "-+-".join("-" * widths[i] for i in shown)]
    previous = None
    for number, row in enumerate(rows):
        if groups is not None and groups[number] != previous:
            previous = groups[number]
            lines.extend(["", *wrap(previous, width)] if number else wrap(previous, width))
        cells = [wrap(row[i], widths[i]) if text_width(row[i]) > widths[i] else [row[i]] for i in shown]
        for index in range(max(len(c) for c in cells)):
            parts = [c[index] if index < len(c) else "" for c in cells]
            lines.append(SEPARATOR.join(_pad(p, widths[i]) for p, i in zip(parts, shown)).rstrip())
    return lines, hidden


def wide(headers: list[str], rows: list[list[str]]) -> list[str]:
    """Every column at its natural width, one line per row (for ``less -S`` or a wide screen)."""
    widths = [max([text_width(h)] + [text_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = [SEPARATOR.join(_pad(h, w) for h, w in zip(headers, widths)).rstrip(),
             "-+-".join("-" * w for w in widths)]
    lines.extend(SEPARATOR.join(_pad(c, w) for c, w in zip(row, widths)).rstrip() for row in rows)
    return lines
