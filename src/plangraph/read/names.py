"""Agency names in running text, in an open world: the form of a name, not a list of names.

Vietnamese agency names open with a head noun ("Sở", "Bộ", "Ủy ban nhân dân", "Ban Quản
lý", "Trung tâm", "Công an" ...) followed by components that start with a capital ("Khoa
học và Công nghệ"), an optional jurisdiction ("tỉnh Đồng Nai", "thành phố") and an optional
parenthesis. Collectives open with "các" or list kinds of bodies ("các sở, ban, ngành liên
quan", "UBND các xã, phường, đặc khu", "Sở, ban, ngành có liên quan"). A list joins names
with commas, semicolons, "và" and "cùng", which also occur inside names ("Sở Văn hóa, Thể
thao và Du lịch"), so pieces are cut at every separator and joined back where the next piece
cannot open a name.

:func:`scan_names` reads the list of names at the start of a text and returns where it
ends; it knows nothing of the registry (see :mod:`plangraph.read.agencies`, which checks
its pieces against known names first).

Example:
    >>> names, rest = scan_names("Sở Tài chính, Sở Công Thương và các cơ quan liên quan tham mưu cho UBND")
    >>> [n.text for n in names], rest
    (['Sở Tài chính', 'Sở Công Thương', 'các cơ quan liên quan'], 'tham mưu cho UBND')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text import fold, tone_key
from .pieces import Lazy, split_pieces

__all__ = ["Name", "scan_names", "is_name_start", "HEADS", "strip_role_suffix", "COMMON_BODIES"]

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
# "các cơ quan trực thuộc Bộ ...", "các đơn vị thuộc Sở ...", "các tổ chức thành viên của Mặt trận": one collective
_OWNED_BY = {tone_key(w) for w in ("thuộc", "của")}

# Lower-case words that open a predicate after a name: a name never continues with them.
_STOP_BIGRAMS = {
    "chủ trì", "phối hợp", "tham mưu", "thực hiện", "triển khai", "xây dựng", "tổ chức", "hướng dẫn",
    "rà soát", "nghiên cứu", "đề xuất", "đề nghị", "ban hành", "kiểm tra", "theo dõi", "tăng cường",
    "đẩy mạnh", "chỉ đạo", "có trách", "chịu trách", "căn cứ", "tiếp tục", "chủ động", "khẩn trương",
    "tập trung", "bố trí", "cung cấp", "hỗ trợ", "thường xuyên", "định kỳ", "tích cực", "quán triệt",
    "tuyên truyền", "phổ biến", "vận động", "huy động", "đôn đốc", "giám sát", "đánh giá", "tổng hợp",
    "báo cáo", "ưu tiên", "thẩm định", "lựa chọn", "phát động", "cập nhật", "hoàn thiện", "hoàn thành",
    "nâng cao", "bảo đảm", "đảm bảo", "sửa đổi", "bổ sung", "điều chỉnh", "quản lý", "thúc đẩy",
    "khuyến khích", "đăng tải", "làm đầu", "làm tốt", "đầu mối", "phát huy", "kịp thời", "nghiêm túc",
    "cử cán", "tiếp nhận", "phân công", "giao nhiệm", "duy trì", "mở rộng", "xử lý", "thành lập",
    "phê duyệt", "bồi dưỡng", "ứng dụng", "sơ kết", "tổng kết", "kết nối", "chia sẻ", "vận hành",
    "thu hút", "làm việc", "trình cấp", "xem xét", "quyết định", "thực thi", "áp dụng", "đổi mới",
    "liên hệ", "nắm bắt", "định hướng", "xác định", "thiết lập", "nhân rộng", "chuẩn bị", "tham gia",
    "biểu dương", "đặt hàng", "đào tạo", "phát triển", "chỉ đạo", "theo chức", "căn cứ", "trong phạm",
    "thông tin", "hợp tác", "trao đổi", "rà soát", "hướng tới", "đáp ứng", "cân đối", "tích hợp",
    "công bố", "vận dụng", "khai thác", "số hóa", "chuyển đổi", "giải quyết", "tạo điều", "lồng ghép",
    "lãnh đạo", "gắn kết", "gắn với", "bám sát", "kiến nghị", "hoàn chỉnh", "thường trực", "trực tiếp",
    "phân cấp", "cụ thể", "quy định", "đôn đốc", "thúc đẩy", "vận động",
}
_STOP_WORDS = {
    "là", "được", "có", "cần", "phải", "sẽ", "đã", "đang", "để", "nhằm", "theo", "với", "cho", "về",
    "trong", "khi", "nếu", "thì", "mà", "đối", "từ", "đến", "trước", "sau", "bằng", "qua", "vào",
    "lập", "trình", "gửi", "làm", "như", "cùng", "hoặc", "giúp", "chịu", "giao", "tại", "trên",
}
# Jurisdiction words: "Công an tỉnh", "UBND thành phố Hà Nội", "khu vực 14".
_PLACE_WORDS = {"tỉnh", "thành phố", "tp", "huyện", "thị xã", "tx", "xã", "phường", "quận", "đặc khu",
                "thị trấn", "trung ương", "khu vực", "việt nam", "tw", "thành", "chi nhánh", "cấp"}
_WORD_RE = re.compile(r"[\w&.\-]+|\S", re.UNICODE)
# the patterns the scan asks at every word, compiled once
_WORD_CHARS_RE = re.compile(r"[\w&]+")
_WORD_CHAR_RE = re.compile(r"[\w&]")
_LEADING_NON_WORD_RE = re.compile(r"^[\W_]*")
_NOT_NAMES = {tuple(tone_key(w).split()) for w in _NOT_NAMES_PLAIN}
COMMON_BODIES = {tone_key(w) for w in COMMON_BODIES}
_STOP_BIGRAMS = {tone_key(w) for w in _STOP_BIGRAMS}
STOP_BIGRAMS = _STOP_BIGRAMS
_STOP_WORDS = {tone_key(w) for w in _STOP_WORDS}
_PLACE_WORDS = {tone_key(w) for w in _PLACE_WORDS}


@dataclass(frozen=True)
class Name:
    """One name found in text: as printed, and whether it names a collective."""

    text: str
    collective: bool
    head: str  # folded head noun ("so", "bo", "uy ban nhan dan", "cac ...")


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


# heads that name many bodies at once ("UBND các xã", "Thủ trưởng các sở, ban, ngành")
_HEADS_OF_MANY = {tone_key(w) for w in (
    "ủy ban nhân dân", "ubnd", "liên hiệp", "hội đồng nhân dân", "hđnd", "ban quản lý", "bql", "thủ trưởng",
    "giám đốc", "chủ tịch", "lãnh đạo", "người đứng đầu", "ban chỉ huy", "ban chỉ đạo")}
_TITLES = {tone_key(w) for w in ("giám đốc", "chủ tịch", "thủ trưởng", "trưởng ban", "phó trưởng ban", "tổng thư ký",
                                  "lãnh đạo", "người đứng đầu", "thường trực")}
_UNIT_KINDS = {tone_key(w) for w in ("xã", "phường", "đặc khu", "thị trấn", "huyện", "quận", "thị xã",
                                      "tỉnh", "thành phố", "cấp xã", "cấp huyện", "cấp tỉnh")}
_ROLE_BIGRAMS = {tone_key(w) for w in ("chủ trì", "phối hợp", "có trách", "chịu trách")}


def _tail_end(text: str, head: str = "", count: int = 0, whole: bool = False) -> int:
    """Where the words after a head noun stop being part of the name (offset into ``text``).

    With ``whole`` (the text is only names: a table cell, a heading), verbs do not end a
    name ("các tổ chức cung cấp dịch vụ chi trả"); only role words do.
    """
    tokens = Lazy((m.start(), m.end(), m.group(0)) for m in _WORD_RE.finditer(text))
    end = 0
    index = 0
    after_slash = after_paren = False
    while tokens.has(index):
        start, stop, word = tokens[index]
        folded = tone_key(word)
        if word == "(":
            close = text.find(")", start)
            if close != -1 and close - start < 160:
                end = close + 1
                index = 0  # the first word after the bracket (or past the last word)
                while tokens.has(index) and tokens[index][0] <= close:
                    index += 1
                after_paren = True
                continue
            break
        if not _WORD_CHAR_RE.match(word):
            following = tokens[index + 1][2] if tokens.has(index + 1) else ""
            if word == "/" and following[:1].isupper():
                index += 1  # "Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao": one body, two names
                after_slash = True
                continue
            if word in "-–" and following and not is_name_start(text[tokens[index + 1][0]:]) and (
                    following[:1].isupper() or tone_key(following) not in _STOP_WORDS):
                index += 1  # "Lao động - Thương binh và Xã hội", "tổ chức chính trị - xã hội"
                continue
            if word == "." and index and tone_key(tokens[index - 1][2]) in ("tp", "tx"):
                index += 1
                continue
            break
        nxt = tone_key(tokens[index + 1][2]) if tokens.has(index + 1) else ""
        if folded == "có" and nxt == "liên":
            index += 1  # "các đơn vị có liên quan"
            continue
        if word[:1].islower() or word[:1].isdigit():
            place = folded in _PLACE_WORDS or f"{folded} {nxt}" in _PLACE_WORDS
            if after_paren and not place:
                break  # "Sở Nội vụ (Ban Thi đua - Khen thưởng) tiến hành họp xét": the note ends the name
            if whole:
                if f"{folded} {nxt}" in _ROLE_BIGRAMS:
                    break
            elif not place and (f"{folded} {nxt}" in _STOP_BIGRAMS or folded in _STOP_WORDS):
                break
            if folded in ("các", "những") and head not in _HEADS_OF_MANY and not whole:
                break
        elif count and not after_slash and head not in _TITLES and \
                _head_of(text[start:]) in ("sở", "bộ", "ubnd", "ủy ban nhân dân", "công an") and \
                tone_key(tokens[index - 1][2]) not in _OWNED_BY:
            break  # a new name with no separator before it ("Giám đốc Sở" is one name)
        after_slash = after_paren = False
        end = stop
        count += 1
        index += 1
        if count > (40 if whole else 16):
            break
    return end


def _name_end(text: str, whole: bool = False) -> int:
    """Where the name that ``text`` opens with ends (a character offset into ``text``)."""
    head = _head_of(text)
    if head is None:
        return 0
    lead = _LEADING_NON_WORD_RE.match(text).end()
    words = _WORD_CHARS_RE.finditer(text[lead:])
    head_words = len(head.split())
    offset = lead
    for index, match in enumerate(words):
        offset = lead + match.end()
        if index + 1 >= head_words:
            break
    return offset + _tail_end(text[offset:], head, 1 if head_words else 0, whole)


def strip_role_suffix(name: str) -> str:
    """"Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo" -> "Sở Tài chính"."""
    match = re.match(r"^(.+?)\s+-\s+(?=[Cc]ơ quan|[Đđ]ơn vị|[Tt]hường trực|[Tt]hành viên)", name)
    return match.group(1) if match else name


def scan_names(text: str, max_names: int = 20, whole: bool = False) -> tuple[list[Name], str] | None:
    """Read the list of agency names at the start of ``text``.

    Returns the names and the rest of the text, or None when ``text`` does not open with
    a name. With ``whole``, the text is known to hold only names (a table cell, a
    heading): a name runs to the next separator, and a piece that opens no name continues
    the one before ("các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng hóa").
    """
    text = text.strip()
    if not is_name_start(text):
        return None
    names: list[Name] = []
    rest_at = 0
    distributed = _DISTRIBUTED_RE.match(text)
    if distributed:
        return _scan_distributed(text, distributed)
    pieces = split_pieces(text)
    for number, (separator, piece, offset) in enumerate(pieces):
        last = names[-1] if names else None
        if last is not None and piece[:1].islower() and _ends_with_unit(last.text) and _is_unit_list(piece):
            # "Ủy ban nhân dân phường, xã, đặc khu": the People's Committees of several kinds of units
            end = _tail_end(piece, last.head, whole=whole)
            names[-1] = Name(f"{last.text}{separator}{piece[:end]}".strip(" ,;"), True, last.head)
            rest_at = offset + end
            if end < len(piece.rstrip()):
                break
            continue
        kinds = last is not None and (last.collective or _bare(last)) and not _ends_with_unit(last.text) \
            and not _qualified(last.text)
        if kinds and piece[:1].islower() and _is_common_list(piece):
            end = _tail_end(piece, last.head, whole=whole)  # "các sở, ban, ngành liên quan"
            names[-1] = Name(f"{last.text}{separator}{piece[:end]}".strip(" ,;"), True, last.head)
            rest_at = offset + end
            if end < len(piece.rstrip()):
                break
            continue
        if kinds and _bare(last) and _is_common_list(piece) and len(_words(piece)) <= 2 and \
                not _opens_collective(pieces, number):
            # "Viện, Trường": kinds of bodies named by their head noun alone
            names[-1] = Name(f"{last.text}{separator}{piece.strip()}", True, last.head)
            rest_at = offset + len(piece.rstrip())
            continue
        if not names or is_name_start(piece):
            if names and len(names) >= max_names:
                break
            head = _head_of(piece)
            end = _name_end(piece, whole)
            if head is None or end == 0:
                break
            surface = piece[:end].strip(" ,;")
            after_head = _words(surface)[len(head.split()):]
            collective = head.startswith("các ") or (head in COMMON_BODIES and piece[:1].islower()) or (
                bool(after_head) and after_head[0] in _OPENERS)
            names.append(Name(surface, collective, head))
            rest_at = offset + end
            if end < len(piece.rstrip()):
                break
            continue
        last = names[-1]
        if separator.strip() in (",", "và", "") and _continues_name(last.text, piece):
            end = _tail_end(piece, last.head, whole=whole)  # "Sở Văn hóa, Thể thao và Du lịch"
        elif whole and separator.strip() in (",", "và", "/") and piece[:1].islower():
            end = _tail_end(piece, last.head, whole=True)  # ", chế biến và xuất khẩu hàng hóa"
        else:
            break
        if end == 0:
            break
        names[-1] = Name(f"{last.text}{separator}{piece[:end]}".strip(" ,;"), last.collective, last.head)
        rest_at = offset + end
        if end < len(piece.rstrip()):
            break
    if not names:
        return None
    return names, text[rest_at:].strip(" ,;")


_DISTRIBUTED_RE = re.compile(r"^(?:các\s+)?(?P<head>sở|bộ|ban)\s*:\s*", re.IGNORECASE)


def _opens_collective(pieces: Lazy, number: int) -> bool:
    """"Doanh nghiệp, Sở, ban, ngành": "Sở" opens a list of kinds of its own."""
    following = pieces[number + 1] if pieces.has(number + 1) else None
    return following is not None and following[1][:1].islower() and _is_common_list(following[1])


# compiled once: the function runs for every name, line or task of a build
_LIST_SEP = re.compile(r",\s*|\s+và\s+")


def _qualified(text: str) -> bool:
    """A collective whose last kind is qualified ("..., đoàn thể Thành phố", "... cấp tỉnh"): a
    kind after it opens a new collective ("... Thành phố và đơn vị có liên quan")."""
    last_piece = _LIST_SEP.split(text)[-1]
    words = _words(last_piece)
    if words and words[0] in _OPENERS:
        words = words[1:]
    for size in (3, 2, 1):
        if " ".join(words[:size]) in COMMON_BODIES:
            return len(words) > size and re.search(r"(?:Thành phố|Tỉnh|Trung ương|cấp \w+|trên địa bàn|liên quan)\s*$",
                                                   last_piece) is not None
    return False


def _ends_with_unit(text: str) -> bool:
    words = _words(text)
    return bool(words) and (words[-1] in _UNIT_KINDS or " ".join(words[-2:]) in _UNIT_KINDS)


def _is_unit_list(piece: str) -> bool:
    words = _words(piece)
    return bool(words) and (words[0] in _UNIT_KINDS or " ".join(words[:2]) in _UNIT_KINDS)


def _bare(name: Name) -> bool:
    """A name that is only a head noun ("Sở", "Viện"): a kind of body, not a body."""
    return len(_words(name.text)) == len(name.head.split()) and not name.head.startswith("các ")


def _scan_distributed(text: str, match: re.Match[str]) -> tuple[list[Name], str]:
    """"Các sở: Xây dựng, Tài chính và Công an tỉnh" -> Sở Xây dựng, Sở Tài chính, Công an tỉnh."""
    head = match.group("head").capitalize()
    names: list[Name] = []
    rest_at = match.end()
    for separator, piece, offset in split_pieces(text[match.end():]):
        offset += match.end()
        if names and is_name_start(piece):
            found = scan_names(text[offset:])
            if found:
                return names + found[0], found[1]
            break
        if not piece[:1].isupper():
            break
        end = _tail_end(piece, head.lower())
        if end == 0:
            break
        if names and separator.strip() == "," and not piece[:end].strip():
            break
        names.append(Name(f"{head} {piece[:end].strip()}", False, head.lower()))
        rest_at = offset + end
        if end < len(piece.rstrip()):
            break
    return names, text[rest_at:].strip(" ,;")


def _continues_name(name: str, piece: str) -> bool:
    """After "Sở Văn hóa," a capitalised word that opens no name ("Thể thao") continues it."""
    first = piece.split(" ", 1)[0]
    return bool(first) and first[:1].isupper() and not is_name_start(piece) and \
        tone_key(first) not in ("ubnd", "các") and len(name.split()) <= 14
