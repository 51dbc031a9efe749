"""Where a generated cable's words come from: real cables (the default) or the old toy list.

``RealProse`` resamples real cables (``bench.synth.language``): a cable takes a donor's
subject and paragraphs in order, with about one paragraph in four swapped for a paragraph
of another real cable, so each cable reads like one real cable while the corpus does not
repeat whole cables. ``ToyProse`` is the former fixed-vocabulary text, kept so that the
old corpus can be measured beside the new one (``bench.generate --text toy``).
"""

from __future__ import annotations

import math
import random
from typing import Protocol

from bench.synth import text as toy
from bench.synth.language import Language
from bench.synth.shape import ID_RE

MIX = 0.25  # share of a donor's paragraphs replaced by paragraphs of other real cables
SAME_ORIGIN = 0.5  # share of cables whose donor is a real cable of the same origin, if any


class Prose(Protocol):
    """A source of subjects, paragraphs and names for one cable at a time."""

    def subject(self, rng: random.Random) -> str: ...

    def paragraphs(self, rng: random.Random, origin: str = "") -> list[str]: ...

    def official(self, rng: random.Random) -> str: ...

    def signer(self, rng: random.Random) -> str: ...


class RealProse:
    """Real cables resampled; ``paragraphs`` must be called before ``subject``."""

    def __init__(self, language: Language) -> None:
        self.lang = language
        self._donor = language.donors[0]
        self.by_origin: dict[str, list[int]] = {}
        for i, d in enumerate(language.donors):
            m = ID_RE.match(d.reference_id)
            if m:
                self.by_origin.setdefault(m.group(2), []).append(i)

    def paragraphs(self, rng: random.Random, origin: str = "") -> list[str]:
        """A donor's paragraphs, a quarter swapped; the donor is a cable of ``origin`` half
        the time (so ``Medvedev origin:Moscow`` finds cables, as it would in the real one)."""
        lang = self.lang
        same = self.by_origin.get(origin)
        if same and rng.random() < SAME_ORIGIN:
            i = same[rng.randrange(len(same))]
        else:
            i = rng.randrange(len(lang.donors))
        self._donor = donor = lang.donors[i]
        mixed = lang.paragraphs
        return [
            mixed[rng.randrange(len(mixed))] if rng.random() < MIX else p for p in donor.paragraphs
        ]

    def subject(self, rng: random.Random) -> str:
        if self._donor.subject and rng.random() < 0.9:
            return self._donor.subject
        return rng.choice(self.lang.subjects)

    def official(self, rng: random.Random) -> str:
        return rng.choice(self.lang.officials)

    def signer(self, rng: random.Random) -> str:
        return rng.choice(self.lang.signers)


def toy_length(rng: random.Random) -> int:
    """Log-normal: median ~3.8 KB, mean ~7 KB, about 1 in 1,300 cables over 100 KB."""
    return min(int(rng.lognormvariate(math.log(3800), 1.0)), 600_000)


class ToyProse:
    """The bench's first text: sentences from a fixed list of ~250 words."""

    def __init__(self, rng: random.Random) -> None:
        self.pool = toy.sentence_pool(rng)

    def paragraphs(self, rng: random.Random, origin: str = "") -> list[str]:
        length, size, out = toy_length(rng), 0, []
        while size < length or len(out) < 2:
            out.append(" ".join(rng.choices(self.pool, k=rng.randint(2, 9))))
            size += len(out[-1]) + 8
        return out

    def subject(self, rng: random.Random) -> str:
        return toy.title_words(rng)

    def official(self, rng: random.Random) -> str:
        return toy.person(rng)

    def signer(self, rng: random.Random) -> str:
        return rng.choice(toy.SURNAMES)
