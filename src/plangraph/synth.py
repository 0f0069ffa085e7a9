"""A deterministic synthetic corpus made from the real graph, for benchmarks at scale.

A national deployment holds every province's plans: 34 provinces x ~100 plans x ~200
tasks. The synthetic graph is built the way such a graph would grow: the five real plans
are the template, copied plan by plan into more plans of the same province and then into
other provinces, with new IRIs and numbers. So it follows the ontology and the shapes as
the real graph does (sections, deadlines as OWL-Time intervals, citations with their
lines, targets, provenance), and the shares of work between agencies are the real ones:
"Sở Y tế" has the same share of tasks as in the five plans, "Sở Kế hoạch và Đầu tư" the
same large share.

* Province 0 is the real province: round 0 of its plans *is* the real graph, and its
  agencies keep their IRIs and names, so the same queries run on both ("Sở Y tế").
* Each province has its own agencies, collectives, projects, provincial issuers, the
  documents they issue and its jurisdiction node: every IRI that carries the real
  province's segment (``agency/thanh-hoa/so-y-te``) carries the province's instead
  (``agency/nghe-an/so-y-te``; a project's IRI is tagged ``-nghe-an``), and names say
  which province ("Sở Y tế tỉnh Nghệ An"); national bodies (``agency/vn/...``), central
  documents (58-NQ/TW, 13/NQ-CP ...), national issuers and indicators are shared.
* Each copy of a plan is issued by a new decision (number ``5000 + 5 * round + plan``
  of the same year, numbers restart every year as in the real documents), has its own
  source file name, and its tasks' texts say which round they belong to ("Chủ động (đợt 2)
  đề xuất ..."), so that copies are not duplicate tasks of one another.
* The output grows in whole rounds of the five plans (about 12,000 triples), so no
  reference points to a node that was not written.

The output is N-Triples, written as it is generated (10 million triples do not fit
comfortably in memory as Python objects).

Example:
    >>> import io
    >>> out = io.StringIO()
    >>> n = write_synthetic(out, triples=20_000)
    >>> n == out.getvalue().count("\\n") and n >= 20_000
    True
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .graph.terms import BASE, PG, RDF, RDFS, SKOS
from .text import fold, slugify

__all__ = ["write_synthetic", "PROVINCES", "PLANS_PER_PROVINCE"]

# The 34 provinces after the 2025 merger; the first is the real one.
PROVINCES = [
    "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Huế", "Ninh Bình", "Hưng Yên", "Hải Phòng",
    "Bắc Ninh", "Lạng Sơn", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Sơn La",
    "Điện Biên", "Lai Châu", "Quảng Ninh", "Hà Nội", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa",
    "Đắk Lắk", "Lâm Đồng", "Đồng Nai", "Tây Ninh", "Thành phố Hồ Chí Minh", "Đồng Tháp", "Vĩnh Long",
    "An Giang", "Cần Thơ", "Cà Mau",
]
PLANS_PER_PROVINCE = 100
_ROUND_PHRASES = ["đợt {n}", "giai đoạn {n}", "kế hoạch bổ sung số {n}", "lần {n}"]
_TYPE = f"<{RDF}type>"
_LABEL_PREDICATES = {f"<{RDFS}label>", f"<{SKOS}prefLabel>", f"<{SKOS}altLabel>"}
_HIDDEN = f"<{SKOS}hiddenLabel>"
_LITERAL_RE = re.compile(r'^"(.*)"(@[a-zA-Z-]+|\^\^<[^>]+>)?$', re.S)


@dataclass
class _Plan:
    """One real plan and the triples that belong to it alone."""

    iri: str  # "<.../plan/thanh-hoa/2021-2999>"
    id: str  # "2021-2999"
    year: str
    number: str
    source_file: str
    decision: str | None
    triples: list[tuple[str, str, str]] = field(default_factory=list)
    tasks: set[str] = field(default_factory=set)


@dataclass
class _Template:
    """The real graph split into shared nodes, provincial nodes and plans."""

    national: list[tuple[str, str, str]]
    provincial: list[tuple[str, str, str]]
    plans: list[_Plan]
    jurisdiction: str  # the real province's IRI segment: "thanh-hoa"

    @classmethod
    def load(cls, graph_file: Path) -> "_Template":
        import pyoxigraph as ox

        triples = [(str(t.subject), str(t.predicate), str(t.object))
                   for t in ox.parse(path=str(graph_file), format=ox.RdfFormat.TURTLE)]
        triples.sort()
        plan_type, issued_by, source_file = f"<{PG}Plan>", f"<{PG}issuedBy>", f"<{PG}sourceFile>"
        plans: dict[str, _Plan] = {}
        for s, p, o in triples:
            if p == _TYPE and o == plan_type:
                place, _, plan_id = s[len(BASE) + 6:-1].partition("/")
                year, _, number = plan_id.partition("-")
                plans[s] = _Plan(s, plan_id, year, number, "", None)
        tasks = {s for s, p, o in triples if p == _TYPE and o == f"<{PG}Task>"}
        for s, p, o in triples:
            if s in plans and p == issued_by:
                plans[s].decision = o
            elif s in plans and p == source_file:
                plans[s].source_file = _LITERAL_RE.match(o).group(1)
        owner: dict[str, _Plan] = {}
        for plan in plans.values():
            owner[plan.iri] = plan
            owner[f"<{BASE}source/{plan.source_file}>"] = plan
            if plan.decision:
                owner[plan.decision] = plan
        places = {plan.iri[len(BASE) + 6:].split("/", 1)[0] for plan in plans.values()}
        if len(places) != 1:
            raise ValueError(f"the template graph must hold the plans of one province, not {sorted(places)}")
        place = places.pop()
        national, provincial = [], []
        for triple in triples:
            subject = triple[0]
            plan = owner.get(subject) or owner.get(_plan_prefix(subject))
            if plan is not None:
                plan.triples.append(triple)
                if subject in tasks:
                    plan.tasks.add(subject)
            elif _is_provincial(subject, place):
                provincial.append(triple)
            else:
                national.append(triple)
        return cls(national, provincial, sorted(plans.values(), key=lambda plan: plan.source_file), place)


def _plan_prefix(term: str) -> str | None:
    """``<.../plan/thanh-hoa/2021-2999>`` for any node under that plan."""
    if not term.startswith(f"<{BASE}plan/"):
        return None
    parts = term[len(BASE) + 6:-1].split("/")
    return f"<{BASE}plan/{'/'.join(parts[:2])}>" if len(parts) >= 2 else None


def _segment_re(place: str) -> re.Pattern[str]:
    return re.compile(rf"(?<=/){re.escape(place)}(?=[/>])")


def _is_provincial(subject: str, place: str) -> bool:
    """A node of the province: its IRI carries the province's segment, or it is a project."""
    if not subject.startswith(f"<{BASE}"):
        return False
    return subject.startswith(f"<{BASE}project/") or bool(_segment_re(place).search(subject[len(BASE):]))


class _Province:
    """How one province renames the provincial nodes of the template."""

    def __init__(self, index: int, template: _Template):
        self.index = index
        name = PROVINCES[index % len(PROVINCES)]
        rounds = index // len(PROVINCES)
        self.name = name if not rounds else f"{name} {rounds + 1}"
        self.slug = template.jurisdiction if index == 0 else slugify(self.name)
        self.tag = "" if index == 0 else f"-{self.slug}"
        self._segment = _segment_re(template.jurisdiction)
        self._base = f"<{BASE}"

    def iri(self, term: str) -> str:
        """The province's IRI for a node of the real province (or any other term, unchanged)."""
        if not self.tag or not term.startswith(self._base):
            return term
        local = term[len(self._base):]
        renamed = self._segment.sub(self.slug, local, count=1)
        if renamed != local:
            return self._base + renamed
        if local.startswith("project/"):
            return term[:-1] + self.tag + ">"
        return term

    def label(self, predicate: str, literal: str) -> str:
        """A name of a provincial node, told apart from the other provinces' ones."""
        if not self.tag:
            return literal
        match = _LITERAL_RE.match(literal)
        if not match or not (match.group(2) or "").startswith("@"):
            return literal
        text, lang = match.group(1), match.group(2)
        if predicate == _HIDDEN:
            text += " tinh " + fold(self.name)
        elif lang == "@en":
            text += f", {fold(self.name).title()} Province"
        else:
            text += f" tỉnh {self.name}"
        return f'"{text}"{lang}'


def _copy_plan(plan: _Plan, province: _Province, round_: int, phrase: str, out: TextIO) -> int:
    """Write one copy of ``plan``; return the number of triples written."""
    tag = province.tag
    new_number = plan.number if round_ == 0 else str(5000 + 5 * round_ + _plan_slot(plan))
    new_id = f"{province.slug}/{plan.year}-{new_number}"
    stem = plan.source_file.rsplit(".", 1)[0]
    new_file = plan.source_file if not tag and round_ == 0 else f"{stem}{tag}-r{round_:02d}.txt"
    mapping: dict[str, str] = {
        f'"{plan.source_file}"': f'"{new_file}"',
        f"<{BASE}source/{plan.source_file}>": f"<{BASE}source/{new_file}>",
    }
    if plan.decision:
        decision = plan.decision
        if round_:
            decision = decision.replace(f"/{plan.number}-", f"/{new_number}-")
        mapping[plan.decision] = province.iri(decision)
    own_prefix = plan.iri[:-1]
    written = 0
    for s, p, o in plan.triples:
        terms = []
        for term in (s, o):
            new = mapping.get(term)
            if new is None:
                if term.startswith(own_prefix) and term[len(own_prefix)] in "/>":
                    new = f"<{BASE}plan/{new_id}" + term[len(own_prefix):]
                else:
                    new = province.iri(term)
                mapping[term] = new
            terms.append(new)
        new_s, new_o = terms
        if round_ and o.startswith('"'):
            if s == plan.decision:
                new_o = new_o.replace(f"{plan.number}/", f"{new_number}/")
                if new_o == f'"{plan.number}"':
                    new_o = f'"{new_number}"'
            elif s in plan.tasks and p == f"<{RDFS}label>":
                # the round inside the text, after its first word: at the end it would be cut
                # off with the report clause ("..., báo cáo UBND tỉnh ...") by duplicate-tasks,
                # and at either end the original's text would be contained in the copy's
                match = _LITERAL_RE.match(o)
                first, _, rest = match.group(1).partition(" ")
                new_o = f'"{first} ({phrase}) {rest}"{match.group(2)}'
        out.write(f"{new_s} {p} {new_o} .\n")
        written += 1
    return written


def _plan_slot(plan: _Plan) -> int:
    return int(re.sub(r"\D", "", plan.source_file[:3]) or 0) % 5


def write_synthetic(out: TextIO, triples: int, seed: int = 1, graph_file: Path | None = None,
                    plans_per_province: int = PLANS_PER_PROVINCE) -> int:
    """Write at least ``triples`` N-Triples lines to ``out``; return how many were written.

    Args:
        out: where to write.
        triples: the size to reach; the output stops after the round of five plans that
            reaches it.
        seed: chooses the phrases that tell the rounds' task texts apart.
        graph_file: the real graph used as the template (default: the workspace's graph).
        plans_per_province: plans of each province before the next one starts (rounded
            down to whole rounds of the template's plans).
    """
    if graph_file is None:
        from .paths import DEFAULT_OUTPUT  # the current workspace's graph

        graph_file = DEFAULT_OUTPUT
    template = _Template.load(graph_file)
    rng = random.Random(seed)
    rounds = max(plans_per_province // max(len(template.plans), 1), 1)
    written = 0
    for s, p, o in template.national:
        out.write(f"{s} {p} {o} .\n")
        written += 1
    index = 0
    while True:  # at least the first round: the real graph itself
        province = _Province(index, template)
        for s, p, o in template.provincial:
            if s.startswith(f"<{BASE}jurisdiction/") and p in _LABEL_PREDICATES and province.tag:
                o = f'"tỉnh {province.name}"@vi'  # the province's own jurisdiction node
            elif (p in _LABEL_PREDICATES or p == _HIDDEN) and not s.startswith(f"<{BASE}doc/"):
                o = province.label(p, o)
            out.write(f"{province.iri(s)} {p} {province.iri(o)} .\n")
            written += 1
        for round_ in range(rounds):
            phrase = rng.choice(_ROUND_PHRASES).format(n=round_ + 1)
            for plan in template.plans:
                written += _copy_plan(plan, province, round_, phrase, out)
            if written >= triples:
                return written
        index += 1
