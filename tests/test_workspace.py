"""Workspaces: found like git finds a repository; init, add, remove; a registry of one's own."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FILES, ROOT, SOURCES
from plangraph.cli import cli
from plangraph.errors import RegistryError
from plangraph.registries import activate, load_registries
from plangraph.workspace import CONFIG_NAME, NotInWorkspace, WorkspaceError, find, load

PLAN = SOURCES / FILES["004"]


@pytest.fixture
def outside(tmp_path, monkeypatch):
    """The current folder is an empty folder outside any workspace."""
    monkeypatch.delenv("PLANGRAPH_WORKSPACE", raising=False)
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert not any((p / CONFIG_NAME).exists() for p in (folder, *folder.parents))
    return folder


@pytest.fixture
def ws(outside):
    """A new workspace made by `plangraph init`, the current folder."""
    result = invoke("init")
    assert result.exit_code == 0, result.output
    return find(outside)


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def variant_with_unknown_agency(folder: Path) -> Path:
    """Plan 004 with the lead of appendix row 406 renamed to an agency no registry knows."""
    lines = PLAN.read_bytes().split(b"\n")
    lines[405] = lines[405].replace("\tSở Y tế\t".encode(), "\tTrung tâm Dữ liệu số tỉnh\t".encode())
    path = folder / "004-variant.txt"
    path.write_bytes(b"\n".join(lines))
    return path


def test_this_repository_is_a_workspace_whose_graph_is_what_its_plans_give(monkeypatch):
    monkeypatch.delenv("PLANGRAPH_WORKSPACE", raising=False)
    monkeypatch.chdir(ROOT / "data" / "sources")  # found from a subfolder, like git
    ws = find()
    assert (ws.root, ws.sources, ws.graph) == (ROOT, SOURCES, ROOT / "data" / "plangraph.ttl")
    result = invoke("build", "--check", "-q")
    assert result.exit_code == 0, result.output


def test_outside_a_workspace_one_line_and_exit_2(outside):
    for command in (["build"], ["validate"], ["tasks", "-a", "Sở Y tế"], ["add", str(PLAN)], ["agencies"]):
        result = invoke(*command)
        assert result.exit_code == 2, (command, result.output)
        assert result.output.strip().splitlines() == [
            "Error: not in a plangraph workspace (no plangraph.toml here or in any parent folder); "
            "run `plangraph init` to make one"]
    assert list(outside.iterdir()) == []  # nothing written


def test_workspace_given_by_option_or_environment(ws, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("--workspace", ws.root, "add", PLAN).exit_code == 0
    monkeypatch.setenv("PLANGRAPH_WORKSPACE", str(ws.root))
    assert invoke("build", "-q").exit_code == 0
    assert ws.graph.exists()
    missing = invoke("--workspace", tmp_path / "nowhere", "build")
    assert missing.exit_code == 2 and "no plangraph.toml in" in missing.output


def test_init_makes_a_workspace_and_refuses_to_overwrite(outside):
    first = invoke("init", "plans", "--jurisdiction", "tỉnh Thanh Hóa")
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines() == ["made plangraph.toml", "made sources/", "made sources/manifest.toml",
                                         "made registry/", "made registry/agencies.toml", "made .gitignore"]
    ws = find(outside / "plans")
    assert ws.jurisdiction == "tỉnh Thanh Hóa" and ws.name == "plans"
    assert ".plangraph-cache/" in (ws.root / ".gitignore").read_text(encoding="utf-8")
    config = ws.config_file.read_bytes()
    again = invoke("init", "plans")
    assert again.exit_code == 2 and "already a workspace" in again.output
    assert ws.config_file.read_bytes() == config
    # the commented registry template is a valid, empty override file
    assert load_registries(ws.registry).added == {}


@pytest.mark.parametrize("text, line, message", [
    ('[workspace]\nname = "x"\nsources = [\n', 3, "invalid TOML"),
    ('[workspace]\nname = "x"\n\nsorces = "plans"\n', 4, "unknown key 'sorces'"),
    ('[workspace]\ngraph = "../elsewhere.ttl"\n', 2, "outside the workspace folder"),
    ('[workspace]\nname = "x"\ncache = 3\n', 3, "cache must be a non-empty string"),
    ('[workspace]\nname = "x"\njurisdiction = "tỉnh Atlantis"\n', 3, "is not a province, city or district"),
])
def test_a_broken_plangraph_toml_names_its_line(outside, text, line, message):
    (outside / CONFIG_NAME).write_text(text, encoding="utf-8")
    with pytest.raises(WorkspaceError) as error:
        load(outside / CONFIG_NAME)
    assert error.value.line == line and message in str(error.value)
    result = invoke("build")
    assert result.exit_code == 2 and f"{CONFIG_NAME}:{line}: " in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_add_shows_what_was_found_then_copies_byte_for_byte(ws):
    dry = invoke("add", "--dry-run", PLAN)
    assert dry.exit_code == 0, dry.output
    assert [p.name for p in ws.sources.iterdir()] == ["manifest.toml"]
    result = invoke("add", PLAN)
    assert result.exit_code == 0, result.output
    assert result.stdout == dry.stdout
    shown = dict(map(str.strip, line.split(": ", 1)) for line in result.stdout.splitlines()[1:])
    assert shown["issuer"] == "ỦY BAN NHÂN DÂN TỈNH THANH HÓA" and shown["number"] == "913/QĐ-UBND" and shown["date"] == "2022-03-14"
    assert shown["kind"] == "Chương trình hành động" and shown["implements"] == "Nghị quyết 10-NQ/TU"
    assert shown["tasks"] == "118 (69 in the text, 49 appendix rows), 40 targets"
    assert shown["unregistered"] == "none" and shown["warnings"] == "none"
    assert (ws.sources / PLAN.name).read_bytes() == PLAN.read_bytes()
    manifest = (ws.manifest).read_text(encoding="utf-8")
    assert f'file = "{PLAN.name}"\nsha256 = "{hashlib.sha256(PLAN.read_bytes()).hexdigest()}"' in manifest
    build = invoke("build", "-q")
    assert build.exit_code == 0, build.output
    tasks = invoke("tasks", "-a", "Sở Y tế", "-f", "csv")
    assert tasks.exit_code == 0 and f"{PLAN.name}:77" in tasks.stdout
    # the query store's cache is the workspace's, and so is a view written without -o
    assert list(ws.cache.glob("oxigraph-*")) and not (ws.root / ".cache").exists()
    assert invoke("viz", "--plan", "913").exit_code == 0
    assert [p.name for p in ws.reports.iterdir()] == ["plangraph-plan-913.html"]


def test_add_refuses_bad_input_in_one_line_and_copies_nothing(ws, tmp_path):
    assert invoke("add", PLAN).exit_code == 0
    before = {p.name: p.read_bytes() for p in ws.sources.iterdir()}
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.4\x00\x00\x01binary")
    letter = tmp_path / "letter.md"
    letter.write_text("Kính gửi: các sở, ban, ngành.\n\nĐề nghị báo cáo trước ngày 15.\n", encoding="utf-8")
    renamed = tmp_path / "copy-of-004.txt"
    renamed.write_bytes(PLAN.read_bytes())
    other = SOURCES / FILES["001"]
    cases = {
        "duplicate": ([other, renamed], "already in sources as 004_86eb4304471918db.txt (same SHA-256)"),
        "same file twice": ([other, other], "already in this command as"),
        "missing": ([tmp_path / "missing.txt"], "cannot read: No such file or directory"),
        "binary": ([binary], "binary file"),
        "not a plan": ([letter], "not a plan?"),
        "suffix": ([tmp_path / "plan.docx"], "not a plan: plangraph reads .txt and .md files"),
    }
    for case, (files, message) in cases.items():
        result = invoke("add", *files)
        assert result.exit_code == 2, (case, result.output)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and message in lines[0] and "nothing copied" in lines[0], (case, lines)
        assert {p.name: p.read_bytes() for p in ws.sources.iterdir()} == before, case


def test_remove_takes_a_plan_and_its_manifest_entry_out(ws):
    assert invoke("add", PLAN, SOURCES / FILES["002"]).exit_code == 0
    result = invoke("remove", PLAN.name)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in ws.sources.iterdir()) == [FILES["002"], "manifest.toml"]
    manifest = ws.manifest.read_text(encoding="utf-8")
    assert PLAN.name not in manifest and FILES["002"] in manifest
    assert manifest.startswith("# The plans of this workspace.")
    gone = invoke("remove", PLAN.name)
    assert gone.exit_code == 2 and "not a plan in sources/" in gone.output


def test_build_warns_about_a_plan_edited_after_it_was_added(ws):
    assert invoke("add", PLAN).exit_code == 0
    copy = ws.sources / PLAN.name
    copy.write_bytes(copy.read_bytes().replace("Sở Y tế thường xuyên".encode(), "Sở Y tế luôn".encode()))
    result = invoke("build", "-q")
    assert result.exit_code == 0
    assert f"warning: {PLAN.name}: changed since it was added" in result.output


def test_unregistered_agency_printed_ready_to_paste_then_registered(ws, tmp_path):
    added = invoke("add", variant_with_unknown_agency(tmp_path))
    assert "unregistered: Trung tâm Dữ liệu số tỉnh" in added.stdout
    assert invoke("build", "-q").exit_code == 0
    result = invoke("agencies", "--unregistered")
    assert result.exit_code == 0, result.output
    assert ('[[agency]]\nid = "trung-tam-du-lieu-so-tinh"\njurisdiction = "thanh-hoa"\n'
            'name = "Trung tâm Dữ liệu số tỉnh"\n') in result.stdout
    assert 'source = "004-variant.txt:406"' in result.stdout
    with (ws.registry / "agencies.toml").open("a", encoding="utf-8") as handle:
        handle.write(result.stdout)
    assert invoke("build", "-q").exit_code == 0
    graph = ws.graph.read_text(encoding="utf-8")
    assert "pg:leadAgency <agency/thanh-hoa/trung-tam-du-lieu-so-tinh>" in graph
    assert '<agency/thanh-hoa/trung-tam-du-lieu-so-tinh>\n    a org:Organization ,\n        pg:Agency ;' in graph
    assert "every agency the graph's tasks name is in the registry" in invoke("agencies", "--unregistered").stdout
    listing = invoke("agencies", "-f", "csv")
    assert "trung-tam-du-lieu-so-tinh,agency,Trung tâm Dữ liệu số tỉnh,,thanh-hoa,workspace" in listing.stdout
    assert "so-y-te,agency,Sở Y tế,Department of Health,thanh-hoa,bundled" in listing.stdout
    assert "so-y-te,agency,Sở Y tế,Department of Health,province,bundled" in listing.stdout  # the standard name


def test_an_override_adds_to_a_bundled_entry(tmp_path):
    (tmp_path / "agencies.toml").write_text(
        '[[agency]]\nid = "so-y-te"\nname = "Sở Y tế"\naliases = ["SYT Thanh Hóa"]\nname_en = "Health Department"\n',
        encoding="utf-8")
    (tmp_path / "projects.toml").write_text(
        '[[project]]\nid = "khu-du-lich-sam-son"\nname = "Khu du lịch Sầm Sơn"\n', encoding="utf-8")
    registries = load_registries(tmp_path)
    entry = next(item for item in registries.items("agencies", "agency") if item["id"] == "so-y-te")
    assert entry["name_en"] == "Health Department" and "SYT Thanh Hóa" in entry["aliases"]
    assert registries.origin("agencies", "so-y-te") == "bundled + workspace"
    from plangraph.extract.agencies import AgencyResolver
    from plangraph.extract.projects import find_projects

    assert AgencyResolver.from_file(registries).resolve("SYT Thanh Hóa") == "so-y-te"
    with activate(registries):
        assert [p.id for p in find_projects("Nâng cấp Khu du lịch Sầm Sơn.")] == ["khu-du-lich-sam-son"]
    assert find_projects("Nâng cấp Khu du lịch Sầm Sơn.") == []  # the bundled gazetteer alone


@pytest.mark.parametrize("text, line, message", [
    ('\n[[agency]]\nid = "so-y-te"\nname = "Sở Sức khỏe"\n', 3, "named 'Sở Sức khỏe' here but 'Sở Y tế'"),
    ('[[collective]]\nid = "so-y-te"\nname = "Sở Y tế"\nsource = "x:1"\n', 2, "is a [[agency]] in the bundled"),
    ('[[agency]]\nid = "so-moi"\nname = "Sở Mới"\n', 2, "[[agency]] so-moi lacks source"),
    ('[[agency]]\nid = "so-moi"\nname = "Sở Mới"\nsource = "x:1"\naliases = "Sở M"\n', 2, "list of strings"),
])
def test_an_override_that_contradicts_the_bundled_registry_is_reported(tmp_path, text, line, message):
    (tmp_path / "agencies.toml").write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as error:
        load_registries(tmp_path)
    assert error.value.line == line and message in str(error.value)


def test_a_contradiction_stops_the_build_naming_the_line(ws):
    assert invoke("add", PLAN).exit_code == 0
    (ws.registry / "issuers.toml").write_text('[[issuer]]\nid = "chinh-phu"\nname = "Nhà nước"\n', encoding="utf-8")
    result = invoke("build")
    assert result.exit_code == 2 and "registry/issuers.toml:2: chinh-phu is named 'Nhà nước'" in result.output
    assert not ws.graph.exists()


def test_not_in_workspace_is_a_workspace_error():
    assert issubclass(NotInWorkspace, WorkspaceError)


def test_the_readme_shows_the_exact_output_of_add(ws, tmp_path):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Your own plans", 1)[1]
    shown = section.split("$ plangraph add ../002_5ed02d632c79bce9.txt\n", 1)[1].split("\n$ ", 1)[0]
    plan = tmp_path / FILES["002"]
    plan.write_bytes((SOURCES / FILES["002"]).read_bytes())
    result = invoke("add", plan)
    assert result.exit_code == 0 and result.output == shown + "\n"
