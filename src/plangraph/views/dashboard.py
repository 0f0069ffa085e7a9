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

from ..catalogue import current, t, value
from .html import fill, script_json

__all__ = ["CATEGORIES", "dashboard_data", "render_dashboard"]

# key -> colour, in the order of the bars (their names: the catalogue's "value.category.KEY")
CATEGORIES = {
    "doneOnTime": "#2e8b57",
    "doneLate": "#9acd32",
    "inProgress": "#4a90d9",
    "noReport": "#b9cde5",
    "overdue": "#d0021b",
    "noDeadline": "#c8c8c8",
    "cancelled": "#8b6f47",
}
# the page's texts, from the catalogue's "dash.KEY", in the language of the command
_TEXTS = ("by_agency", "click_agency", "deadline", "lead", "task", "status", "last_report", "history", "click_task",
          "tasks_of", "overdue_tasks", "tasks", "not_reported", "due", "none", "led_by", "no_reports", "col.reported",
          "col.status", "col.completed", "col.note", "col.evidence", "col.reporter", "col.superseded", "col.file")
_STATUSES = ("Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Dừng thực hiện", "Được thay thế")

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
    from ..query import bind, load_query

    tasks, agencies = [], {}
    for row in store.query(bind(load_query("task-status"), {"as-of": as_of})):  # (no name to resolve)
        task = _plain(row)
        tasks.append(task)
        name = task.get("lead", task["agency"])
        if "ended" in task:  # its tasks that nobody took over: the page says the body is gone
            name = t("dash.ended_name", name=name, day=_day(task["ended"]))
        entry = agencies.setdefault(task["agency"], {"iri": task["agency"], "name": name,
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


def _label(key: str) -> str:
    name = value("category", key)
    return name[:1].upper() + name[1:]


def render_dashboard(data: dict) -> str:
    """The page for ``data`` (from :func:`dashboard_data`), in the current language."""
    legend = "".join(f'<span class="key"><i style="background:{colour}"></i>{html.escape(_label(key))}</span>'
                     for key, colour in CATEGORIES.items())
    totals = {key: sum(a[key] for a in data["agencies"]) for key in CATEGORIES}
    summary = " · ".join(f"{html.escape(_label(key))}: <b>{totals[key]}</b>" for key in CATEGORIES)
    texts = {key: t(f"dash.{key}") for key in _TEXTS}
    texts["statuses"] = {status: value("progress", status) for status in _STATUSES}
    day = _day(data["asOf"])
    return fill(TEMPLATE, {
        "LANG": current(),
        "TITLE": html.escape(t("dash.title", day=day)),
        "HEADING": html.escape(t("dash.heading", day=day)),
        **{key.upper().replace("_", "").replace(".", ""): html.escape(texts[key]) for key in _TEXTS},  # @BYAGENCY@
        "LEGEND": legend,
        "SUMMARY": summary,
        "DATA": script_json({**data, "texts": texts,
                             "categories": [{"key": k, "label": _label(k), "colour": c} for k, c in CATEGORIES.items()]}),
    })


TEMPLATE = """<!DOCTYPE html>
<html lang="@LANG@">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@</title>
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
  <h1>@HEADING@</h1>
  <div class="summary">@SUMMARY@</div>
</header>
<main>
  <section id="agencies">
    <h2>@BYAGENCY@ <span class="muted">@CLICKAGENCY@</span></h2>
    <div class="legend">@LEGEND@</div>
    <div id="bars"></div>
  </section>
  <section id="list">
    <h2 id="list-title"></h2>
    <table><thead><tr><th>@DEADLINE@</th><th>@LEAD@</th><th>@TASK@</th><th>@STATUS@</th><th>@LASTREPORT@</th></tr></thead>
    <tbody id="rows"></tbody></table>
  </section>
  <section id="history"><h2>@HISTORY@</h2><div id="history-body" class="muted">@CLICKTASK@</div></section>
</main>
<script>
(function () {
  "use strict";
  const data = @DATA@;
  const texts = data.texts;
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
      const row = el("div", {"class": "agency", "data-iri": a.iri, title: a.name + ": " + a.total + " " + texts.tasks},
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
      document.getElementById("list-title").textContent = texts.tasks_of.replace("{name}", agency.name) + " (" + tasks.length + ")";
    } else {
      tasks = data.overdue;
      document.getElementById("list-title").textContent = texts.overdue_tasks + " (" + tasks.length + ")";
    }
    tasks.forEach(function (t) {
      const last = t.lastReported ? day(t.lastReported) : texts.not_reported;
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
    body.appendChild(el("div", {"class": "muted", text: (task.decision || "") + " · " + task.source + " · " + texts.due + ": " +
      (task.deadline ? day(task.deadline) : (task.deadlineText || texts.none)) + " · " + texts.led_by + ": " +
      rows.map(function (r) { return r.lead; }).join(", ")}));
    const reports = data.history[iri] || [];
    if (!reports.length) { body.appendChild(el("p", {"class": "muted", text: texts.no_reports})); return; }
    const table = el("table", {"id": "history-table"}, [el("thead", {}, [el("tr", {}, ["reported", "status", "completed",
      "note", "evidence", "reporter", "superseded", "file"].map(function (h) { return el("th", {text: texts["col." + h]}); }))])]);
    const tbody = el("tbody");
    reports.forEach(function (r) {
      const current = r.reported <= data.asOf && (!r.supersededOn || r.supersededOn > data.asOf);
      tbody.appendChild(el("tr", {"class": current ? "current" : (r.reported > data.asOf ? "later" : "superseded")}, [
        el("td", {text: day(r.reported)}), el("td", {text: (texts.statuses[r.status] || r.status) + (current ? " ✓" : "")}), el("td", {text: day(r.completed)}),
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
