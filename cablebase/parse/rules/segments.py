"""Rule ``segments``: cut the text header into one raw segment per field.

The header is the lines from the classification line to the first numbered
paragraph. Fields are found by keyword anywhere on a line (some copies put
``E.O.``, ``TAGS`` and the classification on one line), and continue on the
following lines until a blank line, the next keyword or the body. Text that
belongs to no keyword (classification line, handling terms, office lines)
goes to ``state.preamble``. Each field's rule declares its keyword and how
far its text runs (a :class:`~cablebase.parse.rules.field.HeaderField`) and
then reads its raw text from ``state.segments``.
"""

from __future__ import annotations

import re

from cablebase.parse.rules.classified_by import FIELD as CLASSIFIED_BY
from cablebase.parse.rules.eo_line import DECL_FIELD, EO_FIELD
from cablebase.parse.rules.field import HeaderField
from cablebase.parse.rules.references import FIELD as REF
from cablebase.parse.rules.subject import FIELD as SUBJECT
from cablebase.parse.rules.tags import FIELD as TAGS
from cablebase.parse.state import ParseState
from cablebase.parse.text import CLASS_FIRST, CLASSIFICATION_RE

HEADER_FIELDS: tuple[HeaderField, ...] = (
    EO_FIELD,
    DECL_FIELD,
    TAGS,
    SUBJECT,
    REF,
    CLASSIFIED_BY,
)
"""The fields of the text header, in the order their keywords are tried on a line."""
FIELDS = {f.name: f for f in HEADER_FIELDS}
KEYWORD_RE = re.compile("|".join(f"(?P<{f.name}>{f.keyword})" for f in HEADER_FIELDS))
_PROBES = tuple(sorted({p for f in HEADER_FIELDS for p in f.probes}))
# The probes as one pattern: one search costs less than a substring test per probe.
_PROBE_RE = re.compile("|".join(re.escape(p) for p in _PROBES))
# Where a keyword can begin (see HeaderField.starts); empty if a field does not say.
_STARTS = (
    tuple(sorted({s for f in HEADER_FIELDS for s in f.starts}))
    if all(f.starts for f in HEADER_FIELDS)
    else ()
)
PARA_START_RE = re.compile(r"^[ \t]*(\d{1,3})[ \t]*\.(?![\d.])[ \t]*(?:\(([^)\n]{1,30})\))?[ \t]*")
SUMMARY_START_RE = re.compile(r"^[ \t]*(?:SUMMARY|Summary)(?:\s+AND\s+COMMENT|\s+and\s+comment)?\b")
ENTIRE_TEXT_RE = re.compile(r"^[ \t]*[A-Z ]+-[ \t]*ENTIRE TEXT\.?[ \t]*$")
_HANDLING_RE = re.compile(
    r"^(?:(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|STADIS|ROGER|ORCON|SENSITIVE|CHEROKEE)[\s,.]*)+$"
)
_HEADER_SCAN = 120
# Keywords are looked for in a line's first characters only: a copy that lost its
# line breaks has its whole header there, and the rest of a long line is text.
_KEYWORD_SPAN = 8000


def _is_body_start(s: str) -> bool:
    # The first character tells which pattern can match: saves the regexes on most lines.
    first = s[:1]
    if first.isdigit():
        return bool(PARA_START_RE.match(s))
    if first == "(":
        return bool(MARKED_START_RE.match(s))
    return first in ("S", " ", "\t") and bool(SUMMARY_START_RE.match(s))


# A portion marking that opens an unnumbered paragraph: "(U) DCM and POL Intern ...",
# "(SBU) Post has ...", a marking alone on its line; not a REF item ("(C) STATE 45792",
# "(C) Sao Paulo 42;") nor "(U) Classified by ...".
_MARKED = (
    # alone at the end of its line; "(C)" there is a reason letter ("1.4 (B) and (C)")
    r"(?:\((?:U|S|SBU|TS|LOU|FOUO|[CS]/{1,2}[A-Z]{1,4})\)(?=[ \t]*$)"
    r"|\((?:U|C|S|SBU|TS|LOU|FOUO)(?:/{1,2}[A-Z]{1,4})?\)"
    r"(?![ \t]+(?i:classified\b)|[ \t]+(?:\d{2,4}[ \t]+)?[A-Za-z][A-Za-z .\-]{1,30}?[ \t]0*\d{1,7}"
    r"[ \t]*(?:[;,.)(]|$|AND\b|and\b))"
    r"(?=[ \t]+[A-Z]?[a-z]|[ \t]+[A-Z][A-Za-z]*[ \t]+[a-z]))"
)
MARKED_START_RE = re.compile(r"^[ \t]*" + _MARKED)
# Paragraph 1 glued to the header line before it in a flattened copy ("SUBJECT: X
# 1. (SBU) Text", "------- SUMMARY ------- 1. (SBU) Text", "REF: STATE 86108 (SBU) Text").
_GLUED_BODY_RE = re.compile(
    r"[ \t](?=(?:[-=]{3,}[ \t]*[A-Za-z][A-Za-z ]{2,40}?[ \t]*[-=]{3,}[ \t]*)?"
    r"(?:1[ \t]*\.[ \t]*\([A-Z]{1,4}(?:/{1,2}[A-Z]{1,4})*\)|" + _MARKED + "))"
)
# What every glued start holds: a marking's "(" and capital letter after a blank, the
# "." of "1.", or the dashes of a framed heading. Tried first: cheaper than the lookahead
# the glued pattern runs at every blank of a long line.
_GLUED_PROBE_RE = re.compile(r"[ \t.\-=]\([A-Z]")
_FRAMED_RE = re.compile(r"[ \t]*[-=]{3,}[ \t]*[A-Za-z][A-Za-z ]{2,40}?[ \t]*[-=]{3,}[ \t]+\S")


def _unglue_head(lines: list[str], limit: int) -> list[str]:
    """Break a flattened copy's header line where paragraph 1 begins on it.

    Only a line that holds a header keyword with some text after it before the
    glued ``1. (X)`` or ``(SBU) Text`` (or that opens with a framed heading) is
    broken, once: paragraph 1 then begins the body. ``SUBJECT: (C) X`` is not.
    """
    for i in range(min(len(lines), limit)):
        line = lines[i]
        if len(line) < 20 or "(" not in line:
            continue
        if _GLUED_PROBE_RE.search(line, 0, _KEYWORD_SPAN) is None:
            continue
        m = _GLUED_BODY_RE.search(line, 0, _KEYWORD_SPAN)
        if m is None:
            continue
        head = line[: m.start()]
        framed = _FRAMED_RE.match(line)
        if framed and framed.end() - 1 <= m.end() + 1:
            head, tail = line[: framed.end() - 1], line[framed.end() - 1 :]
            return [*lines[:i], head.rstrip(), tail.lstrip(), *lines[i + 1 :]]
        keywords = list(KEYWORD_RE.finditer(head)) if _may_have_keyword(head) else []
        if keywords and head[keywords[-1].end() :].strip(" \t:.-"):
            return [*lines[:i], head.rstrip(), line[m.end() :], *lines[i + 1 :]]
    return lines


def segments(state: ParseState) -> None:
    lines = state.text_lines()
    if ") " in state.text[:_KEYWORD_SPAN]:
        lines = _unglue_head(lines, _HEADER_SCAN)
    state.lines = lines
    n = len(lines)
    limit = min(n, _HEADER_SCAN)
    start = next(
        (
            i
            for i in range(min(n, 60))
            if lines[i].lstrip()[:1] in CLASS_FIRST and CLASSIFICATION_RE.match(lines[i].strip())
        ),
        None,
    )
    preamble: list[str] = []
    if start is None:
        start = 0
    else:
        preamble.extend(ln.strip() for ln in lines[:start] if ln.strip())
    segs: dict[str, list[str]] = {}
    current: str | None = None
    cont = 0
    seen_kw = False
    last_key: str | None = None
    body = n
    # Office, notice and distribution lines before the keywords do not end the header:
    # up to the last keyword line (E.O., TAGS, SUBJECT) ahead of paragraph 1, they are preamble.
    keyword_ahead = _last_keyword_line(lines, start, limit)
    for i in range(start, limit):
        line = lines[i]
        s = line.strip()
        if not s or (s[0] in "-=_" and not s.strip("-=_ ")):
            current = None
            continue
        if i > start and _is_body_start(s):
            body = i
            break
        matches = keyword_matches(line) if _may_have_keyword(line) else None
        if matches:
            lead = line[: matches[0].start()].strip()
            if lead:
                # Text before a keyword ends the field above only if it could continue it
                # ("...EU\nSTATEMENTS BUT NOT OPTIMISTIC REF: A"); a flattened copy's stray
                # "STATE 86108 Classified By:" is no TAGS code.
                if current and FIELDS[current].continues(lead, segs[current]):
                    segs[current].append(lead)
                else:
                    preamble.append(lead)
            for j, m in enumerate(matches):
                end = matches[j + 1].start() if j + 1 < len(matches) else len(line)
                key = m.lastgroup or ""
                piece = line[m.start() : end].strip()
                if key in segs and not FIELDS[key].repeats:
                    if key == current and _restarts(segs[key], piece, m.end() - m.start()):
                        # "REF: A. REF: A. STATE 55370", "Classified By: Classified By: X":
                        # a doubled keyword restarts the field.
                        segs[key] = [piece]
                        continue
                    # Otherwise the first occurrence wins: a later "Subject:" is text.
                    current = None
                    continue
                segs.setdefault(key, []).append(piece)
                current, cont, last_key = key, 0, key
            seen_kw = True
            continue
        if current is not None:
            field = FIELDS[current]
            if cont < field.max_lines and field.continues(s, segs[current]):
                segs[current].append(s)
                cont += 1
                continue
        if last_key is not None and FIELDS[last_key].resumes(s):
            segs[last_key].append(s)
            current, cont = last_key, 0
            continue
        current = None
        if (
            i == start
            or ENTIRE_TEXT_RE.match(s)
            or _HANDLING_RE.match(s)
            or (not seen_kw and _looks_preamble(s) and i - start < 25)
            or i < keyword_ahead
        ):
            preamble.append(s)
            continue
        body = i
        break
    else:
        body = n if limit >= n else limit
        if not seen_kw and n:
            # No header keywords at all: everything after the classification line is body.
            body = start + 1 if CLASSIFICATION_RE.match(lines[start].strip()) else start
            preamble = [ln.strip() for ln in lines[:body] if ln.strip()]
    state.body_start = body
    state.segments = {k: "\n".join(v) for k, v in segs.items()}
    state.preamble = "\n".join(preamble)
    if state.teaser:
        for key, value in _teaser_segments(state.teaser).items():
            state.segments.setdefault(key, value)


def _teaser_segments(teaser: str) -> dict[str, str]:
    """The complete header fields of a viewer page's teaser (the one cut by "..." is not,
    but a Classified By cut in its reasons keeps the official, a REF list its whole items).

    Some full copies lost a field the teaser still shows (a flattened copy without
    its SUBJECT line): the teaser gives it, but never a field the cut ended in.
    """
    probe = ParseState(text=teaser.replace("\u00b6", "").replace("\xa0", " "))
    segments(probe)
    out = {}
    for key, value in probe.segments.items():
        value = value.rstrip()
        if not value.endswith(".."):
            out[key] = value
        elif key == "classified_by" and (m := _REASONS_AT_RE.search(value)):
            # Cut in the reasons: the official before them is whole, the reasons are not.
            out[key] = value[: m.start()].rstrip(" ,;.:")
        elif key == "classified_by" and "," in value:
            out[key] = value[: value.rfind(",")]  # "DANA MURRAY, SENIOR WATCH OFFICE..."
        elif key == "ref":
            # A REF list keeps the items the cut left whole: "A) STATE 1 B) STATE 2 ..."
            # keeps both, "A) STATE 1 B) STA..." only the first.
            cut = value.rstrip(".")
            if cut == cut.rstrip():
                cut = cut.rsplit(None, 1)[0] if " " in cut.strip() else ""
                # The cut item's label and post without their serial go with it.
                labels = list(_ITEM_LABEL_RE.finditer(cut))
                if labels and not any(c.isdigit() for c in cut[labels[-1].end() :]):
                    cut = cut[: labels[-1].start()]
            out[key] = _DANGLING_LABEL_RE.sub("", cut.rstrip())
    return {k: v for k, v in out.items() if v.strip()}


# A list label the cut left without its item: "... B)", "... (C)", "... D."
_REASONS_AT_RE = re.compile(r"(?i)[\s,;.]+(?:for\s+)?reasons?\b|\s1\.\s?[4-6]\b")
_ITEM_LABEL_RE = re.compile(r"(?:^|(?<=\s))\(?[A-Za-z][.)](?=\s)")
_DANGLING_LABEL_RE = re.compile(r"\s+\(?[A-Za-z][.)]$|\s+\([A-Za-z]\)$")


# Upper case, or any case with a colon: "Subject to approval" in prose is not a keyword.
_KEYWORD_LINE_RE = re.compile(
    r"[ \t]*(?:(?i:E\.\s?O\.)\s?\d{5}|EO[ \t]+\d{5}|TAGS?\b|SUBJ(?:ECT)?\b"
    r"|(?i:tags?|subj(?:ect)?)[ \t]*:)"
)


def _last_keyword_line(lines: list[str], start: int, limit: int) -> int:
    """Index of the last line before paragraph 1 that opens with a header keyword (-1: none)."""
    last = -1
    for i in range(start + 1, limit):
        s = lines[i]
        if not s or s[0] not in " \tEeTtSs123456789":
            continue
        stripped = s.strip()
        if stripped and _is_body_start(stripped):
            break
        if _KEYWORD_LINE_RE.match(s):
            last = i
    return last


# Characters that an ASCII letter matches when case is ignored: İ ı ſ K (Kelvin sign).
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def keyword_matches(line: str) -> list[re.Match[str]]:
    """``KEYWORD_RE.finditer`` over the line's first ``_KEYWORD_SPAN`` characters, as a list.

    The keyword pattern, tried at every position, cost more than the rest of the
    header scan together: the regex runs only where a keyword can begin (a field's
    ``starts``, found with str.find in the upper-cased line, and the line's start), in
    order, skipping spots inside a match, as finditer would. Other characters than
    ASCII are looked at as "?" (one for one, so positions hold): none begins a
    keyword, except the four that match an ASCII letter when case is ignored, and a
    line holding one of those takes finditer itself.
    """
    head = line[:_KEYWORD_SPAN]
    if head.isascii():
        up = head.upper()
    elif any(c in head for c in _FOLDS_TO_ASCII):
        return list(KEYWORD_RE.finditer(line, 0, _KEYWORD_SPAN))
    else:
        up = head.encode("ascii", "replace").decode("ascii").upper()
    if not _STARTS:
        return list(KEYWORD_RE.finditer(line, 0, _KEYWORD_SPAN))
    spots = [0]
    for lit in _STARTS:
        if lit in up:  # cheaper than find on the (usual) miss
            at = up.find(lit)
            while at != -1:
                spots.append(at)
                at = up.find(lit, at + 1)
    if len(spots) > 2:
        spots = sorted(set(spots))
    out: list[re.Match[str]] = []
    end = 0
    for at in spots:
        if at >= end and (m := KEYWORD_RE.match(line, at, _KEYWORD_SPAN)):
            out.append(m)
            end = m.end()
    return out


def _may_have_keyword(line: str) -> bool:
    """Cheap substring test that saves the keyword regex on most lines."""
    return _PROBE_RE.search(line) is not None


def _restarts(existing: list[str], piece: str, kw_len: int) -> bool:
    """True when the field so far is only a prefix of what the repeated keyword starts."""
    first = existing[0]
    head = first[first.find(":") + 1 :].strip() if ":" in first else ""
    return len(existing) == 1 and piece[kw_len:].strip().startswith(head)


def _looks_preamble(s: str) -> bool:
    """Classification, handling and office lines: short, upper case, or ``X FOR Y``."""
    if len(s) <= 40 or " FOR " in s or s.startswith(("FOR ", "PASS ", "PLEASE PASS")):
        return True
    return len(s) <= 250 and not any(c.islower() for c in s)
