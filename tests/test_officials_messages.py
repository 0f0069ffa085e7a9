"""Issue 14, the rest of the catalogue: the workspace commands (init, add, build, remove),
plangraph.toml and registry errors, the shapes' messages, the qc rules' problems and
solutions and the named queries' headers speak Vietnamese by default, English on request,
and still name the file and line."""

from __future__ import annotations

import rdflib
from click.testing import CliRunner

from conftest import FILES, ROOT, SOURCES
from plangraph.cli import cli
from plangraph.workspace import CONFIG_NAME

PLAN = SOURCES / FILES["004"]


def invoke(*args, lang: str | None = None):
    return CliRunner(env={"PLANGRAPH_LANG": lang} if lang else {}).invoke(cli, [str(a) for a in args])


def test_build_outside_a_workspace_says_so_in_vietnamese_by_default(vietnamese, outside):
    result = invoke("build")
    assert result.exit_code == 2
    assert "không ở trong thư mục làm việc plangraph nào (không có plangraph.toml" in result.output
    assert "chạy `plangraph init` để tạo" in result.output and "workspace" not in result.output
    english = invoke("build", lang="en")
    assert english.exit_code == 2 and "not in a plangraph workspace (no plangraph.toml" in english.output


def test_init_add_build_remove_speak_vietnamese(vietnamese, outside):
    made = invoke("init")
    assert made.exit_code == 0 and "đã tạo plangraph.toml" in made.output
    assert "thư mục làm việc đã sẵn sàng ở" in made.output
    added = invoke("add", PLAN)
    assert added.exit_code == 0, added.output
    assert "  cơ quan ban hành: " in added.output and "  nhiệm vụ: " in added.output
    assert f"đã thêm {PLAN.name} vào sources/" in added.output
    again = invoke("add", PLAN)
    assert again.exit_code == 2
    assert f"{PLAN.name}: đã có trong sources với tên {PLAN.name} (cùng SHA-256); không chép gì" in again.output
    built = invoke("build")
    assert built.exit_code == 0, built.output
    assert f"đang đọc {PLAN.name}" in built.output and f"đã ghi {outside / 'plangraph.ttl'}: 1 văn bản" in built.output
    assert " giây" in built.output and "wrote" not in built.output
    checked = invoke("build", "--check")
    assert checked.exit_code == 0 and "đúng với những gì nguồn cho" in checked.output
    removed = invoke("remove", PLAN.name)
    assert removed.exit_code == 0 and f"đã bỏ sources/{PLAN.name}; tiếp theo: plangraph build" in removed.output
    missing = invoke("remove", PLAN.name)
    assert missing.exit_code == 2 and f"{PLAN.name}: không phải kế hoạch trong sources/" in missing.output


def test_a_bad_plangraph_toml_names_its_line_in_vietnamese(vietnamese, outside):
    (outside / CONFIG_NAME).write_text('[workspace]\nname = "x"\nsorces = "plans"\n', encoding="utf-8")
    result = invoke("build")
    assert result.exit_code == 2
    assert "plangraph.toml:3: khóa 'sorces' không có trong [workspace] (các khóa: " in result.output
    english = invoke("build", lang="en")
    assert "plangraph.toml:3: unknown key 'sorces' in [workspace]" in english.output


def test_a_registry_contradiction_names_its_line_in_vietnamese(vietnamese, outside):
    assert invoke("init").exit_code == 0 and invoke("add", PLAN).exit_code == 0
    (outside / "registry" / "issuers.toml").write_text('[[issuer]]\nid = "chinh-phu"\nname = "Nhà nước"\n',
                                                       encoding="utf-8")
    result = invoke("build")
    assert result.exit_code == 2
    assert "registry/issuers.toml:2: chinh-phu ở đây tên là 'Nhà nước' nhưng trong sổ đăng ký đi kèm" in result.output


def test_validate_shows_shape_messages_and_solutions_in_vietnamese(vietnamese, graph_file):
    out = CliRunner().invoke(cli, ["validate", str(graph_file)]).stdout
    assert "      Cơ quan chủ trì cũng được ghi là cơ quan phối hợp." in out
    assert "  cần làm: Hỏi cơ quan kế hoạch xem kế hoạch nào đang có hiệu lực" in out
    assert "[giá trị 5.9 %; các giá" in out
    assert "Ask the planning department" not in out and "also listed as a coordinating" not in out
    english = CliRunner(env={"PLANGRAPH_LANG": "en"}).invoke(cli, ["validate", str(graph_file)]).stdout
    assert "Ask the planning department which plan is current" in english
    assert "[value 5.9 %; values" in english


def test_the_turtle_report_carries_both_languages_and_json_stays_english(vietnamese, graph_file):
    report = CliRunner().invoke(cli, ["validate", str(graph_file), "-f", "turtle"]).stdout
    g = rdflib.Graph().parse(data=report, format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    for result in g.subjects(sh.resultSeverity, None):
        languages = sorted(m.language for m in g.objects(result, sh.resultMessage))
        assert languages == ["en", "vi"], result
    import json

    findings = json.loads(CliRunner().invoke(cli, ["validate", str(graph_file), "-f", "json"]).stdout)["findings"]
    messages = {f["message"] for f in findings}
    assert "The lead agency is also listed as a coordinating agency." in messages
    assert not any("Cơ quan chủ trì cũng" in m for m in messages)


def test_every_shape_message_and_qc_rule_is_in_both_languages():
    from plangraph.validate import qc_rules

    shapes = rdflib.Graph().parse(ROOT / "shapes" / "plangraph-shapes.ttl")
    sh = rdflib.namespace.SH
    for node in set(shapes.subjects(sh.message, None)):
        languages = sorted(str(m.language) for m in shapes.objects(node, sh.message))
        assert languages == ["en", "vi"], (node, languages)
    for name, (header, _) in qc_rules().items():
        for key in ("title", "problem", "solution"):
            assert header.get(f"{key}-vi") and header[f"{key}-vi"] != header[key], (name, key)


def test_every_named_query_has_its_header_in_vietnamese(vietnamese):
    from plangraph.query import list_queries, load_query

    for name in list_queries():
        query = load_query(name)
        assert {"title", "question"} <= set(query.vietnamese), name
        assert {f"param.{p.name}" for p in query.params} <= set(query.vietnamese), name
    listed = invoke("queries")
    assert listed.exit_code == 0 and "trace              Lần theo nhiệm vụ tới các nghị quyết" in listed.output
    verbose = invoke("queries", "-v").output
    assert "--param task=<nhiệm vụ> bắt buộc: Nhiệm vụ: IRI, hoặc TỆP:DÒNG" in verbose
    english = invoke("queries", "-v", lang="en").output
    assert "trace              Trace a task to its resolutions" in english
    assert "--param task=<task> required: The task: its IRI" in english


def test_the_readers_warnings_are_given_in_vietnamese_after_their_place(vietnamese):
    from plangraph.catalogue.reader import FORMS, reader_text

    assert reader_text("004.txt:212: table row 3 names no lead agency") == \
        "004.txt:212: dòng 3 của bảng không ghi cơ quan chủ trì"
    assert reader_text("a: b.txt: empty file") == "a: b.txt: tệp rỗng"  # a file name may hold ": "
    assert reader_text("something the catalogue does not know") == "something the catalogue does not know"
    assert all(not vietnamese_form.isascii() for _, vietnamese_form in FORMS)
