"""The sentence grammar: "<agencies> [chủ trì,] [phối hợp với <agencies>] <action>".

The shapes met: "Sở X chủ trì, phối hợp với Y tham mưu ...", "Giao X chủ trì ...", "Đề nghị X
...", "X có trách nhiệm ...", "X căn cứ chức năng, nhiệm vụ ...", several agencies acting
together ("Sở A, Sở B và UBND các xã ..."), and the agency as plain subject ("Bộ Nội vụ rà soát
..."). Inside an agency's block an item may open with its role instead ("Chủ trì, phối hợp
với Y ...", "Phối hợp với Y ..."): :func:`role_prefix` reads that.

Example:
    >>> from plangraph.read.agencies import AgencyReader
    >>> from plangraph.read.jurisdictions import Jurisdictions
    >>> reader = AgencyReader.bundled(Jurisdictions.bundled().get("son-la"))
    >>> c = agency_clause(reader, "Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng rà soát định mức.")
    >>> [m.surface for m in c.lead], [m.surface for m in c.coordinating], c.action
    (['Sở Tài chính'], ['Sở Xây dựng'], 'rà soát định mức.')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import AgencyMention, unique_by
from ...text import LOWER
from ..agencies import AgencyReader

__all__ = ["Clause", "agency_clause", "agency_heading", "role_prefix", "inner_coordinators", "Role", "weak_lead"]

_PREFIX_RE = re.compile(
    r"^(?:(?P<ask>đề nghị|kính đề nghị|yêu cầu|khuyến khích)|giao(?: cho)?|trách nhiệm của|nhiệm vụ của|"
    r"đối với)\s+",
    re.IGNORECASE,
)
_SECTORS_RE = re.compile(r"^(?:các\s+)?(?:ngành|lĩnh vực)\b", re.IGNORECASE)
_LEAD_RE = re.compile(r"^[,;]?\s*(?:tiếp tục\s+|là cơ quan (?:đầu mối|thường trực)[^,]*,\s*)?chủ trì\b\s*[,;]?\s*",
                      re.IGNORECASE)
_COORD_RE = re.compile(
    r"^[,;]?\s*(?:chủ động\s+|tích cực\s+)?phối hợp(?:\s+chặt chẽ)?(?:\s+(?:với|cùng))?\s+", re.IGNORECASE)
_MANDATE_RE = re.compile(
    r"^[,;]?\s*(?:căn cứ|theo|trong phạm vi)\s+(?:chức năng,?\s+nhiệm vụ|nhiệm vụ)(?:,?\s+quyền hạn)?"
    r"(?:\s+được\s+(?:giao|phân công))?(?:\s+(?:tại|theo)\s+[^,:]+)?\s*[,;]?\s*",
    re.IGNORECASE,
)
_DUTY_RE = re.compile(r"^[,;]?\s*(?:có trách nhiệm|chịu trách nhiệm|cần|phải|có nhiệm vụ)\s*[:,]?\s*", re.IGNORECASE)
_INNER_COORD_RE = re.compile(r"\bphối hợp(?:\s+chặt chẽ)?\s+(?:với|cùng)\s+", re.IGNORECASE)
_PROVINCE_SUBJECT_RE = re.compile(
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chính phủ|Thủ tướng(?: Chính phủ)?)(?: (?:tỉnh|Tỉnh|thành phố|Thành phố))?\s*$")
_VERB_START = re.compile(rf"^[{LOWER}(“\"]")


@dataclass
class Clause:
    """An agency clause: who leads, who coordinates, and the action ("" for an intro)."""

    lead: list[AgencyMention]
    coordinating: list[AgencyMention]
    action: str
    request: bool = False  # "Đề nghị X ...": asked of a body outside the issuer's authority


@dataclass
class Role:
    """The role an item states for the agency of its block."""

    coordinating: list[AgencyMention] = field(default_factory=list)
    only_coordinates: bool = False  # "Phối hợp với X ...": X leads, the block's agency helps
    action: str = ""


def agency_clause(reader: AgencyReader, text: str) -> Clause | None:
    """Parse ``text`` as an agency clause; None when it does not open with agencies.

    The action after the names must start in lower case ("tham mưu"): a capital there
    means the names were the start of an ordinary sentence.
    """
    text = text.strip()
    request = False
    prefix = _PREFIX_RE.match(text)
    if prefix:
        request = bool(prefix.group("ask"))
        text = text[prefix.end():]
        if _SECTORS_RE.match(text):
            return None  # "Đối với các ngành tài chính, ngân hàng, ...": sectors, not bodies
    found = reader.leading(text)
    if found is None:
        return None
    lead, rest = found
    coordinating: list[AgencyMention] = []
    for _ in range(5):  # the role phrases come in any order, each at most once
        before = rest
        rest = _MANDATE_RE.sub("", rest, count=1)
        rest = _LEAD_RE.sub("", rest, count=1)
        rest = _DUTY_RE.sub("", rest, count=1)
        match = _COORD_RE.match(rest)
        if match:
            more = reader.leading(rest[match.end():])
            if more:
                coordinating.extend(more[0])
                rest = more[1]
            else:
                rest = rest[match.end():]
        if rest == before:
            break
    rest = rest.strip()
    if rest.startswith(":") and all(_bare_kind(m.surface) for m in lead):
        return None  # "Đơn vị: triệu đồng", "Cơ quan thực hiện: ...": a label, not an agency
    if rest.startswith(":"):
        rest = rest[1:].strip()
        if re.match(r"(?:nếu|trường hợp)\b", rest, re.IGNORECASE):
            return None  # "Đối với các xã, phường: Nếu có ...": a rule for a case, not work to do
        if not rest:
            return Clause(lead, coordinating, "", request)
        return Clause(lead, coordinating, rest, request)
    if not rest or rest in (".", ";"):
        return Clause(lead, coordinating, "", request)
    if rest.startswith("(") and rest.endswith(")"):
        return Clause(lead, coordinating, "", request)
    if not _VERB_START.match(rest) and not rest.startswith(("UBND", "Ủy", "Uỷ")):
        return None
    return Clause(lead, coordinating, rest, request)


_HEADING_TAIL_RE = re.compile(
    r"\s*(?:có trách nhiệm|chịu trách nhiệm|cần tập trung[^:]*|thực hiện (?:các|những) (?:nhiệm vụ|nội dung)[^:]*|"
    r"thực hiện|có nhiệm vụ)?\s*:?\s*$", re.IGNORECASE)


def agency_heading(reader: AgencyReader, text: str) -> Clause | None:
    """Read a heading that names the agencies a block of items is for.

    "1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo", "3. Đề nghị các doanh nghiệp sản
    xuất, chế biến và xuất khẩu", "Các cơ sở đào tạo đại học, sau đại học có trách nhiệm:":
    the heading holds only names (and a description after " - " or in brackets), so a name
    runs to the next separator. "Sở X chủ trì, phối hợp với Y:" is read as a clause.

    Example:
        >>> from plangraph.read.agencies import AgencyReader
        >>> from plangraph.read.jurisdictions import Jurisdictions
        >>> reader = AgencyReader.bundled(Jurisdictions.bundled().get("son-la"))
        >>> [m.surface for m in agency_heading(reader, "Đề nghị các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng hóa").lead]
        ['các doanh nghiệp sản xuất, chế biến và xuất khẩu hàng hóa']
    """
    clause = agency_clause(reader, text)
    if clause is not None and not clause.action:
        return None if weak_lead(clause.lead) else clause
    if re.match(r"^\W*(?:giao|yêu cầu)\b", text, re.IGNORECASE):
        return None  # "Giao X ...": an assignment, never a heading
    if clause is not None and text.rstrip().endswith(":") and _opens_predicate(clause.action):
        return None  # "X chỉ đạo các đơn vị ... có trách nhiệm:": a sentence that introduces items
    body = text.strip()
    request = False
    prefix = _PREFIX_RE.match(body)
    if prefix:
        request = bool(prefix.group("ask"))
        body = body[prefix.end():]
    body = _HEADING_TAIL_RE.sub("", body)
    from ..heads import is_weak_heading
    from ..names import scan_names

    scanned = scan_names(body, whole=True)
    if scanned is not None and all(is_weak_heading(n) for n in scanned[0]):
        return None  # "1. Doanh nghiệp số": a topic, not the bodies a block is for
    found = reader.leading(body, whole=True)
    if found is None:
        return None
    lead, rest = found
    rest = rest.strip(" ,;:")
    if not rest or re.match(r"^(?:[-–(]|là\b|gồm\b|trong đó\b)", rest, re.IGNORECASE):
        return Clause(lead, [], "", request)
    return None


def weak_lead(lead: list[AgencyMention]) -> bool:
    """True when every name of a heading is a kind of thing, not bodies ("Doanh nghiệp số")."""
    from ..heads import is_weak_heading
    from ..names import scan_names

    for mention in lead:
        scanned = scan_names(mention.surface, whole=True)
        if scanned is None or not all(is_weak_heading(n) for n in scanned[0]):
            return False
    return bool(lead)


def _bare_kind(surface: str) -> bool:
    from ..heads import COMMON_BODIES
    from ...text import tone_key

    return tone_key(surface).strip() in COMMON_BODIES


def _opens_predicate(action: str) -> bool:
    from ..names import STOP_BIGRAMS
    from ...text import tone_key

    words = tone_key(action).split()
    return len(words) >= 2 and f"{words[0]} {words[1]}".strip(",;:") in STOP_BIGRAMS


def role_prefix(reader: AgencyReader, text: str) -> Role:
    """The role an item of an agency's block opens with.

    "Chủ trì, phối hợp với Y ..." keeps the block's agency as lead with Y coordinating;
    "Phối hợp với Y ..." alone says the block's agency only coordinates (the caller decides
    what that means where: for a sub-heading it makes Y the lead).

    Example:
        >>> from plangraph.read.agencies import AgencyReader
        >>> from plangraph.read.jurisdictions import Jurisdictions
        >>> reader = AgencyReader.bundled(Jurisdictions.bundled().get("son-la"))
        >>> r = role_prefix(reader, "Phối hợp với các sở, ngành, UBND các xã, phường")
        >>> [m.surface for m in r.coordinating], r.only_coordinates, r.action
        (['các sở, ngành', 'UBND các xã, phường'], True, '')
    """
    rest = text.strip()
    led = False
    coordinating: list[AgencyMention] = []
    for _ in range(4):
        before = rest
        rest = _MANDATE_RE.sub("", rest, count=1)
        lead = _LEAD_RE.match(rest)
        if lead:
            led = True
            rest = rest[lead.end():]
        match = _COORD_RE.match(rest)
        if match:
            more = reader.leading(rest[match.end():])
            if more:
                coordinating.extend(more[0])
                rest = more[1]
        if rest == before:
            break
    rest = rest.strip(" ,;")
    return Role(unique_by(coordinating, lambda m: m.entity_id), bool(coordinating) and not led,
                rest[1:].strip() if rest.startswith(":") else rest)


def inner_coordinators(reader: AgencyReader, action: str) -> list[AgencyMention]:
    """Agencies the task itself says to work with: "..., phối hợp (chặt chẽ) với X ...".

    "Tham mưu cho UBND tỉnh phối hợp với Bộ ..." is the province working with a ministry,
    not a coordinator of the task, and is skipped.
    """
    found: list[AgencyMention] = []
    for match in _INNER_COORD_RE.finditer(action):
        if _PROVINCE_SUBJECT_RE.search(action[: match.start()].rstrip(" ,")):
            continue
        head = reader.leading(action[match.end():])
        if head:
            found.extend(head[0])
    return found
