"""Bad and unusual inputs: each has a defined outcome, never a traceback."""

from __future__ import annotations

import shutil
import unicodedata

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legacy_text import to_cp1258
from plangraph.build import build_graph
from plangraph.cli import cli
from plangraph.errors import PlangraphError, SourceError

from conftest import FILES, SOURCES

SMALL = "003"  # the smallest plan: fast to build many times


def one_plan(tmp_path, data: bytes, name: str = "plan.txt"):
    folder = tmp_path / "sources"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    return folder


def original(key=SMALL) -> str:
    return (SOURCES / FILES[key]).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ref")
    (folder / "plan.txt").write_text(original(), encoding="utf-8")
    return build_graph(folder).turtle


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
        lambda t: to_cp1258(t),
        lambda t: t.replace(" ", "\u00a0", 50).encode("utf-8"),
        lambda t: t.replace("Sở", "S\u200bở", 5).encode("utf-8"),
    ],
    ids=["utf8", "bom", "utf16-bom", "utf16-le", "nfd", "crlf", "cr", "cp1258", "nbsp", "zero-width"],
)
def test_variants_give_the_same_graph(tmp_path, reference, variant, request):
    folder = one_plan(tmp_path, variant(original()))
    turtle = build_graph(folder).turtle
    if request.node.callspec.id == "nbsp":
        # the text differs (no-break spaces are characters), so only its checksum may differ
        import re

        strip = lambda t: re.sub(r'pg:sha256 "[0-9a-f]+"', "", t)  # noqa: E731
        turtle, expected = strip(turtle), strip(reference)
    else:
        expected = reference
    assert turtle == expected


UNREADABLE = [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (bytes(range(256)) * 4, "binary file"),
    ("Kế hoạch".encode("utf-8") + b"\n\xff\xfe\xfa not text\n", "not UTF-8"),
]


@pytest.mark.parametrize("data,message", UNREADABLE, ids=["empty", "blank", "binary", "bad-bytes"])
def test_an_unreadable_document_is_left_out_and_the_others_are_built(tmp_path, data, message):
    folder = one_plan(tmp_path, original().encode("utf-8"))
    (folder / "bad.txt").write_bytes(data)
    result = build_graph(folder)
    assert result.summary.documents == 1 and result.summary.tasks > 0
    assert len(result.summary.failed) == 1
    assert result.summary.failed[0].startswith("bad.txt") and message in result.summary.failed[0]
    with pytest.raises(SourceError, match=message) as error:
        build_graph(folder, strict=True)
    assert error.value.path == "bad.txt"


@pytest.mark.parametrize(
    "data",
    [
        "Biên bản họp tổ dân phố.\nKhông có nội dung kế hoạch.\n".encode("utf-8"),
        # TCVN3 and VNI are converted (tests/test_legacy_encodings.py): these sentences are
        # read, and then found to assign nothing, as any text that is not a plan.
        ("Ph¸t triÓn kinh tÕ x· héi cña tØnh Thanh Hãa ®Õn n¨m 2030. " * 6).encode("cp1252"),
        ("Phaùt trieån kinh teá xaõ hoäi cuûa tænh Thanh Hoùa ñeán naêm 2030. " * 6).encode("cp1252"),
    ],
    ids=["minutes", "tcvn3", "vni"],
)
def test_a_document_that_is_not_a_plan_is_built_with_no_tasks_and_says_so(tmp_path, data):
    result = build_graph(one_plan(tmp_path, data, "other.txt"))
    assert result.summary.documents == 1 and result.summary.not_plans == 1
    assert result.summary.tasks == 0 and not result.summary.failed
    assert "other.txt: no tasks found: not a plan?" in result.summary.warnings
    assert not any("province" in w for w in result.summary.warnings)  # said only of plans


def test_a_folder_where_nothing_can_be_read_keeps_the_old_graph_and_names_the_line(tmp_path):
    folder = one_plan(tmp_path, "Kế hoạch\n".encode("utf-8") + b"d\xf2ng 2\n")
    out = tmp_path / "g.ttl"
    out.write_text("old", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--sources", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 2 and "plan.txt:2" in result.output and "Traceback" not in result.output
    assert out.read_text(encoding="utf-8") == "old"


def test_an_unreadable_document_among_good_ones_exits_1_and_strict_refuses(tmp_path):
    folder = one_plan(tmp_path, original().encode("utf-8"))
    (folder / "broken.txt").write_bytes("Kế hoạch\n".encode("utf-8") + b"d\xf2ng 2\n")
    out = tmp_path / "g.ttl"
    out.write_text("old", encoding="utf-8")
    strict = CliRunner().invoke(cli, ["build", "--sources", str(folder), "-o", str(out), "-q", "--strict"])
    assert strict.exit_code == 2 and "broken.txt:2" in strict.output
    assert out.read_text(encoding="utf-8") == "old"
    result = CliRunner().invoke(cli, ["build", "--sources", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "broken.txt:2: not UTF-8" in result.output and "1 document(s) left out" in result.output
    assert "<plan/thanh-hoa/2023-1992>" in out.read_text(encoding="utf-8")


def test_the_same_document_twice_is_read_once(tmp_path, reference):
    folder = one_plan(tmp_path, original().encode("utf-8"))
    (folder / "copy-of-plan.txt").write_text(original().replace("\n", "\r\n"), encoding="utf-8")
    result = build_graph(folder)
    assert result.turtle.replace("copy-of-plan.txt", "plan.txt") == reference.replace("copy-of-plan.txt", "plan.txt")
    assert any("same text as" in w for w in result.summary.warnings)


def test_truncated_document_builds_what_is_there(tmp_path):
    text = original("004")
    folder = one_plan(tmp_path, text[: len(text) // 2].encode("utf-8"))
    result = build_graph(folder)
    assert 0 < result.summary.tasks < 118


def test_duplicated_table_row_is_kept_once_per_line(tmp_path):
    lines = original("004").split("\n")
    lines.insert(345, lines[344])  # row "2" of group III.1 printed twice
    folder = one_plan(tmp_path, "\n".join(lines).encode("utf-8"))
    result = build_graph(folder)
    assert result.summary.tasks == 119  # both rows are tasks, each at its own line


def test_row_with_a_missing_or_extra_cell(tmp_path):
    lines = original("004").split("\n")
    cells = lines[344].split("\t")
    lines[344] = "\t".join(cells[:-1])  # no deadline cell
    lines[347] = lines[347] + "\tcột thừa"
    folder = one_plan(tmp_path, "\n".join(lines).encode("utf-8"))
    result = build_graph(folder)
    assert result.summary.tasks == 118


# -- mutated documents: the build succeeds or fails cleanly ------------------------------

LINES = original("004").split("\n")


@st.composite
def mutated(draw):
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "cut", "blank"]))
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "cut":
            cut = draw(st.integers(0, max(len(lines[i]), 1)))
            lines[i] = lines[i][:cut]
        else:
            lines[i] = ""
    text = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1258", "nfd"]))
    if encoding == "cp1258":
        return to_cp1258(text)
    if encoding == "nfd":
        return unicodedata.normalize("NFD", text).encode("utf-8")
    return text.encode(encoding)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutated())
def test_mutated_documents_build_or_fail_cleanly(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("mutated")
    (folder / "plan.txt").write_bytes(data)
    try:
        result = build_graph(folder)
    except PlangraphError as error:
        assert error.path == "plan.txt" and str(error)
    else:
        assert result.summary.tasks >= 0


def test_build_diff_shows_a_lost_task(tmp_path):
    """A rebuild that loses a task says so before the graph is replaced."""
    folder = one_plan(tmp_path, original().encode("utf-8"))
    out = tmp_path / "g.ttl"
    assert CliRunner().invoke(cli, ["build", "--sources", str(folder), "-o", str(out), "-q"]).exit_code == 0
    lines = original().split("\n")
    lines[133] = ""  # line 134: a "+" bullet of Sở Kế hoạch và Đầu tư, blanked (line numbers kept)
    (folder / "plan.txt").write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--sources", str(folder), "-o", str(out), "--diff", "--check", "-q"])
    assert result.exit_code == 1
    assert "tasks: +0 -1 ~0" in result.output and "- plan/thanh-hoa/2023-1992/task/L134" in result.output
