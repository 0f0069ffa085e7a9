"""``json.dumps`` (``ensure_ascii=False``) and ``json.loads``, the same bytes, without ``re``.

The ``json`` package imports ``re`` for its pure-Python decoder, and ``re`` brings ``enum``,
``functools`` and ``collections``: about 10 ms of a query command that costs ~50 (issue
16). The work itself is done by ``_json``, the C accelerator that ``json`` uses too: the
same encoder and scanner, set up as ``json.JSONEncoder``/``json.JSONDecoder`` set them up
with their default arguments. Where ``_json`` is missing (not CPython), this is ``json``.
``tests/test_fastjson.py`` compares both with ``json`` on many values.

Example:
    >>> dumps({"value": "Sở Y tế", "n": [1, 2.5, None, True]})
    '{"value": "Sở Y tế", "n": [1, 2.5, null, true]}'
    >>> loads(' {"sha256": "ab", "identity": [1, 2]} ')
    {'sha256': 'ab', 'identity': [1, 2]}
"""

from __future__ import annotations

__all__ = ["dumps", "loads"]

try:
    import _json
except ImportError:  # pragma: no cover - not CPython: the json package
    _json = None


def _default(value):
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


_CONSTANTS = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}


class _Decoding:
    """What ``_json``'s scanner reads from a ``json.JSONDecoder`` made with no arguments."""

    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = _CONSTANTS.__getitem__


if _json is not None and getattr(_json, "make_encoder", None) and getattr(_json, "make_scanner", None):
    _scan = _json.make_scanner(_Decoding())
    _WHITESPACE = " \t\n\r"

    def dumps(value) -> str:
        """``json.dumps(value, ensure_ascii=False)``."""
        if isinstance(value, str):
            return _json.encode_basestring(value)
        # (a fresh markers dict each time, as json's one-shot encoder has: a value seen
        # twice, not nested, is no cycle)
        return "".join(_json.make_encoder({}, _default, _json.encode_basestring, None, ": ", ", ", False, False,
                                          True)(value, 0))

    def loads(text: str | bytes):
        """``json.loads(text)``; a ValueError (json's JSONDecodeError is one) when it is not JSON."""
        if isinstance(text, (bytes, bytearray)):
            # UTF-8 (as json reads it) when it starts with an ASCII byte that no NUL follows
            if not (text[:1] and 0 < text[0] < 0x80 and (len(text) < 2 or text[1])):
                import json  # a BOM, UTF-16 or UTF-32, nothing: json's to detect and say

                return json.loads(text)
            text = text.decode("utf-8", "surrogatepass")
        if text.startswith("\ufeff"):
            raise ValueError("Unexpected UTF-8 BOM (decode using utf-8-sig)")
        start = len(text) - len(text.lstrip(_WHITESPACE))
        try:
            value, end = _scan(text, start)  # (a malformed value raises json's JSONDecodeError)
        except StopIteration as stop:
            raise ValueError(f"Expecting value: char {stop.value}") from None
        if text[end:].strip(_WHITESPACE):
            raise ValueError(f"Extra data: char {end}")
        return value
else:  # pragma: no cover
    def dumps(value) -> str:
        import json

        return json.dumps(value, ensure_ascii=False)

    def loads(text: str | bytes):
        import json

        return json.loads(text)
