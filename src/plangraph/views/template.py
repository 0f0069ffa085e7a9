"""The page of every view (:func:`plangraph.views.html.render_html` fills in each ``@NAME@``
once): the graph, the side panel (the focus's tasks by deadline, details, legend), and the
script that colours the tasks against the day the page is read."""

TEMPLATE = """<!DOCTYPE html>
<html lang="@LANG@">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="plangraph">
<title>@TITLE@</title>
<style>
@VISCSS@
html, body { margin: 0; height: 100%; font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #222; }
header { display: flex; gap: 12px; align-items: center; padding: 8px 12px; background: #f4f6f8; border-bottom: 1px solid #d0d7de; height: 29px; }
header h1 { font-size: 16px; margin: 0; flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
header input { width: 280px; padding: 5px 8px; font-size: 14px; }
#count { font-size: 13px; color: #555; white-space: nowrap; }
#graph { position: absolute; top: 46px; bottom: 0; left: 0; right: 360px; }
#side { position: absolute; top: 46px; bottom: 0; right: 0; width: 360px; border-left: 1px solid #d0d7de; overflow: auto;
        font-size: 13px; background: #fff; z-index: 2; }
#side section { padding: 10px 12px; border-bottom: 1px solid #eee; }
#side h2 { font-size: 13px; margin: 0 0 6px; text-transform: uppercase; color: #555; }
.key { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
.shape { width: 16px; height: 16px; display: inline-flex; align-items: center; justify-content: center; flex: none; }
.shape i { display: block; }
.line { width: 28px; height: 0; display: inline-block; border-top: 3px solid; flex: none; }
#info { white-space: pre-wrap; line-height: 1.45; }
#info .kind { color: #888; font-size: 12px; }
#tasks ol { list-style: none; margin: 0; padding: 0; }
#tasks li { display: grid; grid-template-columns: 10px 84px 1fr; gap: 6px; padding: 4px 2px; border-bottom: 1px solid #f0f0f0;
            cursor: pointer; line-height: 1.3; }
#tasks li:hover, #tasks li.chosen { background: #eef4fb; }
#tasks .dot { width: 10px; height: 10px; border-radius: 50%; margin-top: 3px; }
#tasks .when { font-variant-numeric: tabular-nums; white-space: nowrap; }
#tasks .src { color: #666; font-size: 12px; }
#tasks .keys { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 0 0 8px; color: #555; font-size: 12px; }
#tasks .keys span { display: inline-flex; align-items: center; gap: 4px; }
div.vis-tooltip { white-space: pre-wrap !important; max-width: 380px; font-family: inherit; font-size: 13px; line-height: 1.4;
                  padding: 8px 10px; }
</style>
<script>
@VISJS@
</script>
</head>
<body>
<header>
  <h1>@TITLE@</h1>
  <input id="search" list="labels" placeholder="@FIND@" autocomplete="off">
  <datalist id="labels"></datalist>
  <span id="count"></span>
</header>
<div id="graph"></div>
<aside id="side">
  <section id="tasks" hidden></section>
  <section><h2>@DETAILS@</h2><div id="info">@HINT@</div></section>
  <section><h2>@LEGENDTITLE@</h2>@LEGEND@</section>
</aside>
<script>
(function () {
  const DATA = @DATA@;
  const TEXT = DATA.text;
  const nodes = new vis.DataSet(DATA.nodes);
  const edges = new vis.DataSet(DATA.edges);
  const container = document.getElementById("graph");
  const options = {
    physics: false,
    interaction: { hover: true, tooltipDelay: 120, navigationButtons: false, keyboard: true },
    nodes: { borderWidth: 1, shapeProperties: { interpolation: false },
             scaling: { label: { enabled: false, drawThreshold: @THRESHOLD@ } } },
    edges: { smooth: false, arrows: { to: { enabled: true, scaleFactor: 0.5 } } },
  };
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  const info = document.getElementById("info");
  function show(id) {
    const node = nodes.get(id);
    if (!node) { return; }
    info.textContent = "";
    const kind = document.createElement("div");
    kind.className = "kind";
    kind.textContent = TEXT.kinds[node.kind] || node.kind;
    info.appendChild(kind);
    info.appendChild(document.createTextNode(node.title || node.caption));
  }
  network.on("hoverNode", function (params) { show(params.node); });
  network.on("selectNode", function (params) { show(params.nodes[0]); });
  // how a deadline stands against the day the page is read (or --as-of)
  const asOf = DATA.asOf || new Date().toISOString().slice(0, 10);
  const soon = new Date(asOf + "T00:00:00Z"); soon.setUTCDate(soon.getUTCDate() + 30);
  const soonDay = soon.toISOString().slice(0, 10);
  function status(deadline) {
    if (!deadline) { return "undated"; }
    return deadline < asOf ? "overdue" : deadline <= soonDay ? "soon" : "later";
  }
  nodes.forEach(function (node) {
    if (node.kind === "task") { nodes.update({ id: node.id, color: DATA.status[status(node.deadline)], status: status(node.deadline) }); }
  });
  if (DATA.tasks.length) {
    const panel = document.getElementById("tasks");
    const title = document.createElement("h2");
    title.textContent = TEXT.tasks.replace("{count}", DATA.tasks.length) + " · " + TEXT.asOf.replace("{day}", asOf);
    panel.appendChild(title);
    const keys = document.createElement("div");
    keys.className = "keys";
    ["overdue", "soon", "later", "undated"].forEach(function (name) {
      const key = document.createElement("span");
      const dot = document.createElement("i");
      dot.className = "dot"; dot.style.background = DATA.status[name]; dot.style.width = "10px"; dot.style.height = "10px";
      dot.style.borderRadius = "50%"; dot.style.display = "inline-block";
      key.appendChild(dot); key.appendChild(document.createTextNode(TEXT.status[name]));
      keys.appendChild(key);
    });
    panel.appendChild(keys);
    const list = document.createElement("ol");
    DATA.tasks.forEach(function (task) {
      const item = document.createElement("li");
      item.dataset.id = task.id;
      item.className = status(task.deadline);
      const dot = document.createElement("span");
      dot.className = "dot"; dot.style.background = DATA.status[status(task.deadline)];
      const when = document.createElement("span");
      when.className = "when"; when.textContent = task.deadline || TEXT.undated;
      const what = document.createElement("span");
      what.textContent = task.text.length > 110 ? task.text.slice(0, 109) + "…" : task.text;
      const src = document.createElement("div");
      src.className = "src"; src.textContent = task.source + (task.role ? " · " + task.role : "") + (task.when ? " · " + task.when : "");
      what.appendChild(src);
      item.appendChild(dot); item.appendChild(when); item.appendChild(what);
      item.addEventListener("click", function () {
        network.selectNodes([task.id]);
        network.focus(task.id, { scale: 1.4, animation: false });
        show(task.id);
      });
      list.appendChild(item);
    });
    panel.appendChild(list);
    panel.hidden = false;
  }
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
  document.getElementById("count").textContent = TEXT.count.replace("{nodes}", DATA.nodes.length).replace("{edges}", DATA.edges.length);
  window.plangraph = { network: network, nodes: nodes, edges: edges, find: find, show: show, ready: false,
                       nodeCount: DATA.nodes.length, edgeCount: DATA.edges.length, focus: DATA.focus, asOf: asOf };
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
