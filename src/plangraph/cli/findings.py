"""``plangraph validate`` for people: findings grouped under headings that say what was
found ("Chỉ tiêu khác nhau giữa các kế hoạch (8)"), each with where it is, in lines of at
most 100 columns."""

from __future__ import annotations

from ..catalogue import current, has, t
from ..render.table import text_width, wrap

__all__ = ["report_human", "WIDTH"]

WIDTH = 100
ID_BASE = "https://w3id.org/plangraph/id/"


def _wrapped(text: str, indent: int, width: int, first: str = "") -> list[str]:
    """``first`` then ``text``, wrapped to ``width`` with the following lines indented; a
    ``first`` wider than half the line (a handover's IRI) stands on a line of its own."""
    lead = " " * indent + first
    if text_width(lead) > width // 2:  # else the text would be wrapped a letter a line
        return [lead.rstrip()] + _wrapped(text, indent + 4, width)
    lines = wrap(text, width - text_width(lead))
    return [lead + lines[0]] + [" " * text_width(lead) + line for line in lines[1:]]


def _where(finding, files: list[str]) -> str:
    from ..query import short_file

    if finding.file and finding.line:
        return f"{short_file(finding.file, files)}:{finding.line}"
    return finding.file or finding.focus.replace(ID_BASE, "")


def _details(details: str) -> str:
    """A qc finding's "VARIABLE value; ..." with each variable as people call it."""
    parts = []
    for part in details.split("; "):
        variable, _, value = part.partition(" ")
        parts.append(f"{t('qc.' + variable)} {value}" if has("qc." + variable) else part)
    return "; ".join(parts)


def report_human(report, width: int = WIDTH) -> str:
    """The findings of ``report`` under one heading per rule, then the summary line."""
    lines: list[str] = []
    by_rule: dict[tuple[str, str], list] = {}
    for finding in report.findings:
        by_rule.setdefault((finding.severity, finding.rule), []).append(finding)
    files = sorted({f.file for f in report.findings if f.file})
    for (severity, rule), findings in by_rule.items():
        titles = report.titles.get(rule, {})
        title = titles.get(current()) or titles.get("en") or rule
        lines += _wrapped(f"{title} ({len(findings)}) [{rule}]", 0, width, t(f"severity.{severity}") + ": ")
        header = report.rules.get(rule, {})
        solution = header.get(f"solution-{current()}") or header.get("solution")
        if solution:
            lines += _wrapped(solution, 2, width, t("validate.todo") + ": ")
        for finding in findings:
            label = f"«{finding.label[:70]}{'…' if len(finding.label) > 70 else ''}»" if finding.label else ""
            node = finding.focus.replace(ID_BASE, "")
            if rule in report.rules:
                detail = f"[{_details(finding.path)}]" if finding.path else ""
            else:
                value = finding.value.replace(ID_BASE, "")
                detail = f"[{finding.path}{' = ' + value if value else ''}]" if finding.path or value else ""
            text = " ".join(part for part in (label or node, detail) if part)
            lines += _wrapped(text, 2, width, f"{_where(finding, files)}: ")
            if rule not in report.rules:
                lines += _wrapped(report.message(finding, current()), 6, width)
        lines.append("")
    lines.append(t("validate.summary", violations=report.count("violation"), warnings=report.count("warning"),
                   notes=report.count("info"), triples=report.triples))
    return "\n".join(lines)
