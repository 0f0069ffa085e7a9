"""The key a name is matched by: lower case, tone marks unified, abbreviations expanded.

"Sở NN&PTNT" and "Sở Nông nghiệp và Phát triển Nông thôn" have one key, as have "UBND TP.
Thanh Hoá" and "Ủy ban nhân dân thành phố Thanh Hóa": :func:`name_key` is what the registry
and every reading of a name compare (:mod:`plangraph.extract.agencies`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import tone_key

__all__ = ["name_key"]

# Abbreviations expanded before matching (applied to the lower-case, tone-unified text).
_ABBREVIATIONS: list[tuple[str, str]] = [
    (r"nn\s*&\s*ptnt|nnptnt", "nông nghiệp và phát triển nông thôn"),
    (r"kh\s*&\s*đt|khđt", "kế hoạch và đầu tư"),
    (r"kh\s*&\s*cn|khcn", "khoa học và công nghệ"),
    (r"tt\s*&\s*tt|tttt", "thông tin và truyền thông"),
    (r"tn\s*&\s*mt|tnmt", "tài nguyên và môi trường"),
    (r"gd\s*&\s*đt|gdđt", "giáo dục và đào tạo"),
    (r"lđ\s*-?\s*tb\s*&\s*xh|lđtbxh", "lao động thương binh và xã hội"),
    (r"vh\s*,?\s*tt\s*&\s*dl|vhttdl", "văn hóa thể thao và du lịch"),
    (r"gtvt", "giao thông vận tải"),
    (r"ptnt", "phát triển nông thôn"),
    (r"ptth", "phát thanh và truyền hình"),
    (r"kkt", "khu kinh tế"),
    (r"kcn", "khu công nghiệp"),
    (r"ccn", "cụm công nghiệp"),
    (r"bql", "ban quản lý"),
    (r"ubnd", "ủy ban nhân dân"),
    (r"hđnd", "hội đồng nhân dân"),
    (r"tp", "thành phố"),
    (r"tx", "thị xã"),
    (r"ct", "công thương"),
    (r"cp", "cổ phần"),
]
# One alternation for all abbreviations (one pass instead of one per abbreviation).
_ABBREVIATION_RE = re.compile(
    "(?<![\\w&])(?:" + "|".join(f"(?P<a{i}>{pattern})" for i, (pattern, _) in enumerate(_ABBREVIATIONS)) + ")(?![\\w&])"
)


# Every abbreviation above opens with one of these; a text without any (most names) needs
# no pass of the alternation, which ``re`` must try at every position.
_ABBREVIATION_HINT = re.compile(r"kh\s*&|khđ|khc|nn|tt|tn|gd|lđ|vh|gt|pt|kk|kc|cc|bq|ub|hđ|tp|tx|ct|cp")


def _expand(match: re.Match[str]) -> str:
    return _ABBREVIATIONS[int(match.lastgroup[1:])][1]
# Forms that differ only by a missing "và" or a hyphen.
_PHRASE_FIXES = [
    ("thông tin truyền thông", "thông tin và truyền thông"),
    ("văn hóa thể thao và du lịch", "văn hóa thể thao và du lịch"),
]


_NOT_WORD = re.compile(r"[^\w\s]")
_SPACE_RUN = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Return the matching key of a name: lower case, abbreviations expanded, no punctuation.

    Example:
        >>> name_key("Sở NN&PTNT") == name_key("Sở Nông nghiệp và Phát triển Nông thôn")
        True
        >>> name_key("UBND TP. Thanh Hoá") == name_key("Ủy ban nhân dân thành phố Thanh Hóa")
        True
    """
    key = tone_key(text)
    if _ABBREVIATION_HINT.search(key):
        key = _ABBREVIATION_RE.sub(_expand, key)
    key = key.replace("&", " và ")
    # most keys are letters and spaces already: str.isalnum is the pattern's \w less "_",
    # and str.split() cuts at the characters that are \s (both ask Python's own tables)
    if not key.replace(" ", "").isalnum():
        key = _NOT_WORD.sub(" ", key)
    key = " ".join(key.split())
    for old, new in _PHRASE_FIXES:
        key = key.replace(old, new)
    return key
