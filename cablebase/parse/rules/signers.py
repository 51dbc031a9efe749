"""Rule ``signers``: the signature at the end of the text, and publisher trailers.

The signature is the last line of text, usually one surname (``RICE``), or
the last word(s) of a text that is not hard-wrapped (``... xxxxxxxxxxxx.
CLINTON``), or the signer of the catalogue trailer that rule ``trailer`` cut.
Patterns look at the end of the last line only, so a long line costs nothing.
"""

from __future__ import annotations

import re

from cablebase.parse.rules.trailer import text_end
from cablebase.parse.state import ParseState

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
    state.lines = lines[:end]
    state.record.signers = found
    if not found:
        state.record.warnings.append("no signature")


def _tail(pattern: re.Pattern[str], s: str) -> re.Match[str] | None:
    """``pattern`` searched in the last ``_TAIL`` characters only: a signature is short."""
    return pattern.search(s, max(0, len(s) - _TAIL))


def _last_line_signers(state: ParseState, lines: list[str], end: int) -> tuple[int, list[str]]:
    """Signers on the last text line: a name line, or a name after the last sentence."""
    last = lines[end - 1]
    s = last.strip()
    found: list[str] = []
    m = _SIG_LINE_RE.match(s) if len(s) <= 40 else None
    if m and s.rstrip(".") not in NOT_SIGNERS and end - 1 > state.body_start:
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
        and (m := _tail(_SIG_TAIL_TITLE_RE, s))
        and (m.group(1) not in _NOT_TITLE_SIGNERS)
    ):
        # Unwrapped text: "... may mean that Karimov prefers to avoid them. Herbst"
        found = [m.group(1)]
        cut = len(last) - len(last.lstrip()) + m.start(1)
        state.signature_tail = " " + last[cut:].strip()
        lines[end - 1] = last[:cut].rstrip()
    elif (m := _tail(_SIG_TAIL_RE, s)) and m.group(1) not in NOT_SIGNERS:
        found = _split_signers(m.group(1))
        if found:
            cut = len(last) - len(last.lstrip()) + m.start(1)
            state.signature_tail = " " + last[cut:].strip()
            lines[end - 1] = last[:cut].rstrip()
    return end, found
