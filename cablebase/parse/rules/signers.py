"""Rule ``signers``: the signature at the end of the text, and publisher trailers.

The signature is the last line of text, usually one surname (``RICE``), or
the last word(s) of a text that is not hard-wrapped (``... xxxxxxxxxxxx.
CLINTON``), or the signer of the catalogue trailer that rule ``trailer`` cut.
Also: two signers on two lines (``BURNS`` / ``RICE``), ``LA LIME``,
``TIMKEN JR``, ``WAYNE .``, a name after a post's ``Visit ... Classified
Website`` notice on the same line, a title-case name after a clearance note
(``... cleared this cable. Scobey``), and a signature followed by a footer: a
``Visit ... Classified Web Site`` notice, ``End Cable Text`` and what a copy
appended after it, a repeated routing block (``RUCNMGH/MAGHREB COLLECTIVE``),
a date (``2006-08-30``) or a catalogue id (``2004VATICA03196 -
Classification``). Patterns look at the end of the last lines only, so a long
line costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cablebase.parse.rules.trailer import ENDING_LINES, text_end
from cablebase.parse.state import ParseState

_SIG_LINE_RE = re.compile(
    r"^([A-Z][A-Z'\-]+(?:[ /,]+[A-Z][A-Z'\-]+){0,3}(?:,?[ ](?:JR|SR|II|III)\.?)?)[ ]*\.?$"
)
_SIG_TITLE_RE = re.compile(
    r"^(?:(?:van|de|da|del|von|la|le) )?[A-Z][A-Za-z'\-]*[a-z][A-Za-z'\-]*"
    r"(?:[ /][A-Z][A-Za-z'\-]+){0,2}$"
)
_SIG_TAIL_RE = re.compile(
    r"(?:[.!?\"')\]*]|[Xx]{6,}|(?i:\bEND[ ]+(?:COMMENT|TEXT))|\S*(?:\.html?|\.gov|\.org|\bcfm)\S*)"
    r"\s+((?:(?:LA|LE|DE|DA|DI|DEL|VAN|VON)[ ])?[A-Z][A-Z'\-]{2,}(?:[ /][A-Z][A-Z'\-]{2,})?"
    r"(?:[ ](?:JR|SR|II|III)\.?)?)\s*$"
)
_SIG_TAIL_TITLE_RE = re.compile(r"(?:[.!?\"')\]]|\bcfm)\s+([A-Z][a-z][A-Za-z'\-]+)\s*$")
# Junk a copy left after a signature: " .", a stray quote or backslash, the date or
# the cut-off catalogue trailer ("STEVENS 0 02/12/2008", "BURNS\t2006-08-30").
_SIG_JUNK_RE = re.compile(
    r"(?:[ \t]+\d{1,3}[ \t]+\d\d/\d\d/\d{4}|[ \t]+\d{4}-\d\d-\d\d|[ \t]+[.,]+|[ \t]*[\"\\*\v]+)+"
    r"[ \t]*$"
)
# A title before the name on the signature line: "CDA Griffiths".
_TITLE_NAME_RE = re.compile(
    r"^(?:CDA|Charge|CHARGE|Amb\.?|AMB\.?|Ambassador|AMBASSADOR|DCM|A/DCM)[ ]+"
    r"([A-Z][A-Za-z'\-]+(?:[ ][A-Z][A-Za-z'\-]+)?)$"
)
_LOWER_NAME_RE = re.compile(r"^[a-z][a-z'\-]{2,19}$")
_NOT_LOWER_SIGNERS = frozenset({"end", "ends", "text", "cable", "thanks", "regards", "comment"})
# A post's notice: "Visit London's Classified Website: http://...", "Classified Web Site".
_VISIT_RE = re.compile(r"(?i)classified[ ]?web[ ]?site")
_NOT_VISIT_SIGNERS = frozenset(
    {"cfm", "htm", "html", "index", "website", "site", "portal", "kingdom", "classified", "at"}
)
_CLEARANCE_RE = re.compile(r"(?i)\bclear(?:ed|s)?\b|\b(?:cable|message)\b")
_NOT_TITLE_SIGNERS = {"End", "Ends", "Comment", "Summary", "Text", "Thanks", "Regards", "Note"}
_TAIL = 200
NOT_SIGNERS = {
    "END",
    "COMMENT",
    "SUMMARY",
    "BT",
    "NNNN",
    "SIPDIS",
    "NOFORN",
    "NODIS",
    "EXDIS",
    "LIMDIS",
    "UNCLASSIFIED",
    "CONFIDENTIAL",
    "SECRET",
    "TEXT",
    "ENDS",
    "END TEXT",
    "END COMMENT",
    "END SUMMARY",
    "USG",
    "GOL",
    "US",
    "UN",
    "EU",
    "NATO",
    "XXXXXXXXXXXX",
}


_NOISE_WORDS = frozenset({"END", "TEXT", "CABLE", "COMMENT", "SUMMARY", "BT", "NNNN"})
_NOT_A_NAME = frozenset(
    {"AMEMBASSY", "AMCONSUL", "SECSTATE", "IMMEDIATE", "PRIORITY", "ROUTINE"}
    | {"COLLECTIVE", "WASHDC"}
)
# A routing indicator before a slash: "RUCNMGH/MAGHREB COLLECTIVE" is a routing line.
_ROUTING_RE = re.compile(r"^R[A-Z]{3,7}/")


_SUFFIX_RE = re.compile(r",[ ]*(JR|SR|II|III)\.?$")


def _split_signers(text: str) -> list[str]:
    """Names of a signature: ``GNEHM``, ``VAN VOORST``, ``DUNCAN/BUTENIS``; noise dropped."""
    names: list[str] = []
    if _ROUTING_RE.match(text):
        return names
    text = _SUFFIX_RE.sub(r" \1", text)
    for part in re.split(r"\s*[/,]\s*", text):
        words = [
            w for w in part.split() if w.upper() not in _NOISE_WORDS and set(w.upper()) != {"X"}
        ]
        if any(w.upper() in _NOT_A_NAME for w in words):
            return []
        if len(words) == 2 and words[0] == words[1]:  # "BOYCE BOYCE": the name twice
            words = words[:1]
        name = " ".join(words)
        if name and name not in NOT_SIGNERS:
            names.append(name)
    return names


def _title_case_signature(s: str, lines: list[str], end: int, body_start: int) -> bool:
    """``Stapleton``, ``van Voorst``, ``Thompson-Jones`` alone on the last line.

    A paragraph's own last line ends with punctuation, so a bare name line is a signature.
    """
    return (
        len(s) <= 30
        and end - 1 > body_start
        and s not in _NOT_TITLE_SIGNERS
        and bool(_SIG_TITLE_RE.match(s))
    )


def _own_line(lines: list[str], index: int, signature: str) -> str:
    """The signature on its own line, after a blank line if the cable had one."""
    blank_before = index > 0 and not lines[index - 1].strip()
    return ("\n\n" if blank_before else "\n") + signature


def signers(state: ParseState) -> None:
    lines = state.lines
    end = text_end(lines, state.body_start)
    if end <= state.body_start:
        state.lines = lines[:end]
        return
    found: list[str] = []
    if state.trailer is not None and state.trailer.signer not in NOT_SIGNERS:
        found = _split_signers(state.trailer.signer)
        state.signature_tail = " " + state.trailer.signer
    else:
        end, found = _last_line_signers(state, lines, end)
        if not found:
            end, found = _signers_above_footer(state, lines, end)
    state.lines = lines[:end]
    state.record.signers = found
    if not found:
        state.record.warnings.append("no signature")


_FOOTER_SPAN = 80
_DATE_LINE_RE = re.compile(r"^(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d\d-\d\d)$")
# "2004VATICA03196 - Classification: CONFIDENTIAL": a copy's catalogue line.
_CATALOGUE_LINE_RE = re.compile(r"^\d{4}[A-Z]{3,10}\d{5}\b")
_TRANSMISSION_START_RE = re.compile(
    r"^(?:VZCZC|[ZOPR](?:[ ][ZOPR])?[ ]+\d{6}Z[ ]+[A-Z]{3}[ ]+\d{2,4}$|FM[ ][A-Z])"
)


def _is_footer_line(s: str) -> bool:
    """A line a copy or the transmission put after the signature (never text)."""
    return (
        not s
        or s in ENDING_LINES
        or s.startswith("#")
        or bool(_DATE_LINE_RE.match(s))
        or bool(_CATALOGUE_LINE_RE.match(s))
        or s.startswith("SELECT * FROM")
        or set(s) <= set("Xx*=- ")
    )


def _footer_start(lines: list[str], start: int, end: int) -> int:
    """Where a footer after the signature begins (``end`` when there is none).

    The footer is what a reader skips to find the signature: a repeated routing
    block, ``End Cable Text`` and anything a copy appended after it, a
    ``Visit ... Classified Web Site`` notice, dates and catalogue lines.
    """
    lo = max(start, end - _FOOTER_SPAN)
    cut = end
    lower_after = False  # a line with lower-case letters between this one and the cut
    for i in range(end - 1, lo - 1, -1):
        s = lines[i].strip()
        if s.lower() == "end cable text" or (_TRANSMISSION_START_RE.match(s) and not lower_after):
            cut, lower_after = i, False  # a repeated routing block: all upper case
        elif s != s.upper():
            lower_after = True
    # Walk back over footer lines, a Visit notice (with its wrapped URL) among them.
    i = cut
    while i > lo:
        s = lines[i - 1].strip()
        if _is_footer_line(s) or _ROUTING_RE.match(s) or (_VISIT_RE.search(s) and i - 1 > start):
            i -= 1
            continue
        if i >= 2 and " " not in s and _VISIT_RE.search(lines[i - 2]):
            i -= 1  # the notice's address, wrapped onto a line of its own
            continue
        break
    if i < cut:
        # Wrapped URL lines of a notice: the notice line must sit just above them.
        j = i
        while j < cut and not lines[j].strip():
            j += 1
        first = lines[j].strip() if j < cut else ""
        if first and not (
            _VISIT_RE.search(first) or _is_footer_line(first) or _ROUTING_RE.match(first)
        ):
            return cut
    return i


def _signers_above_footer(state: ParseState, lines: list[str], end: int) -> tuple[int, list[str]]:
    """The signature above a footer; the Visit notice stays in the displayed text."""
    cut = _footer_start(lines, state.body_start, end)
    if cut >= end:
        return end, []
    before = text_end(lines[:cut], state.body_start)
    if before <= state.body_start:
        return end, []
    sig_end, found = _last_line_signers(state, lines, before)
    if not found:
        state.signature_tail = ""
        return end, []
    notice: list[str] = []
    for ln in lines[before:end]:
        if _VISIT_RE.search(ln) or (notice and ln.strip() and " " not in ln.strip()):
            notice.append(ln.rstrip())  # the notice and its address wrapped below it
        elif notice:
            break
    if notice:
        state.signature_tail += "\n\n" + "\n".join(notice)
    return sig_end, found


_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_UPPER_NAME = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ'-/")


def _upper_name_end(word: str) -> bool:
    """The last word ``_SIG_TAIL_RE`` can end on: ``BURNS``, ``DUNCAN/BUTENIS``, ``JR.``."""
    word = word.rstrip(".")
    return bool(word) and all(c in _UPPER_NAME for c in word)


def _title_name_end(word: str) -> bool:
    """The last word ``_SIG_TAIL_TITLE_RE`` can end on: ``Herbst``."""
    return len(word) >= 3 and word[0] in _UPPER and word[1] in _LOWER


def _tail(
    pattern: re.Pattern[str], s: str, name_end: Callable[[str], bool]
) -> re.Match[str] | None:
    """``pattern`` searched in the last ``_TAIL`` characters only: a signature is short.

    Both tail patterns end with a name after a blank: a line whose last word is no
    such name (``name_end``) is not searched.
    """
    words = s.rsplit(None, 1)
    if not words or not name_end(words[-1]):
        return None
    return pattern.search(s, max(0, len(s) - _TAIL))


def _known_names(state: ParseState) -> set[str]:
    """Surnames the cable names elsewhere: the classifying official's."""
    official = state.record.classified_by
    if official is None or not official.name:
        return set()
    return {w.strip(".,").lower() for w in official.name.split() if len(w) > 2}


def _visit_signer(s: str) -> tuple[int, str] | None:
    """The name after a Visit notice on the signature line: ``... cfm Tuttle``, ``XXXX/SUSMAN.``."""
    window = s[-_TAIL:]
    m = _VISIT_RE.search(window)
    if m is None:
        return None
    rest = window[m.end() :].rstrip(" .*\t")
    token = rest.split()[-1] if rest.split() else ""
    if "://" in token or "www." in token:
        return None  # the notice's own address, no name after it
    word = re.split(r"[/*]+", token)[-1]
    word = word.lstrip("Xx") if word[:6].upper() == "XXXXXX" else word
    if not re.fullmatch(r"[A-Za-z][A-Za-z'\-]{2,}", word) or word.lower() in _NOT_VISIT_SIGNERS:
        return None
    at = len(s) - len(window) + m.end() + rest.rfind(word)
    return at, word


def _last_line_signers(state: ParseState, lines: list[str], end: int) -> tuple[int, list[str]]:
    """Signers on the last text line: a name line, or a name after the last sentence."""
    last = lines[end - 1]
    raw = last.strip()
    s = _tail_clean(raw)
    found: list[str] = []
    m = _SIG_LINE_RE.match(s) if len(s) <= 40 else None
    if m and s.rstrip(".") not in NOT_SIGNERS and end - 1 > state.body_start:
        found = _split_signers(m.group(1))
        if found:
            end -= 1
            state.signature_tail = _own_line(lines, end, raw)
            end, found = _second_signer(state, lines, end, found)
    elif _title_case_signature(s, lines, end, state.body_start):
        found = _split_signers(s)
        end -= 1
        state.signature_tail = _own_line(lines, end, raw)
    elif (m := _TITLE_NAME_RE.match(s)) and end - 1 > state.body_start:
        found = [m.group(1)]
        end -= 1
        state.signature_tail = _own_line(lines, end, raw)
    elif (
        _LOWER_NAME_RE.match(s)
        and s not in _NOT_LOWER_SIGNERS
        and end - 1 > state.body_start
        and (
            lines[end - 2].strip()[-1:] in (".", "T", "")
            or any(_VISIT_RE.search(ln) for ln in lines[max(0, end - 4) : end - 1])
        )
    ):
        found = [s]  # "END COMMENT" / "curran": a signature typed in lower case
        end -= 1
        state.signature_tail = _own_line(lines, end, raw)
    elif visit := _visit_signer(s):
        at, name = visit
        found = [name]
        cut = len(last) - len(last.lstrip()) + at
        state.signature_tail = " " + last[cut:].strip()
        lines[end - 1] = last[:cut].rstrip()
    elif (
        (m := _tail(_SIG_TAIL_TITLE_RE, s.rstrip("."), _title_name_end))
        and (m.group(1) not in _NOT_TITLE_SIGNERS)
        and (
            len(s) > 200
            or m.group(1).lower() in _known_names(state)
            or _CLEARANCE_RE.search(s[max(0, m.start() - 120) : m.start() + 1])
        )
    ):
        # Unwrapped text: "... may mean that Karimov prefers to avoid them. Herbst";
        # "... A/S Carson cleared this cable. Scobey"
        found = [m.group(1)]
        cut = len(last) - len(last.lstrip()) + m.start(1)
        state.signature_tail = " " + last[cut:].strip()
        lines[end - 1] = last[:cut].rstrip()
    elif (m := _tail(_SIG_TAIL_RE, s.rstrip("."), _upper_name_end)) and (
        m.group(1) not in NOT_SIGNERS
    ):
        found = _split_signers(m.group(1))
        if found:
            cut = len(last) - len(last.lstrip()) + m.start(1)
            state.signature_tail = " " + last[cut:].strip()
            lines[end - 1] = last[:cut].rstrip()
    return end, found


def _tail_clean(s: str) -> str:
    """The last line without the junk a copy left after the name (`` .``, a date)."""
    if not s or s[-1].isalpha():
        return s
    m = _SIG_JUNK_RE.search(s, max(0, len(s) - 40))
    return s[: m.start()] if m and m.start() > 0 else s


def _second_signer(
    state: ParseState, lines: list[str], end: int, found: list[str]
) -> tuple[int, list[str]]:
    """Two signers on two lines (``BURNS`` / ``RICE``): the line above is a name too."""
    if end - 1 <= state.body_start or len(found) != 1:
        return end, found
    above = lines[end - 1].strip()
    if not above or len(above) > 30 or " " in above.strip():
        return end, found
    m = _SIG_LINE_RE.match(above)
    prior = lines[end - 2].strip() if end - 2 >= 0 else ""
    if m is None or above in NOT_SIGNERS or (prior and prior[-1:] not in ".:!?\")'"):
        return end, found
    first = _split_signers(m.group(1))
    if not first:
        return end, found
    state.signature_tail = "\n" + above + state.signature_tail
    # The same name twice ("FRISBIE" / "FRISBIE") is one signer.
    return end - 1, first + [n for n in found if n not in first]
