"""The one message catalogue: every text plangraph shows people, in Vietnamese and English.

Vietnamese is the default, for the officials who follow up the plans; ``--lang en`` (any
command) or ``PLANGRAPH_LANG=en`` switch to English. Machine formats (json, jsonl, tsv, the
SPARQL results) keep their stable English keys and raw values: only what people read is
translated: messages, ``--help``, table and CSV headers, and values such as roles
("chủ trì"/"phối hợp") and deadline kinds.

Each entry is ``key: (vietnamese, english)`` with ``str.format`` fields. The entries are
plain dicts in :mod:`.messages` (messages, column headers, values) and :mod:`.help` (the
help of every command and option), so the catalogue costs one small import (measured:
under 1 ms, against 30-40 ms for rich and more for Babel's locale data).

Example:
    >>> use("en")
    >>> t("resolved", what=t("what.agency"), given="so y te", found="Sở Y tế")
    'agency "so y te" → Sở Y tế'
    >>> use("vi")
    >>> t("resolved", what=t("what.agency"), given="so y te", found="Sở Y tế")
    'cơ quan "so y te" → Sở Y tế'
    >>> header("deadline"), value("role", "coordinating")
    ('Thời hạn', 'phối hợp')
"""

from __future__ import annotations

import os

__all__ = ["LANGUAGES", "use", "current", "t", "header", "value", "has", "help_text", "plural"]

LANGUAGES = ("vi", "en")
_state = {"lang": None}


def use(lang: str | None) -> None:
    """Show texts in ``lang`` ("vi" or "en"); None: ``PLANGRAPH_LANG``, else Vietnamese."""
    if lang is None:
        lang = os.environ.get("PLANGRAPH_LANG", "vi").strip().lower()[:2]
    _state["lang"] = lang if lang in LANGUAGES else "vi"


def current() -> str:
    """The language texts are shown in now."""
    if _state["lang"] is None:
        use(None)
    return _state["lang"]


def _pick(entry: tuple[str, str]) -> str:
    return entry[LANGUAGES.index(current())]


def has(key: str) -> bool:
    from .messages import MESSAGES

    return key in MESSAGES


def t(key: str, /, **values) -> str:
    """The message ``key`` in the current language, filled in with ``values``.

    A key the catalogue does not have is a bug; it is shown as the key itself rather than
    stopping the command.
    """
    from .messages import MESSAGES

    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = _pick(entry)
    return text.format(**values) if values else text


def plural(count: int, key: str) -> str:
    """``count`` and the noun ``key`` ("3 tasks"; Vietnamese nouns do not inflect)."""
    from .messages import MESSAGES

    vi, en = MESSAGES[key]
    if current() == "vi":
        return f"{count} {vi}"
    singular, _, plural_form = en.partition("|")
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def header(variable: str) -> str:
    """The column header people read for a query variable (the variable when unknown)."""
    from .messages import MESSAGES

    entry = MESSAGES.get("col." + variable)
    return _pick(entry) if entry else variable


def value(kind: str, raw: str) -> str:
    """A value people read: ``value("role", "lead")`` is "chủ trì"; unknown values as they are."""
    from .messages import MESSAGES

    entry = MESSAGES.get(f"value.{kind}.{raw}")
    return _pick(entry) if entry else raw


def help_text(key: str) -> str | None:
    """The help of a command ("tasks") or an option ("tasks.agency", "opt.format")."""
    from .help import HELP

    entry = HELP.get(key)
    return _pick(entry) if entry else None
