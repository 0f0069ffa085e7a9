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
from itertools import islice

from ..text import tone_key
from .pieces import Lazy, split_pieces

__all__ = ["Name", "scan_names", "is_name_start", "HEADS", "strip_role_suffix", "COMMON_BODIES"]

from .heads import _LEADING_NON_WORD_RE, _OPENERS, _WORD_CHARS_RE, COMMON_BODIES, _head_of, _is_common_list, _words
from .heads import BARE_WEAK_HEADS, HEADS, is_name_start, is_weak_heading  # noqa: F401  (re-exported)

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
_PRINTED_WORD_RE = re.compile(r"\S+")
_WORD_CHAR_RE = re.compile(r"[\w&]")
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




# heads that name many bodies at once ("UBND các xã", "Thủ trưởng các sở, ban, ngành")
_HEADS_OF_MANY = {tone_key(w) for w in (
    "ủy ban nhân dân", "ubnd", "liên hiệp", "hội đồng nhân dân", "hđnd", "ban quản lý", "bql", "thủ trưởng",
    "giám đốc", "chủ tịch", "lãnh đạo", "người đứng đầu", "ban chỉ huy", "ban chỉ đạo")}
_TITLES = {tone_key(w) for w in ("giám đốc", "chủ tịch", "thủ trưởng", "trưởng ban", "phó trưởng ban", "tổng thư ký",
                                  "lãnh đạo", "người đứng đầu", "thường trực")}
_UNIT_KINDS = {tone_key(w) for w in ("xã", "phường", "đặc khu", "thị trấn", "huyện", "quận", "thị xã",
                                      "tỉnh", "thành phố", "cấp xã", "cấp huyện", "cấp tỉnh")}
_ROLE_BIGRAMS = {tone_key(w) for w in ("chủ trì", "phối hợp", "có trách", "chịu trách")}
# kinds of bodies that "quản lý" right after them can qualify ("cơ quan quản lý nhà nước", "các
# đơn vị quản lý dự án"), when what it manages follows, or nothing: elsewhere it is the verb
_MANAGING_HEADS = {tone_key(w) for w in ("cơ quan", "các cơ quan", "những cơ quan", "đơn vị", "các đơn vị")}
_MANAGED = {tone_key(w) for w in ("nhà nước", "cấp trên", "chuyên ngành", "trực tiếp", "thị trường", "dự án")}


def _managing_end(tokens: Lazy, index: int) -> int:
    """The token index after "quản lý" and what it manages, from ``index``; 0 when it is not that."""
    if not (tokens.has(index + 1) and tone_key(tokens[index][2]) == "quản" and tone_key(tokens[index + 1][2]) == "lý"):
        return 0
    if not tokens.has(index + 2):
        return index + 2  # "... các cơ quan quản lý": the text ends there
    if tokens.has(index + 3) and " ".join(tone_key(tokens[i][2]).rstrip(".") for i in (index + 2, index + 3)) in _MANAGED:
        return index + 4
    return 0


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
                managing = _managing_end(tokens, index) if end == 0 and head in _MANAGING_HEADS else 0
                if not managing:
                    break
                end, index, count = tokens[managing - 1][1], managing, count + managing - index
                continue
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
        elif separator.strip() == "," and piece[:1].islower() and _sector_kind(last):
            end = _sector_end(piece)  # "Doanh nghiệp viễn thông, bưu chính ưu tiên ..."
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


def _sector_kind(name: Name) -> bool:
    """A kind of body qualified by its field in small letters ("Doanh nghiệp viễn thông", "các
    cơ sở giáo dục"): a further field after a comma belongs to it ("..., bưu chính")."""
    head = name.head[4:] if name.head.startswith("các ") else name.head
    if head not in BARE_WEAK_HEADS:
        return False
    fields = name.text.split()[len(name.head.split()):]
    return bool(fields) and all(word[:1].islower() for word in fields)


# what may follow a field of a kind of body: a predicate ("ưu tiên đầu tư", "có trách nhiệm"),
# not a word that goes on with the sentence ("nhất là ...")
_AUXILIARIES = {tone_key(w) for w in ("có", "cần", "phải", "sẽ", "đã", "đang", "được", "chịu")}
# ... and words of time and manner, which open the predicate, not a field ("..., hằng năm báo cáo")
_NOT_FIELDS = {tone_key(w) for w in ("hằng năm", "hàng năm", "hằng quý", "hàng quý", "hằng tháng", "hàng tháng",
                                      "đồng thời", "đặc biệt", "trong đó", "từng bước", "trước mắt", "nhất là",
                                      "sớm", "ngay", "cũng", "luôn", "thì", "mà", "nhất", "đều", "vẫn", "còn", "nên")}


def _sector_end(piece: str) -> int:
    """Where a further field of a kind of body ends ("bưu chính" of "bưu chính ưu tiên đầu
    tư"): one to three words in small letters, none of them opening a predicate, then a
    predicate or nothing; 0 when the piece is no such field."""
    if _is_common_list(piece) or is_name_start(piece):
        return 0  # "doanh nghiệp, hợp tác xã": another kind; "..., các sở": another name
    spans = list(islice(_PRINTED_WORD_RE.finditer(piece), 6))  # enough for a field and what follows
    words = [m.group(0) for m in spans]
    folded = [tone_key(w) for w in words]
    if folded and (folded[0] in _NOT_FIELDS or " ".join(folded[:2]) in _NOT_FIELDS):
        return 0
    for size in (1, 2, 3):
        field = folded[:size]
        if len(field) < size or not all(w.isalpha() and w.islower() for w in words[:size]):
            return 0
        if any(w in _STOP_WORDS or " ".join(field[i:i + 2]) in _STOP_BIGRAMS for i, w in enumerate(field)):
            return 0  # "triển khai", "để": the field would be what the body does
        after = folded[size:]
        if not after or after[0] in _AUXILIARIES or " ".join(after[:2]) in _STOP_BIGRAMS:
            return spans[size - 1].end()
    return 0


def _continues_name(name: str, piece: str) -> bool:
    """After "Sở Văn hóa," a capitalised word that opens no name ("Thể thao") continues it."""
    first = piece.split(" ", 1)[0]
    return bool(first) and first[:1].isupper() and not is_name_start(piece) and \
        tone_key(first) not in ("ubnd", "các") and len(name.split()) <= 14
