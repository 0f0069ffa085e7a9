"""One self-contained HTML page per view: vis-network inlined, layout computed beforehand.

The networkx graph becomes vis-network's nodes and edges (plain dicts, :func:`_vis_node`,
:func:`_vis_edge`) in the page's own template (:mod:`.template`), with the vis-network 9.1.2
build that plangraph ships (``views/assets/``, see its README) inlined: the page needs no
network. (This was pyvis's work until issue 16; pyvis alone loads vis-network from a CDN,
and brought IPython and jinja2 into every install for two files and two methods.)
Positions come from :mod:`.layout` (fixed seed, labels pushed apart so that none is printed
over another), and physics is off, so that views of 500 and more nodes open settled and the
same graph always draws the same way.

What people read is in their language (:mod:`plangraph.catalogue`): the legend names
kinds of things in words ("Nghị quyết", "Nhiệm vụ"), never drawing shapes; the side panel
of a view with a focus lists its tasks by deadline, coloured as overdue, due within 30 days,
later or undated against ``as_of`` (default: the day the page is opened); the focus is
drawn last (on top), larger and outlined; tooltips wrap.
"""

from __future__ import annotations

import html
import json
import re

from .template import TEMPLATE

__all__ = ["render_html", "fill", "script_json", "inline_script", "STYLE", "vis_network_js", "TEMPLATE"]

# kind -> (shape, colour, size); the legend's words are the catalogue's "legend.KIND"
STYLE = {
    "resolution": ("triangle", "#c0392b", 16),
    "programme": ("triangleDown", "#8e44ad", 14),
    "document": ("triangleDown", "#7f8c8d", 12),
    "plan": ("diamond", "#27ae60", 16),
    "section": ("square", "#16a085", 12),
    "task": ("dot", "#e67e22", 9),
    "agency": ("box", "#2c6fbb", 16),
    "collective": ("box", "#95a5a6", 14),
}
EDGES = {
    "lead": {"color": "#2c6fbb", "width": 2.5, "dashes": False},
    "coordinating": {"color": "#7fb3e6", "width": 1.2, "dashes": True},
    "in-plan": {"color": "#b6d7a8", "width": 1, "dashes": False},
    "in-section": {"color": "#a2d9ce", "width": 1, "dashes": False},
    "implements": {"color": "#c0392b", "width": 2, "dashes": False},
    "works-on": {"color": "#2c6fbb", "width": 1, "dashes": False},
    "inherited": {"color": "#d35400", "width": 2, "dashes": True},
    "succession": {"color": "#8e44ad", "width": 3, "dashes": False},
}
# canvas units: a view of about a hundred nodes opens at a scale of 0.5-0.7, where these
# read as 8-12 px; a label smaller than DRAW_THRESHOLD px on screen is drawn only when zoomed
# in (the tasks' short sources)
FONT = {"task": 11, "plan": 16, "resolution": 15, "programme": 14, "document": 13, "section": 13,
        "agency": 17, "collective": 16}
FOCUS_FONT = 22
DRAW_THRESHOLD = 6
STATUS = {"overdue": "#c0392b", "soon": "#e6a700", "later": "#2e8b57", "undated": "#9aa5ad"}


def vis_network_js() -> tuple[str, str]:
    """The vis-network 9.1.2 script and stylesheet that plangraph ships (``views/assets/``).

    Example:
        >>> js, css = vis_network_js()
        >>> "@version 9.1.2" in js and ".vis-network" in css
        True
    """
    from ..resources import package_folder

    folder = package_folder("plangraph.views") / "assets"
    # (read as text: the CRLF that ends the script's comment lines reaches the page as LF)
    return (folder / "vis-network.min.js").read_text(encoding="utf-8"), \
        (folder / "vis-network.css").read_text(encoding="utf-8")


def _files(graph) -> list[str]:
    return sorted({d["source"].rpartition(":")[0] for _, d in graph.nodes(data=True) if d.get("source")})


def _caption(data: dict, files: list[str]) -> str:
    """What the canvas prints at a node: a task its short source ("004:97"), the rest their label."""
    if data["kind"] == "task" and data.get("source"):
        from ..query import short_file

        file, _, line = data["source"].rpartition(":")
        return f"{short_file(file, files)}:{line}"
    return data["label"] if data["kind"] != "task" else " "


def _vis_data(graph) -> tuple[list[dict], list[dict]]:
    """Nodes and edges for vis-network, as its DataSets take them; the focus last, so it is drawn
    on top. (The keys vis-network does not know, ``kind``, ``iri``, ``caption``, ``deadline`` and
    ``relation``, are the page's own.)"""
    from .layout import label_box, positions

    focus = graph.graph.get("focus")
    rings = graph.graph.get("layout") == "rings"
    looks = {}
    files = _files(graph)
    for node, data in graph.nodes(data=True):
        shape, colour, size = STYLE[data["kind"]]
        if data["kind"] == "agency" and data.get("tasks"):
            size = min(40, 12 + data["tasks"] ** 0.5 * 2)
        font = FOCUS_FONT if node == focus else 16 if rings else FONT[data["kind"]]
        looks[node] = (shape, colour, size, font, _caption(data, files))
    boxes = {node: label_box(shape, size, caption, font) for node, (shape, colour, size, font, caption) in looks.items()}
    points = positions(graph, boxes)
    ids = _ids(graph)
    nodes = [_vis_node(node, graph.nodes[node], ids[node], looks[node], points.get(node, (0, 0)), node == focus)
             for node in sorted(graph.nodes, key=ids.get)]
    edges = [_vis_edge(ids[a], ids[b], data)
             for a, b, data in sorted(graph.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2]["relation"]))]
    return nodes, edges


def _vis_node(node: str, data: dict, vis_id: int, look: tuple, point: tuple, focus: bool) -> dict:
    """One node for vis-network: ``look`` is (shape, colour, size, font size, caption).

    Example:
        >>> _vis_node("urn:a", {"kind": "agency", "label": "Sở Y tế"}, 3, ("box", "#2c6fbb", 16, 17, "Sở Y tế"),
        ...           (1.5, -2.0), False)["font"]
        {'size': 17, 'color': '#ffffff', 'bold': False, 'face': 'DejaVu Sans, Segoe UI, Arial, sans-serif'}
    """
    shape, colour, size, font, caption = look
    x, y = point
    vis = {"id": vis_id, "label": caption, "shape": shape, "color": colour, "size": size, "x": x, "y": y,
           "title": data.get("title", data["label"]), "kind": data["kind"], "iri": node, "caption": data["label"],
           "deadline": data.get("deadline", ""),
           "font": {"size": font, "color": "#ffffff" if shape == "box" else "#222222", "bold": focus,
                    "face": "DejaVu Sans, Segoe UI, Arial, sans-serif"}}
    if focus:  # outlined, with a shadow
        vis.update(borderWidth=4, color={"background": colour, "border": "#111111"}, focus=True,
                   shadow={"enabled": True, "size": 12, "x": 0, "y": 0})
    return vis


def _vis_edge(source: int, target: int, data: dict) -> dict:
    """One edge for vis-network, from the vis ids of its ends; a works-on edge is wider the more
    tasks it stands for (up to 40)."""
    style = EDGES[data["relation"]]
    weight = data.get("weight", 1)
    works_on = data["relation"] == "works-on"
    return {"from": source, "to": target, "arrows": "to", "color": style["color"], "dashes": style["dashes"],
            "width": style["width"] * (1 + min(weight, 40) / 8 if works_on else 1),
            "title": data.get("title") or _edge_label(data["relation"]) + (f": {weight}" if works_on else ""),
            "relation": data["relation"]}


def _ids(graph) -> dict[str, int]:
    """vis ids: in the order of the IRIs, the focus last (vis-network draws in the order of
    the ids, so the focus is drawn over everything else)."""
    focus = graph.graph.get("focus")
    return {node: index for index, node in enumerate(sorted(graph.nodes, key=lambda n: (n == focus, n)))}


def _edge_label(relation: str) -> str:
    from ..catalogue import t

    return t(f"legend.{relation}")


def _tasks(graph, ids: dict) -> list[dict]:
    """The tasks of a view with a focus, by deadline (undated last), for the side panel."""
    focus = graph.graph.get("focus")
    if focus is None:
        return []
    roles: dict[str, str] = {}
    taken: dict[str, str] = {}  # a task it took over: in which role
    for a, b, data in graph.edges(data=True):
        # named both ways (the plan lists it as lead and among those coordinating): lead, whichever
        # edge came first (the store's rows come in no fixed order)
        if a == focus and data["relation"] in ("lead", "coordinating") and roles.get(b) != "lead":
            roles[b] = data["relation"]
        elif a == focus and data["relation"] == "inherited":
            taken[b] = "lead" if "lead" in data.get("roles", ()) else "coordinating"
    tasks = [(node, data) for node, data in graph.nodes(data=True) if data["kind"] == "task"]
    tasks.sort(key=lambda item: (not item[1].get("deadline"), item[1].get("deadline", ""),
                                 item[1].get("source", ""), item[0]))
    files = _files(graph)
    return [{"id": ids[node], "deadline": data.get("deadline", ""), "when": data.get("deadlineText", ""),
             "source": _caption(data, files).strip(), "text": data.get("text", data["label"]),
             "role": _role(roles.get(node), taken.get(node))} for node, data in tasks]


def _role(printed: str | None, taken: str | None) -> str:
    """The side panel's role: "chủ trì", "tiếp nhận · chủ trì" for a task taken over, both
    (joined by "; ") for a task the plan names it for and that it also took over."""
    from ..catalogue import value

    parts = [value("role", printed)] if printed else []
    if taken:
        parts.append(f"{value('role', 'taken over')} · {value('role', taken)}")
    return "; ".join(parts)


_SHAPES = {  # the legend's small pictures, in CSS
    "triangle": "width:0;height:0;border-left:8px solid transparent;border-right:8px solid transparent;"
                "border-bottom:14px solid {c}",
    "triangleDown": "width:0;height:0;border-left:8px solid transparent;border-right:8px solid transparent;"
                    "border-top:14px solid {c}",
    "diamond": "width:11px;height:11px;background:{c};transform:rotate(45deg)",
    "square": "width:12px;height:12px;background:{c}",
    "dot": "width:13px;height:13px;border-radius:50%;background:{c}",
    "box": "width:16px;height:11px;border-radius:3px;background:{c}",
}


def _legend(graph) -> str:
    """What each colour and shape is, and each kind of line, in words (no drawing terms)."""
    from ..catalogue import t

    kinds = sorted({data["kind"] for _, data in graph.nodes(data=True)}, key=list(STYLE).index)
    relations = sorted({data["relation"] for *_, data in graph.edges(data=True)}, key=list(EDGES).index)
    parts = []
    for kind in kinds:
        shape, colour, _ = STYLE[kind]
        words = t("legend.task_status") if kind == "task" and graph.graph.get("focus") else t(f"legend.{kind}")
        parts.append(f'<div class="key"><span class="shape"><i style="{_SHAPES[shape].format(c=colour)}"></i>'
                     f'</span>{html.escape(words)}</div>')
    if graph.graph.get("focus"):
        parts.append(f'<div class="key"><span class="shape"><i style="width:14px;height:10px;border:3px solid #111;'
                     f'border-radius:3px"></i></span>{html.escape(t("legend.focus"))}</div>')
    for relation in relations:
        style = EDGES[relation]
        border = "dashed" if style["dashes"] else "solid"
        parts.append(f'<div class="key"><span class="line" style="border-top-color:{style["color"]};'
                     f'border-top-style:{border}"></span>{html.escape(t(f"legend.{relation}"))}</div>')
    return "\n".join(parts)


_PLACEHOLDER = re.compile(r"@([A-Z]+)@")


def fill(template: str, values: dict[str, str]) -> str:
    """``template`` with each ``@NAME@`` replaced by ``values[NAME]``, in one pass.

    The text put in is never searched for placeholders again, so a task or a plan heading
    that contains "@DATA@" stays that text. Each value must already be safe where it goes
    (:func:`script_json`, :func:`inline_script`, ``html.escape``).

    Example:
        >>> fill("<h1>@TITLE@</h1><script>@DATA@</script>", {"TITLE": "@DATA@", "DATA": "{}"})
        '<h1>@DATA@</h1><script>{}</script>'
    """
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def script_json(value) -> str:
    """``value`` as JSON that can sit inside ``<script>``: ``<``, ``>`` and ``&`` as ``\\u``
    escapes, so that no text in the data ("</script>", "<!--") ends or changes the element.

    Example:
        >>> print(script_json({"label": "</script><!--"}))
        {"label": "\\u003c/script\\u003e\\u003c!--"}
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def inline_script(code: str) -> str:
    """Library code made safe to inline in ``<script>`` (or CSS in ``<style>``): the
    sequences that would end the element or switch the parser's state are escaped."""
    code = re.sub(r"</(script|style)", r"<\\/\1", code, flags=re.IGNORECASE)
    return code.replace("<!--", "<\\!--")


def render_html(graph, title: str | None = None, as_of: str | None = None) -> str:
    """The page for ``graph`` (a networkx graph from :mod:`plangraph.views.subgraphs`);
    ``as_of``: the day deadlines are measured against (default: the day it is opened)."""
    from ..catalogue import current, t

    nodes, edges = _vis_data(graph)
    ids = _ids(graph)
    js, css = vis_network_js()
    title = title or graph.graph.get("title", "plangraph")
    text = {"kinds": {kind: t(f"legend.{kind}") for kind in STYLE},
            "status": {name: t(f"status.{name}") for name in STATUS},
            "tasks": t("view.tasks"), "asOf": t("view.as_of"), "undated": t("undated"), "count": t("view.count")}
    data = {"nodes": nodes, "edges": edges, "tasks": _tasks(graph, ids), "status": STATUS, "text": text,
            "asOf": as_of or "", "focus": ids.get(graph.graph.get("focus"))}
    return fill(TEMPLATE, {
        "LANG": current(),
        "THRESHOLD": str(DRAW_THRESHOLD),
        "VISCSS": inline_script(css),
        "VISJS": inline_script(js),
        "LEGEND": _legend(graph),
        "LEGENDTITLE": html.escape(t("view.legend")),
        "DETAILS": html.escape(t("view.details")),
        "HINT": html.escape(t("view.hint")),
        "FIND": html.escape(t("view.find")),
        "TITLE": html.escape(title),
        "DATA": script_json(data),
    })
