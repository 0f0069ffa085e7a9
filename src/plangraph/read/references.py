"""Tasks that assign work by reference: "thực hiện các nhiệm vụ tại mục (IV)(1)" -> section IV.1.

Ministries and provinces often write an agency block as a list of pointers into the plan
("các mục 1, 2, 3; điểm a, b mục 7 Phần III Điều 1 Quyết định này"). The task keeps its own
text; :func:`link_references` adds the keys of the sections it points to, so that the graph
can say what the task covers (``pg:refersTo``) without copying or dropping anything.

A reference lists units from the innermost out ("điểm a, b mục 7 Phần III": points a and b
of item 7 of part III); groups separated by ";" share the outer units of the last group;
parenthesised numbers go from the outside in ("mục (IV)(3.4)(a)"). A unit the plan has no
section for resolves to the nearest enclosing section that exists.

Example:
    >>> references("thực hiện các nhiệm vụ tại các mục 1, 2; điểm a mục 7 Phần III Điều 1 Quyết định này")
    [('III', '1'), ('III', '2'), ('III', '7', 'a')]
    >>> references("Chủ trì triển khai các nhiệm vụ tại mục (IV) (4.1) (4.2) và Phụ lục của Kế hoạch.")
    [('IV', '4.1'), ('IV', '4.2')]
    >>> references("các nhiệm vụ tại các điểm c, g mục 1, điểm d mục 3 Phần III Điều 1 Quyết định này")
    [('III', '1', 'c'), ('III', '1', 'g'), ('III', '3', 'd')]
"""

from __future__ import annotations

import re
from itertools import product

from ..model import Section, Task

__all__ = ["references", "link_references"]

_START_RE = re.compile(r"\b(?:tại|theo|ở)\s+(?:các\s+)?(?=(?:tiểu mục|mục|điểm|khoản|phần)\b)", re.IGNORECASE)
# where the reference ends: the document it points into, or the end of the sentence
_END_RE = re.compile(r"\s(?:của|Quyết định|Kế hoạch|Chương trình|Nghị quyết|Đề án)\b|\.(?:\s|$)|$", re.IGNORECASE)
_LEVELS = {"phần": 0, "điều": None, "mục": 1, "tiểu mục": 2, "khoản": 2, "điểm": 3}
_UNIT_RE = re.compile(
    r"(?P<level>tiểu mục|mục|điểm|khoản|phần|điều)\s+"
    r"(?P<items>(?:\(\s*[\w.]+\s*\)\s*)+|(?!_K)[\w.]+(?:\s*(?:,|và)\s*(?!_K)[\w.]+)*)".replace(
        "_K", r"(?:tiểu mục|mục|điểm|khoản|phần|điều)\b"), re.IGNORECASE)
# a new group: after ";", or after "," when a unit word follows ("điểm c mục 1, điểm d mục 3")
_GROUP_RE = re.compile(r";\s*|,\s*(?=(?:các\s+)?(?:tiểu mục|mục|điểm|khoản|phần)\b)", re.IGNORECASE)
_ROMAN_RE = re.compile(r"^[IVXL]+$")


def references(text: str) -> list[tuple[str, ...]]:
    """The section paths (outermost first) that ``text`` points to; [] when it points nowhere."""
    paths: list[tuple[str, ...]] = []
    for start in _START_RE.finditer(text):
        span = text[start.end():]
        span = span[: _END_RE.search(span).start()]
        groups = [_units(group) for group in _GROUP_RE.split(span)]
        groups = [g for g in groups if g]
        if not groups:
            continue
        outer = groups[-1]
        for units in groups:
            own = {level for level, _ in units}
            shared = [(level, items) for level, items in outer if level < min(own)]
            chain = sorted(shared + units)
            paths.extend(tuple(p for part in combo for p in part) for combo in product(*(items for _, items in chain)))
    return list(dict.fromkeys(paths))


def _units(group: str) -> list[tuple[int, list[tuple[str, ...]]]]:
    """(level, alternatives) of one group; an alternative is a path fragment (outermost first)."""
    units: list[tuple[int, list[tuple[str, ...]]]] = []
    for match in _UNIT_RE.finditer(group):
        level = _LEVELS[match.group("level").lower()]
        if level is None:
            continue  # "Điều 1": the article that carries the plan, not a section of it
        items = match.group("items")
        if "(" in items:
            units.extend(_bracketed(level, re.findall(r"\(\s*([\w.]+)\s*\)", items)))
        else:
            items = [(item,) for item in re.split(r"\s*(?:,|và)\s*", items.strip()) if item]
            if units and units[-1][0] == level:
                units[-1][1].extend(items)  # "mục 2 và mục 3": two items of one level
            else:
                units.append((level, items))
    return units


def _bracketed(level: int, tokens: list[str]) -> list[tuple[int, list[tuple[str, ...]]]]:
    """"mục (IV)(4.1)(4.2)": part IV, items 4.1 or 4.2; "(IV)(3.4)(a)": point a of 3.4 of IV."""
    if not tokens:
        return []
    head, rest = tokens[0], tokens[1:]
    alternatives: list[tuple[str, ...]] = []
    for token in rest:
        if re.fullmatch(r"[a-zđ]", token) and alternatives:
            alternatives[-1] = alternatives[-1] + (token,)
        else:
            alternatives.append((token,))
    units = [(0 if _ROMAN_RE.match(head) else level, [(head,)])]
    if alternatives:
        units.append((level + 1 if _ROMAN_RE.match(head) else level + 1, alternatives))
    return units


def link_references(tasks: list[Task], sections: list[Section]) -> None:
    """Set ``task.refers_to`` to the keys of the sections each task points to."""
    keys = [section.key for section in sections if not section.appendix]
    for task in tasks:
        if task.appendix:
            continue
        found: list[str] = []
        for path in references(task.text):
            key = _resolve(path, keys)
            if key and key not in found and key != task.section:
                found.append(key)
        if found:
            task.refers_to = found


def _resolve(path: tuple[str, ...], keys: list[str]) -> str | None:
    """The most specific section key that ends with ``path`` (or with an enclosing part of it)."""
    for size in range(len(path), 0, -1):
        wanted = ".".join(path[:size])
        for key in keys:
            if key == wanted or key.endswith("." + wanted):
                return key
    return None
