"""Rule ``classified_by``: the classifying official and the reasons.

``Classified By: Ambassador William J. Burns.  Reasons: 1.4(B/D).``,
``A/S WELCH FOR REASONS 1.4 (B) AND (D)``, ``Chris Stevens, CDA, Embassy
Tripoli, Dept of State. REASON: 1.4 (b), (d)``: name and title in either
order; reasons in every notation become ``1.4(b)``, one per category.
"""

from __future__ import annotations

import re

from cablebase.parse.record import ClassifiedBy
from cablebase.parse.rules.field import HeaderField
from cablebase.parse.state import ParseState

_KW_RE = re.compile(r"^CLASSIFIED\s+BY\s*:?\s*", re.I)
# "Reasons", also broken by a line wrap ("R EASONS", "Reas ons").
_REASON_SPLIT_RE = re.compile(
    r"[\s.,;]*\b(?:FOR\s+)?R\s?E\s?A\s?S\s?O\s?N\s?S?\b\s*:?|\s(?=1\.\s?[4-6](?!\d))", re.I
)
_MAX_TEXT = 400
_SECTION_RE = re.compile(r"\b1\.\s?([4-6])")
_LETTER_RE = re.compile(r"(?<![A-Za-z])([a-hA-H])(?![A-Za-z])")
TITLES = (
    "ASSISTANT SECRETARY",
    "DEPUTY ASSISTANT SECRETARY",
    "ACTING ASSISTANT SECRETARY",
    "UNDER SECRETARY",
    "DEPUTY SECRETARY",
    "SECRETARY",
    "AMBASSADOR",
    "CHARGE D'AFFAIRES",
    "CHARGE D AFFAIRES",
    "CHARGE",
    "DEPUTY CHIEF OF MISSION",
    "CHIEF OF MISSION",
    "ACTING DCM",
    "DCM",
    "CDA",
    "A/S",
    "DAS",
    "PDAS",
    "P/E CHIEF",
    "POLITICAL COUNSELOR",
    "POLITICAL COUNSELLOR",
    "ECONOMIC COUNSELOR",
    "POLITICAL CHIEF",
    "POL/ECON CHIEF",
    "POLCOUNS",
    "POLCOUN",
    "ECONCOUNS",
    "CONSUL GENERAL",
    "PRINCIPAL OFFICER",
    "ACTING",
    "DIRECTOR",
    "DEPUTY DIRECTOR",
    "OFFICE DIRECTOR",
    "POLOFF",
    "ECONOFF",
    "CG",
    "PO",
)
_TITLE_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\b",
    re.I,
)
_TITLE_PREFIX_RE = re.compile(
    r"^(?:ACTING\s+)?(?:"
    + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
    + r")(?=\s|$|,)",
    re.I,
)


_TITLE_VOCAB = frozenset(
    (
        "AMB",
        "AMBASSADOR",
        "ACTING",
        "DEPUTY",
        "ASSISTANT",
        "UNDER",
        "SECRETARY",
        "CHARGE",
        "D'AFFAIRES",
        "DCM",
        "CDA",
        "A/S",
        "DAS",
        "PDAS",
        "CHIEF",
        "OF",
        "MISSION",
        "POLITICAL",
        "ECONOMIC",
        "ECON",
        "POL",
        "POLITICAL/ECONOMIC",
        "MINISTER",
        "COUNSELOR",
        "COUNSELLOR",
        "COUNS",
        "COUNSEL",
        "CONSUL",
        "GENERAL",
        "CG",
        "PO",
        "PRINCIPAL",
        "OFFICER",
        "DIRECTOR",
        "OFFICE",
        "POLOFF",
        "ECONOFF",
        "SECTION",
        "HEAD",
        "MANAGEMENT",
        "PUBLIC",
        "AFFAIRS",
        "FOR",
        "AND",
        "DEFENSE",
        "ATTACHE",
        "REGIONAL",
        "MINISTER-COUNSELOR",
        "DEPPOLCOUNS",
        "POLCOUNS",
        "ECONCOUNS",
        "POLCOUN",
        "DEPUTY-CHIEF",
        "UNIT",
        "A.I",
        "AI",
        "CHIEF",
    )
)
_NAME_SUFFIX_RE = re.compile(r",?\s+(Jr|Sr|JR|SR|II|III|IV)\.?$")
_TRAILING_WORDS = frozenset({"PER", "FOR", "BY", "AND", "UNDER", "REASON", "REASONS"})
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


_REASON_RE = re.compile(r"(?i)1\.\s?[4-6]")
_REASON_LETTER_RE = re.compile(r"1\.\s?[4-6]\s*\(?\s*[a-hA-H](?![A-Za-z])")
_LETTERS_LINE_RE = re.compile(r"^(?:[(\[]?[A-Ha-h](?:[)\]/,.\s]|$)|(?:AND|and|&)\s)")


def _until_reasons(line: str, so_far: list[str]) -> bool:
    """The official runs on until the reasons; ``1.5`` / ``(B) AND (D)`` wrapped is one list."""
    joined = " ".join(so_far)
    if not _REASON_RE.search(joined):
        return True
    return not _REASON_LETTER_RE.search(joined) and bool(_LETTERS_LINE_RE.match(line))


FIELD = HeaderField(
    name="classified_by",
    keyword=r"(?<![A-Za-z/])(?i:CLASSIFIED[ \t]+BY)[ \t]*:?",
    probes=("LASSIFIED", "lassified"),
    max_lines=3,
    continues=_until_reasons,
    starts=("CLASSIFIED",),
)


def _is_title_word(word: str) -> bool:
    w = word.strip(".,:;()").upper()
    return bool(w) and (w in _TITLE_VOCAB or "/" in w or w.endswith(("COUNS", "OFF")))


def parse_reasons(text: str) -> list[str]:
    """``1.4(B/D)`` / ``1.4 b and d`` / ``1.5 (D)`` -> ``["1.4(b)", "1.4(d)"]``."""
    out: list[str] = []
    matches = list(_SECTION_RE.finditer(text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else min(len(text), m.end() + 60)
        section = f"1.{m.group(1)}"
        for letter in _LETTER_RE.findall(text[m.end() : end]):
            reason = f"{section}({letter.lower()})"
            if reason not in out:
                out.append(reason)
    return out


def split_official(who: str) -> tuple[str | None, str | None]:
    """(name, title) of ``Ambassador William J. Burns`` / ``Chris Stevens, CDA, ...``.

    The name is the person: ``Robert O. Blake, Jr.`` keeps its suffix, a trailing
    ``per`` / ``for`` is not part of it, and an office before the name
    (``AF/C - MARY SMITH``, ``AMBASSADOR TO SUDAN JOHN DOE``) is the title.
    """
    who = who.strip(" .,;:")
    words = who.split()
    while words and words[-1].upper().strip(".,:;") in _TRAILING_WORDS:
        words.pop()
    who = " ".join(words).strip(" .,;:")
    if not who:
        return None, None
    suffix = _NAME_SUFFIX_RE.search(who)
    if suffix:
        name, title = split_official(who[: suffix.start()])
        return (f"{name}, {suffix.group(1)}." if name else None), title
    if "," in who:
        parts = [p.strip(" .") for p in who.split(",") if p.strip(" .")]
        if len(parts) >= 2:
            if _TITLE_WORDS.search(parts[1]) or not _TITLE_WORDS.search(parts[0]):
                return parts[0], parts[1]
            return parts[1], parts[0]
    words = who.split()
    title_words = 0
    while title_words < len(words):
        word = words[title_words]
        if _is_title_word(word) or (title_words and word in _DASHES):
            title_words += 1
        elif title_words and word.upper() == "TO" and title_words + 3 < len(words):
            title_words += 2  # "AMBASSADOR TO SUDAN JOHN DOE": the post is the title's
        else:
            break
    if words and title_words == len(words):
        return None, who
    if 0 < title_words < len(words):
        title = " ".join(words[:title_words]).strip(" -\u2013\u2014")
        return " ".join(words[title_words:]).strip(" .,:-"), title
    m = _TITLE_PREFIX_RE.match(who)
    if m and m.end() < len(who):
        return who[m.end() :].strip(" .,:") or None, who[: m.end()].strip()
    m = re.search(r"\s(?:\(|-)\s*([^()]+?)\)?$", who)
    if m and _TITLE_WORDS.search(m.group(1)):
        return who[: m.start()].strip(), m.group(1).strip()
    return who, None


def _in_opening_paragraph(state: ParseState) -> str | None:
    """``1. (U) CLASSIFIED BY POLOFF JANE DOE, 1.5 (D).``: older cables classify in ¶1."""
    lines = state.lines[state.body_start : state.body_start + 3]
    for i, line in enumerate(lines):
        at = line[:300].upper().find("CLASSIFIED BY")
        if at == -1:
            continue
        text = line[at:]
        if i + 1 < len(lines) and _until_reasons(lines[i + 1].strip(), [text]):
            text += "\n" + lines[i + 1]  # the reasons wrapped onto the next line
        return text
    return None


def classified_by(state: ParseState) -> None:
    seg = state.segments.get("classified_by") or _in_opening_paragraph(state)
    if not seg:
        return
    # Keep the official's own spacing ("Burns.  Reasons"), joining wrapped lines.
    text = " ".join(ln.strip() for ln in _KW_RE.sub("", seg.strip()).split("\n") if ln.strip())
    # A classification line is a name, a title and reasons; a copy that lost its line
    # breaks runs on into the text, which is not the official's (and would cost time).
    text = text[:_MAX_TEXT]
    parts = _REASON_SPLIT_RE.split(text, maxsplit=1)
    name, title = split_official(parts[0])
    state.record.classified_by = ClassifiedBy(name=name, title=title, text=text or None)
    state.record.reasons = parse_reasons(text[len(parts[0]) :] if len(parts) > 1 else text)
