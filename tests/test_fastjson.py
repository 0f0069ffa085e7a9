"""plangraph.fastjson writes and reads what json does (issue 16: without importing re)."""

from __future__ import annotations

import json

import pytest

from plangraph import fastjson

VALUES = [
    {}, [], "", "Sở Y tế", 'a "quoted" \\ back\nslash\t\u2028\x00\x1f', "\ud800", 0, -1, 10**30, 1.5, -0.0, 1e300,
    float("inf"), float("-inf"), True, False, None, [1, [2, [3, {}]]],
    {"head": {"vars": ["agency", "agencyName"]}},
    {"type": "literal", "value": "trước tháng 9 năm 2021", "xml:lang": "vi"},
    {"identity": [64769, 1234567, 20374, 1733140000123456789, 1733140000123456789], "sha256": "ab" * 32,
     "hashed_at_ns": 1733140003123456789},
    {1: "int key", 2.5: "float key", True: "bool key", None: "none key"},
    ("a", "tuple"), {"nested": [{"a": None}, {"b": [True, False]}]},
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_dumps_is_json_dumps_without_ascii_escapes(value):
    assert fastjson.dumps(value) == json.dumps(value, ensure_ascii=False)


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_loads_reads_what_json_reads(value):
    for text in (json.dumps(value), json.dumps(value, ensure_ascii=False), f" \n{json.dumps(value)}\t\r "):
        expected = json.loads(text)
        got = fastjson.loads(text)
        assert repr(got) == repr(expected)
        assert repr(fastjson.loads(text.encode("utf-8", "surrogatepass"))) == repr(expected)


@pytest.mark.parametrize("text", ["", " ", "{", '{"a": 1} x', "[1,]", "nul", '"\x01"', "\ufeff{}", "{'a': 1}",
                                  b"", b"\xef\xbb\xbf", '{"a": 1}{}', "01", "[1] [2]"])
def test_what_json_refuses_is_refused(text):
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        fastjson.loads(text)


def test_other_encodings_are_read_as_json_reads_them():
    for encoding in ("utf-16", "utf-16-le", "utf-32-be", "utf-8-sig"):
        data = json.dumps({"a": "Sở"}).encode(encoding)
        assert fastjson.loads(data) == json.loads(data)


def test_what_json_cannot_write_is_refused_the_same_way():
    for value in (object(), {"a": {1, 2}}, {(1, 2): "tuple key"}):
        with pytest.raises(TypeError) as ours:
            fastjson.dumps(value)
        with pytest.raises(TypeError) as theirs:
            json.dumps(value, ensure_ascii=False)
        assert str(ours.value) == str(theirs.value)
    cycle: list = []
    cycle.append(cycle)
    with pytest.raises(ValueError):
        fastjson.dumps(cycle)
    assert fastjson.dumps([1]) == "[1]"  # (nothing is left over from a refused one)
