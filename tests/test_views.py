"""Views: generated from the five plans and opened in headless Chromium, offline."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangraph.cli import cli
from plangraph.views import html, subgraphs

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def store(tmp_path_factory, built):
    from plangraph.store import EmbeddedStore

    graph = tmp_path_factory.mktemp("views") / "plangraph.ttl"
    graph.write_text(built.turtle, encoding="utf-8")
    return EmbeddedStore(graph)


VIEWS = {
    "agency": lambda s: subgraphs.agency_view(s, "Sở Kế hoạch và Đầu tư"),
    "resolution": lambda s: subgraphs.resolution_view(s, "58-NQ/TW"),
    "plan": lambda s: subgraphs.plan_view(s, "913/QĐ-UBND"),
    "overview": lambda s: subgraphs.overview(s),
}


def test_agency_view_content(store):
    graph = VIEWS["agency"](store)
    kinds = {data["kind"] for _, data in graph.nodes(data=True)}
    assert {"agency", "task", "plan", "resolution", "programme"} <= kinds
    relations = {data["relation"] for *_, data in graph.edges(data=True)}
    assert {"lead", "coordinating", "in-plan", "implements"} <= relations
    focus = graph.graph["focus"]
    assert sum(1 for _, _, d in graph.out_edges(focus, data=True) if d["relation"] in ("lead", "coordinating")) == 84


def test_overview_has_no_tasks_and_weights(store):
    graph = VIEWS["overview"](store)
    assert "task" not in {data["kind"] for _, data in graph.nodes(data=True)}
    assert max(d["weight"] for *_, d in graph.edges(data=True)) > 10


def test_page_is_self_contained(store):
    page = html.render_html(VIEWS["plan"](store))
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    import re

    assert not re.search(r"""<script[^>]*\ssrc=|<link[^>]*rel=["']?stylesheet|(?:src|href)\s*=\s*["']https?://""", page)
    assert "vis.Network" in page and "UBND huyện Thọ Xuân" in page


def test_cli_viz_and_errors(store, tmp_path):
    out = tmp_path / "v.html"
    result = CliRunner().invoke(cli, ["viz", "--plan", "913", "-o", str(out), "--graph", str(store.graph_file)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").count("<html") == 1
    both = CliRunner().invoke(cli, ["viz", "--plan", "913", "--overview", "--graph", str(store.graph_file)])
    assert both.exit_code == 2 and "choose one view" in both.output
    unknown = CliRunner().invoke(cli, ["viz", "--resolution", "99-NQ/TW", "--graph", str(store.graph_file)])
    assert unknown.exit_code == 2 and "99-NQ/TW" in unknown.output
    large = CliRunner().invoke(cli, ["viz", "--plan", "913", "--max-nodes", "20", "-o", str(tmp_path / "big.html"),
                                     "--graph", str(store.graph_file)])
    assert large.exit_code == 2 and "more than --max-nodes 20" in large.output
    assert not (tmp_path / "big.html").exists()


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "jsonld", "nt", "csv"])
def test_exports(store, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    result = CliRunner().invoke(cli, ["export", "-f", fmt, "-o", str(out), "--graph", str(store.graph_file)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left
    if fmt in ("graphml", "gexf"):
        import networkx as nx

        graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
        assert sum(1 for _, d in graph.nodes(data=True) if d.get("kind") == "task") == 471
    elif fmt == "csv":
        text = data.decode("utf-8-sig").splitlines()
        # issue 14: the task layout `tasks -f csv` shares, under headers for people
        assert text[0].startswith("Decision,Source,Part") and len(text) > 471
    elif fmt == "nt":
        assert data.count(b" .\n") > 13000
    else:
        import json

        assert json.loads(data)


# -- in a real browser ---------------------------------------------------------------------

needs_browser = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="Debian's chromium is not installed (.ci/run installs it)"
)


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.fail("chromium is required in CI")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


def open_offline(browser, page_file: Path, viewport: dict):
    """Open ``page_file`` with every request off this machine refused, and wait until its
    script says it is ready; returns the page, the refused URLs and the script errors."""
    page = browser.new_page(viewport=viewport)
    requests, errors = [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    def route(route_):
        url = route_.request.url
        if not url.startswith(("file://", "data:", "about:")):
            requests.append(url)
            route_.abort()
        else:
            route_.continue_()

    page.route("**/*", route)
    page.goto(page_file.as_uri())
    page.wait_for_function("window.plangraph && window.plangraph.ready", timeout=10000)
    return page, requests, errors


@needs_browser
@pytest.mark.parametrize("name", sorted(VIEWS))
def test_view_in_chromium(store, tmp_path, browser, name):
    graph = VIEWS[name](store)
    page_file = tmp_path / f"{name}.html"
    page_file.write_text(html.render_html(graph), encoding="utf-8")
    page, requests, errors = open_offline(browser, page_file, {"width": 1400, "height": 900})
    assert requests == [] and errors == []
    drawn = page.evaluate("window.plangraph.network.body.nodeIndices.length")
    assert drawn == graph.number_of_nodes() == page.evaluate("window.plangraph.nodeCount")
    # hover a known node: the side panel shows its full text
    target = next(n for n, d in sorted(graph.nodes(data=True)) if d["kind"] == ("task" if name != "overview" else "plan"))
    text = graph.nodes[target]["title"].splitlines()[0]
    point = page.evaluate(
        """(iri) => { const p = window.plangraph; const node = p.nodes.get({filter: n => n.iri === iri})[0];
                      p.network.focus(node.id, {scale: 1.5, animation: false});
                      const pos = p.network.getPositions([node.id])[node.id];
                      const dom = p.network.canvasToDOM(pos); const box = document.getElementById('graph').getBoundingClientRect();
                      return {x: dom.x + box.left, y: dom.y + box.top}; }""", target)
    page.mouse.move(point["x"] + 1, point["y"] + 1)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function("(t) => document.getElementById('info').textContent.includes(t)", arg=text[:40], timeout=5000)
    # the search box finds an agency by name without diacritics
    if name != "overview":
        page.fill("#search", "so ke hoach va dau tu" if name != "plan" else "ubnd huyen tho xuan")
        page.dispatch_event("#search", "change")
        assert len(page.evaluate("window.plangraph.network.getSelectedNodes()")) == 1
    page.close()


# -- the page's data, from small graphs made by hand -------------------------------------------------

def _named_twice(first: str, second: str):
    """An agency named for one task both as lead and as coordinating, the edges added in the order given
    (the order the store's rows come in, which is not fixed)."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.graph["focus"] = "urn:agency"
    graph.add_node("urn:agency", kind="agency", label="Sở Xây dựng", title="Sở Xây dựng")
    graph.add_node("urn:task", kind="task", label="Đề án", title="Đề án", text="Đề án", source="004.txt:386",
                   deadline="2025-12-31", deadlineText="Năm 2025")
    for relation in (first, second):
        graph.add_edge("urn:agency", "urn:task", key=relation, relation=relation, weight=1)
    return graph


@pytest.mark.parametrize("order", [("lead", "coordinating"), ("coordinating", "lead")])
def test_an_agency_named_lead_and_coordinating_is_listed_as_lead_whatever_the_row_order(order):
    # it was the relation of the last edge: the agency view of Sở Xây dựng --as-printed said
    # "phối hợp" or "chủ trì" for task 004:386 from one run to the next
    from plangraph.catalogue import value

    graph = _named_twice(*order)
    [task] = html._tasks(graph, html._ids(graph))
    assert task == {"id": 0, "deadline": "2025-12-31", "when": "Năm 2025", "source": "004:386", "text": "Đề án",
                    "role": value("role", "lead")}


def _rebuilt_backwards(graph):
    """The same graph, its nodes and edges added in the opposite order."""
    import networkx as nx

    copy = nx.MultiDiGraph()
    copy.graph.update(graph.graph)
    copy.add_nodes_from(reversed(list(graph.nodes(data=True))))
    copy.add_edges_from(reversed(list(graph.edges(keys=True, data=True))))
    return copy


@pytest.mark.parametrize("agency", ["Sở Giao thông vận tải", "Sở Kế hoạch và Đầu tư"])
def test_the_same_graph_gives_the_same_page_whatever_order_it_was_built_in(store, agency):
    # the store's rows come in no fixed order: the agency view of Sở Giao thông vận tải drew two of
    # its partners in each other's place from one run to the next (the angles summed in edge order)
    graph = subgraphs.agency_view(store, agency, as_of="2025-06-01")
    assert html.render_html(_rebuilt_backwards(graph)) == html.render_html(graph)


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_each_view_gives_the_same_page_whatever_order_it_was_built_in(store, name):
    graph = VIEWS[name](store)
    assert html.render_html(_rebuilt_backwards(graph)) == html.render_html(graph)


def _small_agency_view():
    """Sở Y tế leads one task of plan 913, Sở Tài chính coordinates it: an agency view (radial) of four nodes."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.graph.update(focus="urn:agency/so-y-te", layout="radial", title="Sở Y tế")
    graph.add_node("urn:agency/so-y-te", kind="agency", label="Sở Y tế", title="Sở Y tế")
    graph.add_node("urn:task/1", kind="task", label="Xây dựng đề án", title="Xây dựng đề án\n\nNguồn: 004.txt:77",
                   text="Xây dựng đề án", source="004.txt:77", deadline="2022-12-31", deadlineText="Năm 2022")
    graph.add_node("urn:plan/913", kind="plan", label="913/QĐ-UBND", title="Kế hoạch 913")
    graph.add_node("urn:agency/so-tai-chinh", kind="agency", label="Sở Tài chính", title="Sở Tài chính")
    for a, b, relation in (("urn:agency/so-y-te", "urn:task/1", "lead"), ("urn:task/1", "urn:plan/913", "in-plan"),
                           ("urn:agency/so-tai-chinh", "urn:task/1", "coordinating")):
        graph.add_edge(a, b, key=relation, relation=relation, weight=1)
    return graph


FACE = "DejaVu Sans, Segoe UI, Arial, sans-serif"


def test_the_nodes_and_edges_vis_network_is_given():
    # worked out by hand (issue 16: these were pyvis's Network.add_node/add_edge, and must stay
    # what pyvis made of them). vis ids: the IRIs in order, the focus last. Radial layout: the
    # one task on a ring of radius 220 at the top (-90°), its plan 100 further out, the partner
    # on the outer ring (220 + 330) in the task's direction; no label boxes overlap, so the
    # separation leaves them there.
    nodes, edges = html._vis_data(_small_agency_view())
    assert nodes == [
        {"id": 0, "label": "Sở Tài chính", "shape": "box", "color": "#2c6fbb", "size": 16, "x": 0.0, "y": -550.0,
         "title": "Sở Tài chính", "kind": "agency", "iri": "urn:agency/so-tai-chinh", "caption": "Sở Tài chính",
         "deadline": "", "font": {"size": 17, "color": "#ffffff", "bold": False, "face": FACE}},
        {"id": 1, "label": "913/QĐ-UBND", "shape": "diamond", "color": "#27ae60", "size": 16, "x": 0.0, "y": -320.0,
         "title": "Kế hoạch 913", "kind": "plan", "iri": "urn:plan/913", "caption": "913/QĐ-UBND", "deadline": "",
         "font": {"size": 16, "color": "#222222", "bold": False, "face": FACE}},
        {"id": 2, "label": "004:77", "shape": "dot", "color": "#e67e22", "size": 9, "x": 0.0, "y": -220.0,
         "title": "Xây dựng đề án\n\nNguồn: 004.txt:77", "kind": "task", "iri": "urn:task/1",
         "caption": "Xây dựng đề án", "deadline": "2022-12-31",
         "font": {"size": 11, "color": "#222222", "bold": False, "face": FACE}},
        {"id": 3, "label": "Sở Y tế", "shape": "box", "color": {"background": "#2c6fbb", "border": "#111111"},
         "size": 16, "x": 0.0, "y": 0.0, "title": "Sở Y tế", "kind": "agency", "iri": "urn:agency/so-y-te",
         "caption": "Sở Y tế", "deadline": "", "font": {"size": 22, "color": "#ffffff", "bold": True, "face": FACE},
         "borderWidth": 4, "focus": True, "shadow": {"enabled": True, "size": 12, "x": 0, "y": 0}},
    ]
    assert edges == [
        {"from": 0, "to": 2, "arrows": "to", "color": "#7fb3e6", "dashes": True, "width": 1.2, "title": "coordinates",
         "relation": "coordinating"},
        {"from": 2, "to": 1, "arrows": "to", "color": "#b6d7a8", "dashes": False, "width": 1, "title": "in the plan",
         "relation": "in-plan"},
        {"from": 3, "to": 2, "arrows": "to", "color": "#2c6fbb", "dashes": False, "width": 2.5, "title": "leads",
         "relation": "lead"},
    ]
    # and so in the page, as JSON (the numbers as Python wrote them: 16, not 16.0)
    page = html.render_html(_small_agency_view())
    assert ('{"arrows": "to", "color": "#2c6fbb", "dashes": false, "from": 3, "relation": "lead", "title": "leads", '
            '"to": 2, "width": 2.5}') in page
    assert '"size": 16, "title": "Sở Y tế", "x": 0.0, "y": 0.0}' in page


@pytest.mark.parametrize(("weight", "width", "title"), [(1, 1.125, "has tasks in: 1"), (16, 3.0, "has tasks in: 16"),
                                                        (80, 6.0, "has tasks in: 80")])
def test_an_overview_edge_is_wider_the_more_tasks_it_stands_for_up_to_forty(weight, width, title):
    edge = html._vis_edge(4, 7, {"relation": "works-on", "weight": weight})
    assert edge == {"from": 4, "to": 7, "arrows": "to", "color": "#2c6fbb", "dashes": False, "width": width,
                    "title": title, "relation": "works-on"}


def test_an_edge_s_own_title_is_kept():
    edge = html._vis_edge(0, 1, {"relation": "succession", "weight": 1, "title": "sáp nhập, 2025-03-01"})
    assert edge["title"] == "sáp nhập, 2025-03-01" and edge["width"] == 3 and edge["dashes"] is False


def test_the_vis_network_build_is_the_vendored_one():
    import hashlib

    from plangraph.resources import package_folder

    js, css = html.vis_network_js()
    assert js.startswith("/**\n * vis-network\n") and "@version 9.1.2" in js and "\r" not in js
    folder = package_folder("plangraph.views") / "assets"
    assert sorted(p.name for p in folder.iterdir()) == [
        "LICENSE-APACHE-2.0", "LICENSE-MIT", "README.md", "vis-network.css", "vis-network.min.js"]
    # the bytes pyvis 0.3.2 shipped, as the folder's README.md says
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for name in ("vis-network.min.js", "vis-network.css"):
        data = (folder / name).read_bytes()
        assert f"`{name}` ({len(data):,} bytes, sha256 `{hashlib.sha256(data).hexdigest()}`)" in readme
    page = html.render_html(_small_agency_view())
    assert page.count("@version 9.1.2") == 1 and "dual licensed" in page  # the licence header travels with it
