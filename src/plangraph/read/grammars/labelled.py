"""The labelled-field grammar: a task written as fields under its heading.

    1.1. Xây dựng Chiến lược dữ liệu:
    a) Nhiệm vụ: Tham mưu UBND Thành phố ...
    b) Cơ quan thực hiện:
       - Đơn vị chủ trì: Sở Khoa học và Công nghệ.
       - Đơn vị phối hợp: Các Sở, ban, ngành.
    c) Thời gian thực hiện: Hoàn thành trong năm 2025.

Labels are recognised with or without bold/italic marks and list markers; a field's value
is the text after the colon, or the items under it.

Example:
    >>> label_of("Thời gian thực hiện: Quý I/2026")
    ('deadline', 'Quý I/2026')
    >>> label_of("Đơn vị chủ trì: Sở Y tế.")
    ('lead', 'Sở Y tế.')
    >>> label_of("Tổ chức tập huấn cho cán bộ") is None
    True
"""

from __future__ import annotations

import re

__all__ = ["label_of", "LABELS"]

# label words (lower case) -> field
LABELS: list[tuple[str, str]] = [
    (r"(?:cơ quan|đơn vị) (?:chủ trì|chịu trách nhiệm|đầu mối)(?: thực hiện)?", "lead"),
    (r"chủ trì(?: thực hiện)?", "lead"),
    (r"(?:cơ quan|đơn vị) (?:phối hợp|tham gia)(?: thực hiện)?", "coord"),
    (r"phối hợp(?: thực hiện)?", "coord"),
    (r"(?:cơ quan|đơn vị) thực hiện|trách nhiệm thực hiện|phân công thực hiện|người thực hiện", "agencies"),
    (r"thời (?:gian|hạn)(?: thực hiện| hoàn thành| triển khai| trình| báo cáo)?|tiến độ(?: thực hiện| hoàn thành)?|"
     r"thời điểm(?: hoàn thành)?", "deadline"),
    (r"sản phẩm(?: đầu ra| dự kiến)?|kết quả(?: dự kiến| đầu ra| cần đạt)?", "output"),
    (r"kinh phí(?: thực hiện)?|nguồn kinh phí|nguồn lực", "budget"),
    (r"cấp trình", "submit_to"),
    (r"nhiệm vụ|nội dung(?: thực hiện| hoạt động| công việc)?|tên nhiệm vụ|hoạt động|công việc", "task"),
]
_LABEL_RE = re.compile(
    r"^\W*(?P<label>" + "|".join(f"(?:{pattern})" for pattern, _ in LABELS) + r")\s*:\s*(?P<value>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_COMPILED = [(re.compile(rf"^(?:{pattern})$", re.IGNORECASE), name) for pattern, name in LABELS]


def label_of(text: str) -> tuple[str, str] | None:
    """(field, value) when ``text`` is a labelled field ("Cơ quan chủ trì: Sở Y tế")."""
    match = _LABEL_RE.match(text.strip())
    if not match:
        return None
    label = re.sub(r"\s+", " ", match.group("label").lower())
    for pattern, name in _COMPILED:
        if pattern.match(label):
            return name, match.group("value").strip()
    return None
