"""Rule ``paragraphs``: the body as numbered and unnumbered paragraphs.

A paragraph starts at ``1. (C)``-style numbers (accepted only when they run
forward, so ``1.4 million`` at a line start is text, and a skip ahead only when
the next numbered line is not the number expected), at a heading (a short
line without closing punctuation), or after a heading. Blank-line blocks
after a numbered paragraph belong to it (bullets, quoted text). Lines are
joined with single spaces; blocks with a blank line. The numbers are the
cable's own (``own_numbering``): headings join the numbered paragraph before
them, and a cable without numbers is numbered in order.
"""

from __future__ import annotations

import itertools
import re

from cablebase.parse.record import Paragraph
from cablebase.parse.rules.segments import PARA_START_RE
from cablebase.parse.state import ParseState

MARKING_RE = re.compile(
    r"^(?:U|SBU|C|S|TS|LOU|FOUO|CONF|UNCLAS|NF)(?:\s*/{1,2}\s*[A-Z][A-Z ,]{0,20})?$"
)
_END_PUNCT = frozenset(".,;:?!")
_AFTER = frozenset(".:!?\"')")
_SKIP_LINES = frozenset({"SIPDIS", "NOFORN", "BT"})


def _is_rule(s: str) -> bool:
    return s[0] in "-=_" and len(s) >= 3 and not s.strip("-=_ ")


def _blankish(s: str) -> bool:
    return not s or (s[0] in "-=_" and _is_rule(s))


def _is_heading(s: str, prev: str | None, nxt: str | None) -> bool:
    if len(s) > 70 or s[-1] in _END_PUNCT or not (s[0].isupper() or s[0] == '"'):
        return False
    if s.rstrip("\"')")[-1:] in _END_PUNCT:
        return False
    before = prev is None or _blankish(prev) or prev.rstrip("\"') ")[-1:] in ".:!?"
    if not before:
        return False
    if nxt is None or _blankish(nxt) or nxt in _SKIP_LINES:
        return True
    return len(s) <= 50 and (nxt[0].isupper() or nxt[0] == '"')


def _redacted(rest: str) -> bool:
    """``6. xxxxxxxxxxxx``: a paragraph the publisher blanked out starts in lower case."""
    return rest.startswith("xxxx")


def _next_number(lines: list[str], i: int) -> int:
    """The number of the first numbered-looking line after ``lines[i]`` (0: none).

    Linear overall: a scan stops at the next numbered line, so scans never overlap.
    """
    for s in itertools.islice(lines, i + 1, None):
        if s[:1].isdigit() and (m := PARA_START_RE.match(s)):
            return int(m.group(1))
    return 0


def _join(lines: list[str]) -> str:
    """Wrapped lines as one line with single spaces (split/join only when needed)."""
    text = lines[0] if len(lines) == 1 else " ".join(lines)
    if "  " in text or "\t" in text:
        return " ".join(text.split())
    return text


def split_paragraphs(lines: list[str]) -> list[Paragraph]:
    """Paragraphs of the body lines (page breaks already removed)."""
    stripped = [s for s in map(str.strip, lines) if s not in _SKIP_LINES]
    out: list[Paragraph] = []
    blocks: list[str] = []
    cur: list[str] = []
    number: str | None = None
    marking: str | None = None
    kind: str | None = None  # "num" | "text" | None (nothing open)
    last_num = 0

    def flush() -> None:
        nonlocal cur, blocks, kind
        if cur:
            blocks.append(_join(cur))
            cur = []
        if kind is not None and blocks:
            out.append(Paragraph(number=number, marking=marking, text="\n\n".join(blocks)))
        blocks, kind = [], None

    n = len(stripped)
    prev: str | None = None
    for i, s in enumerate(stripped):
        if not s or (s[0] in "-=_" and _is_rule(s)):
            if cur:
                blocks.append(_join(cur))
                cur = []
            prev = s
            continue
        m = PARA_START_RE.match(s) if s[0].isdigit() else None
        if m:
            num = int(m.group(1))
            rest = s[m.end() :]
            mark = m.group(2)
            if mark is not None and not MARKING_RE.match(mark.strip()):
                rest = s[m.end(1) + 1 :].strip()
                mark = None
            ok = (
                last_num < num <= last_num + 12
                and (mark is not None or not rest or not rest[0].islower() or _redacted(rest))
                # a skip ahead ("12. In each" after 2.) is text when the next numbered
                # line is the one expected ("3. (C)")
                and (num == last_num + 1 or _next_number(stripped, i) != last_num + 1)
            )
            if ok:
                flush()
                number, marking, kind, last_num = str(num), mark and mark.strip(), "num", num
                if rest.strip():
                    cur = [rest]
                prev = s
                continue
        if (prev is None or not prev or prev[-1] in _AFTER or prev[0] in "-=_") and _is_heading(
            s, prev, stripped[i + 1] if i + 1 < n else None
        ):
            flush()
            out.append(Paragraph(number=None, marking=None, text=" ".join(s.split())))
            prev = s
            continue
        if kind is None:
            number, marking, kind = None, None, "text"
        cur.append(s)
        prev = s
    flush()
    return out


_MARKS = r"(?:U|C|S|TS|SBU|LOU|FOUO)(?:/{1,2}[A-Z][A-Z ,]{0,20})?"
# In text that lost its line breaks, "... Summit. Summit Agenda ------- 2. (C) Thyberg":
# a marked paragraph number after a sentence end starts a paragraph, and a dashed
# heading just before it is a heading.
_INLINE_PARA_RE = re.compile(
    r"(?<=[.!?\"')\]]) +(?:([A-Z][^.!?\n]{0,80}?) +-{3,} +)?(?=\d{1,2}\. ?\(" + _MARKS + r"\))"
)
_LONG_LINE = 300


def _has_inline_number(line: str) -> bool:
    """``... 2. (C)`` somewhere past the start: found with str.find, checked by hand."""
    for pat in (". (", ".("):
        i = line.find(pat, 10)
        while i != -1:
            if line[i - 1].isdigit() and (line[i - 2] == " " or line[i - 2].isdigit()):
                return True
            i = line.find(pat, i + 2)
    return False


def _split_inline(line: str) -> list[str]:
    if len(line) < _LONG_LINE or not _has_inline_number(line):
        return [line]

    def repl(m: re.Match[str]) -> str:
        return f"\n\n{m.group(1)}\n\n" if m.group(1) else "\n\n"

    return _INLINE_PARA_RE.sub(repl, line).split("\n")


def own_numbering(paras: list[Paragraph]) -> list[Paragraph]:
    """Paragraph numbers as the cable gives them: a ``¶3`` citation means its ``3.``.

    Where the cable numbers its paragraphs, a sub-head or unnumbered block belongs
    to the paragraph before it (joined as a block of its text); text before the
    first number stays one unnumbered opening paragraph (a summary lead, a notice,
    a ``SUMMARY`` head: the cable gives it no number to cite), unless the numbers
    start at 2, where it is the paragraph 1 the cable left unnumbered. A cable that
    numbers none is numbered in order.
    """
    first = next((p.number for p in paras if p.number), None)
    if first is None:
        return [
            Paragraph(number=str(i), marking=p.marking, text=p.text) for i, p in enumerate(paras, 1)
        ]
    # Blocks are gathered per paragraph and joined once: joining as we go would cost
    # time quadratic in a long run of unnumbered blocks.
    groups: list[tuple[Paragraph, list[str]]] = []
    for p in paras:
        if p.number is None and groups:
            groups[-1][1].append(p.text)
        else:
            groups.append((p, [p.text]))
    out = [
        Paragraph(number=head.number, marking=head.marking, text="\n\n".join(texts))
        if len(texts) > 1
        else head
        for head, texts in groups
    ]
    if first == "2" and out[0].number is None:
        out[0] = Paragraph(number="1", marking=out[0].marking, text=out[0].text)
    return out


def paragraphs(state: ParseState) -> None:
    lines = state.lines
    body = lines[state.body_start :]
    if body and max(map(len, body)) >= _LONG_LINE:
        body = [part for ln in body for part in _split_inline(ln)]
        state.lines = lines[: state.body_start] + body
    state.record.paragraphs = own_numbering(split_paragraphs(body))
