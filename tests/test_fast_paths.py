"""The faster forms of the reader's steps give what the plain forms give (issue 16).

Each fast path skips work that cannot change the answer (a pass of a pattern over a text
that holds none of its first letters, a search per registry entry); these tests hold it
to the plain form on generated text, so that a later edit of one cannot drift from the other.
"""

from __future__ import annotations

import functools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plangraph.extract import agencies, name_keys
from plangraph.read import inline
from plangraph.registries import _value_lines, line_of
from plangraph.text import collapse_spaces, tone_key

_SPACES = " \t\u00a0\u2002\u2009\u202f\u205f\u3000"
_TEXT = st.text(alphabet=st.sampled_from(list(_SPACES) + list("aĐờ,;-&*")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_TEXT | st.text(alphabet=" \t\n\r\x0b\x1ca,", max_size=12))
def test_collapse_spaces_is_the_plain_collapse(text):
    # (the second: ASCII texts, which have a fast path, with the ASCII spaces it leaves inside)
    plain = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text).strip()
    assert collapse_spaces(text) == plain


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_unmarked_lines_collapse_like_marked_ones(text):
    plain = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+", " ", text)
    assert inline._SPACE_FIX.sub(" ", text) == plain


_WORDS = ["ubnd", "UBND", "Sở", "KH&ĐT", "kh & cn", "NN&PTNT", "nnptnt", "tp.", "TX", "khoa", "không", "thành phố",
          "Lđ-TB&XH", "vh, tt & dl", "gtvt", "công thương", "ct", "cp", "bql", "hđnd", " ", ", ", "-", "&"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=6))
def test_name_key_hint_never_skips_an_abbreviation(words):
    key = " ".join(words).lower()
    if name_keys._ABBREVIATION_RE.search(key):
        assert name_keys._ABBREVIATION_HINT.search(key), key


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([pattern for pattern, _ in name_keys._ABBREVIATIONS]).flatmap(
    lambda pattern: st.from_regex(pattern, fullmatch=True)))
def test_every_abbreviation_opens_with_a_hint(text):
    # each abbreviation of the registry's matcher, as any text it matches: an abbreviation
    # added later without its first letters in the hint fails here
    assert name_keys._ABBREVIATION_HINT.search(text.lower()), text


def test_registry_lines_in_one_pass_are_the_lines_of_each_search():
    text = ('[[agency]]\nid = "so-y-te"\nname = "Sở Y tế"\n\n[[agency]]\n  id="so-tai-chinh"\n'
            "[[agency]]\nid = 'cong-an'\n[[agency]]\nid = \"so-y-te\"\n")
    lines = _value_lines(text, "id")
    assert lines == {"so-y-te": 2, "so-tai-chinh": 6, "cong-an": 8}
    assert all(line_of(text, "id", value) == line for value, line in lines.items())


def test_the_bundled_folder_as_a_workspace_registry_adds_nothing():
    from conftest import ROOT

    from plangraph.registries import load_registries

    registries = load_registries(ROOT / "data" / "registry")  # this repository's workspace
    first = registries.data["agencies"]["agency"][0]["id"]
    assert registries.origin("agencies", first) == "bundled"
    assert not registries.added and not registries.extended


# -- the Turtle writer -------------------------------------------------------------------------

def _plain_turtle(triples, header="", prefixes=None):
    """The writer as first written: nested sets, every term compacted where it is met."""
    from collections import defaultdict

    from plangraph.graph.terms import BASE, PREFIXES, RDF_TYPE, _compact

    by_subject = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[s][p].add(o)
    known = {**PREFIXES, **(prefixes or {})}
    out = [header] if header else []
    out.append(f"@base <{BASE}> .")
    out.extend(f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in sorted(known.items()))
    out.append("")
    for subject in sorted(by_subject, key=lambda s: _compact(s, known)):
        predicates = by_subject[subject]
        lines = []
        for predicate in sorted(predicates, key=lambda p: (p != RDF_TYPE, _compact(p, known))):
            name = "a" if predicate == RDF_TYPE else _compact(predicate, known)
            objects = sorted(_compact(o, known) for o in predicates[predicate])
            lines.append(f"    {name} " + " ,\n        ".join(objects))
        out.append(f"{_compact(subject, known)}\n" + " ;\n".join(lines) + " .\n")
    return "\n".join(out)


def _terms():
    from plangraph.graph.terms import BASE, PG, RDF_TYPE, RDFS, XSD, iri, lit

    iris = st.sampled_from([iri("task/a"), iri("task/b"), iri("agency/vn/bo-y-te"), iri(PG + "Task"),
                            iri(PG + "lead"), iri(RDFS + "label"), RDF_TYPE, iri("http://example.org/x#y"),
                            iri(PG + "1bad"), iri(BASE + "plan/x"), iri("https://w3id.org/plangraph/idx")])
    literals = st.builds(lambda text, kind: lit(text, lang="vi") if kind == "vi" else lit(text, datatype=kind or None),
                         # "^^<" inside a literal's text: the writer's literal fast path must see it
                         st.text(alphabet='ab"\\\nSở ^<>', max_size=6),
                         st.sampled_from(["", "vi", XSD + "gYear", XSD + "string", "http://example.org/dt"]))
    return iris, st.one_of(iris, literals)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_the_turtle_writer_writes_what_the_plain_writer_writes(data):
    from plangraph.graph.terms import to_turtle

    iris, objects = _terms()
    triples = data.draw(st.lists(st.tuples(iris, iris, objects), max_size=25))
    prefixes = data.draw(st.sampled_from([None, {"ex": "http://example.org/"}, {"id": "https://w3id.org/plangraph/"}]))
    for given_as in (triples, set(triples)):  # a list may repeat a triple; a set cannot
        assert to_turtle(given_as, header="# h", prefixes=prefixes) == _plain_turtle(triples, "# h", prefixes)


_KIND_PIECES = ["nghị", " quyết", "quyết định", "chương trình", " hành động", "kế", " hoạch", "kết luận", "chỉ thị",
                "công văn", "văn bản", "thông báo", "thông tư", "nghị định", " ", "số", "x"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_KIND_PIECES), max_size=6))
def test_a_line_with_no_kind_word_is_skipped_only_when_no_word_is_in_it(pieces):
    from plangraph.extract import citations

    low = "".join(pieces)
    assert bool(citations._ANY_KIND.search(low)) == any(word in low for word in citations.KIND_WORDS)


# -- lists of agency names ---------------------------------------------------------------------

# pieces of real lists: whole names (printed forms, abbreviations, old tone marks), separators,
# and the words of the clause that follows a list
_LIST_PIECES = ["Sở Y tế", "Sở Tài chính", "UBND huyện Thọ Xuân", "Sở KH&ĐT", "Sở NN & PTNT", "các đơn vị liên quan",
                "Công an tỉnh", "Ban Dân tộc", "Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hoá", "Thể thao",
                "UBND TP. Thanh Hóa", "các sở, ban, ngành", "Sở:", "Xây dựng", "chủ trì", "phối hợp với", "xây dựng",
                "tỉnh", ",", ";", "và", "cùng", "Thanh Hoá", "Sở", "các", "UBND", "Kế hoạch và Đầu tư"]


def _plain_longest_list_prefix(resolver, text, max_words=45):
    """:meth:`AgencyResolver.longest_list_prefix` with every word's key worked out where it is met."""
    from plangraph.extract.agencies import name_key
    from plangraph.text import fold

    words = text.split(" ")
    first = name_key(re.sub(r"^(?:các|những)\s+", "", text[:40], flags=re.IGNORECASE)).split()
    if not first or (fold(first[0]) not in resolver._first_words
                     and fold(name_key(words[0]) or "-") not in resolver._first_words):
        return None
    for count in range(min(len(words), max_words), 0, -1):
        last = name_key(words[count - 1]).split()
        if not last or fold(last[-1]) not in resolver._last_words:
            continue
        found = resolver.parse_list(" ".join(words[:count]))
        if found:
            return found, " ".join(words[count:]).strip()
    return None


@functools.lru_cache(maxsize=1)
def _resolver():
    return agencies.AgencyResolver.from_file(agencies.REGISTRY_PATH)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LIST_PIECES), min_size=1, max_size=10), st.integers(1, 45))
def test_the_longest_list_of_names_is_the_plain_longest(pieces, max_words):
    resolver = _resolver()  # one for all examples: what one text leaves in its memos must not change another's
    text = " ".join(pieces)
    assert resolver.longest_list_prefix(text, max_words) == _plain_longest_list_prefix(resolver, text, max_words)


_PRINTED = st.one_of(
    st.sampled_from(["Sở", "Y", "tế", "&", "-", ",", ";", "(", ")", "TP.", "tp", "12", "_", "–", "x-UBND", "Hoá", "\u200b",
                     "a\u0301", "\u0301", "NN&PTNT", "và", "/", "“Sở”", "İ", "ẞ", "Thông tin truyền thông"]),
    st.sampled_from([pattern for pattern, _ in name_keys._ABBREVIATIONS]).flatmap(
        lambda pattern: st.from_regex(pattern, fullmatch=True)),
    st.text(alphabet="aĐờ,;-&*._ \t\u00a0", min_size=1, max_size=6))


@settings(max_examples=200, deadline=None)
@given(st.lists(_PRINTED, max_size=12), st.sampled_from([" ", "  ", "\t", " \u00a0"]))
def test_a_printed_word_with_a_letter_gives_its_key_a_word(words, space):
    # why a text with more such words than the longest registry key is no name (resolve's bound)
    text = space.join(words)
    assert len(agencies.name_key(text).split()) >= len(agencies._WORDY_TOKEN.findall(text)), text


@settings(max_examples=200, deadline=None)
@given(st.lists(_PRINTED, max_size=12), st.sampled_from([" ", "  ", "\t", " \u00a0", "\n", "\x1c", "\u2028", "\u3000"]))
def test_the_printed_words_with_a_letter_are_counted_as_the_pattern_finds_them(words, space):
    text = space.join(words)
    assert agencies._wordy_count(text) == len(agencies._WORDY_TOKEN.findall(text)), text


def _plain_resolve(resolver, text):
    from plangraph.text import fold

    key = agencies.name_key(text)
    found = resolver._by_key.get(key) if key else None
    if key and not found:
        candidates = resolver._by_folded.get(fold(key), set())
        found = next(iter(candidates)) if len(candidates) == 1 else None
    return found


def _longest_names(count=6):
    names = [n for entry in _resolver().entries.values() for n in (entry.name, *entry.aliases)]
    return sorted(names, key=lambda n: (-len(n.split()), n))[:count]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LIST_PIECES + ["-", "&"]) | st.sampled_from(_longest_names()), min_size=1, max_size=6))
def test_a_name_resolves_as_it_resolves_without_the_bound_on_its_words(pieces):
    text = " ".join(pieces)
    for surface in (text, text.replace(" ", "  "), *pieces):
        assert _resolver().resolve(surface) == _plain_resolve(_resolver(), surface)


def test_no_registry_name_has_more_printed_words_than_the_longest_key():
    resolver = _resolver()
    names = [n for entry in resolver.entries.values() for n in (entry.name, *entry.aliases)]
    assert max(len(agencies._WORDY_TOKEN.findall(n)) for n in names) <= resolver._most_words
    assert resolver._most_words >= 10  # the bound is not so low that names are refused


_MARKED = st.lists(st.sampled_from(["*", "**", "***", "__", "<b>", "</b>", "<i>", "</I>", "<span x>", "<x>", "<", "a",
                                    "Sở", "[bookmark:x]", "[", "_", " ", "  ", "\t", "\u00a0", "\u2003", "\n", "a__b"]),
                   max_size=14).map("".join)


@settings(max_examples=200, deadline=None)
@given(_MARKED)
def test_the_text_without_marks_is_the_text_strip_marks_gives(line):
    assert inline.strip_marks_text(line) == inline.strip_marks(line)[0]


_TIME_PIECES = ["trước", "ngày", "15/11/2025", "tháng", "11", "12", "/", "-", "năm", "2025", "2026", "quý", "IV", "II",
                "giai đoạn", "2021 - 2025", "hằng năm", "thường xuyên", "từ", "đến", "٢٠٢٥", "Trong", "chậm nhất", ",",
                "năm ٢٠٢٥", "tháng ١١ năm ٢٠٢٥"]  # other digits than 0-9 are digits too


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TIME_PIECES), max_size=10))
def test_time_expressions_of_a_text_without_digits_are_those_every_pattern_finds(pieces):
    from plangraph.extract import deadlines

    text = " ".join(pieces)
    found = deadlines._hits(text)
    every_pattern, deadlines._ANY_DIGIT = deadlines._ANY_DIGIT, re.compile("")
    try:
        assert found == deadlines._hits(text)
    finally:
        deadlines._ANY_DIGIT = every_pattern


_SEPARATED = st.lists(st.sampled_from(["Sở", "Y tế", ",", ";", " và ", " VÀ ", "và", " cùng ", " ", "\t", ")", "a",
                                       ", và ", ";  cùng  ", "\u00a0", "  ", ", cùng "]), max_size=12).map("".join)


@settings(max_examples=200, deadline=None)
@given(_SEPARATED)
def test_a_list_without_brackets_is_cut_where_the_bracket_aware_cut_cuts_it(text):
    from plangraph.read import pieces

    assert pieces._split_flat(text) == pieces._split_nested(text)


_MARKERS = {"I.": "roman", "IV )": "roman", "1.": "num", "1 )": "num", "1.1": "num2", "1.1.": "num2", "1.1.1.": "num3",
            "a)": "letter", "đ.": "letter", "A.": "upper", "Phần I": "part", "Mục 2:": "part", "Điều 3.": "article",
            "+": "plus", "*": "star", "-": "dash", "•": "dash"}


def test_a_marker_kind_is_worked_out_once_and_stays_what_it_is():
    from plangraph.read import outline

    for marker, kind in _MARKERS.items():
        assert outline._kind_of_marker.__wrapped__(marker) == kind, marker  # the plain form
        assert outline._kind_of_marker(marker) == kind and outline._kind_of_marker(marker) == kind  # remembered


_GOAL_PIECES = ["đạt", "95%", "٩٥ %", "1.000 ha", "tăng", "trong nhóm", "TRONG TOP", "Trong  nhóm\t", "10", "3", "tỉnh",
                "dẫn đầu", "cao nhất", "cả nước", "đứng", "xếp", "tỷ lệ", "năm 2025", "giường bệnh/vạn dân", ",", ";"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_GOAL_PIECES), max_size=10))
def test_a_line_is_searched_for_values_only_when_it_can_hold_one(pieces):
    from plangraph.extract import targets

    text = " ".join(pieces)
    value, rank = targets._VALUE_RE.search(text), targets._RANK_RE.search(text)
    assert targets._has_value(text) == (value is not None)
    assert targets._holds_value(text) == (value is not None or rank is not None)
    assert (targets._RANK_HINT.search(text) is not None) >= (rank is not None)  # the hint never misses a rank


_NORMAL_PIECES = st.sampled_from(["Hòa", "Ho\u0300a", "a", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
                                  "Sở", " ", "\u0301", "x", '"', "\\", "\n", "\r", "\t", "Đ"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_NORMAL_PIECES, max_size=10).map("".join))
def test_nfc_is_the_plain_normalisation_without_invisible_characters(text):
    import unicodedata

    from plangraph.text import _INVISIBLE, nfc

    assert nfc(text) == unicodedata.normalize("NFC", text).translate(_INVISIBLE)


@settings(max_examples=200, deadline=None)
@given(st.lists(_NORMAL_PIECES, max_size=10).map("".join))
def test_a_literal_is_escaped_as_the_plain_escape_escapes_it(text):
    from plangraph.graph import terms

    plain = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    assert terms._escape(text) == plain


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["An", "toàn", ",", "vệ sinh", ".", " ", "\x1c", "\u2028", "Hoá", "_", "-", "12", "Đ", "\t"]),
                max_size=10).map("".join))
def test_a_text_is_keyed_for_succession_keywords_as_the_plain_key(text):
    from plangraph.succession import text_key
    from plangraph.text import tone_key

    assert text_key(text) == " " + " ".join(re.sub(r"[^\w]+", " ", tone_key(text)).split()) + " "


@settings(max_examples=200, deadline=None)
@given(_MARKED)
def test_a_line_has_marks_when_the_mark_class_finds_one(line):
    assert inline._has_marks(line) == bool(inline._ANY_MARK.search(line))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(), max_size=8), st.lists(st.integers(-9, 9), max_size=12))
def test_a_lazy_list_reads_as_the_list_it_is_made_from(items, reads):
    from plangraph.read.pieces import Lazy as _Lazy

    lazy = _Lazy(iter(items))
    for index in reads:  # in any order: ahead, back, from the end
        assert lazy.has(index) == (index < len(items)) if index >= 0 else True
        if -len(items) <= index < len(items):
            assert lazy[index] == items[index]
    assert list(lazy) == items and list(lazy) == items


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Đề án", "đề án", "Đề", "án", "ề án", "De an", "phát triển", "du lịch", "tỉnh", ",", ";",
                                 "báo cáo", "(", "xây dựng", "Đe\u0300 án", " "]), max_size=10).map(" ".join))
def test_a_text_without_the_schemes_words_names_no_scheme(text):
    from plangraph.extract import projects

    assert projects._SCHEME_WORDS in text or not projects._SCHEME_RE.search(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([":", ";", ",", " ", "số", "Số", "16-NQ/TU", "ngày", "05/8/2020", "tỉnh", "so"]),
                max_size=10).map("".join))
def test_a_line_without_so_continues_no_list_of_citations(text):
    from plangraph.extract import citations

    assert citations._LIST_ITEM_WORD in text or not citations._LIST_ITEM_RE.search(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aĐ1 ,.*_ⓐ", max_size=8), st.lists(st.booleans(), max_size=10), st.booleans())
def test_a_line_is_all_bold_as_its_letters_say(text, mask, uniform):
    mask = [mask[0]] * len(mask) if uniform and mask else mask  # often one state throughout, as most lines
    letters = [b for ch, b in zip(text, mask) if ch.isalnum()]
    assert inline.all_bold(mask, text) == (bool(letters) and all(letters))


# lines bold throughout ("**Sở Y tế**"), and others that only look so ("**a** b **c**", "***x**")
_BOLD_LINES = st.one_of(_MARKED.map(lambda inner: f"**{inner}**"), _MARKED)
_REAL_LINES = ["**Sở Tài chính**", "**III. TỔ CHỨC THỰC HIỆN**", "** 1. Sở Y tế **", "****", "**2. **Sở Công Thương",
               "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** Độc lập", "*150.000*", "**Điều 3. **Chánh", "**a__b**",
               "**Sở\u00a0 Nội vụ\t**", "**<b>x</b>**", "**[bookmark:_x]Ban**"]


@settings(max_examples=300, deadline=None)
@given(_BOLD_LINES, st.booleans(), st.booleans())
def test_a_line_bold_throughout_is_stripped_as_the_tokens_strip_it(line, bold, italic):
    assert inline.strip_marks(line, bold, italic) == inline._strip_marks_general(line, bold, italic)


def test_real_lines_bold_throughout_are_stripped_as_the_tokens_strip_them():
    for line in _REAL_LINES:
        for bold, italic in ((False, False), (True, False), (False, True)):
            assert inline.strip_marks(line, bold, italic) == inline._strip_marks_general(line, bold, italic), line


@settings(max_examples=200, deadline=None)
@given(_BOLD_LINES)
def test_a_line_is_plain_and_bold_as_strip_marks_says(line):
    text, bolds, _ = inline._strip_marks_general(line)
    letters = [b for ch, b in zip(text, bolds) if ch.isalnum()]
    assert inline.plain_and_bold(line) == (text, bool(letters) and all(letters))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aĐ1 ,.ⓐ-", max_size=10), st.lists(st.booleans(), max_size=10), st.booleans(),
       st.integers(0, 11))
def test_every_letter_from_a_start_is_marked_as_the_letters_say(text, mask, uniform, start):
    from plangraph.read import layout

    mask = (mask + [uniform] * len(text))[:len(text)]  # aligned with the text, as strip_marks gives it
    if uniform:
        mask = [mask[0]] * len(mask) if mask else mask
    letters = [m for ch, m in zip(text[start:], mask[start:]) if ch.isalnum()]
    assert layout._every_letter(text, mask, start) == (bool(letters) and all(letters))


def test_the_bundled_agencies_file_gives_the_entries_read_from_the_files():
    from plangraph.read.agencies import load_registry, registry_entries
    from plangraph.resources import registry_file

    read = [*load_registry(registry_file("standard-agencies")), *load_registry(registry_file("agencies"))]
    assert registry_entries(registry_file("agencies"), None) == read
    assert registry_entries(registry_file("agencies"), "thanh-hoa") == read


def _marker_pattern_as_first_written():
    from plangraph.text import UPPER

    return re.compile(
        r"^(?P<marker>"
        r"(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:[IVXLC]+|\d{1,2}|thứ\s+\w+|THỨ\s+\w+)\s*[.:]?"
        r"|(?:Điều|ĐIỀU)\s+\d{1,3}\s*[.:]?"
        rf"|[IVXL]{{1,6}}\s*[./)](?=\s|[{UPPER}*])"
        rf"|\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}\.?(?=\s|[{UPPER}*])"
        rf"|\d{{1,2}}\s?[.)](?=\s|[{UPPER}*])(?!\d)"
        r"|[a-zđ]\)"
        rf"|[a-zđ]\.(?=\s+[{UPPER}])"
        rf"|[A-ZĐ]\.(?=\s+[{UPPER}]{{2}})"
        r"|[-–—+•·●○▪■►✓]"
        r"|\*(?=\s)"
        r")\s*"
    )


def _marker_match(pattern, text):
    match = pattern.match(text)
    return (match.group("marker"), match.end()) if match else None


_MARKER_PIECES = ["I", "V", "X", "IV", "1", "12", "123", "2", ".", "..", ")", "/", " ", "  ", "\t", "Sở", "sở", "Đ", "a",
                  "đ", "*", "-", "+", "1.2", ".3", "Điều", "Mục", "Phần", "thứ", "٣", "\u00a0", "CÁC", "x)"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MARKER_PIECES), max_size=8).map("".join))
def test_the_marker_pattern_with_one_look_ahead_matches_as_the_first_one(text):
    from plangraph.read.layout import MARKER_RE

    assert _marker_match(MARKER_RE, text) == _marker_match(_marker_pattern_as_first_written(), text)


def test_every_line_of_the_plans_and_the_corpus_has_the_marker_it_had():
    from pathlib import Path

    from plangraph.read.layout import MARKER_RE

    first = _marker_pattern_as_first_written()
    root = Path(__file__).resolve().parents[1]
    files = [*(root / "data" / "sources").glob("*.txt"), *(root / "tests" / "corpus").glob("*.md")]
    lines = [line.strip() for path in files for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 10_000
    for line in lines:
        assert _marker_match(MARKER_RE, line) == _marker_match(first, line), line


_SEPARATOR_PIECES = ["Sở Y tế", " ", "  ", ",", ";", " và ", "và", " VÀ ", " Và ", " cùng ", "CÙNG", " cung ", "va",
                     " vả ", "\u00a0", "\t", "Ban", "các đơn vị", "va\u0300", "İ", "K"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SEPARATOR_PIECES), max_size=8).map("".join))
def test_a_text_is_cut_at_separators_as_the_pattern_cuts_it(text):
    assert agencies._split_keep(text) == agencies._split_keep_general(text)


def test_the_separator_words_match_only_themselves_and_their_capitals():
    # the fast path of _split_keep looks for "và" and "cùng" in the lower-cased text: it holds
    # only while IGNORECASE lets no other letter stand for theirs
    for letter in "vàcùng":
        pattern = re.compile(re.escape(letter), re.IGNORECASE)
        assert {c for c in map(chr, range(0x110000)) if pattern.fullmatch(c)} == {letter, letter.upper()}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["so với", "So với", "SO VỚI", "so vơ\u0301i", " ", "  ", "\t", "\u00a0", "năm 2025", "İ",
                                 "Σ", "a", "đạt"]), max_size=8).map("".join), st.integers(0, 60))
def test_a_year_follows_so_voi_as_the_lower_cased_text_before_it_says(text, end):
    from plangraph.extract.targets import _follows_so_voi

    end = min(end, len(text))
    assert _follows_so_voi(text, end) == text[:end].rstrip().lower().endswith("so với")


def test_a_build_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    # build_graph pauses the collector (collecting the young objects after each document);
    # it must give it back as it was, also when the build fails, and give the same graph
    import gc
    from pathlib import Path

    import pytest

    from plangraph.build import build_graph
    from plangraph.errors import SourceError

    sources = Path(__file__).resolve().parents[1] / "data" / "sources"
    assert gc.isenabled()
    collected = build_graph(sources).turtle
    assert gc.isenabled()
    with pytest.raises(SourceError):
        build_graph(tmp_path / "missing")
    assert gc.isenabled()
    gc.disable()
    try:
        assert build_graph(sources).turtle == collected
        assert not gc.isenabled()
    finally:
        gc.enable()


# -- the registries' form of TOML read without tomllib (plangraph.tabletoml) -------------

_TOML_PIECES = st.sampled_from([
    "[[agency]]", "[[collective]]", " [[ agency ]] # c", "[agency]", "[[a.b]]", "id", "name", " = ", "=",
    '"x"', '"Sở Y tế"', '""', '"a\\"b"', '"a\\\\b"', '"a\\nb"', '"open', "'lit'", "[", "]", ",", " ",
    "\t", "\n", "\r\n", "\r", "# note", "1", "true", '"""', "\x01", "\x7f", "\ufeff", '"\u00a0"', "-", "k.j",
])


def _same_as_tomllib(text):
    import tomllib

    from plangraph.tabletoml import table_toml

    fast = table_toml(text)
    if fast is not None:
        assert tomllib.loads(text) == fast
    return fast


@settings(max_examples=600, deadline=None)
@given(st.lists(_TOML_PIECES, max_size=25).map("".join))
def test_table_toml_reads_what_tomllib_reads(text):
    _same_as_tomllib(text)


_WORD = st.text(alphabet=st.sampled_from(list('aĐờ ,;#[]=\\"\t\u00a0')), max_size=8)
_BARE_KEY = st.sampled_from(["id", "name", "aliases", "source", "k-1", "jurisdiction"])


@st.composite
def _registry_text(draw):
    def string():
        return '"' + draw(_WORD).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"{key} = {string()}" for key in draw(st.lists(_BARE_KEY, max_size=2, unique=True))]
    for _ in range(draw(st.integers(0, 4))):
        lines.append(draw(st.sampled_from(["[[agency]]", "[[collective]]", "  [[agency]]  # x"])))
        for key in draw(st.lists(_BARE_KEY, max_size=4, unique=True)):
            if draw(st.booleans()):
                items = [string() for _ in range(draw(st.integers(0, 3)))]
                sep = draw(st.sampled_from([", ", ",\n  ", " ,  # c\n"]))
                tail = draw(st.sampled_from(["", ",", ",\n", "\n"]))
                lines.append(f"{key} = [" + sep.join(items) + tail + "]" + draw(st.sampled_from(["", " # c"])))
            else:
                lines.append(f"{key} = {string()}" + draw(st.sampled_from(["", "  # c", "\t"])))
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "# a comment", "   "])))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=400, deadline=None)
@given(_registry_text())
def test_table_toml_reads_the_registries_form_as_tomllib_does(text):
    import tomllib

    keys_clash = False
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        keys_clash = True  # (a top-level key named as a table: tomllib's to refuse)
    fast = _same_as_tomllib(text)
    if not keys_clash:
        assert fast == expected


def test_table_toml_reads_every_bundled_registry():
    import tomllib
    from pathlib import Path

    from plangraph.tabletoml import table_toml

    for path in sorted(Path(__file__).parents[1].joinpath("data", "registry").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        assert table_toml(text) == tomllib.loads(text), path.name


# -- fold a letter at a time (plangraph.text) ---------------------------------------------

_LATIN = [chr(c) for c in (*range(0x20, 0x250), *range(0x1E00, 0x1F00))]
_NOT_LATIN = list("\u0300\u0301\u0303\u0309\u0323\u00ad\u200b\ufeffΣςİ\u2003\u00a0\tﬁÅ\u1dc0\u20d0\ufe20")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_LATIN + _NOT_LATIN + list(" đĐờỦ")), max_size=20))
def test_fold_is_the_plain_fold(text):
    from plangraph.text import _fold_general, fold

    assert fold.__wrapped__(text) == _fold_general(text)


# -- one resolver for equal registries (plangraph.read.agencies._resolver_for) ------------

def _bundled_copy():
    import dataclasses

    from plangraph.read.agencies import bundled_entries

    return [dataclasses.replace(e, aliases=list(e.aliases)) for e in bundled_entries()]


def test_equal_registries_share_a_resolver_and_a_changed_one_does_not():
    from plangraph.read.agencies import _resolver_for

    first, second, changed = _bundled_copy(), _bundled_copy(), _bundled_copy()
    assert _resolver_for(first, "thanh-hoa") is _resolver_for(second, "thanh-hoa")
    assert _resolver_for(first, "thanh-hoa") is not _resolver_for(first, "nghe-an")
    changed[0].aliases.append("Cơ quan chưa có tên này")
    assert _resolver_for(changed, "thanh-hoa") is not _resolver_for(first, "thanh-hoa")


_PHRASE = st.lists(st.sampled_from([
    "Sở Y tế", "Sở Tài chính", "UBND", "các huyện", "Công an tỉnh", "và", ",", ";", "Sở", "Văn hóa",
    "Thể thao và Du lịch", "phối hợp", "thực hiện", "các sở, ngành", "UBND tỉnh", "Sở KH&ĐT",
]), min_size=1, max_size=8).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PHRASE, min_size=1, max_size=4), _PHRASE)
def test_a_shared_resolver_reads_as_a_fresh_one(read_before, text):
    from plangraph.extract.agencies import AgencyResolver
    from plangraph.read.agencies import _entries_for, _resolver_for

    shared = _resolver_for(_bundled_copy(), "thanh-hoa")
    for earlier in read_before:
        shared.longest_list_prefix(earlier)
    fresh = AgencyResolver(_entries_for(_bundled_copy(), "thanh-hoa"))
    assert shared.longest_list_prefix(text) == fresh.longest_list_prefix(text)
    assert shared.parse_list(text) == fresh.parse_list(text)


def _plain_name_key(text):
    key = tone_key(text)
    if name_keys._ABBREVIATION_HINT.search(key):
        key = name_keys._ABBREVIATION_RE.sub(name_keys._expand, key)
    key = re.sub(r"[^\w\s]", " ", key.replace("&", " và "))
    key = re.sub(r"\s+", " ", key).strip()
    for old, new in name_keys._PHRASE_FIXES:
        key = key.replace(old, new)
    return key


@settings(max_examples=300, deadline=None)
@given(st.lists(_PRINTED | st.text(alphabet="aĐờ_,;-&*.2²½ \t\n\x1c\u00a0\u2028\u3000", max_size=5), max_size=10),
       st.sampled_from([" ", "  ", "\t", " \u00a0", "\x1c", "\u3000"]))
def test_a_name_is_keyed_as_the_plain_patterns_key_it(words, space):
    # name_key skips the punctuation pattern for a key of letters and spaces, and splits at
    # whitespace instead of a \s+ pattern: the same key
    text = space.join(words)
    assert agencies.name_key.__wrapped__(text) == _plain_name_key(text), text


_HEAD_TEXT = st.lists(st.sampled_from(["Sở", "UBND", "các", "tất", "cả", "cơ", "quan", "Bộ", "Chỉ", "huy", "-", ",",
                                       "(", "x", "&", "Thanh", "tra,", "kiểm", "tra", "dân"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_HEAD_TEXT, st.sampled_from([" ", "  ", " , "]))
def test_a_head_is_read_from_the_first_words_as_from_all_of_them(words, space):
    from plangraph.read import heads as names

    text = space.join(words)
    head = names._head_words(text)
    every = names._words(text)
    assert head == every[: len(head)] and (head == every or len(head) >= names._HEAD_WORDS_USED), text
    # the head noun looks at the first 9 words at most (see names._HEAD_WORDS_USED)
    assert names._MAX_HEAD + 2 <= names._HEAD_WORDS_USED
    saved = names._head_words
    try:  # the plain form: every word of the text
        names._head_words = names._words
        expected = names._head_of.__wrapped__(text)
    finally:
        names._head_words = saved
    assert names._head_of.__wrapped__(text) == expected, text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab _-.2²é\u0301", min_size=1, max_size=4), st.text(alphabet="ab _-.2²é\u0301", max_size=30))
def test_a_name_is_found_in_a_text_where_the_word_pattern_finds_it(word, text):
    from plangraph.extract.projects import whole_word_spans

    expected = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    assert list(whole_word_spans(word, text)) == expected, (word, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LIST_PIECES), min_size=1, max_size=10), st.sampled_from(["", ",", ".", " ;"]))
def test_a_text_may_be_a_list_exactly_when_it_is_read_as_one(pieces, end):
    # the forward test longest_list_prefix asks before reading a prefix: never a list missed
    # (a prefix skipped that parse_list reads), never a reading it would not make
    resolver = _resolver()  # one for all examples: its memos of starts are shared by texts
    text = " ".join(pieces) + end
    listed = bool(resolver.parse_list(text))
    if agencies._DISTRIBUTED_RE.match(text.strip(" ,;:.")):
        assert resolver._may_be_list(text) or not listed, text  # "Sở: ...": parse_list's to read
    else:
        assert resolver._may_be_list(text) == listed, text
