"""A deterministic synthetic corpus shaped like the real graph, for benchmarks at scale.

It follows the ontology: provinces with their agencies (names with variants and
diacritics-free forms, and the collectives), a chain of resolutions and programmes, plans
issued by decisions, tasks with lead and coordinating agencies, deadlines and source lines,
and targets. The first province uses the real agency IRIs and names ("Sở Y tế"), so the
same queries run on the real and the synthetic graph. The output is N-Triples, written as
it is generated (10 million triples do not fit comfortably in memory as Python objects).

Example:
    >>> import io
    >>> out = io.StringIO()
    >>> n = write_synthetic(out, triples=2000, seed=1)
    >>> 2000 <= n < 2600
    True
"""

from __future__ import annotations

import random
from typing import TextIO

from .graph.terms import BASE, ELI, ORG, PG, RDF, RDFS, SKOS, XSD
from .text import fold, slugify

__all__ = ["write_synthetic", "PROVINCES"]

PROVINCES = [
    "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Ninh Bình",
    "Nam Định", "Thái Bình", "Hải Dương", "Hưng Yên", "Bắc Ninh", "Bắc Giang", "Lạng Sơn", "Cao Bằng",
    "Hà Giang", "Lào Cai", "Yên Bái", "Tuyên Quang", "Phú Thọ", "Vĩnh Phúc", "Thái Nguyên", "Sơn La",
    "Điện Biên", "Lai Châu", "Hòa Bình", "Quảng Ninh", "Quảng Nam", "Quảng Ngãi", "Bình Định",
    "Phú Yên", "Khánh Hòa", "Gia Lai", "Đắk Lắk",
]
DEPARTMENTS = [
    ("so-ke-hoach-va-dau-tu", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("so-tai-chinh", "Sở Tài chính", "STC"),
    ("so-cong-thuong", "Sở Công Thương", "Sở CT"),
    ("so-giao-thong-van-tai", "Sở Giao thông vận tải", "Sở GTVT"),
    ("so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    ("so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", "Sở KH&CN"),
    ("so-lao-dong-thuong-binh-va-xa-hoi", "Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
    ("so-nong-nghiep-va-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
    ("so-noi-vu", "Sở Nội vụ", "SNV"),
    ("so-thong-tin-va-truyen-thong", "Sở Thông tin và Truyền thông", "Sở TT&TT"),
    ("so-tai-nguyen-va-moi-truong", "Sở Tài nguyên và Môi trường", "Sở TN&MT"),
    ("so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch", "Sở VH,TT&DL"),
    ("so-xay-dung", "Sở Xây dựng", "SXD"),
    ("so-y-te", "Sở Y tế", "SYT"),
    ("so-tu-phap", "Sở Tư pháp", "STP"),
    ("cong-an-tinh", "Công an tỉnh", "CA tỉnh"),
]
VERBS = ["Tham mưu xây dựng", "Tổ chức triển khai thực hiện", "Xây dựng Đề án", "Rà soát, hoàn thiện",
         "Nghiên cứu, đề xuất", "Đẩy mạnh", "Tăng cường", "Hoàn thiện cơ chế, chính sách về"]
OBJECTS = ["phát triển công nghiệp chế biến, chế tạo", "chuyển đổi số trong cơ quan nhà nước",
           "nâng cao chất lượng nguồn nhân lực", "thu hút đầu tư vào khu công nghiệp",
           "phát triển du lịch văn hóa, tâm linh", "bảo vệ môi trường tại các làng nghề",
           "xây dựng nông thôn mới nâng cao", "phát triển hạ tầng giao thông kết nối vùng",
           "nâng cao năng lực y tế cơ sở", "cải cách thủ tục hành chính"]
DEADLINES = [("Quý IV/{y}", "DuringQuarter", "{y}-12-31"), ("Trước tháng 9/{y}", "ByDate", "{y}-08-31"),
             ("Năm {y}", "DuringYear", "{y}-12-31"), ("Trong thời gian thực hiện Nghị quyết", "Ongoing", None),
             ("Giai đoạn 2021 - {y}", "DuringPeriod", "{y}-12-31"), ("", "NoDeadline", None)]


def _iri(path: str) -> str:
    return f"<{BASE}{path}>"


def _lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


def write_synthetic(out: TextIO, triples: int, seed: int = 1) -> int:
    """Write at least ``triples`` N-Triples lines to ``out``; return how many were written."""
    rng = random.Random(seed)
    written = 0
    a = f"<{RDF}type>"

    def emit(s: str, p: str, o: str) -> None:
        nonlocal written
        out.write(f"{s} {p} {o} .\n")
        written += 1

    def pg(name: str) -> str:
        return f"<{PG}{name}>"

    label, pref, alt, hidden = f"<{RDFS}label>", f"<{SKOS}prefLabel>", f"<{SKOS}altLabel>", f"<{SKOS}hiddenLabel>"
    id_local, passed_by, date_doc = f"<{ELI}id_local>", f"<{ELI}passed_by>", f"<{ELI}date_document>"
    # the chain above the plans: central resolutions, each with a programme per province
    tops = []
    for number in range(1, 21):
        top = _iri(f"doc/2020/{number}-nq-tw")
        emit(top, a, pg("Resolution"))
        emit(top, id_local, _lit(f"{number}-NQ/TW"))
        emit(top, date_doc, _lit(f"2020-{1 + number % 12:02d}-15", datatype=XSD + "date"))
        tops.append(top)
    province_index = 0
    while written < triples:
        province = PROVINCES[province_index % len(PROVINCES)]
        round_ = province_index // len(PROVINCES)
        tag = "" if province_index == 0 else f"-{slugify(province)}{'-' + str(round_) if round_ else ''}"
        suffix = "" if province_index == 0 else f" tỉnh {province}"
        agencies = []
        for slug, name, abbreviation in DEPARTMENTS:
            node = _iri(f"agency/{slug}{tag}")
            full = name + suffix
            emit(node, a, pg("Agency"))
            emit(node, a, f"<{ORG}Organization>")
            emit(node, pref, _lit(full, "vi"))
            emit(node, label, _lit(full, "vi"))
            emit(node, alt, _lit(abbreviation + suffix, "vi"))
            emit(node, hidden, _lit(fold(full), "vi"))
            emit(node, pg("agencyLevel"), _lit("province"))
            agencies.append(node)
        collective = _iri(f"collective/cac-so-ban-nganh-cap-tinh{tag}")
        emit(collective, a, pg("Collective"))
        emit(collective, pref, _lit("Các sở, ban, ngành cấp tỉnh" + suffix, "vi"))
        for node in agencies:
            emit(collective, pg("member"), node)
        programmes = []
        for top_number, top in enumerate(rng.sample(tops, 5)):
            programme = _iri(f"doc/2021/{top_number + 1}-ctr-tu{tag}")
            emit(programme, a, pg("Programme"))
            emit(programme, id_local, _lit(f"{top_number + 1}-CTr/TU"))
            emit(programme, pg("implements"), top)
            programmes.append(programme)
        for plan_number in range(100):
            if written >= triples:
                break
            year = 2021 + plan_number % 4
            number = 1000 + plan_number * 7 + province_index
            plan = _iri(f"plan/{year}-{number}{tag}")
            decision = _iri(f"doc/{year}/{number}-qd-ubnd{tag}")
            source = f"{province_index:03d}_{plan_number:03d}.txt"
            emit(plan, a, pg("Plan"))
            emit(plan, label, _lit(f"Kế hoạch hành động số {plan_number + 1} của UBND tỉnh {province}", "vi"))
            emit(plan, pg("sourceFile"), _lit(source))
            emit(plan, pg("issuedBy"), decision)
            emit(plan, pg("implements"), rng.choice(programmes))
            emit(decision, a, pg("Decision"))
            emit(decision, id_local, _lit(f"{number}/QĐ-UBND"))
            emit(decision, date_doc, _lit(f"{year}-{1 + plan_number % 12:02d}-10", datatype=XSD + "date"))
            emit(decision, passed_by, _iri(f"issuer/ubnd-tinh{tag}"))
            for task_number in range(200):
                line = 40 + task_number * 2
                task = _iri(f"plan/{year}-{number}{tag}/task/L{line}")
                emit(task, a, pg("Task"))
                emit(task, a, pg("BodyTask"))
                emit(task, pg("plan"), plan)
                emit(task, label, _lit(f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} (nhiệm vụ {task_number + 1})", "vi"))
                emit(task, pg("sourceFile"), _lit(source))
                emit(task, pg("sourceLine"), _lit(str(line), datatype=XSD + "integer"))
                emit(task, pg("leadAgency"), rng.choice(agencies))
                for coordinator in rng.sample(agencies, rng.randint(0, 3)):
                    emit(task, pg("coordinatingAgency"), coordinator)
                if rng.random() < 0.05:
                    emit(task, pg("leadAgency"), collective)
                text, kind, end = rng.choice(DEADLINES)
                deadline_year = str(year + rng.randint(0, 3))
                emit(task, pg("deadlineKind"), pg(kind))
                if text:
                    emit(task, pg("deadlineText"), _lit(text.format(y=deadline_year), "vi"))
                if end:
                    emit(task, pg("deadline"), _lit(end.format(y=deadline_year), datatype=XSD + "date"))
            for target_number in range(10):
                target = _iri(f"plan/{year}-{number}{tag}/target/L{20 + target_number}-1")
                emit(target, a, pg("Target"))
                emit(target, pg("plan"), plan)
                emit(target, pg("indicator"), _lit(f"tỷ lệ {rng.choice(OBJECTS)}", "vi"))
                emit(target, pg("value"), _lit(f"{rng.randint(10, 990) / 10}", datatype=XSD + "decimal"))
                emit(target, pg("unit"), _lit("%"))
                emit(target, pg("comparator"), _lit(">="))
                emit(target, pg("targetYear"), _lit(str(2025 + 5 * (target_number % 2)), datatype=XSD + "gYear"))
        province_index += 1
    return written
