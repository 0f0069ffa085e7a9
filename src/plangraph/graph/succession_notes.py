"""The short notes a handover carries, in Vietnamese and in English.

Each :class:`~plangraph.graph.succession` handover says, for the body that took a task
over, where it came from ("tiếp nhận từ Sở Kế hoạch và Đầu tư, hợp nhất ngày 2025-03-01"),
for the body it left, where it went ("chuyển sang Sở Tài chính, ..."), and why it went
where it did. They are written in the graph in both languages (``@vi`` and ``@en``), so
that a table in either language reads in one, and a SPARQL endpoint gives both; the
named queries pick one with their ``lang`` parameter.

Example:
    >>> from datetime import date
    >>> from plangraph.succession import Change, Step
    >>> change = Change(id="x", jurisdiction="thanh-hoa", kind="merger", date=date(2025, 3, 1),
    ...                 originals=("a",), results=("b",), legal_basis=(), name="", name_en="", source="s",
    ...                 confidence="confirmed", date_confidence="confirmed")
    >>> step = Step(change=change, origin="a", holder="b", rule="main")
    >>> names = {"a": "Sở Kế hoạch và Đầu tư", "b": "Sở Tài chính"}
    >>> inherited(step, "a", names, "vi"), passed([step], names, "en")
    ('tiếp nhận từ Sở Kế hoạch và Đầu tư, hợp nhất ngày 2025-03-01', 'passed to Sở Tài chính, merged 2025-03-01')
"""

from __future__ import annotations

from ..catalogue import LANGUAGES  # the order of each pair of phrases below

__all__ = ["LANGUAGES", "inherited", "passed", "reason", "competences"]

_WORDS = {
    "inherited": ("tiếp nhận từ {name}{via}, {event}{detail}", "inherited from {name}{via}, {event}{detail}"),
    "via": (" qua {name}", " via {name}"),
    "passed": ("chuyển sang {name}, {event}{detail}", "passed to {name}, {event}{detail}"),
    "then": ("; sau đó ", "; then "),
    "merger": ("hợp nhất ngày {day}", "merged {day}"),
    "renaming": ("đổi tên ngày {day}", "renamed {day}"),
    "abolition": ("chấm dứt hoạt động ngày {day}", "ended {day}"),
    "moved": ("chuyển giao công việc ngày {day}", "work moved {day}"),
    "none": ("không có một cơ quan kế thừa duy nhất: {name} chấm dứt hoạt động ngày {day}",
             "no single successor: {name} ended {day}"),
    "area": ("; địa bàn nay là {units}{sure}", "; its area is now {units}{sure}"),
    "unsure": (" (danh sách chưa được xác nhận)", " (list to be confirmed)"),
    "stayed": ("ở lại {name}", "stayed with {name}"),
    "went": ("chuyển sang {name}", "went to {name}"),
    "function": ("{holder}: nội dung nói về {function}, lĩnh vực đã chuyển về đây. Từ khóa tìm thấy: {found}",
                 "{holder}: the text is about {function}, which went there. Keywords found: {found}"),
    "retained": ("{holder}, cơ quan kế thừa chính: nội dung nói về {function}, lĩnh vực vẫn ở lại đây, nhiều hơn "
                 "về các việc đã chuyển đi nơi khác. Từ khóa tìm thấy: {found}",
                 "{holder}, the main successor: the text is about {function}, which stayed there, more than "
                 "about work that went elsewhere. Keywords found: {found}"),
    "tie": ("{holder}, cơ quan kế thừa chính: nội dung nêu ngang nhau công việc của nhiều cơ quan. "
            "Từ khóa tìm thấy: {found}",
            "{holder}, the main successor: the text names the work of several bodies equally. Keywords found: {found}"),
    "main": ("{holder}, cơ quan kế thừa chính: nội dung không nêu việc nào đã chuyển đi nơi khác ({away})",
             "{holder}, the main successor: the text names none of the work that went elsewhere ({away})"),
}


def _say(key: str, lang: str, **fields) -> str:
    return _WORDS[key][LANGUAGES.index(lang)].format(**fields)


def _function_name(function, lang: str) -> str:
    return function.name if lang == "vi" else function.name_en


def _quoted(words) -> str:
    return ", ".join(f"“{w}”" for w in words)


def _detail(step, lang: str) -> str:
    return f" ({_function_name(step.function, lang)}: {_quoted(step.keywords)})" if step.function is not None else ""


def _event(step, lang: str) -> str:
    """"hợp nhất ngày 2025-03-01" / "merged 2025-03-01": what happened to the body the task leaves."""
    day = step.change.date.isoformat()
    return _say(step.change.kind if step.change.ends(step.origin) else "moved", lang, day=day)


def competences(change, lang: str) -> str:
    """Where an abolished body's competences went, as the registry says it (empty when it does not)."""
    return change.competences if lang == "vi" else change.competences_en


def _no_successor(step, names: dict[str, str], lang: str) -> str:
    change = step.change
    text = _say("none", lang, name=names[step.origin], day=change.date.isoformat())
    if change.area_now:
        sure = "" if change.area_confidence == "confirmed" else _say("unsure", lang)
        text += _say("area", lang, units=", ".join(change.area_now), sure=sure)
    if competences(change, lang):
        text += f"; {competences(change, lang)}"
    return text


def inherited(step, printed: str, names: dict[str, str], lang: str) -> str:
    """What the body that took the task over reads: from whom (and through whom), when, why."""
    via = _say("via", lang, name=names[step.origin]) if step.origin != printed else ""
    return _say("inherited", lang, name=names[printed], via=via, event=_event(step, lang), detail=_detail(step, lang))


def passed(steps, names: dict[str, str], lang: str) -> str:
    """Where the task went, and where it went after: the whole rest of its chain."""
    return _say("then", lang).join(
        _no_successor(step, names, lang) if step.holder is None
        else _say("passed", lang, name=names[step.holder], event=_event(step, lang), detail=_detail(step, lang))
        for step in steps)


def reason(step, names: dict[str, str], lang: str) -> str:
    """Why the task went where it did, in one sentence with the keywords found."""
    main = step.change.main_successor(step.origin)
    found = "; ".join(f"{_function_name(f, lang)} ({_say('stayed' if f.recipient == main else 'went', lang, name=names[f.recipient])}): "
                      f"{_quoted(k)}" for f, k in step.scores)
    holder = names[step.holder]
    if step.rule in ("function", "retained", "tie"):
        function = _function_name(step.function, lang) if step.function is not None else ""
        return _say(step.rule, lang, holder=holder, function=function, found=found)
    away = ", ".join(f"{_function_name(f, lang)} ({names[f.recipient]})" for f in step.change.functions
                     if f.origin == step.origin and f.recipient != main)
    return _say("main", lang, holder=holder, away=away)
