"""Text-level helpers shared by the readers and rules: decoding, clean-up, dates.

Every pattern is compiled once at import; each runs over the whole text in
one pass (no per-line regex loops) so a 50 MB input stays linear.
"""

from __future__ import annotations

import contextlib
import re

from cablebase.parse.errors import ParseError
from cablebase.parse.ids import canonical_code

MAX_BYTES = 64 * 1024 * 1024
"""Inputs above this size are refused: no cable is that long (the longest are ~1 MB)."""

_ALLOWED_BYTES = b"\t\n\x0c\r" + bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))

MONTHS = {
    m: i
    for i, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}


def decode(data: bytes, *, path: str | None = None, format: str | None = None) -> str:
    """UTF-8, falling back to cp1252 then latin-1; refuses binary data and huge inputs."""
    if len(data) > MAX_BYTES:
        raise ParseError(
            f"input is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit for one cable",
            path=path,
            format=format,
        )
    if not data.strip():
        raise ParseError("empty input", path=path, format=format)
    if b"\x00" in data[:65536]:
        raise ParseError("binary data (NUL bytes), not a cable", path=path, format=format)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    sample = data[:4096]
    # bytes.translate deletes the allowed bytes at C speed: what is left are control bytes.
    controls = len(sample.translate(None, _ALLOWED_BYTES))
    if controls > max(8, len(sample) // 50):
        raise ParseError("binary data (control characters), not a cable", path=path, format=format)
    return text


# Page-break lines: "MOSCOW 00001323  002 OF 002", "BUENOS AIRES 00000123 003 OF 004"
# (the post may sit on the line before), and the old layout
# "CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z".
# The core starts with the literal PAGE so the scan is one pass; the blanks and the
# classification line before it are taken by looking back (``_old_page_start``).
OLD_PAGE_BREAK_RE = re.compile(
    r"PAGE[ \t]+\d{2,3}[ \t]+(?:[A-Z]+[ \t]){1,4}[ \t]*\d{4,8}[ \t]+\d\d[ \t]+OF[ \t]+\d\d"
    r"(?:[ \t]+\d{6}Z)?"
)
_PAGE_CLASSIFICATIONS = ("UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL", "SECRET", "LIMITED OFFICIAL USE")
# Anchored on the digits so the scan is one pass; the post's words are found looking back.
_NEW_PAGE_RE = re.compile(r"\b(\d{8})[ \t]+(\d{3})(?:\.\d{1,2})?[ \t]+OF[ \t]+(\d{3})\b")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


_PAGE_PROBE_RE = re.compile(r"PAGE[ \t]+\d{2,3}[ \t]")


def _new_page_breaks(text: str) -> list[re.Match[str]]:
    """Page-break serials, found from each " OF " (str.find is far faster than a regex scan)."""
    out = []
    idx = text.find(" OF ")
    while idx != -1:
        if not text[idx + 4 : idx + 7].isdigit():
            idx = text.find(" OF ", idx + 4)
            continue
        m = _NEW_PAGE_RE.search(text, max(0, idx - 24), idx + 9)
        if m and (not out or m.start() >= out[-1].end()):
            out.append(m)
        idx = text.find(" OF ", idx + 4)
    return out


def _trailing_words(window: str) -> list[tuple[int, int]]:
    """(start, end) of the last one to four upper-case words, each followed by blanks to
    the window's end (``\\nLA PAZ ``); none if the window does not end so.

    What ``re.search(r"((?:[A-Z]+\\s+){1,4})$", window)`` finds, read backwards from
    the end instead of trying the pattern at every position of the window.
    """
    words: list[tuple[int, int]] = []
    i = len(window)
    while len(words) < 4:
        j = i
        while j and window[j - 1].isspace():
            j -= 1
        k = j
        while k and window[k - 1] in _UPPER:
            k -= 1
        if j == i or k == j:
            break
        words.append((k, j))
        i = k
    words.reverse()
    return words


def _post_start(text: str, end: int) -> int:
    """Where the post name before a page-break serial starts (``end`` if there is none)."""
    base = max(0, end - 60)
    window = text[base:end]
    spans = _trailing_words(window)
    if not spans:
        return end
    words = [window[a:b] for a, b in spans]
    offsets = [base + a for a, _b in spans]
    for i in range(len(words)):
        joined = "".join(words[i:])
        if canonical_code(" ".join(words[i:])) == joined:
            return offsets[i]
    return offsets[-1]


def _old_page_start(text: str, page: int) -> int:
    """Start of an old-layout break: the blanks before ``PAGE`` and a classification line."""
    i = page
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i > 0 and text[i - 1] == "\n":
        j = i - 1
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        for word in _PAGE_CLASSIFICATIONS:
            if text.endswith(word, 0, j):
                return j - len(word)
    return i


def drop_page_breaks(text: str) -> tuple[str, int]:
    """Remove page-break lines and inline page-break markers.

    Returns the text and the highest page (section) number a break announced, so
    the caller can tell a cable whose later sections are missing.
    """
    if " OF " not in text:
        return text, 0
    pages = 0
    if "PAGE" in text and _PAGE_PROBE_RE.search(text):
        kept: list[str] = []
        pos = 0
        for m in OLD_PAGE_BREAK_RE.finditer(text):
            tail = m.group(0).split()
            with contextlib.suppress(ValueError):
                pages = max(pages, int(tail[-4] if tail[-1].endswith("Z") else tail[-3]))
            start = max(pos, _old_page_start(text, m.start()))
            kept.append(text[pos:start])
            kept.append(" ")
            pos = m.end()
        if kept:
            kept.append(text[pos:])
            text = "".join(kept)
    pieces: list[str] = []
    pos = 0
    size = len(text)
    for m in _new_page_breaks(text):
        start = _post_start(text, m.start())
        if start < pos:
            start = m.start()
        pages = max(pages, int(m.group(2)))
        end = m.end()
        while end < size and text[end] in " \t":
            end += 1
        pieces.append(text[pos:start])
        if (start == 0 or text[start - 1] == "\n") and (end == size or text[end] == "\n"):
            pos = end + 1  # the break is a whole line: drop it with its line end
        else:
            pieces.append(" ")
            pos = end
    if pieces:
        pieces.append(text[pos:])
        text = "".join(pieces)
    return text, pages


def letters_unspaced(word: str) -> str:
    """Pattern that matches ``word`` plain or letter-spaced (``C O N F I D E N T I A L``)."""
    return r"\s?".join(word)


CLASSIFICATION_RE = re.compile(
    r"(?<![A-Z])(TOP SECRET|"
    + letters_unspaced("CONFIDENTIAL")
    + "|"
    + letters_unspaced("SECRET")
    + "|"
    + letters_unspaced("UNCLASSIFIED")
    + "|"
    + letters_unspaced("UNCLAS")
    + r"|LIMITED OFFICIAL USE)(?![A-Z])",
    re.I,
)
CLASS_FIRST = frozenset("CSULTcsult")
"""First letters of a classification line: a cheap test before CLASSIFICATION_RE."""
NOFORN_RE = re.compile(r"\bNOFORN\b|//\s?NF\b")


def normalize_classification(raw: str, *, noforn: bool = False, fouo: bool = False) -> str:
    """Canonical classification from a header word (``C O N F ...``, ``UNCLAS``)."""
    word = raw.replace(" ", "").replace("\t", "").upper()
    if word.startswith("UNCLAS"):
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY" if fouo else "UNCLASSIFIED"
    if word == "LIMITEDOFFICIALUSE":
        return "LIMITED OFFICIAL USE"
    if word == "TOPSECRET":
        return "TOP SECRET"
    if word in ("CONFIDENTIAL", "SECRET") and noforn:
        return word + "//NOFORN"
    return word


DTG_RE = re.compile(
    r"\b(\d{2})(\d{2})(\d{2})Z\s+(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s+(\d{2}|\d{4})\b",
    re.I,
)


def dtg_to_iso(dtg: str) -> str | None:
    """``182020Z FEB 06`` -> ``2006-02-18T20:20:00Z``."""
    m = DTG_RE.search(dtg)
    if not m:
        return None
    day, hour, minute, mon, yr = m.groups()
    year = int(yr) if len(yr) == 4 else (2000 + int(yr) if int(yr) <= 40 else 1900 + int(yr))
    d, h, mi = int(day), int(hour), int(minute)
    if not (1 <= d <= 31 and h <= 23 and mi <= 59):
        return None
    return f"{year:04d}-{MONTHS[mon.upper()]:02d}-{d:02d}T{h:02d}:{mi:02d}:00Z"


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space (paragraph text, subjects)."""
    return " ".join(text.split())
