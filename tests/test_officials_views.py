"""Issue 14, the agency view in a real browser (Debian's Chromium), at the two screen sizes
of the screenshots: the focus marked and drawn on top, no label box over another among
the focus and its neighbours, the task list by deadline with its colours, tooltips that
wrap, a legend in words."""

from __future__ import annotations

import re

import pytest

from plangraph.views import html, subgraphs

from test_views import browser, needs_browser  # noqa: F401  (Debian's chromium, one per module)


@pytest.fixture(scope="module")
def store(tmp_path_factory, built):
    from plangraph.store import EmbeddedStore

    path = tmp_path_factory.mktemp("views") / "plangraph.ttl"
    path.write_text(built.turtle, encoding="utf-8")
    return EmbeddedStore(path)


@pytest.fixture(scope="module")
def agency_page(store, tmp_path_factory):
    from plangraph import catalogue

    catalogue.use("vi")
    graph = subgraphs.agency_view(store, "Sở Kế hoạch và Đầu tư")
    page = tmp_path_factory.mktemp("page") / "agency.html"
    page.write_text(html.render_html(graph, as_of="2022-06-30"), encoding="utf-8")
    return graph, page


def test_the_legend_uses_words_not_drawing_terms(agency_page):
    graph, page = agency_page
    text = page.read_text(encoding="utf-8")
    legend = text.split("<h2>Chú giải</h2>", 1)[1].split("</section>", 1)[0]
    assert not re.search(r"triangleDown|\(dot\)|\(box\)|\(diamond\)|\(triangle\)", legend)
    for words in ("Nghị quyết", "Kế hoạch", "Cơ quan", "chủ trì", "phối hợp", "Nhiệm vụ (màu theo thời hạn"):
        assert words in legend


def test_tasks_are_listed_by_deadline_undated_last(agency_page):
    import json

    graph, page = agency_page
    data = json.loads(re.search(r"const DATA = (.*);\n", page.read_text(encoding="utf-8")).group(1))
    deadlines = [task["deadline"] for task in data["tasks"]]
    dated = [d for d in deadlines if d]
    assert len(deadlines) == 84 and dated == sorted(dated) and deadlines[len(dated):] == [""] * (84 - len(dated))
    assert data["asOf"] == "2022-06-30" and data["nodes"][-1]["focus"] is True  # the focus drawn last


@needs_browser
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_agency_view_in_chromium(agency_page, browser, size):
    graph, page_file = agency_page
    # one Chromium for the module's tests (tests/test_views.py's fixture), a page each
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.as_uri())
    page.wait_for_function("window.plangraph && window.plangraph.ready", timeout=10000)
    assert errors == []
    found = page.evaluate("""() => {
      const p = window.plangraph, focus = p.focus;
      const ids = [focus].concat(p.network.getConnectedNodes(focus));
      const boxes = ids.map(id => [id, p.network.getBoundingBox(id)]);
      const overlaps = [];
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i][1], b = boxes[j][1];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          overlaps.push([p.nodes.get(boxes[i][0]).caption, p.nodes.get(boxes[j][0]).caption]);
      }
      const indices = p.network.body.nodeIndices;
      const items = Array.from(document.querySelectorAll('#tasks li'));
      const tooltip = getComputedStyle(document.querySelector('#graph')).position;
      return {neighbours: ids.length - 1, overlaps: overlaps, last: indices[indices.length - 1] === focus,
              focusBorder: p.nodes.get(focus).borderWidth, items: items.length,
              classes: Array.from(new Set(items.map(li => li.className))).sort(),
              first: items[0].querySelector('.when').textContent};
    }""")
    # its 84 tasks and Sở Tài chính, to which its work passed on 2025-03-01
    assert found["neighbours"] == 85 and found["overlaps"] == []
    assert found["last"] and found["focusBorder"] == 4
    assert found["items"] == 84 and found["first"] == "2021-08-31"
    assert found["classes"] == ["later", "overdue", "soon", "undated"]
    # a tooltip wraps inside the graph area instead of running under the side panel
    target = next(n for n, d in sorted(graph.nodes(data=True)) if d["kind"] == "task")
    point = page.evaluate(
        """(iri) => { const p = window.plangraph; const node = p.nodes.get({filter: n => n.iri === iri})[0];
                      p.network.focus(node.id, {scale: 1.2, animation: false});
                      const pos = p.network.canvasToDOM(p.network.getPositions([node.id])[node.id]);
                      const box = document.getElementById('graph').getBoundingClientRect();
                      return {x: pos.x + box.left, y: pos.y + box.top}; }""", target)
    page.mouse.move(point["x"] + 1, point["y"] + 1)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    tip = page.evaluate("""() => { const t = document.querySelector('div.vis-tooltip').getBoundingClientRect();
                                   const g = document.getElementById('graph').getBoundingClientRect();
                                   return {right: t.right, limit: g.right, width: t.width,
                                           white: getComputedStyle(document.querySelector('div.vis-tooltip')).whiteSpace}; }""")
    assert tip["white"] == "pre-wrap" and tip["width"] <= 420 and tip["right"] <= tip["limit"] + 1
    # a task chosen in the list is selected in the graph
    page.click("#tasks li >> nth=0")
    assert len(page.evaluate("window.plangraph.network.getSelectedNodes()")) == 1
    page.close()
