"""TCVN3 (ABC) and VNI, the legacy Vietnamese font encodings: converted when sure, never guessed.

The encoders in legacy_text.py are built from the fonts' layouts independently of the
tables in plangraph.legacy_encodings, so each checks the other.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import unicodedata

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legacy_text import TCVN3_TABLE, to_cp1258, to_tcvn3, to_vni, vietnamese_letters
from plangraph import legacy_encodings as legacy
from plangraph.build import build_graph
from plangraph.cli import cli
from plangraph.errors import PlangraphError, SourceError
from plangraph.sources import decode

from conftest import FILES, SOURCES

LETTERS = vietnamese_letters()
# TCVN3 has capitals only for these; every other capital is typed as its lower-case byte.
TCVN3_CAPITALS = "ĂÂÊÔƠƯĐ"
NO_CAPITAL = [c for c in LETTERS if c.isupper() and c not in TCVN3_CAPITALS]
TEXTS = {key: unicodedata.normalize("NFC", (SOURCES / name).read_text(encoding="utf-8")) for key, name in FILES.items()}
SMALL = "003"
ENCODERS = {"tcvn3": to_tcvn3, "vni": to_vni, "cp1258": to_cp1258, "utf-8": lambda t: t.encode("utf-8")}
# What TCVN3 cannot carry in the five plans: "Ủy" inside a sentence ("của Ủy ban nhân dân"),
# which comes back "ủy". Every other capital is restored from its context. Lines per plan.
TCVN3_LOST = {"000": [33], "001": [23, 25, 167], "002": [460], "003": [7, 11, 11, 31], "004": [211, 229]}


def one_plan(tmp_path, data: bytes, name: str = "plan.txt"):
    folder = tmp_path / "sources"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder


def without_checksum(turtle: str) -> str:
    return re.sub(r'pg:sha256 "[0-9a-f]+"', "", turtle)


# -- (a) every letter -----------------------------------------------------------------------


def test_the_letters_are_all_134():
    assert len(LETTERS) == len(set(LETTERS)) == 134
    assert all(len(c) == 1 and unicodedata.is_normalized("NFC", c) for c in LETTERS)
    assert sum(c.islower() for c in LETTERS) == 67 and len(NO_CAPITAL) == 60


def test_the_vni_table_agrees_with_the_independent_encoder():
    assert set(legacy.VNI_FROM_UNICODE) == set(LETTERS)
    assert {c: to_vni(c) for c in LETTERS if to_vni(c) != legacy.VNI_FROM_UNICODE[c]} == {}


def test_every_letter_round_trips_through_vni():
    assert [c for c in LETTERS if legacy.decode_vni(to_vni(c)) != c] == []
    # inside words, next to each other, and in the text that joins them all
    assert [c for c in LETTERS if legacy.decode_vni(to_vni(f"ng{c}nh {c}{c}")) != f"ng{c}nh {c}{c}"] == []
    everything = " ".join(LETTERS) + "\n" + "".join(LETTERS)
    assert legacy.decode_vni(to_vni(everything)) == everything


def test_vni_capital_with_a_lower_case_mark_is_a_capital():
    # What a case change that sees single bytes makes of VNI text: only the base is a capital.
    titled = {c: to_vni(c)[:1] + bytes([to_vni(c)[1] + 0x20]) for c in LETTERS if c.isupper() and len(to_vni(c)) == 2}
    assert len(titled) == 58  # 67 capitals less the 9 of one byte (Ơ Ư Đ, the toned I, Ỵ)
    assert {c: legacy.decode_vni(b) for c, b in titled.items() if legacy.decode_vni(b) != c} == {}
    assert legacy.decode_vni("Aùnh Ñoàng Ñaøo".encode("cp1252")) == "Ánh Đồng Đào"


def test_the_tcvn3_table_agrees_with_the_independent_encoder():
    table = legacy.TCVN3_TO_UNICODE
    assert len(table) == 75  # 67 lower-case letters, 7 capitals, the no-break space
    assert sorted(c for c in table.values() if c.isupper()) == sorted(TCVN3_CAPITALS)
    assert {hex(b): c for b, c in table.items() if c != "\u00a0" and TCVN3_TABLE[c] != bytes([b])} == {}


def test_every_letter_round_trips_through_tcvn3_with_the_case_it_can_carry():
    expected = {c: c.lower() if c in NO_CAPITAL else c for c in LETTERS}
    decoded = {c: legacy.decode_tcvn3(to_tcvn3(c), restore_case=False) for c in LETTERS}
    assert {c: d for c, d in decoded.items() if d != expected[c]} == {}
    # a capital with a tone mark has no byte of its own: it is the lower-case letter's byte
    assert all(to_tcvn3(c) == to_tcvn3(c.lower()) for c in NO_CAPITAL)
    assert len({to_tcvn3(c) for c in LETTERS}) == 74


@pytest.mark.skipif(shutil.which("iconv") is None, reason="no iconv")
def test_the_tcvn3_table_agrees_with_glibc():
    """A third source: glibc's TCVN5712-1 (VN1), of which TCVN3 (VN3) is a subset."""
    codes = bytes(range(0xA1, 0x100))
    run = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=b"\n".join(bytes([b]) for b in codes),
                         capture_output=True)  # fmt: skip
    if run.returncode:
        pytest.skip("iconv has no TCVN5712-1")
    vn1 = dict(zip(codes, run.stdout.decode("utf-8").split("\n")))
    ours = legacy.TCVN3_TO_UNICODE
    assert {hex(b): (c, vn1[b]) for b, c in ours.items() if b in vn1 and vn1[b] != c} == {}
    # what VN1 has beyond TCVN3 is capitals with tone marks and combining marks, read as Windows-1252
    extra = {vn1[b] for b in codes if b not in ours}
    assert all(unicodedata.combining(c) or (c.isupper() and c not in TCVN3_CAPITALS) for c in extra)
    assert legacy.decode_tcvn3(b"25\xb0C 10 m\xb2") == "25°C 10 m²"


# -- case restoration in TCVN3 -----------------------------------------------------------------


@pytest.mark.parametrize(
    "read,restored",
    [
        ("Kế HOạCH HàNH ĐộNG", "KẾ HOẠCH HÀNH ĐỘNG"),
        ("ủY BAN NHÂN DÂN TỉNH THANH HóA", "ỦY BAN NHÂN DÂN TỈNH THANH HÓA"),
        ("[bookmark: muc_3]III. Tổ CHứC THựC HIệN", "[bookmark: muc_3]III. TỔ CHỨC THỰC HIỆN"),
        ("CHƯƠNG TRìNH HàNH ĐộNG**Thực hiện", "CHƯƠNG TRÌNH HÀNH ĐỘNG**Thực hiện"),
        ("- ủy ban MTTQ, các đoàn thể", "- Ủy ban MTTQ, các đoàn thể"),
        ("đã hoàn thành. ở các huyện", "đã hoàn thành. Ở các huyện"),
        ("1\tủy ban nhân dân các huyện\tSở Y tế", "1\tỦy ban nhân dân các huyện\tSở Y tế"),
        # nothing to tell: left as read
        ("Sở KH&ĐT chủ trì", "Sở KH&ĐT chủ trì"),
        ("Bộ GD&ĐT; Sở TN&MT", "Bộ GD&ĐT; Sở TN&MT"),
        ("số 05-NQ/TU Kế hoạch", "số 05-NQ/TU Kế hoạch"),
        ("Kế hoạch số 1992/KH-UBND", "Kế hoạch số 1992/KH-UBND"),
        # the limit: a capital inside a sentence cannot be told from the bytes
        ("của ủy ban nhân dân tỉnh", "của ủy ban nhân dân tỉnh"),
    ],
)
def test_capitals_are_restored_from_their_context(read, restored):
    assert legacy.restore_capitals(read)[0] == restored


# -- (b) a real plan, re-encoded, builds the same tasks -------------------------------------


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ref")
    (folder / "plan.txt").write_text(TEXTS[SMALL], encoding="utf-8")
    return build_graph(folder)


def test_a_vni_plan_gives_the_same_graph(tmp_path, reference):
    result = build_graph(one_plan(tmp_path, to_vni(TEXTS[SMALL])))
    assert result.turtle == reference.turtle
    assert any("read as the legacy VNI font encoding and converted to Unicode; check names" in w
               for w in result.summary.warnings)  # fmt: skip


def test_a_tcvn3_plan_gives_the_same_graph_but_the_text_checksum(tmp_path, reference):
    """Plan 003 in TCVN3: every triple the same except pg:sha256, because the text differs
    in four words, "Ủy" read as "ủy" inside sentences (lines 7, 11, 11, 31) that are in no
    task."""
    result = build_graph(one_plan(tmp_path, to_tcvn3(TEXTS[SMALL])))
    assert result.turtle != reference.turtle
    assert without_checksum(result.turtle) == without_checksum(reference.turtle)
    assert result.summary.tasks == reference.summary.tasks == 47
    assert any("TCVN3 (ABC) font encoding and converted" in w for w in result.summary.warnings)


def lost_words(original: str, converted: str) -> list[tuple[int, str, str]]:
    lost = []
    for number, (a, b) in enumerate(zip(original.split("\n"), converted.split("\n"), strict=True), 1):
        lost += [(number, x, y) for x, y in zip(a.split(" "), b.split(" "), strict=True) if x != y]
    return lost


@pytest.mark.parametrize("key", sorted(FILES))
def test_the_five_plans_convert_back(key):
    text = TEXTS[key]
    assert decode(to_vni(text), "plan.txt")[:2] == (text, "vni")
    converted, encoding, _ = decode(to_tcvn3(text), "plan.txt")
    assert encoding == "tcvn3" and converted.lower() == text.lower()
    assert lost_words(text, converted) == [(line, "Ủy", "ủy") for line in TCVN3_LOST[key]]


@pytest.mark.parametrize("key", sorted(FILES))
def test_the_five_plans_build_the_same_tasks_in_both_encodings(tmp_path, key):
    """VNI: the same graph. TCVN3: the same triples but the text checksum and the labels
    (task texts, outputs) that quote a sentence with a lost "Ủy" of TCVN3_LOST."""
    original = build_graph(one_plan(tmp_path / "utf8", TEXTS[key].encode("utf-8"))).turtle
    assert build_graph(one_plan(tmp_path / "vni", to_vni(TEXTS[key]))).turtle == original
    tcvn3 = build_graph(one_plan(tmp_path / "tcvn3", to_tcvn3(TEXTS[key]))).turtle
    changed = [(a, b) for a, b in zip(original.split("\n"), tcvn3.split("\n"), strict=True) if a != b]
    checksum = [(a, b) for a, b in changed if "pg:sha256" in a]
    labels = [(a, b) for a, b in changed if "pg:sha256" not in a]
    assert len(checksum) == 1
    assert all(a.replace("Ủy", "ủy") == b for a, b in labels)
    assert len(labels) == {"000": 0, "001": 1, "002": 1, "003": 0, "004": 1}[key]


# -- (c) UTF-8 and Windows-1258 are never taken for TCVN3 or VNI -----------------------------


@pytest.mark.parametrize("key", sorted(FILES))
def test_utf8_and_cp1258_plans_are_never_a_legacy_encoding(key):
    text = TEXTS[key]
    assert legacy.detect(text.encode("utf-8")) == legacy.Detection(None, None, {}, "valid UTF-8")
    assert decode(text.encode("utf-8"), "plan.txt")[1] == "utf-8"
    assert legacy.detect(to_cp1258(text)).encoding is None
    converted, encoding, _ = decode(to_cp1258(text), "plan.txt")
    assert (unicodedata.normalize("NFC", converted), encoding) == (text, "cp1258")


def test_legacy_text_saved_as_utf8_stays_utf8():
    # "Ph¸t triÓn" typed in .VnTime and saved as UTF-8 is valid UTF-8: read as it is, not converted
    mojibake = to_tcvn3(TEXTS[SMALL]).decode("cp1252", errors="replace").encode("utf-8")
    assert legacy.detect(mojibake).encoding is None
    assert decode(mojibake, "plan.txt")[1] == "utf-8"


@st.composite
def passages(draw):
    text = TEXTS[draw(st.sampled_from(sorted(TEXTS)))]
    start = draw(st.integers(0, len(text) - 1))
    return text[start : start + draw(st.integers(1, 4000))]


@settings(max_examples=150, deadline=None)
@given(passage=passages(), encoding=st.sampled_from(sorted(ENCODERS)))
def test_a_passage_is_never_read_in_the_wrong_encoding(passage, encoding):
    """Any stretch of a plan, in any of the four encodings: read right, or refused."""
    data = ENCODERS[encoding](passage)
    assert legacy.detect(data).encoding in {None, encoding}
    try:
        text, found, _ = decode(data, "plan.txt")
    except SourceError:
        assert encoding != "utf-8"
        return
    assert found == ("utf-8" if data.isascii() else encoding)
    text = unicodedata.normalize("NFC", text)  # Windows-1258 has combining tone marks
    assert text.lower() == passage.lower() if encoding == "tcvn3" else text == passage


# -- (d) what is not safe to convert is refused, with the file and the line --------------------


def test_garbage_bytes_are_refused_with_file_and_line(tmp_path):
    rng = random.Random(5712)
    garbage = bytes(rng.randrange(1, 256) for _ in range(20000))
    french = ("Le développement économique et social à l'horizon 2030.\n" * 40).encode("cp1252")
    late = ("Kế hoạch\n" * 3).encode("utf-8") + b"d\xf2ng 4 \xff\xfe\n"
    for data, line in ((garbage, 1), (french, 1), (late, 4)):
        folder = one_plan(tmp_path / str(line), data, "bad.txt")
        with pytest.raises(SourceError, match=r"not UTF-8 \(byte 0x[0-9a-f]{2} at offset \d+\)") as error:
            build_graph(folder)
        assert (error.value.path, error.value.line) == ("bad.txt", line)


def test_a_document_mixing_tcvn3_and_vni_is_refused_naming_the_encoding(tmp_path):
    text = TEXTS[SMALL]
    lines = text.split("\n")
    data = to_vni("\n".join(lines[:40]) + "\n") + to_tcvn3("\n".join(lines[40:]))
    with pytest.raises(SourceError, match=r"looks like the legacy (TCVN3 \(ABC\)|VNI) font encoding but cannot be "
                       r"converted safely \(as .*, \d+ words or symbols do not read as Vietnamese, the first on line \d+\)"
                       ) as error:  # fmt: skip
        build_graph(one_plan(tmp_path, data, "bad.txt"))
    assert error.value.path == "bad.txt" and error.value.line


def test_vietnamese_that_is_not_about_a_plan_is_refused_in_a_legacy_encoding():
    """detect() is sure, but the text has none of the words every plan has: refused."""
    chat = "Hôm nay trời đẹp lắm. Chúng tôi đi chơi ở công viên gần nhà, ăn kem rồi về.\n" * 4
    assert legacy.detect(to_tcvn3(chat)).encoding == "tcvn3"
    with pytest.raises(SourceError, match=r"TCVN3 \(ABC\).*\(the converted text does not read as Vietnamese\)"):
        decode(to_tcvn3(chat), "chat.txt")


def test_too_little_text_is_not_guessed():
    detection = legacy.detect(to_tcvn3("Phát triển kinh tế"))
    assert detection.encoding is None and detection.reason == "too few Vietnamese words to tell the encoding"


def test_the_cli_builds_a_tcvn3_plan_and_warns_even_when_quiet(tmp_path):
    folder = one_plan(tmp_path, to_tcvn3(TEXTS[SMALL]), "plan-abc.txt")
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(cli, ["build", "--sources", str(folder), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "warning: plan-abc.txt: not UTF-8: read as the legacy TCVN3 (ABC) font encoding and converted to Unicode; check names" in result.output
    assert "TCVN3 has no capitals with tone marks" in result.output


@st.composite
def mutated_legacy(draw):
    lines = TEXTS["004"].split("\n")
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "cut", "blank"]))
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "cut":
            lines[i] = lines[i][: draw(st.integers(0, max(len(lines[i]), 1)))]
        else:
            lines[i] = ""
    return ENCODERS[draw(st.sampled_from(["tcvn3", "vni"]))]("\n".join(lines))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutated_legacy())
def test_mutated_legacy_documents_build_or_fail_cleanly(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("mutated")
    (folder / "plan.txt").write_bytes(data)
    try:
        result = build_graph(folder)
    except PlangraphError as error:
        assert error.path == "plan.txt" and str(error)
    else:
        assert any("font encoding and converted" in w for w in result.summary.warnings)
