"""Plain dataclasses for what the extractor finds; the graph layer turns them into RDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")


def unique_by(items: Iterable[T], key: Callable[[T], object]) -> list[T]:
    """Keep the first item of each key, in order.

    Example:
        >>> unique_by(["a", "b", "A"], str.lower)
        ['a', 'b']
    """
    seen: set[object] = set()
    out: list[T] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


@dataclass(frozen=True)
class DocRef:
    """A document as cited: identifier as printed plus what the citation tells about it.

    ``identifier`` is the official number with its type and issuer code, e.g. "58-NQ/TW",
    "13/NQ-CP", "31/2021/QH15", "2999/QĐ-UBND".
    """

    identifier: str
    kind: str  # "Nghị quyết", "Quyết định", "Chương trình", "Kế hoạch", ...
    year: int | None = None
    date: date | None = None
    issuer: str | None = None
    title: str | None = None


@dataclass
class Citation:
    """One mention of a document in a source line."""

    ref: DocRef
    line: int
    text: str
    implements: DocRef | None = None  # "X thực hiện Y" stated in the same mention
    based_on: bool = False  # a "Căn cứ ..." line of the decision


@dataclass
class Deadline:
    """A deadline as printed and as understood."""

    text: str
    kind: str  # by-date, month, quarter, year, period, ongoing, annual, none
    end: date | None = None
    start: date | None = None


@dataclass
class AgencyMention:
    """An agency or collective named in a task, resolved against the registry."""

    entity_id: str  # registry id, e.g. "so-ke-hoach-va-dau-tu"
    surface: str  # as printed
    is_collective: bool = False


@dataclass
class Section:
    """A numbered part of a plan (body heading or appendix group)."""

    key: str  # stable key: "II.3", "III.1.2" or "PL.III.2"
    number: str  # as printed
    title: str
    line: int
    parent: str | None = None
    appendix: bool = False


@dataclass
class Task:
    """One obligation of a plan."""

    line: int
    end_line: int
    text: str
    section: str | None
    lead: list[AgencyMention]
    coordinating: list[AgencyMention]
    deadline: Deadline
    appendix: bool = False
    row_number: str | None = None
    output: str | None = None
    projects: list = field(default_factory=list)  # list[ProjectRef]
    details: int | None = None  # for appendix rows: the line of the body task detailed
    submit_to: str | None = None  # "Cấp trình": to whom the output is submitted
    budget: str | None = None  # "Kinh phí" / "Nguồn kinh phí" as printed
    refers_to: list[str] = field(default_factory=list)  # "các nhiệm vụ tại mục (IV)(1)": the parts named


@dataclass
class Target:
    """A quantitative target."""

    line: int
    indicator: str
    value_text: str
    unit: str
    comparator: str
    value: Decimal | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    approximate: bool = False
    year: int | None = None
    period: tuple[int, int] | None = None
    scope: str = "province"  # province, city, district
    scope_area: str = ""
    sentence: str = ""
    annual: bool = False  # "phấn đấu hằng năm, có 80% ...": every year, not one year
    base: str | None = None  # what a share or ratio is of: "GRDP" ("0,3% GRDP")
    base_year: int | None = None  # "gấp 2,7 - 3,2 lần so với năm 2020"
    rank_among: str | None = None  # "trong nhóm 10 tỉnh, thành phố dẫn đầu cả nước": "cả nước"
    task_line: int | None = None  # the task whose text sets it
    task_appendix: bool = False


@dataclass
class PlanExtract:
    """Everything extracted from one source document."""

    source_file: str
    sha256: str
    kind: str  # "Kế hoạch hành động" or "Chương trình hành động"
    title: str
    decision: DocRef | None
    decision_line: int | None
    decision_number_missing: bool
    implements: list[DocRef]
    sections: list[Section]
    tasks: list[Task]
    targets: list[Target]
    citations: list[Citation]
    scope: str
    scope_area: str
    title_en: str = ""
    warnings: list[str] = field(default_factory=list)
    jurisdiction: object | None = None  # read.jurisdictions.Jurisdiction of the issuer
    issuer: str | None = None  # the issuer as printed ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP")
    number: DocRef | None = None  # the plan's own number when it has one ("552/KH-UBND")
    agencies: dict = field(default_factory=dict)  # key -> read.agencies.Agency met in the document
    not_a_plan: str | None = None  # why no tasks were read, when the document is not a plan
    based_on: list[DocRef] = field(default_factory=list)  # legal bases ("Căn cứ Luật ...")
