"""One self-contained HTML page per view: vis-network inlined, layout computed beforehand.

pyvis 0.3.2 loads vis-network or bootstrap from a CDN whatever ``cdn_resources`` says, and
its ``show()`` is broken; so plangraph uses pyvis to turn the networkx graph into vis
nodes and edges, and its own template, with the vis-network build that pyvis ships
inlined. The page needs no network. Positions come from a networkx layout with a fixed
seed, and physics is off, so that views of 500 and more nodes open settled and stay
responsive, and the same graph always draws the same way.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

__all__ = ["render_html", "fill", "script_json", "inline_script", "STYLE", "vis_network_js"]

# kind -> (shape, colour, size, legend label)
STYLE = {
    "resolution": ("triangle", "#c0392b", 16, "Nghị quyết / resolution"),
    "programme": ("triangleDown", "#8e44ad", 14, "Chương trình / programme"),
    "document": ("triangleDown", "#7f8c8d", 12, "Văn bản / document"),
    "plan": ("diamond", "#27ae60", 16, "Kế hoạch / plan"),
    "section": ("square", "#16a085", 12, "Mục / section"),
    "task": ("dot", "#e67e22", 9, "Nhiệm vụ / task"),
    "agency": ("box", "#2c6fbb", 16, "Cơ quan / agency"),
    "collective": ("box", "#95a5a6", 14, "Nhóm cơ quan / collective"),
}
EDGES = {
    "lead": {"color": "#2c6fbb", "width": 2.5, "dashes": False, "label": "chủ trì / leads"},
    "coordinating": {"color": "#7fb3e6", "width": 1.2, "dashes": True, "label": "phối hợp / coordinates"},
    "in-plan": {"color": "#b6d7a8", "width": 1, "dashes": False, "label": "thuộc kế hoạch / in plan"},
    "in-section": {"color": "#a2d9ce", "width": 1, "dashes": False, "label": "thuộc mục / in section"},
    "implements": {"color": "#c0392b", "width": 2, "dashes": False, "label": "thực hiện / implements"},
    "works-on": {"color": "#2c6fbb", "width": 1, "dashes": False, "label": "nhiệm vụ / tasks"},
    "inherited": {"color": "#d35400", "width": 2, "dashes": True, "label": "kế thừa / took over"},
    "succession": {"color": "#8e44ad", "width": 3, "dashes": False, "label": "chuyển giao / work passed to"},
}


def vis_network_js() -> tuple[str, str]:
    """The vis-network script and stylesheet shipped inside the pyvis package."""
    import pyvis

    folder = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (folder / "vis-network.min.js").read_text(encoding="utf-8"), \
        (folder / "vis-network.css").read_text(encoding="utf-8")


def _rings(graph) -> dict[str, tuple[float, float]]:
    """The overview: plans in the middle, documents around them, agencies on two outer rings
    (alternating, so that their wide name boxes do not overlap)."""
    import math

    def kind(*kinds):
        return sorted((n for n, d in graph.nodes(data=True) if d["kind"] in kinds),
                      key=lambda n: (-graph.nodes[n].get("tasks", 0), graph.nodes[n]["label"]))

    positions = {}
    for nodes, radius in ((kind("plan"), 110), (kind("resolution", "programme", "document"), 260)):
        for i, node in enumerate(nodes):
            angle = 2 * math.pi * i / max(len(nodes), 1)
            positions[node] = (round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1))
    agencies = kind("agency", "collective")
    for i, node in enumerate(agencies):
        angle = 2 * math.pi * i / max(len(agencies), 1)
        radius = 470 if i % 2 else 580
        positions[node] = (round(radius * 1.3 * math.cos(angle), 1), round(radius * math.sin(angle), 1))
    return positions


def _layout(graph) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold positions with a fixed seed (numpy; no scipy needed at any size).

    The focus node of the view (the agency, resolution or plan) is pinned at the centre.
    """
    import numpy as np

    nodes = sorted(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = np.zeros((n, n))
    for a, b, data in graph.edges(data=True):
        weight = 1 + min(data.get("weight", 1), 5) / 5
        adjacency[index[a], index[b]] = adjacency[index[b], index[a]] = max(adjacency[index[a], index[b]], weight)
    rng = np.random.default_rng(7)
    pos = rng.random((n, 2)) - 0.5
    focus = index.get(graph.graph.get("focus"))
    k = 1.0 / np.sqrt(n)
    temperature = 0.1
    cooling = temperature / 121
    for _ in range(120):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        force = (k * k / distance**2 - adjacency * distance / k)
        displacement = np.einsum("ijk,ij->ik", delta, force)
        displacement -= pos * (0.5 * k * n ** 0.5)  # gravity: parts that are not connected stay near
        length = np.maximum(np.linalg.norm(displacement, axis=-1), 0.01)
        pos += displacement * (np.minimum(length, temperature) / length)[:, None]
        if focus is not None:
            pos[focus] = 0.0
        temperature -= cooling
    pos -= pos.min(axis=0)
    span = max(float(pos.max()), 1e-9)
    size = 95 * max(n, 4) ** 0.5  # about one screen for 100-200 nodes: labels stay legible
    return {node: (round(float(pos[i, 0]) / span * size, 1), round(float(pos[i, 1]) / span * size, 1))
            for node, i in index.items()}


def _vis_data(graph) -> tuple[list[dict], list[dict]]:
    """Nodes and edges for vis-network, built with pyvis."""
    from pyvis.network import Network

    positions = _rings(graph) if graph.graph.get("layout") == "rings" else _layout(graph)
    net = Network(directed=True, cdn_resources="remote")
    ids = {node: index for index, node in enumerate(sorted(graph.nodes))}
    for node in sorted(graph.nodes):
        data = graph.nodes[node]
        shape, colour, size, _ = STYLE[data["kind"]]
        if data["kind"] == "agency" and data.get("tasks"):
            size = min(40, 12 + data["tasks"] ** 0.5 * 2)
        x, y = positions.get(node, (0, 0))
        # tasks are many: their text shows on hover and in the side panel, not on the canvas
        net.add_node(ids[node], label=" " if data["kind"] == "task" else data["label"], title=data.get("title", data["label"]), shape=shape,
                     color=colour, size=size, x=x, y=y, kind=data["kind"], iri=node,
                     caption=data["label"], font={"size": 16 if graph.graph.get("layout") == "rings" else 12,
                           "color": "#ffffff" if shape == "box" else "#222222"})
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2]["relation"])):
        style = EDGES[data["relation"]]
        weight = data.get("weight", 1)
        net.add_edge(ids[a], ids[b], color=style["color"], dashes=style["dashes"],
                     width=style["width"] * (1 + min(weight, 40) / 8 if data["relation"] == "works-on" else 1),
                     title=data.get("title") or f"{style['label']}" + (f": {weight}" if data["relation"] == "works-on" else ""),
                     relation=data["relation"], arrows="to")
    nodes, edges, *_ = net.get_network_data()
    return nodes, edges


TEMPLATE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="plangraph">
<title>@TITLE@</title>
<style>
@VISCSS@
html, body { margin: 0; height: 100%; font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #222; }
header { display: flex; gap: 12px; align-items: center; padding: 8px 12px; background: #f4f6f8; border-bottom: 1px solid #d0d7de; }
header h1 { font-size: 16px; margin: 0; flex: 1; }
header input { width: 320px; padding: 5px 8px; font-size: 14px; }
#count { font-size: 13px; color: #555; white-space: nowrap; }
#graph { position: absolute; top: 46px; bottom: 0; left: 0; right: 340px; }
#side { position: absolute; top: 46px; bottom: 0; right: 0; width: 340px; border-left: 1px solid #d0d7de; overflow: auto;
        font-size: 13px; background: #fff; }
#side section { padding: 10px 12px; border-bottom: 1px solid #eee; }
#side h2 { font-size: 13px; margin: 0 0 6px; text-transform: uppercase; color: #555; }
.key { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
.swatch { width: 14px; height: 14px; display: inline-block; }
.line { width: 28px; height: 0; display: inline-block; border-top: 3px solid; }
#info { white-space: pre-wrap; line-height: 1.45; }
#info .kind { color: #888; font-size: 12px; }
</style>
<script>
@VISJS@
</script>
</head>
<body>
<header>
  <h1>@TITLE@</h1>
  <input id="search" list="labels" placeholder="Tìm theo tên / find by name" autocomplete="off">
  <datalist id="labels"></datalist>
  <span id="count"></span>
</header>
<div id="graph"></div>
<aside id="side">
  <section><h2>Chi tiết / details</h2><div id="info">Di chuột hoặc chọn một nút. / Hover or select a node.</div></section>
  <section><h2>Chú giải / legend</h2>@LEGEND@</section>
</aside>
<script>
(function () {
  const DATA = @DATA@;
  const nodes = new vis.DataSet(DATA.nodes);
  const edges = new vis.DataSet(DATA.edges);
  const container = document.getElementById("graph");
  const options = {
    physics: false,
    interaction: { hover: true, tooltipDelay: 120, navigationButtons: false, keyboard: true },
    nodes: { borderWidth: 1, shapeProperties: { interpolation: false } },
    edges: { smooth: false, arrows: { to: { enabled: true, scaleFactor: 0.5 } } },
  };
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  const info = document.getElementById("info");
  const kinds = @KINDS@;
  function show(id) {
    const node = nodes.get(id);
    if (!node) { return; }
    info.textContent = "";
    const kind = document.createElement("div");
    kind.className = "kind";
    kind.textContent = kinds[node.kind] || node.kind;
    info.appendChild(kind);
    info.appendChild(document.createTextNode(node.title || node.caption));
  }
  network.on("hoverNode", function (params) { show(params.node); });
  network.on("selectNode", function (params) { show(params.nodes[0]); });
  const fold = (s) => s.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  const list = document.getElementById("labels");
  const seen = new Set();
  nodes.forEach(function (node) {
    if (node.kind !== "task" && !seen.has(node.caption)) {
      seen.add(node.caption);
      const option = document.createElement("option");
      option.value = node.caption;
      list.appendChild(option);
    }
  });
  function find(text) {
    const wanted = fold(text.trim());
    if (!wanted) { return null; }
    let best = null;
    nodes.forEach(function (node) {
      const label = fold(node.caption + " " + (node.title || ""));
      if (fold(node.caption) === wanted) { best = best && best.exact ? best : { id: node.id, exact: true }; }
      else if (!best && label.includes(wanted)) { best = { id: node.id, exact: false }; }
    });
    return best ? best.id : null;
  }
  document.getElementById("search").addEventListener("change", function (event) {
    const id = find(event.target.value);
    if (id !== null) {
      network.selectNodes([id]);
      network.focus(id, { scale: 1.3, animation: false });
      show(id);
    }
  });
  document.getElementById("count").textContent = DATA.nodes.length + " nút / nodes, " + DATA.edges.length + " cạnh / edges";
  window.plangraph = { network: network, nodes: nodes, edges: edges, find: find, show: show, ready: false,
                       nodeCount: DATA.nodes.length, edgeCount: DATA.edges.length };
  network.once("afterDrawing", function () {
    network.fit({ animation: false });
    window.plangraph.ready = true;
  });
  window.addEventListener("resize", function () { network.fit({ animation: false }); });
})();
</script>
</body>
</html>
"""


def _legend(graph) -> str:
    kinds = sorted({data["kind"] for _, data in graph.nodes(data=True)}, key=list(STYLE).index)
    relations = sorted({data["relation"] for *_, data in graph.edges(data=True)}, key=list(EDGES).index)
    parts = []
    for kind in kinds:
        shape, colour, _, label = STYLE[kind]
        radius = "50%" if shape == "dot" else "0"
        parts.append(f'<div class="key"><span class="swatch" style="background:{colour};border-radius:{radius}">'
                     f'</span>{html.escape(label)} ({shape})</div>')
    for relation in relations:
        style = EDGES[relation]
        border = "dashed" if style["dashes"] else "solid"
        parts.append(f'<div class="key"><span class="line" style="border-top-color:{style["color"]};'
                     f'border-top-style:{border}"></span>{html.escape(style["label"])}</div>')
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


def render_html(graph, title: str | None = None) -> str:
    """The page for ``graph`` (a networkx graph from :mod:`plangraph.views.subgraphs`)."""
    nodes, edges = _vis_data(graph)
    js, css = vis_network_js()
    title = title or graph.graph.get("title", "plangraph")
    return fill(TEMPLATE, {
        "VISCSS": inline_script(css),
        "VISJS": inline_script(js),
        "LEGEND": _legend(graph),
        "KINDS": script_json({kind: label for kind, (_, _, _, label) in STYLE.items()}),
        "TITLE": html.escape(title),
        "DATA": script_json({"nodes": nodes, "edges": edges}),
    })
