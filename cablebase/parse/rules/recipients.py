"""Rule ``recipients``: FM, TO and INFO addressees of the transmission header.

Each addressee: optional routing indicator before ``/`` (``ZEN/`` marks one
served by other means), the name, a precedence (a misspelt one such as
``PIORITY`` read as meant), an optional message control number (MCN) or MCN
range (``9759-9760``). Lines without a keyword continue the current list,
after a blank line too when they carry a routing indicator; a page-break line
(``TO PAGE 02 STATE 015113 182333Z``, the classification line above it) inside
a list is not an addressee and does not end it. ``XMT`` lines (with or
without the slash, and the lines after them) name posts excluded from the
collective above.
"""

from __future__ import annotations

import re

from cablebase.parse.record import Recipient
from cablebase.parse.state import ParseState

_KEYWORD_RE = re.compile(r"^(FM|TO|INFO|XMT|BT|NNNN|ZEN|ZNY|ZNR|DE|VZCZC)\b/?\s*(.*)$")
_ROUTE_RE = re.compile(r"R[A-Z0-9]{3,7}|ZEN")
_ROUTED_LINE_RE = re.compile(r"^(?:R[A-Z0-9]{3,7}|ZEN)/")
_MCN_RE = re.compile(r"\d{1,5}(?:-\d{1,5})?")
_PRECEDENCES = ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")
# "PAGE 02 STATE 015113 182333Z" (also "... 01 OF 02 182333Z"): a page break, not a post.
_PAGE_LINE_RE = re.compile(
    r"^PAGE\s+\d{2,3}\s+[A-Z][A-Z ]*?\s+\d{4,6}(?:\s+\d\d\s+OF\s+\d\d)?(?:\s+\d{6}Z)?$"
)
_CLASSIFICATION_LINES = frozenset(
    {"UNCLAS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "LIMITED OFFICIAL USE", "E F T O"}
)
# Posts named one after another on an XMT line: "XMT AMEMBASSY OSLO AMEMBASSY KIEV".
_POST_START_RE = re.compile(
    r"\s+(?=(?:AMEMBASSY|AMCONSUL|USMISSION|USINT|USLO|USOFFICE|AMCONGEN)\b)"
)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


# Each precedence and its spellings with one letter dropped: a misspelt precedence
# is one letter dropped, added, changed or two swapped (symmetric deletions).
_NEAR: dict[str, str] = {}
for _p in _PRECEDENCES:
    for _v in (_p, *_deletions(_p)):
        _NEAR.setdefault(_v, _p)


def _precedence(word: str) -> str | None:
    """``PRIORITY`` and a misspelling of it (``PIORITY``, ``PRORITY``, ``IMMEDAITE``).

    A constant-time lookup (a word's one-letter deletions against the precedences'),
    not an edit distance: header lines come by the thousand.
    """
    if word in _PRECEDENCES:
        return word
    if not 6 <= len(word) <= 10 or not word.isalpha() or word[0] not in "FIPR":
        return None
    if word in _NEAR:
        return _NEAR[word]
    for shorter in _deletions(word):
        if shorter in _NEAR:
            return _NEAR[shorter]
    return None


def parse_addressee(text: str) -> Recipient | None:
    """``RUEHC/SECSTATE WASHDC IMMEDIATE 4696`` -> Recipient(route, name, precedence, mcn).

    Plain string work, no backtracking regex: header lines come by the dozen.
    """
    words = text.split()
    if not words:
        return None
    route = None
    head, sep, rest = words[0].partition("/")
    if sep and _ROUTE_RE.fullmatch(head):
        route = head
        words = ([rest] if rest else []) + words[1:]
    mcn = precedence = None
    if len(words) > 1 and len(words[-1]) <= 11 and _MCN_RE.fullmatch(words[-1]):
        mcn = words.pop()
    if len(words) > 1 and (precedence := _precedence(words[-1])):
        words.pop()
        if precedence == "IMMEDIATE" and len(words) > 1 and words[-1] == "NIACT":
            words.pop()
            precedence = "NIACT IMMEDIATE"
    if not words:
        return None
    return Recipient(name=" ".join(words), route=route, precedence=precedence, mcn=mcn)


def _is_page_line(line: str) -> bool:
    return line.startswith("PAGE ") and bool(_PAGE_LINE_RE.match(" ".join(line.split())))


def _collective(lists: tuple[list[Recipient], ...]) -> Recipient | None:
    """The collective an XMT line excludes posts from: the last one named, else the last post."""
    for group in lists:
        for r in reversed(group):
            if "COLLECTIVE" in r.name:
                return r
    for group in lists:
        if group:
            return group[-1]
    return None


def _exclude(target: Recipient | None, text: str) -> None:
    if target is None:
        return
    for post in _POST_START_RE.split(" ".join(text.split())):
        if post and post not in target.excluded:
            target.excluded.append(post)


def recipients(state: ParseState) -> None:
    header = state.transmission
    if "FM" not in header and "TO" not in header:
        return
    record = state.record
    current: list[Recipient] | None = None
    excluding: Recipient | None = None
    after_blank = False
    lines = header.split("\n")
    # Old headers carry an internal "INFO LOG-00 ..." distribution list before FM.
    fm = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("FM ")), 0)
    for raw in lines[fm:]:
        line = raw.strip()
        if not line:
            after_blank = current is not None
            excluding = None
            continue
        m = _KEYWORD_RE.match(line)
        if m and not (m.group(1) == "ZEN" and line.startswith("ZEN/") and current is not None):
            key, rest = m.group(1), m.group(2).strip()
            excluding = None
            after_blank = False
            if key == "FM":
                record.sender = " ".join(rest.split()) or None
                current = None
            elif key in ("TO", "INFO"):
                current = record.recipients if key == "TO" else record.info_recipients
                if _is_page_line(rest):
                    continue
                if rest and (r := parse_addressee(rest)):
                    current.append(r)
            elif key == "XMT":
                if current is not None and rest:
                    excluding = _collective((record.info_recipients, record.recipients))
                    _exclude(excluding, rest)
            else:
                current = None
            continue
        if current is None or line.upper() != line:
            continue
        if line in _CLASSIFICATION_LINES or _is_page_line(line):
            continue  # a page break inside the list
        if excluding is not None and not _ROUTED_LINE_RE.match(line):
            _exclude(excluding, line)
            continue
        excluding = None
        if after_blank and not _ROUTED_LINE_RE.match(line):
            current = None
            continue
        if r := parse_addressee(line):
            current.append(r)
