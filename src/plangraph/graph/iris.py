"""The IRI scheme of the graph: every node a stable, readable path under the data base IRI.

Documents are identified by number, year and issuer: decision numbers restart every year,
and "1627/QĐ-UBND" of 2025 exists in every province, so a document whose number does not
name its issuer ("UBND", "HĐND", "TU", a department code) carries its jurisdiction too.

Example:
    >>> doc_path("58-NQ/TW", 2020, "thanh-hoa")
    'doc/2020/58-nq-tw'
    >>> doc_path("1627/QĐ-UBND", 2025, "quang-ngai")
    'doc/2025/quang-ngai/1627-qd-ubnd'
    >>> plan_path("dong-thap", 2025, "552/KH-UBND")
    'plan/dong-thap/2025-552-kh-ubnd'
"""

from __future__ import annotations

import re

from ..text import slugify

__all__ = ["doc_path", "plan_path", "agency_path", "jurisdiction_path", "is_local_number", "issuer_path"]

_LOCAL_CODES = {"UBND", "HĐND", "HDND", "TU", "HU", "ĐU", "TƯ", "BTV", "UBMTTQ", "TĐ", "BCĐ", "VP", "BQL"}


# compiled once: the function runs for every name, line or task of a build
_CODE_SEP = re.compile(r"[-/]")
_LOCAL_CODE = re.compile(r"S[A-ZĐ]{1,6}")


def is_local_number(identifier: str) -> bool:
    """True when a document number does not identify its issuer across the country.

    Example:
        >>> is_local_number("283/KH-UBND"), is_local_number("13/NQ-CP"), is_local_number("3584/SKHĐT-TH")
        (True, False, True)
    """
    codes = [c for c in _CODE_SEP.split(identifier.upper())[1:] if c and not c.isdigit()]
    for code in codes:
        if code in _LOCAL_CODES or _LOCAL_CODE.fullmatch(code) and code not in ("SBV",):
            return True
    return False


def doc_path(identifier: str, year: int | None, jurisdiction: str | None) -> str:
    """The path of a cited document: doc/<year>[/<jurisdiction>]/<number>."""
    slug = slugify(identifier)
    when = year or "undated"
    if jurisdiction and is_local_number(identifier):
        return f"doc/{when}/{jurisdiction}/{slug}"
    return f"doc/{when}/{slug}"


def plan_path(jurisdiction: str, year: int | None, identifier: str) -> str:
    """The path of a plan: plan/<jurisdiction>/<year>-<number of the plan or its decision>."""
    return f"plan/{jurisdiction}/{year or 'undated'}-{slugify(identifier)}"


def agency_path(key: str, collective: bool) -> str:
    """agency/<jurisdiction>/<slug> or collective/<jurisdiction>/<slug>."""
    return f"{'collective' if collective else 'agency'}/{key}"


def jurisdiction_path(jurisdiction_id: str) -> str:
    return f"jurisdiction/{jurisdiction_id}"


def issuer_path(issuer_id: str, jurisdiction: str | None) -> str:
    return f"issuer/{jurisdiction}/{issuer_id}" if jurisdiction else f"issuer/{issuer_id}"
