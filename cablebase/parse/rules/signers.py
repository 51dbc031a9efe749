"""Rule ``signers``: the signature at the end of the text, and publisher trailers.

The signature is the last line of text, usually one surname (``RICE``), or
the last word(s) of a text that is not hard-wrapped (``... xxxxxxxxxxxx.
CLINTON``). Some 2011 pages append a catalogue trailer after it
(``STEVENS 0 03/13/2008 9871 PGOV,PREL,... SUBJECT summary``): it is cut off,
its signer kept, and its upper-case subject used when the header has none.
"""

from __future__ import annotations

import re

from cablebase.parse.state import ParseState

_TRAILER_PROBE_RE = re.compile(r"\s\d{1,3}\s\d\d/\d\d/\d{4}\s\d+\s[A-Z]")
_TRAILER_RE = re.compile(
    r"(?:^|\s)([A-Z][A-Z'\-]+(?:[ /][A-Z][A-Z'\-]+){0,2})\s+\d{1,3}\s+\d\d/\d\d/\d{4}\s+\d+\s+"
    r"([A-Z0-9]{2,}(?:\s*,\s*[A-Z0-9]{2,})*)\s+(.*)$",
    re.S,
)
_SIG_LINE_RE = re.compile(r"^([A-Z][A-Z'\-]+(?:[ /,]+[A-Z][A-Z'\-]+){0,3})\.?$")
_SIG_TITLE_RE = re.compile(
    r"^(?:(?:van|de|da|del|von|la|le) )?[A-Z][A-Za-z'\-]*[a-z][A-Za-z'\-]*"
    r"(?:[ /][A-Z][A-Za-z'\-]+){0,2}$"
)
_SIG_TAIL_RE = re.compile(
    r"(?:[.!?\"')\]*]|[Xx]{6,})\s+([A-Z][A-Z'\-]{2,}(?:[ /][A-Z][A-Z'\-]{2,})?)\s*$"
)
_SIG_TAIL_TITLE_RE = re.compile(r"(?:[.!?\"')\]]|\bcfm)\s+([A-Z][a-z][A-Za-z'\-]+)\s*$")
_NOT_TITLE_SIGNERS = {"End", "Ends", "Comment", "Summary", "Text", "Thanks", "Regards", "Note"}
_ENDING_LINES = {"BT", "NNNN", "SIPDIS", "#", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET"}
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
_NOT_A_NAME = frozenset({"AMEMBASSY", "AMCONSUL", "SECSTATE", "IMMEDIATE", "PRIORITY", "ROUTINE"})


def _split_signers(text: str) -> list[str]:
    """Names of a signature: ``GNEHM``, ``VAN VOORST``, ``DUNCAN/BUTENIS``; noise dropped."""
    names = []
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


def _subject_prefix(text: str) -> str | None:
    words = []
    for word in text.split():
        if any(c.islower() for c in word):
            break
        words.append(word)
    # The first word of the summary sentence is capitalised: "Reports" stops the run.
    return " ".join(words) or None


def _own_line(lines: list[str], index: int, signature: str) -> str:
    """The signature on its own line, after a blank line if the cable had one."""
    blank_before = index > 0 and not lines[index - 1].strip()
    return ("\n\n" if blank_before else "\n") + signature


def signers(state: ParseState) -> None:
    lines = state.lines
    end = len(lines)
    while end > state.body_start and (
        not lines[end - 1].strip()
        or lines[end - 1].strip() in _ENDING_LINES
        or lines[end - 1].strip().startswith("#")
        or not any(c.isalnum() for c in lines[end - 1])
    ):
        end -= 1
    if end <= state.body_start:
        state.lines = lines[:end]
        return
    last = lines[end - 1]
    found: list[str] = []
    if _TRAILER_PROBE_RE.search(last):
        m = _TRAILER_RE.search(last)
        if m and m.group(1) not in NOT_SIGNERS:
            found = _split_signers(m.group(1))
            state.trailer = last[m.start() :].strip()
            if state.record.subject is None:
                state.record.subject = _subject_prefix(m.group(3))
            last = last[: m.start()].rstrip()
            state.signature_tail = " " + m.group(1)
            lines[end - 1] = last
            if not last.strip():
                end -= 1
    if not found:
        s = last.strip()
        m = _SIG_LINE_RE.match(s)
        if m and len(s) <= 40 and s.rstrip(".") not in NOT_SIGNERS and end - 1 > state.body_start:
            found = _split_signers(m.group(1))
            if found:
                end -= 1
                state.signature_tail = _own_line(lines, end, s)
        elif _title_case_signature(s, lines, end, state.body_start):
            found = _split_signers(s)
            end -= 1
            state.signature_tail = _own_line(lines, end, s)
        elif (
            len(s) > 200
            and (m := _SIG_TAIL_TITLE_RE.search(s))
            and (m.group(1) not in _NOT_TITLE_SIGNERS)
        ):
            # Unwrapped text: "... may mean that Karimov prefers to avoid them. Herbst"
            found = [m.group(1)]
            cut = len(last) - len(last.lstrip()) + m.start(1)
            state.signature_tail = " " + last[cut:].strip()
            lines[end - 1] = last[:cut].rstrip()
        elif (m := _SIG_TAIL_RE.search(s)) and m.group(1) not in NOT_SIGNERS:
            found = _split_signers(m.group(1))
            if found:
                cut = len(last) - len(last.lstrip()) + m.start(1)
                state.signature_tail = " " + last[cut:].strip()
                lines[end - 1] = last[:cut].rstrip()
    state.lines = lines[:end]
    state.record.signers = found
    if not found:
        state.record.warnings.append("no signature")
