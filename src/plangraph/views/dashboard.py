"""The follow-up dashboard: one offline HTML page of where every agency's tasks stand on a day.

Per agency, a stacked bar of its tasks in the follow-up categories (``queries/status.rq``);
the overdue tasks; a click on an agency lists its tasks, a click on a task shows its report
history (every report, the superseded ones too). The data is the named query
``task-status`` (the rows ``status`` counts) and every report, as script-safe JSON in the
page; nothing is fetched.

Example:
    >>> page = render_dashboard({"asOf": "2022-12-31", "agencies": [], "tasks": [], "overdue": [], "history": {}})
    >>> page.startswith("<!DOCTYPE html>") and "31/12/2022" in page
    True
"""

from __future__ import annotations

import html

from .html import fill, script_json

__all__ = ["CATEGORIES", "dashboard_data", "render_dashboard"]

# key -> (Vietnamese label, English, colour), in the order of the bars
CATEGORIES = {
    "doneOnTime": ("Hoàn thành đúng hạn", "done on time", "#2e8b57"),
    "doneLate": ("Hoàn thành quá hạn", "done late", "#9acd32"),
    "inProgress": ("Đang thực hiện trong hạn", "in progress", "#4a90d9"),
    "noReport": ("Trong hạn, chưa báo cáo", "no report yet", "#b9cde5"),
    "overdue": ("Quá hạn", "overdue", "#d0021b"),
    "noDeadline": ("Không có thời hạn", "no deadline", "#c8c8c8"),
    "cancelled": ("Dừng / được thay thế", "cancelled or replaced", "#8b6f47"),
}

_HISTORY = """
PREFIX pg: <https://w3id.org/plangraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?task ?reported ?status ?completed ?note ?evidence ?reporter ?supersededOn ?file ?row WHERE {
  ?report pg:reportOn ?task ; pg:reportDate ?reported ; pg:progressStatus ?statusTerm ;
          prov:wasAttributedTo ?by ; pg:sourceFile ?file ; pg:sourceLine ?row .
  OPTIONAL { ?report pg:completionDate ?completed }
  OPTIONAL { ?report pg:progressNote ?note }
  OPTIONAL { ?report pg:evidence ?evidence }
  OPTIONAL { ?newer prov:wasRevisionOf ?report ; pg:reportDate ?supersededOn }
  OPTIONAL { ?by skos:prefLabel ?reporter FILTER(lang(?reporter) = "vi") }
  VALUES (?statusTerm ?status) { (pg:Done "Đã hoàn thành") (pg:InProgress "Đang thực hiện") (pg:NotStarted "Chưa thực hiện")
                                 (pg:Cancelled "Dừng thực hiện") (pg:Replaced "Được thay thế") }
} ORDER BY ?task ?reported"""


def _plain(row) -> dict[str, str]:
    return {name: term.value for name, term in row.items()}


def dashboard_data(store, as_of: str) -> dict:
    """What the page shows on ``as_of`` (YYYY-MM-DD): agencies with their counts, tasks with
    their category, the overdue ones, and every report by task."""
    from ..cli.query import run_named

    tasks, agencies = [], {}
    for row in run_named(store, "task-status", {"as-of": as_of}):
        task = _plain(row)
        tasks.append(task)
        entry = agencies.setdefault(task["agency"], {"iri": task["agency"], "name": task.get("lead", task["agency"]),
                                                     "total": 0, **{key: 0 for key in CATEGORIES}})
        entry["total"] += 1
        entry[task["category"]] += 1
    history: dict[str, list[dict[str, str]]] = {}
    for row in store.query(_HISTORY):
        entry = _plain(row)
        history.setdefault(entry.pop("task"), []).append(entry)
    ordered = sorted(agencies.values(), key=lambda a: (-a["overdue"], -a["total"], a["name"]))
    overdue = [t for t in tasks if t["category"] == "overdue"]
    overdue.sort(key=lambda t: (t.get("deadline", ""), t.get("lead", ""), t["source"]))
    return {"asOf": as_of, "agencies": ordered, "tasks": tasks, "overdue": overdue, "history": history}


def _day(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def render_dashboard(data: dict) -> str:
    """The page for ``data`` (from :func:`dashboard_data`)."""
    legend = "".join(f'<span class="key"><i style="background:{colour}"></i>{html.escape(label)}</span>'
                     for label, _, colour in CATEGORIES.values())
    totals = {key: sum(a[key] for a in data["agencies"]) for key in CATEGORIES}
    summary = " · ".join(f"{html.escape(CATEGORIES[key][0])}: <b>{totals[key]}</b>" for key in CATEGORIES)
    return fill(TEMPLATE, {
        "DAY": _day(data["asOf"]),
        "LEGEND": legend,
        "SUMMARY": summary,
        "DATA": script_json({**data, "categories": [{"key": k, "label": v[0], "english": v[1], "colour": v[2]}
                                                     for k, v in CATEGORIES.items()]}),
    })


TEMPLATE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Theo dõi thực hiện nhiệm vụ đến ngày @DAY@</title>
<style>
body { font: 14px/1.4 system-ui, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; color: #222; background: #f6f7f9; }
header { background: #1f3b5b; color: #fff; padding: 12px 20px; }
header h1 { font-size: 19px; margin: 0 0 4px; }
header .summary { font-size: 13px; opacity: .92; }
main { display: grid; grid-template-columns: minmax(420px, 5fr) 6fr; gap: 16px; padding: 16px 20px; }
section { background: #fff; border: 1px solid #dde2e8; border-radius: 6px; padding: 12px 14px; overflow: auto; }
section h2 { font-size: 15px; margin: 0 0 8px; }
#agencies, #list { max-height: 74vh; }
.legend { margin: 0 0 10px; font-size: 12px; }
.key { margin-right: 12px; white-space: nowrap; }
.key i { display: inline-block; width: 11px; height: 11px; margin-right: 4px; vertical-align: -1px; border-radius: 2px; }
.agency { display: grid; grid-template-columns: 210px 1fr 34px; gap: 8px; align-items: center; padding: 3px 4px;
          cursor: pointer; border-radius: 4px; }
.agency:hover, .agency.selected { background: #eaf1fb; }
.agency .name { font-size: 12.5px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar { display: flex; height: 16px; background: #f0f0f0; border-radius: 3px; overflow: hidden; }
.bar span { display: block; height: 100%; }
.agency .total { font-size: 12px; text-align: right; color: #555; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eceff3; vertical-align: top; }
th { background: #f1f4f8; position: sticky; top: 0; }
tr.task { cursor: pointer; }
tr.task:hover { background: #fff6e5; }
tr.task.selected { background: #ffe9bf; }
.badge { display: inline-block; padding: 1px 6px; border-radius: 8px; color: #fff; font-size: 11px; white-space: nowrap; }
.muted { color: #777; }
#history { grid-column: 1 / -1; }
#history .text { margin: 4px 0 8px; }
.superseded td { color: #888; }
</style>
</head>
<body>
<header>
  <h1>Theo dõi thực hiện nhiệm vụ — tình hình đến ngày @DAY@</h1>
  <div class="summary">@SUMMARY@</div>
</header>
<main>
  <section id="agencies">
    <h2>Theo cơ quan chủ trì <span class="muted">(nhấn vào một cơ quan để xem nhiệm vụ)</span></h2>
    <div class="legend">@LEGEND@</div>
    <div id="bars"></div>
  </section>
  <section id="list">
    <h2 id="list-title"></h2>
    <table><thead><tr><th>Hạn</th><th>Cơ quan chủ trì</th><th>Nhiệm vụ</th><th>Tình trạng</th><th>Báo cáo gần nhất</th></tr></thead>
    <tbody id="rows"></tbody></table>
  </section>
  <section id="history"><h2>Lịch sử báo cáo</h2><div id="history-body" class="muted">Nhấn vào một nhiệm vụ để xem các báo cáo về nhiệm vụ đó.</div></section>
</main>
<script>
(function () {
  "use strict";
  const data = @DATA@;
  const categories = {};
  data.categories.forEach(function (c) { categories[c.key] = c; });
  const byTask = {};
  data.tasks.forEach(function (t) { (byTask[t.task] = byTask[t.task] || []).push(t); });
  let selected = null;

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k]; else if (k === "style") node.style.cssText = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }
  function day(iso) { if (!iso) return ""; const p = iso.split("-"); return p[2] + "/" + p[1] + "/" + p[0]; }
  function badge(key) {
    const c = categories[key];
    return el("span", {"class": "badge", style: "background:" + c.colour, text: c.label});
  }

  function drawBars() {
    const box = document.getElementById("bars");
    const widest = Math.max.apply(null, data.agencies.map(function (a) { return a.total; }).concat([1]));
    data.agencies.forEach(function (a) {
      const bar = el("div", {"class": "bar", style: "width:" + (100 * a.total / widest).toFixed(1) + "%"});
      data.categories.forEach(function (c) {
        if (!a[c.key]) return;
        bar.appendChild(el("span", {style: "width:" + (100 * a[c.key] / a.total).toFixed(2) + "%;background:" + c.colour,
                                    title: c.label + ": " + a[c.key], "data-category": c.key}));
      });
      const row = el("div", {"class": "agency", "data-iri": a.iri, title: a.name + ": " + a.total + " nhiệm vụ"},
                     [el("div", {"class": "name", text: a.name}), el("div", {}, [bar]), el("div", {"class": "total", text: String(a.total)})]);
      row.addEventListener("click", function () { selectAgency(selected === a.iri ? null : a.iri); });
      box.appendChild(row);
    });
  }

  function drawList() {
    const rows = document.getElementById("rows");
    rows.textContent = "";
    let tasks;
    if (selected) {
      const agency = data.agencies.filter(function (a) { return a.iri === selected; })[0];
      tasks = data.tasks.filter(function (t) { return t.agency === selected; });
      document.getElementById("list-title").textContent = "Nhiệm vụ của " + agency.name + " (" + tasks.length + ")";
    } else {
      tasks = data.overdue;
      document.getElementById("list-title").textContent = "Nhiệm vụ quá hạn (" + tasks.length + ")";
    }
    tasks.forEach(function (t) {
      const last = t.lastReported ? day(t.lastReported) : "chưa báo cáo";
      const text = t.text.length > 160 ? t.text.slice(0, 157) + "…" : t.text;
      const row = el("tr", {"class": "task", "data-task": t.task}, [
        el("td", {text: t.deadline ? day(t.deadline) : (t.deadlineText || "—")}), el("td", {text: t.lead || ""}),
        el("td", {title: t.text}, [el("div", {text: text}), el("div", {"class": "muted", text: (t.decision || "") + " · " + t.source})]),
        el("td", {}, [badge(t.category)]), el("td", {text: last})]);
      row.addEventListener("click", function () { showTask(t.task); });
      rows.appendChild(row);
    });
  }

  function selectAgency(iri) {
    selected = iri;
    document.querySelectorAll(".agency").forEach(function (n) { n.classList.toggle("selected", n.dataset.iri === iri); });
    drawList();
  }

  function showTask(iri) {
    const rows = byTask[iri] || [];
    const task = rows[0];
    document.querySelectorAll("tr.task").forEach(function (n) { n.classList.toggle("selected", n.dataset.task === iri); });
    const body = document.getElementById("history-body");
    body.className = "";
    body.textContent = "";
    if (!task) return;
    body.appendChild(el("div", {"class": "text", text: task.text}));
    body.appendChild(el("div", {"class": "muted", text: (task.decision || "") + " · " + task.source + " · hạn: " +
      (task.deadline ? day(task.deadline) : (task.deadlineText || "không có")) + " · chủ trì: " +
      rows.map(function (r) { return r.lead; }).join(", ")}));
    const reports = data.history[iri] || [];
    if (!reports.length) { body.appendChild(el("p", {"class": "muted", text: "Chưa có báo cáo nào về nhiệm vụ này."})); return; }
    const table = el("table", {"id": "history-table"}, [el("thead", {}, [el("tr", {}, ["Ngày báo cáo", "Tình trạng", "Ngày hoàn thành",
      "Ghi chú", "Văn bản", "Cơ quan báo cáo", "Bị thay thế ngày", "Tệp"].map(function (h) { return el("th", {text: h}); }))])]);
    const tbody = el("tbody");
    reports.forEach(function (r) {
      const current = r.reported <= data.asOf && (!r.supersededOn || r.supersededOn > data.asOf);
      tbody.appendChild(el("tr", {"class": current ? "current" : (r.reported > data.asOf ? "later" : "superseded")}, [
        el("td", {text: day(r.reported)}), el("td", {text: r.status + (current ? " ✓" : "")}), el("td", {text: day(r.completed)}),
        el("td", {text: r.note || ""}), el("td", {text: r.evidence || ""}), el("td", {text: r.reporter || ""}),
        el("td", {text: day(r.supersededOn)}), el("td", {"class": "muted", text: r.file + ":" + r.row})]));
    });
    table.appendChild(tbody);
    body.appendChild(table);
  }

  drawBars();
  drawList();
  window.plangraph = {ready: true, data: data, selectAgency: selectAgency, showTask: showTask};
})();
</script>
</body>
</html>
"""
