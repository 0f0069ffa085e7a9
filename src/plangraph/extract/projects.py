"""Projects: the schemes ("Đề án ...") and named works that tasks produce or concern.

Example:
    >>> [p.name for p in find_projects("Hoàn thiện Đề án thành lập Khu kinh tế cửa khẩu Na Mèo, báo cáo UBND tỉnh.")]
    ['Đề án thành lập Khu kinh tế cửa khẩu Na Mèo', 'Khu kinh tế cửa khẩu Na Mèo']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import unique_by
from ..resources import registry_file
from ..text import fold, nfc, slugify

__all__ = ["ProjectRef", "find_projects", "PROJECTS_PATH"]

PROJECTS_PATH = registry_file("projects")  # the bundled gazetteer (package data)


@dataclass(frozen=True)
class ProjectRef:
    """A project named in a task: registry id or a slug of the scheme's name."""

    id: str
    name: str
    curated: bool


_SCHEME_RE = re.compile(
    r"\b[Đđ]ề án\s+(?!(?:này|đã|được|của|và|để|nhằm|theo|cơ chế, chính sách đặc thù\b)\b)"
    r"(?P<name>[^;:()“”\"]+?)"
    r"(?=\s*(?:[,;]\s*)?(?:báo cáo|trình|gửi|sau khi|làm cơ sở|ngay sau|đảm bảo|bảo đảm)\b|;|\.(?:\s|$)|\s*$|\s*\()"
)
_MIN_WORDS = 3
_SCHEME_WORDS = "ề án"  # in every match of _SCHEME_RE ("Đề án", "đề án")


def _gazetteer() -> list[tuple[str, ProjectRef]]:
    """The projects of the active registries (bundled, or merged with a workspace's)."""
    from ..registries import active

    return _gazetteer_of(active())


@lru_cache(maxsize=4)
def _gazetteer_of(registries) -> list[tuple[str, ProjectRef]]:
    entries = []
    for item in registries.items("projects", "project"):
        ref = ProjectRef(item["id"], nfc(item["name"]), True)
        for alias in [item["name"], *item.get("aliases", [])]:
            entries.append((fold(alias), ref))
    entries.sort(key=lambda e: -len(e[0]))
    return entries


# compiled once: the function runs for every name, line or task of a build
_SPACES = re.compile(r"\s+")


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what re's \w matches


def whole_word_spans(word: str, text: str):
    """The spans ``re.finditer(rf"(?<!\\w){re.escape(word)}(?!\\w)", text)`` gives, found
    with ``str.find`` (a pattern compiled for each of the registry's names cost a build
    more than the search). ``\\w`` is a character ``str.isalnum`` accepts, or "_".

    Example:
        >>> list(whole_word_spans("de an x", "de an xy, de an x"))
        [(10, 17)]
    """
    if not word:
        yield from (m.span() for m in re.finditer(r"(?<!\w)(?!\w)", text))
        return
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not (start and _word_char(text[start - 1])) and not (end < len(text) and _word_char(text[end])):
            yield start, end
            start = text.find(word, end)
        else:
            start = text.find(word, start + 1)


def find_projects(text: str) -> list[ProjectRef]:
    """Return the projects named in ``text``, schemes first, without duplicates."""
    found: list[ProjectRef] = []
    # the pattern opens with a word boundary, so re tries it at every position: look for its
    # words first (most tasks name no scheme)
    for match in _SCHEME_RE.finditer(text) if _SCHEME_WORDS in text else ():
        name = _SPACES.sub(" ", match.group("name")).strip(" ,.")
        if len(name.split()) < _MIN_WORDS:
            continue
        full = f"Đề án {name}"
        found.append(ProjectRef(f"de-an-{slugify(name)}", full, False))
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    for alias, ref in _gazetteer():
        if alias not in folded:
            continue  # the cheap test first: most names are in no task
        for start, end in whole_word_spans(alias, folded):
            if any(start < e and end > s for s, e in taken):
                continue
            taken.append((start, end))
            found.append(ref)
    return unique_by(found, lambda ref: ref.id)
