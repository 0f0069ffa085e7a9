"""Legacy Vietnamese font encodings, TCVN3 (ABC) and VNI, as bytes in ``.txt`` files.

Before Unicode, Vietnamese was typed with fonts that draw Vietnamese letters at the code
points of Western ones: ``.VnTime`` and the other ABC fonts (TCVN3, TCVN 5712:1993 VN3)
and ``VNI-Times`` (VNI for Windows). A document saved as plain text from such a font keeps
the font's bytes; read as Windows-1252 it shows "Ph¸t triÓn" (TCVN3) or "Phaùt trieån"
(VNI) for "Phát triển". This module converts those bytes to Unicode (NFC) and tells which
of the two, if any, a byte string is in.

The tables were taken from two independent implementations that agree on every letter,
UniKey's converter (``unikey/data.cpp`` of vnconv, as kept in fcitx/fcitx5-unikey) and
xvnkb (``tcvn.h``, ``vni.h``); the TCVN3 letters also agree with glibc's ``TCVN5712-1``
(VN1, of which TCVN3 is the subset with 67 lower-case letters, 7 capitals and the no-break
space; Wikipedia, "VSCII").

* **TCVN3** is one byte per letter, but has capitals only for Ă Â Ê Ô Ơ Ư Đ. A capital
  with a tone mark ("Ế") was typed as the lower-case byte and drawn by a capital font
  (``.VnTimeH``); the font is lost in a ``.txt`` file, so the byte says "ế".
  :data:`TCVN3_TO_UNICODE` maps each byte to the letter it means, and :func:`decode_tcvn3`
  then restores the capitals that the text itself implies (:func:`restore_capitals`).
  A capital inside a sentence ("của Ủy ban") cannot be told from the bytes and stays
  lower-case.
* **VNI** writes a base letter followed by a mark byte ("a" + 0xF9 is "á"), with the
  upper-case mark after a capital ("A" + 0xD9 is "Á"); ơ ư đ, the toned i letters and ỵ
  are single bytes. It has every capital, so VNI converts without loss.

Bytes that the encoding does not assign are read as Windows-1252, as the fonts draw them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = [
    "TCVN3_TO_UNICODE",
    "VNI_FROM_UNICODE",
    "decode_tcvn3",
    "decode_vni",
    "decode_legacy",
    "restore_capitals",
    "detect",
    "Detection",
    "Score",
    "is_vietnamese_syllable",
    "NAMES",
]

#: Display names of the encodings, for messages.
NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "cp1258": "Windows-1258"}

# -- TCVN3 (ABC, TCVN 5712:1993 VN3) --------------------------------------------------------

#: TCVN3 byte -> character: the 67 lower-case letters, the 7 capitals and the no-break
#: space; bytes 0x00-0x7F are ASCII. The positions where VN1 has capitals with tone marks
#: (0xAF, 0xBA, 0xBF-0xC5, 0xCD, 0xD9-0xDB, 0xE0, 0xF0, 0xFF) and combining marks
#: (0xB0-0xB4) are not part of TCVN3 and are read as Windows-1252.
TCVN3_TO_UNICODE: dict[int, str] = {
    0xA0: "\u00a0",
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# -- VNI (VNI for Windows) ---------------------------------------------------------------------

#: Unicode letter -> VNI bytes, for every Vietnamese letter that is not ASCII.
VNI_FROM_UNICODE: dict[str, bytes] = {
    "á": b"a\xf9", "à": b"a\xf8", "ả": b"a\xfb", "ã": b"a\xf5", "ạ": b"a\xef",
    "â": b"a\xe2", "ấ": b"a\xe1", "ầ": b"a\xe0", "ẩ": b"a\xe5", "ẫ": b"a\xe3", "ậ": b"a\xe4",
    "ă": b"a\xea", "ắ": b"a\xe9", "ằ": b"a\xe8", "ẳ": b"a\xfa", "ẵ": b"a\xfc", "ặ": b"a\xeb",
    "é": b"e\xf9", "è": b"e\xf8", "ẻ": b"e\xfb", "ẽ": b"e\xf5", "ẹ": b"e\xef",
    "ê": b"e\xe2", "ế": b"e\xe1", "ề": b"e\xe0", "ể": b"e\xe5", "ễ": b"e\xe3", "ệ": b"e\xe4",
    "ó": b"o\xf9", "ò": b"o\xf8", "ỏ": b"o\xfb", "õ": b"o\xf5", "ọ": b"o\xef",
    "ô": b"o\xe2", "ố": b"o\xe1", "ồ": b"o\xe0", "ổ": b"o\xe5", "ỗ": b"o\xe3", "ộ": b"o\xe4",
    "ơ": b"\xf4", "ớ": b"\xf4\xf9", "ờ": b"\xf4\xf8", "ở": b"\xf4\xfb", "ỡ": b"\xf4\xf5", "ợ": b"\xf4\xef",
    "ú": b"u\xf9", "ù": b"u\xf8", "ủ": b"u\xfb", "ũ": b"u\xf5", "ụ": b"u\xef",
    "ư": b"\xf6", "ứ": b"\xf6\xf9", "ừ": b"\xf6\xf8", "ử": b"\xf6\xfb", "ữ": b"\xf6\xf5", "ự": b"\xf6\xef",
    "í": b"\xed", "ì": b"\xec", "ỉ": b"\xe6", "ĩ": b"\xf3", "ị": b"\xf2",
    "ý": b"y\xf9", "ỳ": b"y\xf8", "ỷ": b"y\xfb", "ỹ": b"y\xf5", "ỵ": b"\xee",
    "đ": b"\xf1",
    "Á": b"A\xd9", "À": b"A\xd8", "Ả": b"A\xdb", "Ã": b"A\xd5", "Ạ": b"A\xcf",
    "Â": b"A\xc2", "Ấ": b"A\xc1", "Ầ": b"A\xc0", "Ẩ": b"A\xc5", "Ẫ": b"A\xc3", "Ậ": b"A\xc4",
    "Ă": b"A\xca", "Ắ": b"A\xc9", "Ằ": b"A\xc8", "Ẳ": b"A\xda", "Ẵ": b"A\xdc", "Ặ": b"A\xcb",
    "É": b"E\xd9", "È": b"E\xd8", "Ẻ": b"E\xdb", "Ẽ": b"E\xd5", "Ẹ": b"E\xcf",
    "Ê": b"E\xc2", "Ế": b"E\xc1", "Ề": b"E\xc0", "Ể": b"E\xc5", "Ễ": b"E\xc3", "Ệ": b"E\xc4",
    "Ó": b"O\xd9", "Ò": b"O\xd8", "Ỏ": b"O\xdb", "Õ": b"O\xd5", "Ọ": b"O\xcf",
    "Ô": b"O\xc2", "Ố": b"O\xc1", "Ồ": b"O\xc0", "Ổ": b"O\xc5", "Ỗ": b"O\xc3", "Ộ": b"O\xc4",
    "Ơ": b"\xd4", "Ớ": b"\xd4\xd9", "Ờ": b"\xd4\xd8", "Ở": b"\xd4\xdb", "Ỡ": b"\xd4\xd5", "Ợ": b"\xd4\xcf",
    "Ú": b"U\xd9", "Ù": b"U\xd8", "Ủ": b"U\xdb", "Ũ": b"U\xd5", "Ụ": b"U\xcf",
    "Ư": b"\xd6", "Ứ": b"\xd6\xd9", "Ừ": b"\xd6\xd8", "Ử": b"\xd6\xdb", "Ữ": b"\xd6\xd5", "Ự": b"\xd6\xcf",
    "Í": b"\xcd", "Ì": b"\xcc", "Ỉ": b"\xc6", "Ĩ": b"\xd3", "Ị": b"\xd2",
    "Ý": b"Y\xd9", "Ỳ": b"Y\xd8", "Ỷ": b"Y\xdb", "Ỹ": b"Y\xd5", "Ỵ": b"\xce",
    "Đ": b"\xd1",
}  # fmt: skip


def _windows_1252(byte: int) -> str:
    # What a font built on the Windows code page draws at a byte the encoding leaves alone;
    # the five bytes Windows-1252 leaves undefined become U+FFFD, which decode() refuses.
    return bytes([byte]).decode("cp1252", errors="replace")


# str.translate table over the Latin-1 reading of the bytes (one character per byte).
_TCVN3_TRANSLATE = {b: TCVN3_TO_UNICODE.get(b) or _windows_1252(b) for b in range(0x80, 0x100)}


def _vni_sequences() -> dict[str, str]:
    # Keys are the Latin-1 reading of the bytes (one character per byte).
    sequences: dict[str, str] = {}
    for letter, code in VNI_FROM_UNICODE.items():
        sequences[code.decode("latin-1")] = letter
        if len(code) == 2 and letter.isupper():
            # A case change that sees single bytes (title or sentence case in an editor)
            # capitalises only the base of "aùnh": "Aùnh". A capital base makes a capital.
            sequences.setdefault(code[:1].decode("latin-1") + chr(code[1] + 0x20), letter)
    for byte in range(0x80, 0x100):
        sequences.setdefault(chr(byte), _windows_1252(byte))
    return sequences


_VNI_SEQUENCES = _vni_sequences()
# The longest sequence wins, so "ô" + 0xF9 is "ớ", not "ơ" followed by "ù".
_VNI_RE = re.compile("|".join(re.escape(s) for s in sorted(_VNI_SEQUENCES, key=len, reverse=True)))


def decode_vni(data: bytes) -> str:
    """Convert VNI (VNI for Windows) bytes to Unicode NFC text.

    Example:
        >>> decode_vni(b"Vie\\xe4t Nam, TR\\xd6\\xd4\\xd8NG")
        'Việt Nam, TRƯỜNG'
        >>> decode_vni("Phaùt trieån kinh teá".encode("cp1252"))
        'Phát triển kinh tế'
    """
    text = _VNI_RE.sub(lambda m: _VNI_SEQUENCES[m.group()], data.decode("latin-1"))
    return unicodedata.normalize("NFC", text)


def decode_tcvn3(data: bytes, *, restore_case: bool = True) -> str:
    """Convert TCVN3 (ABC) bytes to Unicode NFC text.

    Args:
        data: the bytes of the file.
        restore_case: capitalise the letters with tone marks that their context shows were
            drawn as capitals (see :func:`restore_capitals`); with ``False`` every byte is
            read as the letter it stands for, lower-case for all toned letters.

    Example:
        >>> decode_tcvn3("Ph¸t triÓn kinh tÕ".encode("cp1252"))
        'Phát triển kinh tế'
        >>> decode_tcvn3("KÕ HO¹CH HµNH §éNG".encode("cp1252"))
        'KẾ HOẠCH HÀNH ĐỘNG'
        >>> decode_tcvn3("KÕ HO¹CH".encode("cp1252"), restore_case=False)
        'Kế HOạCH'
    """
    text = unicodedata.normalize("NFC", data.decode("latin-1").translate(_TCVN3_TRANSLATE))
    if restore_case:
        text = restore_capitals(text)[0]
    return text


def decode_legacy(data: bytes, encoding: str) -> tuple[str, list[str]]:
    """Convert ``data`` from ``encoding`` ("tcvn3" or "vni"); return (text, notes).

    The notes say what the conversion could not know for sure.
    """
    if encoding == "vni":
        return decode_vni(data), []
    if encoding != "tcvn3":
        raise ValueError(f"not a legacy font encoding: {encoding!r}")
    text, restored = restore_capitals(decode_tcvn3(data, restore_case=False))
    return text, [
        f"TCVN3 has no capitals with tone marks: {restored} words capitalised from their context "
        "(all-capital headings, starts of sentences and cells); a capital inside a sentence "
        "(\"của Ủy ban\") comes out lower-case"
    ]


# -- case restoration (TCVN3) ----------------------------------------------------------------

# Lower-case letters that TCVN3 has no capital for: every letter with a tone mark.
_NO_CAPITAL = frozenset(c for c in TCVN3_TO_UNICODE.values() if c.islower() and c not in "ăâêôơưđ")
_CELL = re.compile(r"[^\t\r\n]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_CODE_JOINS = set("0123456789/-")  # "05-NQ/TU", "QĐ-UBND": letters of document numbers
_PHRASE_END = re.compile(r"[.!?:;()\[\]]")
_SENTENCE_END = re.compile(r"[.!?][\"'”)\]]*\s*$")
# Kinds of word, for restore_capitals.
_NEUTRAL, _LOWER, _CAPS, _UNKNOWN = range(4)


def _kind(word: str) -> int:
    upper = sum(1 for c in word if c.isupper())
    no_capital = sum(1 for c in word if c in _NO_CAPITAL)
    if sum(1 for c in word if c.islower()) > no_capital:
        return _LOWER
    if not no_capital:
        # An all-capital word is evidence of an all-capital run only if it is a syllable:
        # abbreviations (UBND, KH&ĐT) sit next to ordinary words ("Sở KH&ĐT").
        return _CAPS if upper >= 2 and is_vietnamese_syllable(word) else _NEUTRAL
    if upper >= 2 or (upper == 1 and not word[0].isupper()):
        return _CAPS  # "HOạCH", "ủY": capitals around a toned letter
    return _UNKNOWN  # "Kế" may be "Kế" or "KẾ", "ở" may be "ở" or "Ở"


def restore_capitals(text: str) -> tuple[str, int]:
    """Capitalise the toned letters of TCVN3 text that the context shows were capitals.

    TCVN3 text drawn by a capital font keeps its ASCII capitals and the capitals Ă Â Ê Ô
    Ơ Ư Đ, but a toned letter ("ế") has only its lower-case byte. Within each line and each
    tab-separated cell:

    * a word whose other letters are all capitals ("HOạCH", "ủY") is all capitals;
    * a word that could be either ("Kế", "ở") follows the nearest words on each side, up
      to a full stop, colon, semicolon or bracket, that can be told: all capitals when one
      of them is an all-capital word and none is lower-case ("Kế HOẠCH" -> "KẾ HOẠCH", but
      "Sở KH&ĐT" stays, abbreviations and document numbers telling nothing);
    * the first word of a cell or of a sentence starts with a capital.

    Returns the text and the number of words changed.

    Example:
        >>> restore_capitals("III. Tổ CHứC THựC HIệN\\nTổ chức thực hiện. ủy ban ở Sở KH&ĐT")
        ('III. TỔ CHỨC THỰC HIỆN\\nTổ chức thực hiện. Ủy ban ở Sở KH&ĐT', 5)
    """
    changed = 0

    def cell(match: re.Match[str]) -> str:
        nonlocal changed
        line = match.group()
        spans = [m.span() for m in _LETTERS.finditer(line)]
        words = [line[a:b] for a, b in spans]
        kinds = [
            _NEUTRAL if line[a - 1 : a] in _CODE_JOINS or line[b : b + 1] in _CODE_JOINS else _kind(w)
            for (a, b), w in zip(spans, words)
        ]
        # gaps[i]: the text before word i (gaps[0] from the start of the cell).
        gaps = [line[(spans[i - 1][1] if i else 0) : a] for i, (a, _) in enumerate(spans)]

        # The nearest told word on each side within the phrase, in two linear passes.
        ends = [bool(_PHRASE_END.search(gap)) for gap in gaps]
        left: list[int | None] = [None] * len(words)
        right: list[int | None] = [None] * len(words)
        for i in range(1, len(words)):
            left[i] = None if ends[i] else kinds[i - 1] if kinds[i - 1] in (_LOWER, _CAPS) else left[i - 1]
        for i in range(len(words) - 2, -1, -1):
            right[i] = None if ends[i + 1] else kinds[i + 1] if kinds[i + 1] in (_LOWER, _CAPS) else right[i + 1]

        out = list(words)
        for i, kind in enumerate(kinds):
            around = (left[i], right[i])
            if kind == _CAPS or (kind == _UNKNOWN and _CAPS in around and _LOWER not in around):
                out[i] = words[i].upper()
            elif i == 0 or _SENTENCE_END.search(gaps[i]):
                if out[i][0] in _NO_CAPITAL:
                    out[i] = out[i][0].upper() + out[i][1:]
        changed += sum(1 for a, b in zip(words, out) if a != b)
        pieces = [gap + word for gap, word in zip(gaps, out)]
        return "".join(pieces) + line[spans[-1][1] if spans else 0 :]

    return _CELL.sub(cell, text), changed


# -- telling the encodings apart -------------------------------------------------------------

_TONES = {"\u0301": "acute", "\u0300": "grave", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}
# Vowel groups of Vietnamese syllables, without tone marks. _CLOSED ones end in a glide
# and take no final consonant.
_OPEN = "a ă â e ê i o ô ơ u ư y iê yê uô ươ oa oă oe oo uâ uê uy uyê".split()
_CLOSED = (
    "ai ao au âu ay ây eo êu ia iu oi ôi ơi ua ui uơ ưa ưi ưu iêu yêu oai oay oeo uây uôi ươi ươu uya uyu"
).split()
_ALT = lambda groups: "|".join(sorted(groups, key=len, reverse=True))  # noqa: E731
_SYLLABLE = re.compile(
    r"(?P<onset>ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    rf"(?:(?P<open>{_ALT(_OPEN)})(?P<final>ch|ng|nh|[cmnpt])?|(?P<closed>{_ALT(_CLOSED)}))"
)


@functools.lru_cache(maxsize=8192)  # a document repeats its words: scoring three decodings stays fast
def is_vietnamese_syllable(word: str) -> bool:
    """Return True when ``word`` (any case) is shaped like one Vietnamese syllable.

    One onset, one vowel group, one final consonant, at most one tone mark, and a final
    stop (c, ch, p, t) only with the acute or dot-below tone.

    Example:
        >>> [is_vietnamese_syllable(w) for w in ("Nghiêng", "hoạch", "QUỐC", "vieọt", "cùc")]
        [True, True, True, False, False]
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [_TONES[c] for c in decomposed if c in _TONES]
    skeleton = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if len(tones) > 1:
        return False
    match = _SYLLABLE.fullmatch(skeleton)
    if not match:
        return False
    final = match.group("final")
    return not (final in ("c", "ch", "p", "t") and tones not in (["acute"], ["dot"]))


@dataclass(frozen=True)
class Score:
    """How Vietnamese a decoding looks.

    Attributes:
        syllables: words with a non-ASCII vowel that are Vietnamese syllables.
        errors: words with a non-ASCII vowel that are not, and stray symbols.
        first_error_line: the line (1-based) of the first error, or None.
    """

    syllables: int
    errors: int
    first_error_line: int | None = None

    @property
    def net(self) -> int:
        """Syllables less errors: what a decoding gains over the others."""
        return self.syllables - self.errors

    @property
    def share(self) -> float:
        """The share of syllables among the words and symbols counted."""
        total = self.syllables + self.errors
        return self.syllables / total if total else 0.0


@dataclass(frozen=True)
class Detection:
    """What :func:`detect` found.

    Attributes:
        encoding: "tcvn3" or "vni" when the bytes are safely that encoding; None when they
            are neither, valid UTF-8, or cannot be told for sure.
        suspect: the legacy encoding the bytes look most like, even when it is not safe to
            convert them ("tcvn3", "vni" or None), for messages.
        scores: the score of each candidate decoding.
        reason: why, in a few words.
    """

    encoding: str | None
    suspect: str | None = None
    scores: dict[str, Score] = field(default_factory=dict)
    reason: str = ""


_WORD = re.compile(r"[^\W\d_]+")
_VIETNAMESE_VOWELS = frozenset(
    c for c in (set(TCVN3_TO_UNICODE.values()) | set(VNI_FROM_UNICODE)) if c.isalpha() and c.lower() != "đ"
)
# Symbols that Vietnamese documents use (Windows punctuation, degree, superscripts for m2).
_USUAL_SYMBOLS = frozenset("\u00a0“”‘’–—…•°±×²³€")
_STRAY = re.compile(r"[^\x00-\x7f\w" + "".join(sorted(_USUAL_SYMBOLS)) + "]")
_MIN_SYLLABLES = 20  # a plan has thousands; a sentence or two is not enough to judge
_MIN_SHARE = 0.98  # a wrong decoding garbles a word in three; a right one hardly any
_MARGIN = 3.0  # the best decoding must score this many times the next (syllables less errors)
_SUSPECT_SHARE = 0.5  # enough to name the encoding in a refusal


def _score(text: str) -> Score:
    syllables = errors = 0
    first_error = None
    for match in _WORD.finditer(text):
        word = match.group()
        if any(c in _VIETNAMESE_VOWELS for c in word):
            if is_vietnamese_syllable(word):
                syllables += 1
            else:
                errors += 1
                first_error = match.start() if first_error is None else first_error
    strays = [match.start() for match in _STRAY.finditer(text)]
    errors += len(strays)
    if strays:
        first_error = strays[0] if first_error is None else min(first_error, strays[0])
    line = text.count("\n", 0, first_error) + 1 if first_error is not None else None
    return Score(syllables, errors, line)


def detect(data: bytes) -> Detection:
    """Tell whether ``data`` is TCVN3 or VNI text, and which.

    Each candidate decoding (TCVN3, VNI and, as a competitor, Windows-1258) is scored by
    how many of its words with Vietnamese vowels are Vietnamese syllables. An encoding is
    named only when its decoding has at least 20 syllables, at least 98 % of its words and
    symbols are right, and its syllables less errors are three times the next best's.
    Bytes that are valid UTF-8 are never a legacy encoding.

    Example:
        >>> detect(("Ph¸t triÓn kinh tÕ x· héi cña tØnh. " * 5).encode("cp1252")).encoding
        'tcvn3'
        >>> detect(("Phaùt trieån kinh teá xaõ hoäi cuûa tænh. " * 5).encode("cp1252")).encoding
        'vni'
        >>> detect("Phát triển kinh tế xã hội của tỉnh. ".encode() * 5).reason
        'valid UTF-8'
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return Detection(None, None, {}, "valid UTF-8")
    # The texts are NFC already: every letter of the tables is precomposed.
    scores = {
        "tcvn3": _score(decode_tcvn3(data, restore_case=False)),
        "vni": _score(decode_vni(data)),
        "cp1258": _score(unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))),
    }
    legacy = max(("tcvn3", "vni"), key=lambda name: scores[name].net)
    suspect = legacy if scores[legacy].share >= _SUSPECT_SHARE and scores[legacy].syllables >= 3 else None
    ranked = sorted(scores, key=lambda name: scores[name].net, reverse=True)
    best, runner_up = scores[ranked[0]], scores[ranked[1]]
    if ranked[0] == "cp1258":
        return Detection(None, suspect, scores, "reads best as Windows-1258")
    if best.syllables < _MIN_SYLLABLES:
        return Detection(None, suspect, scores, "too few Vietnamese words to tell the encoding")
    if best.share < _MIN_SHARE:
        return Detection(
            None, suspect, scores,
            f"as {NAMES[ranked[0]]}, {best.errors} words or symbols do not read as Vietnamese, "
            f"the first on line {best.first_error_line}",
        )
    if best.net < _MARGIN * runner_up.net:
        return Detection(None, suspect, scores, f"it reads as {NAMES[ranked[0]]} and as {NAMES[ranked[1]]}")
    return Detection(ranked[0], ranked[0], scores, f"{best.syllables} Vietnamese syllables, {best.errors} errors")
