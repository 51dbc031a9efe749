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
        "D'AFFAIRS",
        "MC",
        "M/C",
        "MINCOUNS",
        "MINSTER",
        "POLEC",
        "POLECON",
        "ECPO",
        "ECOPOL",
        "POLCHIEF",
        "POLITCIAL",
        "MILITARY",
        "INTERNAL",
        "BUREAU",
        "COORDINATOR",
        "CONSULATE",
        "EMBASSY",
        "WATCH",
        "AFFAIRES",
        "DIR",
    )
)
_NAME_SUFFIX_RE = re.compile(r",?\s+(Jr|Sr|JR|SR|II|III|IV)\.?$")
_TRAILING_WORDS = frozenset({"PER", "FOR", "NOR", "BY", "AND", "UNDER", "REASON", "REASONS"})
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


_REASON_RE = re.compile(r"(?i)1\.\s?[4-6]")
_REASON_LETTER_RE = re.compile(r"1\.\s?[4-6]\s*\(?\s*[a-hA-H](?![A-Za-z])")
_LETTERS_LINE_RE = re.compile(r"^(?:[(\[]?[A-Ha-h](?:[)\]/,.\s]|$)|(?:AND|and|&)\s)")


_OPEN_LIST_RE = re.compile(r"(?:\b(?i:and|or)|[,&(/])\s*$")


def _until_reasons(line: str, so_far: list[str]) -> bool:
    """The official runs on until the reasons; ``1.5`` / ``(B) AND (D)`` wrapped is one list.

    A list left open at the line end (``1.4 (b) and`` / ``(d)``) or taken up by the
    next line (``1.4 (b)`` / ``and (d).``) goes on too.
    """
    joined = " ".join(so_far)
    if not _REASON_RE.search(joined):
        return True
    if _LETTERS_LINE_RE.match(line) and (
        _OPEN_LIST_RE.search(joined) or line[:1] in "&," or line[:4].lower() in ("and ", "or (")
    ):
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
    w = word.strip(".,:;()").upper().replace("\u2019", "'")
    if not w:
        return False
    if w in _TITLE_VOCAB or "/" in w or w.endswith("COUNS") or (len(w) > 5 and w.endswith("OFF")):
        return True
    # "Political-Economic", "Politcial-Economic", "Pol-Econ": any part a title word
    return "-" in w and any(part in _TITLE_VOCAB for part in w.split("-"))


_PARTICLES = frozenset({"van", "de", "von", "der", "da", "del", "di", "du", "la", "le"})
_INITIAL_RE = re.compile(r"^[A-Z]\.?$|^[A-Z]\.[A-Z]\.$")
_SUFFIXES = frozenset({"JR", "JR.", "SR", "SR.", "II", "III", "IV"})


def _name_token(word: str, *, mixed: bool) -> bool:
    """A word of a person's name: ``Robert``, ``O.``, ``O'Grady``, ``LeBaron``, ``van``."""
    word = word.strip('\u201c\u201d"')  # a nickname: A. "Hoot" Baez
    if not word or _is_title_word(word) or any(c.isdigit() for c in word) or "/" in word:
        return False
    if word in _PARTICLES or _INITIAL_RE.match(word) or word.upper() in _SUFFIXES:
        return True
    if not word[:1].isupper():
        return False
    letters = word.strip(".,'\u2019-")
    if mixed and len(letters) >= 2 and letters.isupper():
        return False  # "EUR", "ISN", "NAS": office codes in mixed-case text
    return len(letters) >= 2


def _name_from_right(words: list[str], *, mixed: bool) -> int:
    """Index where the person's name starts at the end of ``words`` (len: no name)."""
    i = len(words)
    while i > 0 and len(words) - i < 5 and _name_token(words[i - 1], mixed=mixed):
        i -= 1
    while i < len(words) and words[i] in _PARTICLES:
        i += 1  # a name does not start with "van"
    return i


def _is_name_part(part: str) -> bool:
    """A comma-separated part that is a person's name (``Heather M``, ``Chris Stevens``)."""
    words = part.split()
    mixed = any(c.islower() for c in part)
    return 0 < len(words) <= 5 and _name_from_right(words, mixed=mixed) == 0


_JOIN_STOP = frozenset(
    {"for", "nor", "or", "and", "of", "the", "to", "per", "from", "on", "in", "at", "by", "with"}
)


def _rejoin(words: list[str]) -> list[str]:
    """Words a wrap broke in two: ``Do nald`` -> ``Donald``, ``Michae l`` -> ``Michael``."""
    out: list[str] = []
    for w in words:
        if (
            out
            and w.isalpha()
            and w.islower()
            and w not in _JOIN_STOP
            and w not in _PARTICLES
            and len(w) <= 5
            and out[-1].isalpha()
            and out[-1][:1].isupper()
            and len(out[-1]) <= 6
        ):
            out[-1] += w
        else:
            out.append(w)
    return out


def _is_office(word: str, *, mixed: bool) -> bool:
    letters = word.strip(".,:;()")
    return _is_title_word(word) or (mixed and len(letters) >= 2 and letters.isupper())


def _refine(name: str | None, title: str | None) -> tuple[str | None, str | None]:
    """Move title words and office codes left in the name over to the title.

    ``ECOPOL Counselor Andrew Erickson`` is the person Andrew Erickson; a name of
    title-free words is left as it is, and so is text with no title word or office
    code before the name (``Derived from Multiple Sources``) or two officials
    (``DTRA Fred Carter and Poloff Steven Prohaska``).
    """
    if not name:
        return name, title
    words = name.split()
    mixed = any(c.islower() for c in name)
    if len(words) < 2 or all(_name_token(w, mixed=mixed) for w in words):
        return name, title
    joined = _rejoin(words)
    if all(_name_token(w, mixed=mixed) for w in joined):
        return " ".join(joined), title
    start = _name_from_right(joined, mixed=mixed)
    if start == 0 or start >= len(joined):
        return name, title
    before = joined[:start]
    if not any(_is_office(w, mixed=mixed) for w in before):
        return name, title
    if "and" in before:
        k = len(before) - 1 - before[::-1].index("and")
        if k >= 2 and all(_name_token(w, mixed=mixed) for w in before[k - 2 : k]):
            return name, title  # two officials
    prefix = " ".join(before).strip(" ,-\u2013\u2014")
    return " ".join(joined[start:]), (f"{title} {prefix}" if title else prefix)


def _split_commas(parts: list[str]) -> tuple[str | None, str | None] | None:
    """``Chris Stevens, CDA, ...``; ``Charge d'Affaires, a.i., Michael J. Fitzpatrick``;
    surname first: ``Hodges, Heather M, Ambassador, State`` (Heather M Hodges)."""

    def titled(p: str) -> bool:
        return bool(_TITLE_WORDS.search(p)) or any(_is_title_word(w) for w in p.split())

    names = [i for i, p in enumerate(parts) if _is_name_part(p) and not titled(p)]
    titles = [i for i, p in enumerate(parts) if titled(p)]
    if not titles:
        return None
    if not names:
        # "DCM DAVID J. KEEGAN, EMBASSY WELLINGTON": title and name in one part.
        for i in titles:
            words = parts[i].split()
            mixed = any(c.islower() for c in parts[i])
            start = _name_from_right(words, mixed=mixed)
            if 0 < start <= len(words) - 2:
                title = ", ".join([*parts[:i], " ".join(words[:start])])
                return " ".join(words[start:]), title
        return None
    first = names[0]
    name = parts[first]
    if first + 1 in names and first + 2 in titles:
        name = f"{parts[first + 1]} {name}"  # "Hodges, Heather M": surname first
    t = titles[0]
    title = parts[t]
    if t + 1 < len(parts) and parts[t + 1].strip(". ").lower() in ("a.i", "ai"):
        title = f"{title}, a.i."
    return name, title


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
    name, title = _split_official(who)
    return _refine(name, title)


# Not part of the official: "E.O. 12958" cited beside the name, a trailing "for
# reaons" / "under Section ..." / a "FO R" broken by a wrap.
_EO_MENTION_RE = re.compile(r",?\s*E\.?\s?O\.?\s?\d{5}\s*,?")
_TRAILING_CLAUSE_RE = re.compile(
    r"\s+(?:(?i:for|per|under)\s+(?i:re\w*|sec\w*|e\.?\s?o\b|\d).*|F\s?O\s?R|f\s?o\s?r)$"
)


def _split_official(who: str) -> tuple[str | None, str | None]:
    who = _EO_MENTION_RE.sub(" ", who)
    who = _TRAILING_CLAUSE_RE.sub("", who.strip(" .,;:"))
    who = who.strip(" .,;:")
    words = who.split()
    while words and words[-1].upper().strip(".,:;") in _TRAILING_WORDS:
        words.pop()
    who = " ".join(words).strip(" .,;:")
    if not who:
        return None, None
    suffix = _NAME_SUFFIX_RE.search(who)
    if suffix:
        name, title = _split_official(who[: suffix.start()])
        return (f"{name}, {suffix.group(1)}." if name else None), title
    if "," in who:
        parts = [p.strip(" .") for p in who.split(",") if p.strip(" .")]
        if len(parts) >= 2:
            found = _split_commas(parts)
            if found is not None:
                return found
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
