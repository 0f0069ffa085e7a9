"""Head nouns: what an agency name opens with ("Sở", "Ủy ban nhân dân", "các sở, ngành").

:func:`is_name_start` says whether a text can open a name; :func:`_head_of` gives the head
noun it opens with (lower case, tone marks kept), or "các ..." for a collective; the
kinds of bodies collectives are made of are :data:`COMMON_BODIES`. Used by
:mod:`plangraph.read.names`, which reads the whole name after its head.

Example:
    >>> is_name_start("Sở Y tế chủ trì"), _head_of("các sở, ngành liên quan")
    (True, 'các sở')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..text import tone_key

if TYPE_CHECKING:
    from .names import Name

__all__ = ["HEADS", "COMMON_BODIES", "WEAK_HEADS", "BARE_WEAK_HEADS", "is_name_start", "is_weak_heading"]

# Head nouns of agency names (lower case, tone marks kept: "sở" is not "số").
HEADS = sorted({
    "ủy ban nhân dân", "ubnd", "hội đồng nhân dân", "hđnd", "ủy ban", "hội đồng",
    "bộ chỉ huy quân sự", "bộ chỉ huy bộ đội biên phòng", "bộ chỉ huy", "bộ tư lệnh", "bộ đội biên phòng",
    "bchqs", "bộ", "sở", "ban", "cục", "tổng cục", "chi cục", "vụ", "văn phòng", "thanh tra", "công an",
    "kho bạc", "bảo hiểm xã hội", "bhxh", "ngân hàng", "đài", "báo", "trường", "viện", "học viện", "đại học",
    "trung tâm", "hội", "hiệp hội", "liên đoàn", "liên hiệp", "liên minh", "mặt trận", "đoàn",
    "tỉnh đoàn", "thành đoàn", "tập đoàn", "tổng công ty", "công ty", "quỹ", "thuế", "hải quan",
    "kiểm toán", "tòa án", "viện kiểm sát", "thông tấn xã", "cổng thông tin", "tỉnh ủy", "thành ủy",
    "huyện ủy", "đảng ủy", "thường trực", "trưởng ban", "phó trưởng ban", "chủ tịch", "giám đốc",
    "thủ trưởng", "tổng thư ký", "chính phủ", "thủ tướng", "quốc hội", "tổ công tác", "lực lượng",
    "cảng vụ", "chi nhánh", "bệnh viện", "phòng", "cơ quan", "đơn vị", "doanh nghiệp", "hợp tác xã",
    "ttxvn", "vtv", "vov", "bql", "ubmttq", "mttq", "ubtvqh", "tổ kiểm kê", "tổ giúp việc",
    "nhà đầu tư", "chủ đầu tư", "hiệp hội doanh nghiệp", "chính quyền", "cộng đồng", "đối tượng",
    "ban quản lý", "ban chỉ đạo", "ban chỉ huy", "ban thường vụ", "ban chấp hành", "ban soạn thảo",
}, key=len, reverse=True)
# A head noun followed by these words is not a name ("Báo cáo", "Hội nghị", "Phòng chống").
_NOT_NAMES_PLAIN = (
    "báo cáo", "báo chí", "hội nghị", "hội thảo", "hội thi", "hội chợ", "hội đàm", "hội nhập", "hội viên",
    "trường hợp", "phòng chống", "phòng ngừa", "phòng cháy", "phòng thủ", "phòng tránh", "ban hành", "bộ tiêu chí",
    "bộ công cụ", "bộ dữ liệu", "bộ chỉ số", "bộ quy tắc", "bộ máy", "bộ mẫu", "bộ hồ sơ", "bộ phận", "đoàn kết",
    "sở hữu", "viện trợ", "vụ việc", "quỹ đất", "đơn vị hành chính", "đơn vị tính", "cơ quan hành chính nhà nước",
    "thuế suất", "hải quan điện tử", "công an xã", "đài tưởng niệm", "trung tâm dữ liệu quốc gia",
    "doanh nghiệp nhỏ", "chi nhánh", "cơ sở dữ liệu", "cơ sở vật chất", "cơ sở hạ tầng", "cơ quan nhà nước",
)
HEADS = [tone_key(h) for h in HEADS]  # the same tone placement as the text keys ("đoàn" -> "đòan")
_HEAD_WORDS = {tuple(h.split()) for h in HEADS}
_MAX_HEAD = max(len(h) for h in _HEAD_WORDS)

# Kinds of bodies that make up collectives ("các sở, ban, ngành", "cơ quan, địa phương").
COMMON_BODIES = {
    "sở", "ban", "ngành", "bộ", "cơ quan", "đơn vị", "địa phương", "tổ chức", "doanh nghiệp", "hội",
    "đoàn thể", "hợp tác xã", "xã", "phường", "đặc khu", "thị trấn", "huyện", "thị xã", "thành phố",
    "tỉnh", "quận", "ủy ban", "trường", "viện", "cơ sở", "chủ đầu tư", "nhà đầu tư", "cấp",
    "ubnd", "ủy ban nhân dân", "đoàn", "cơ quan ngang bộ", "tổng công ty", "tập đoàn", "ngân hàng",
    "tổ chức tín dụng", "hiệp hội", "cơ quan báo chí", "cơ quan thông tấn", "báo", "đài",
    "thành viên", "liên đoàn", "chính quyền", "bộ phận", "phòng", "trung tâm", "cộng đồng", "người dân",
    "cá nhân", "hộ gia đình", "lãnh đạo", "ban quản lý", "đơn vị sự nghiệp", "bệnh viện", "trạm", "đối tượng",
}
_OPENERS = ("các", "những", "mọi")
# the patterns the scan asks at every word, compiled once
_WORD_CHARS_RE = re.compile(r"[\w&]+")
_LEADING_NON_WORD_RE = re.compile(r"^[\W_]*")
_NOT_NAMES = {tuple(tone_key(w).split()) for w in _NOT_NAMES_PLAIN}
COMMON_BODIES = {tone_key(w) for w in COMMON_BODIES}


def _words(text: str) -> list[str]:
    """Lower-case words with tone marks kept, punctuation dropped."""
    return _WORD_CHARS_RE.findall(tone_key(text))


# _head_of looks at the first 9 words at most ("tất cả các" and six more); a line's text
# is read for its first words only: cut after this many spaces when it still gives more
# words than that (a cut at a space changes none of the words before it)
_HEAD_SPAN = 16
_HEAD_WORDS_USED = 10


def _head_words(text: str) -> list[str]:
    """The first words of :func:`_words` ``(text)``: at least ``_HEAD_WORDS_USED`` of them, or all."""
    parts = text.split(" ", _HEAD_SPAN)
    if len(parts) > _HEAD_SPAN:
        words = _words(text[: len(text) - len(parts[-1]) - 1])
        if len(words) >= _HEAD_WORDS_USED:
            return words
    return _words(text)


@lru_cache(maxsize=65536)
def _head_of(text: str) -> str | None:
    """The head noun ``text`` opens with (lower case), or None; "các ..." for collectives."""
    words = _head_words(text)
    if not words:
        return None
    if words[0] in _OPENERS or words[:2] == ["tất", "cả"]:
        rest = words[2:] if words[0] == "tất" else words[1:]
        if rest and rest[0] == "các":
            rest = rest[1:]
        if any(tuple(rest[:n]) in _NOT_NAMES for n in range(2, min(6, len(rest)) + 1)):
            return None  # "các cơ sở dữ liệu", "các cơ quan nhà nước ... gồm"
        for size in range(min(4, len(rest)), 0, -1):
            if " ".join(rest[:size]) in COMMON_BODIES or tuple(rest[:size]) in _HEAD_WORDS:
                return "các " + " ".join(rest[:size])
        return None
    for size in range(min(_MAX_HEAD, len(words)), 0, -1):
        if tuple(words[:size]) in _HEAD_WORDS:
            if any(tuple(words[:n]) in _NOT_NAMES for n in range(2, min(6, len(words)) + 1)):
                return None
            head = " ".join(words[:size])
            if head in _VERB_HEADS and _VERB_LIST_RE.match(text):
                return None  # "Thanh tra, kiểm tra, giám sát ...": the verb, not the inspectorate
            return head
    return None


# Heads that are also verbs: followed by a comma and a lower-case verb they are the verb.
_VERB_HEADS = {tone_key(w) for w in ("thanh tra", "kiểm toán")}
_VERB_LIST_RE = re.compile(r"^\W*\w+\s+\w+\s*,\s*[a-zà-ỹđ]", re.IGNORECASE | re.UNICODE)

# Kinds too general to head a block of tasks on their own: "1. Doanh nghiệp số" and "Các
# ngành, lĩnh vực khác" are topics; "Các doanh nghiệp công nghệ số" addresses businesses.
WEAK_HEADS = {tone_key(w) for w in ("ngành", "lĩnh vực", "các ngành", "các lĩnh vực")}
BARE_WEAK_HEADS = {tone_key(w) for w in ("doanh nghiệp", "cơ sở", "tổ chức", "đơn vị", "cơ quan", "địa phương",
                                         "cộng đồng", "hợp tác xã", "trường", "viện", "chủ đầu tư", "nhà đầu tư")}


def is_weak_heading(name: "Name") -> bool:
    """True when a name is a kind of thing rather than bodies to give tasks to (see WEAK_HEADS):
    a general kind with no proper name after it ("Doanh nghiệp số"; not "Viện Văn hóa ...")."""
    if name.head in WEAK_HEADS:
        return True
    if name.head not in BARE_WEAK_HEADS or name.collective:
        return False
    rest = name.text.split()[len(name.head.split()):]
    return not any(word[:1].isupper() for word in rest)


def is_name_start(text: str) -> bool:
    """True when ``text`` opens with something that can start an agency name.

    Example:
        >>> is_name_start("Sở Y tế chủ trì"), is_name_start("các sở, ngành"), is_name_start("Xây dựng kế hoạch")
        (True, True, False)
    """
    head = _head_of(text)
    if head is None:
        return False
    first = _LEADING_NON_WORD_RE.sub("", text)[:1]
    # a lower-case head noun ("sở", "ban") opens a name only in a list of kinds of bodies
    return first.isupper() or head.startswith("các ") or head in COMMON_BODIES


def _is_common_list(piece: str) -> bool:
    """"ban", "ngành", "địa phương có liên quan": a kind of body continuing a collective."""
    words = _words(piece)
    if not words:
        return False
    for size in range(min(4, len(words)), 0, -1):
        if " ".join(words[:size]) in COMMON_BODIES:
            return True
    return False
