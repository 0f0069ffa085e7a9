"""The faster forms of the reader's steps give what the plain forms give (issue 16).

Each fast path skips work that cannot change the answer (a pass of a pattern over a text
that holds none of its first letters, a search per registry entry); these tests hold it
to the plain form on generated text, so that a later edit of one cannot drift from the other.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plangraph.extract import agencies
from plangraph.read import inline
from plangraph.registries import _value_lines, line_of
from plangraph.text import collapse_spaces

_SPACES = " \t\u00a0\u2002\u2009\u202f\u205f\u3000"
_TEXT = st.text(alphabet=st.sampled_from(list(_SPACES) + list("aĐờ,;-&*")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_collapse_spaces_is_the_plain_collapse(text):
    plain = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text).strip()
    assert collapse_spaces(text) == plain


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_unmarked_lines_collapse_like_marked_ones(text):
    plain = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+", " ", text)
    assert inline._SPACE_FIX.sub(" ", text) == plain


_WORDS = ["ubnd", "UBND", "Sở", "KH&ĐT", "kh & cn", "NN&PTNT", "nnptnt", "tp.", "TX", "khoa", "không", "thành phố",
          "Lđ-TB&XH", "vh, tt & dl", "gtvt", "công thương", "ct", "cp", "bql", "hđnd", " ", ", ", "-", "&"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=6))
def test_name_key_hint_never_skips_an_abbreviation(words):
    key = " ".join(words).lower()
    if agencies._ABBREVIATION_RE.search(key):
        assert agencies._ABBREVIATION_HINT.search(key), key


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([pattern for pattern, _ in agencies._ABBREVIATIONS]).flatmap(
    lambda pattern: st.from_regex(pattern, fullmatch=True)))
def test_every_abbreviation_opens_with_a_hint(text):
    # each abbreviation of the registry's matcher, as any text it matches: an abbreviation
    # added later without its first letters in the hint fails here
    assert agencies._ABBREVIATION_HINT.search(text.lower()), text


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
