"""Where each node of a view is drawn: computed beforehand, with a fixed seed, so that a
view opens settled and the same graph always draws the same way; then the label boxes are
pushed apart so that no label is printed over another.

* The agency view is radial: the agency in the middle, its tasks on a ring grouped by plan
  and ordered by deadline, the plans outside their tasks, the resolutions further out, the
  agencies it works with on the outer ring, each near the tasks it shares.
* The overview is rings (plans, documents, agencies); the other views are laid out by
  Fruchterman-Reingold (numpy; no scipy needed at any size).

Label boxes are estimated in canvas units as vis-network draws them (the text inside a
box, under any other shape) for DejaVu Sans, generously, so that boxes that do not
overlap here do not overlap in the browser.
"""

from __future__ import annotations

import math

__all__ = ["positions", "label_box", "separate"]

CHAR_WIDTH = 0.64  # of the font size: DejaVu Sans is wide, and Vietnamese marks add nothing across
GAP = 6.0  # canvas units kept free between two label boxes


def label_box(shape: str, size: float, label: str, font: float) -> tuple[float, float, float]:
    """(width, height, dy) of what vis-network draws for a node at (x, y): the box spans
    x ± width/2 and y + dy ± height/2 (dy moves a label under its shape)."""
    text = max(len(label) * CHAR_WIDTH * font, 1.0) if label.strip() else 0.0
    line = font * 1.25
    if shape == "box":
        return text + 2 * 6 + 4, line + 2 * 6, 0.0
    width = max(2 * size, text)
    height = 2 * size + (line + 4 if text else 0)
    return width, height, (line + 4) / 2 if text else 0.0


def separate(points: dict, boxes: dict, fixed: str | None = None, rounds: int = 300) -> dict:
    """Push apart the label boxes that overlap (deterministically), the ``fixed`` node
    staying where it is. ``points``: node -> (x, y); ``boxes``: node -> (w, h, dy)."""
    import numpy as np

    nodes = sorted(points)
    if len(nodes) < 2:
        return dict(points)
    xy = np.array([points[n] for n in nodes], dtype=float)
    half = np.array([(boxes[n][0] + GAP) / 2 for n in nodes]), np.array([(boxes[n][1] + GAP) / 2 for n in nodes])
    dy = np.array([boxes[n][2] for n in nodes])
    count = len(nodes)
    share = np.full((count, count), 0.5)  # who moves how much of an overlap: half each
    if fixed in points:
        pinned = nodes.index(fixed)
        share[pinned, :] = 0.0  # the focus stays
        share[:, pinned] = 1.0  # the others move the whole way
        share[pinned, pinned] = 0.0
    order = np.sign(np.arange(count)[:, None] - np.arange(count)[None, :])  # ties broken by name
    for _ in range(rounds):
        cx, cy = xy[:, 0], xy[:, 1] + dy
        ox = half[0][:, None] + half[0][None, :] - np.abs(cx[:, None] - cx[None, :])
        oy = half[1][:, None] + half[1][None, :] - np.abs(cy[:, None] - cy[None, :])
        overlap = (ox > 0) & (oy > 0)
        np.fill_diagonal(overlap, False)
        if not overlap.any():
            break
        # each overlapping pair moves apart along the axis where it overlaps least
        sx = np.sign(cx[:, None] - cx[None, :])
        sx = np.where(sx == 0, order, sx)
        sy = np.sign(cy[:, None] - cy[None, :])
        sy = np.where(sy == 0, order, sy)
        push_x = np.where(overlap & (ox <= oy), ox, 0.0) * sx * share
        push_y = np.where(overlap & (ox > oy), oy, 0.0) * sy * share
        xy[:, 0] += push_x.sum(axis=1) * 1.02
        xy[:, 1] += push_y.sum(axis=1) * 1.02
    return {node: (round(float(xy[i, 0]), 1), round(float(xy[i, 1]), 1)) for i, node in enumerate(nodes)}


def _fruchterman_reingold(graph) -> dict:
    """Force-directed positions with a fixed seed; the focus of the view pinned at the centre."""
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
    if focus is not None:
        pos -= pos[focus]
    span = max(float(np.abs(pos).max()), 1e-9)
    size = 48 * max(n, 4) ** 0.5
    return {node: (float(pos[i, 0]) / span * size, float(pos[i, 1]) / span * size) for node, i in index.items()}


def _rings(graph) -> dict:
    """The overview: plans in the middle, documents around them, agencies on two outer rings."""
    def kind(*kinds):
        return sorted((n for n, d in graph.nodes(data=True) if d["kind"] in kinds),
                      key=lambda n: (-graph.nodes[n].get("tasks", 0), graph.nodes[n]["label"], n))

    points = {}
    for nodes, radius in ((kind("plan"), 110), (kind("resolution", "programme", "document"), 260)):
        for i, node in enumerate(nodes):
            angle = 2 * math.pi * i / max(len(nodes), 1)
            points[node] = (radius * math.cos(angle), radius * math.sin(angle))
    agencies = kind("agency", "collective")
    for i, node in enumerate(agencies):
        angle = 2 * math.pi * i / max(len(agencies), 1)
        radius = 470 if i % 2 else 580
        points[node] = (radius * 1.3 * math.cos(angle), radius * math.sin(angle))
    return points


def _mean_angle(angles: list[float]) -> float:
    return math.atan2(sum(math.sin(a) for a in angles), sum(math.cos(a) for a in angles))


def _radial(graph) -> dict:
    """The agency view: tasks on a ring around the agency, grouped by plan, by deadline."""
    focus = graph.graph["focus"]
    kinds = {node: data["kind"] for node, data in graph.nodes(data=True)}
    plan_of = {}
    for a, b, data in graph.edges(data=True):
        if data["relation"] == "in-plan" and kinds.get(a) == "task":
            plan_of[a] = b
    tasks = sorted((n for n, k in kinds.items() if k == "task"),
                   key=lambda n: (graph.nodes[plan_of.get(n, "")].get("label", "") if plan_of.get(n) in graph else "",
                                  not graph.nodes[n].get("deadline"), graph.nodes[n].get("deadline", ""), n))
    plans = sorted({plan_of[n] for n in tasks if n in plan_of}, key=lambda p: (graph.nodes[p]["label"], p))
    slots = len(tasks) + len(plans)  # one empty slot between two plans' tasks
    radius = max(220.0, slots * 24 / (2 * math.pi))
    points = {focus: (0.0, 0.0)}
    angle_of: dict[str, float] = {}
    slot = 0
    previous = None
    for task in tasks:
        if plan_of.get(task) != previous and previous is not None:
            slot += 1
        previous = plan_of.get(task)
        angle = 2 * math.pi * slot / max(slots, 1) - math.pi / 2
        angle_of[task] = angle
        ring = radius + (30 if slot % 2 else 0)  # alternate: neighbours' labels stay apart
        points[task] = (ring * math.cos(angle), ring * math.sin(angle))
        slot += 1
    neighbours: dict[str, list[str]] = {}
    for a, b in graph.to_undirected(as_view=True).edges():
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    for around in neighbours.values():  # angles summed in edge order differ in the last bits
        around.sort()
    for plan in plans:
        angle = _mean_angle([angle_of[t] for t in tasks if plan_of.get(t) == plan])
        angle_of[plan] = angle
        points[plan] = ((radius + 100) * math.cos(angle), (radius + 100) * math.sin(angle))
    # documents: further out, near the plans (and programmes) that lead to them, nearest first
    documents = [n for n, k in kinds.items() if k in ("resolution", "programme", "document")]
    for depth in range(1, 6):
        for node in sorted(documents):
            if node in points:
                continue
            placed = [angle_of[m] for m in neighbours.get(node, []) if m in angle_of]
            if placed:
                angle = _mean_angle(placed)
                angle_of[node] = angle
                distance = radius + 100 + 70 * depth
                points[node] = (distance * math.cos(angle), distance * math.sin(angle))
    # the agencies it works with: around the outside, in the order of the tasks they share
    partners = [n for n, k in kinds.items() if k in ("agency", "collective") and n != focus]
    shared = {n: _mean_angle([angle_of[m] for m in neighbours.get(n, []) if m in angle_of] or [0.0])
              for n in partners}
    partners.sort(key=lambda n: (shared[n] % (2 * math.pi), n))
    for index, node in enumerate(partners):
        angle = shared[partners[0]] + 2 * math.pi * index / max(len(partners), 1)
        distance = radius + 330
        points[node] = (distance * 1.25 * math.cos(angle), distance * math.sin(angle))
    for node in graph.nodes:
        points.setdefault(node, (0.0, radius * 2))
    return points


def positions(graph, boxes: dict) -> dict:
    """node -> (x, y) for the view ``graph``, label boxes (node -> (w, h, dy)) apart."""
    if graph.graph.get("layout") == "rings":
        points = _rings(graph)
    elif graph.graph.get("layout") == "radial" and graph.graph.get("focus") in graph:
        points = _radial(graph)
    else:
        points = _fruchterman_reingold(graph)
    return separate(points, boxes, fixed=graph.graph.get("focus"))
