"""English word forms at query time: the words of the index that share a word's stem.

The index holds each text once, as written; a plain query word is widened here
to every indexed word with its English stem (``negotiation``: negotiation,
negotiations, negotiated, negotiating...), which finds exactly the cables a
stemmed copy of the text would have, without indexing the text twice. The
candidates come from the term dictionary (a prefix walk), and only those whose
stem is the word's are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import tantivy

from cablebase.archive.search.schema import stem_of

# Porter2's exceptional forms: the only words whose stem is not a prefix of them (less
# its last letter) among the 60,100 distinct words of the bench corpus.
EXCEPTIONS = {
    "die": ("dying",),
    "lie": ("lying",),
    "tie": ("tying",),
    "vie": ("vying",),
    "sky": ("skies",),
}


def prefix_of(stem: str) -> str:
    """What every word with this stem starts with.

    A stem keeps its word's letters but for the last (``happi`` of *happy*,
    ``hope`` of *hoping*); a short stem is kept whole unless it ends in a
    letter the stemmer substitutes, so ``us`` does not walk every word in *u*.
    """
    if len(stem) > 3 or (len(stem) > 1 and stem[-1] in "ie"):
        return stem[:-1]
    return stem


def forms(searcher: tantivy.Searcher, field: str, word: str) -> list[str]:
    """The indexed words of ``field`` with the English stem of ``word`` (``word``: one token)."""
    stem = stem_of(word)
    if not stem:
        return [word]
    found = [t for t, _ in searcher.terms_with_prefix(field, prefix_of(stem)) if stem_of(t) == stem]
    found += [w for w in EXCEPTIONS.get(stem, ()) if searcher.doc_freq(field, w)]
    return found


def prefixed(
    searcher: tantivy.Searcher, field: str, start: str, most: int = 64
) -> list[str] | None:
    """The terms of ``field`` that start with ``start``; None when there are more than ``most``."""
    found = searcher.terms_with_prefix(field, start, limit=most + 1)
    return None if len(found) > most else [term for term, _ in found]


class Vocabulary:
    """What the translator asks of the index's terms, remembered for the searcher's life."""

    def __init__(
        self, searcher: tantivy.Searcher, memo: Callable[[Any, Callable[[], Any]], Any]
    ) -> None:
        self.searcher = searcher
        self.memo = memo

    def forms(self, field: str, word: str) -> list[str]:
        return self.memo(("forms", field, word), lambda: forms(self.searcher, field, word))

    def prefixed(self, field: str, start: str) -> list[str] | None:
        return self.memo(("prefix", field, start), lambda: prefixed(self.searcher, field, start))
