"""Snippets as data: a stretch of a cable's text and where the query's words are in it.

The archive returns plain text with ``(start, end)`` character offsets; each
front end draws the marks its own way (the reader with Django's escaping, the
command line with rich, the API as text plus spans). Matching follows the
index's analyzers: a plain word marks its English forms, ``=word`` and
phrases their exact words, ``word*`` the words it starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from cablebase.archive.query import Phrase, Term
from cablebase.archive.search.schema import stems, words

SNIPPET_CHARS = 240
LEAD = 60  # characters of context before the first match
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Snippet:
    """Text and the spans of ``text`` that matched (sorted, not overlapping)."""

    text: str
    spans: tuple[tuple[int, int], ...] = field(default=())

    def parts(self) -> list[tuple[str, bool]]:
        """``(piece, matched)`` in order: what a renderer walks."""
        out, at = [], 0
        for start, end in self.spans:
            if start > at:
                out.append((self.text[at:start], False))
            out.append((self.text[start:end], True))
            at = end
        if at < len(self.text):
            out.append((self.text[at:], False))
        return out

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=65_536)
def _stem(word: str) -> str:
    got = stems(word)
    return got[0] if got else ""


@lru_cache(maxsize=65_536)
def _fold(word: str) -> str:
    got = words(word)
    return got[0] if got else ""


class Matcher:
    """Finds the query's words in a text, as the index would have matched them.

    Candidate words (those that start like a query word, at a word's start) are
    found with ``str.find`` in the lower-cased text, which is many times quicker
    than a case-blind regular expression over a whole cable; only candidates go
    through the index's analyzer.
    """

    def __init__(self, leaves: list[Term | Phrase]) -> None:
        self.stemmed: set[str] = set()
        self.exact: set[str] = set()
        self.prefixes: list[str] = []
        self.phrases: list[list[str]] = []
        for leaf in leaves:
            raw = " ".join(leaf.words) if isinstance(leaf, Phrase) else leaf.text
            tokens = words(raw)
            if not tokens:
                continue
            if isinstance(leaf, Term) and leaf.prefix and len(tokens) == 1:
                self.prefixes.append(tokens[0])
            elif len(tokens) > 1:
                self.phrases.append(tokens)
            elif isinstance(leaf, Term) and not leaf.exact:
                self.stemmed.add(stems(raw)[0])
            else:
                self.exact.add(tokens[0])
        # Stems keep all but (at most) their last letter of the word.
        starts = {st[:-1] or st for st in self.stemmed}
        starts.update(self.exact, self.prefixes, (p[0] for p in self.phrases))
        self._starts = sorted(starts, key=len, reverse=True)
        alternatives = "|".join(re.escape(x) for x in self._starts)
        # For texts whose lower case is not as long as they are (a few letters such as
        # the dotted capital I): offsets in the lower-cased text would be wrong there.
        self._regex = (
            re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)
            if alternatives
            else None
        )

    def __bool__(self) -> bool:
        return self._regex is not None

    def _word_matches(self, folded: str) -> bool:
        if folded in self.exact or any(folded.startswith(p) for p in self.prefixes):
            return True
        return bool(self.stemmed) and _stem(folded) in self.stemmed

    def _phrase_end(self, text: str, at: int, folded: str) -> int | None:
        for phrase in self.phrases:
            if folded != phrase[0]:
                continue
            tokens = _WORD.finditer(text, at, min(len(text), at + 60 * len(phrase)))
            got = [(m.end(), _fold(m.group())) for _, m in zip(phrase, tokens, strict=False)]
            if [f for _, f in got] == phrase:
                return got[-1][0]
        return None

    def _found(self, text: str, lower: str, start: int, stop: int, word: str) -> Iterator[int]:
        """Where ``word`` starts a word of ``text[start:stop]``, in order."""
        at = lower.find(word, start, stop)
        while at != -1:
            if at == 0 or not lower[at - 1].isalnum():
                yield at
            at = lower.find(word, at + 1, stop)

    def _candidates(self, text: str, start: int, stop: int) -> list[tuple[int, int]]:
        """(start, end) of every candidate word of ``text[start:stop]``, in order."""
        lower = text.lower()
        if len(lower) != len(text):
            assert self._regex is not None
            return [(m.start(), m.end()) for m in self._regex.finditer(text, start, stop)]
        heads = sorted(
            {at for w in self._starts for at in self._found(text, lower, start, stop, w)}
        )
        return [(at, _word_end(lower, at + 1, stop)) for at in heads]

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Matched spans of ``text[start:end]`` (absolute offsets)."""
        if self._regex is None:
            return []
        stop = len(text) if end is None else end
        found: list[tuple[int, int]] = []
        for a, b in self._candidates(text, start, stop):
            folded = _fold(text[a:b])
            if self._word_matches(folded):
                found.append((a, b))
            if self.phrases:
                phrase_end = self._phrase_end(text, a, folded)
                if phrase_end is not None and phrase_end <= stop:
                    found.append((a, phrase_end))
        return _merge(found)

    def _is_match(self, text: str, a: int, b: int) -> bool:
        folded = _fold(text[a:b])
        return self._word_matches(folded) or bool(
            self.phrases and self._phrase_end(text, a, folded) is not None
        )

    def first(self, text: str) -> int | None:
        """Offset of the first match."""
        if self._regex is None:
            return None
        lower = text.lower()
        if len(lower) != len(text):
            return next(
                (a for a, b in self._candidates(text, 0, len(text)) if self._is_match(text, a, b)),
                None,
            )
        best: int | None = None
        for word in self._starts:  # each start's first match; the earliest of them
            for at in self._found(text, lower, 0, len(text), word):
                if best is not None and at >= best:
                    break
                if self._is_match(text, at, _word_end(lower, at + 1, len(text))):
                    best = at
                    break
        return best


def _word_end(lower: str, at: int, stop: int) -> int:
    while at < stop and lower[at].isalnum():
        at += 1
    return at


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _flatten(text: str, spans: list[tuple[int, int]], offset: int) -> Snippet:
    """Collapse runs of white space, moving the spans with the text."""
    out: list[str] = []
    moved: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for a, b in [*((a - offset, b - offset) for a, b in spans), (len(text), len(text))]:
        plain = _SPACE.sub(" ", text[pos:a])
        out.append(plain)
        length += len(plain)
        if a < len(text):
            word = _SPACE.sub(" ", text[a:b])
            moved.append((length, length + len(word)))
            out.append(word)
            length += len(word)
        pos = b
    joined = "".join(out)
    stripped = joined.lstrip()
    shift = len(joined) - len(stripped)
    stripped = stripped.rstrip()
    final = [(a - shift, b - shift) for a, b in moved if b - shift <= len(stripped)]
    return Snippet(stripped, tuple(final))


def make_snippet(text: str, matcher: Matcher | None) -> Snippet:
    """About ``SNIPPET_CHARS`` of ``text`` around its first match (or its start)."""
    text = text or ""
    first = matcher.first(text) if matcher else None
    if first is None:
        start = 0
    else:
        start = max(0, first - LEAD)
        if start:
            space = text.find(" ", start, first)
            start = space + 1 if space != -1 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        cut = text.rfind(" ", start + SNIPPET_CHARS // 2, end)
        end = cut if cut != -1 else end
    spans = matcher.spans(text, start, end) if matcher else []
    snippet = _flatten(text[start:end], spans, start)
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    shifted = tuple((a + len(prefix), b + len(prefix)) for a, b in snippet.spans)
    return Snippet(prefix + snippet.text + suffix, shifted)
