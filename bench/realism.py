"""How closely the generated text follows real cables: document frequencies and lengths.

    python -m bench.realism [--cables 20000] [--text real|toy]

Words and bigrams are sampled across frequency bands of the real pages (0.1 % to 70 % of
cables); for each, the share of generated cables containing it is set beside the share of
real cables containing it. Paragraph and cable lengths are compared at the median and the
90th percentile. The text compared is what a reader searches: subject and paragraphs
(the generator's synthetic-notice paragraph left out).
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from bench.stages import percentile
from bench.synth import language
from bench.synth.cable import build
from bench.synth.prose import Prose, RealProse, ToyProse
from bench.synth.text import SYNTHETIC_NOTICE

WORD = re.compile(r"[a-z0-9]+")
BANDS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.7)  # edges of the document-frequency bands
PER_BAND = 40
FACTOR = 2.0


@dataclass(slots=True)
class Doc:
    """One cable as the comparison sees it."""

    paragraphs: list[str]
    subject: str = ""

    @property
    def text(self) -> str:
        return " ".join([self.subject, *self.paragraphs])


def real_documents() -> list[Doc]:
    """The real pages (one per reference id), parsed, whole."""
    return [
        Doc([" ".join(p["text"].split()) for p in rec["paragraphs"]], rec.get("subject") or "")
        for rec in language.real_cables().values()
    ]


def synthetic_documents(cables: int, seed: int = 1, text: str = "real") -> Iterator[Doc]:
    """Cables built exactly as ``bench.generate`` builds them (no files written)."""
    from bench.generate import choose_ids

    rng = random.Random(f"cablebase-bench-realism:{seed}")
    prose: Prose = RealProse(language.load()) if text == "real" else ToyProse(rng)
    for real in choose_ids(cables, rng):
        truth = build(rng, prose, real, [], "full").truth
        paras = [p["text"] for p in truth["paragraphs"] if p["text"] != SYNTHETIC_NOTICE]
        yield Doc([" ".join(p.split()) for p in paras], truth["subject"] or "")


@dataclass(slots=True)
class Stats:
    """Document frequencies of words and bigrams, and length samples."""

    docs: int = 0
    words: Counter = field(default_factory=Counter)
    bigrams: Counter = field(default_factory=Counter)
    paragraph_lengths: list[int] = field(default_factory=list)
    cable_lengths: list[int] = field(default_factory=list)

    def share(self, kind: str, item: str | tuple[str, str]) -> float:
        counts = self.words if kind == "word" else self.bigrams
        return counts[item] / self.docs if self.docs else 0.0


def measure(docs: Iterable[Doc], only: set | None = None) -> Stats:
    """Document frequencies (of ``only`` when given, else of everything) and lengths."""
    s = Stats()
    for doc in docs:
        s.docs += 1
        tokens = WORD.findall(doc.text.lower())
        words, pairs = set(tokens), set(itertools.pairwise(tokens))
        if only is not None:
            words &= only
            pairs &= only
        s.words.update(words)
        s.bigrams.update(pairs)
        s.paragraph_lengths += [len(p) for p in doc.paragraphs]
        s.cable_lengths.append(len(doc.text))
    return s


def sample_bands(real: Stats, kind: str, per_band: int = PER_BAND, seed: int = 0) -> list:
    """Up to ``per_band`` items from each document-frequency band of the real pages."""
    counts = real.words if kind == "word" else real.bigrams
    rng = random.Random(seed)
    picked = []
    for low, high in itertools.pairwise(BANDS):
        band = sorted(k for k, n in counts.items() if low <= n / real.docs < high)
        picked += rng.sample(band, min(per_band, len(band)))
    return picked


@dataclass(slots=True)
class Comparison:
    """Shares of sampled items (real, generated) and the length percentiles of both."""

    items: dict[str, list[tuple[object, float, float]]]
    lengths: dict[str, dict[str, tuple[float, float]]]

    def within(self, kind: str, factor: float = FACTOR) -> float:
        rows = self.items[kind]
        ok = sum(1 for _, r, g in rows if g and 1 / factor <= g / r <= factor)
        return ok / len(rows) if rows else 0.0

    def length_error(self, kind: str, p: str) -> float:
        real, gen = self.lengths[kind][p]
        return abs(gen - real) / real


def compare(real: Stats, generated: Iterable[Doc], per_band: int = PER_BAND) -> Comparison:
    words = sample_bands(real, "word", per_band)
    pairs = sample_bands(real, "bigram", per_band)
    gen = measure(generated, only=set(words) | set(pairs))
    items = {
        kind: [(x, real.share(kind, x), gen.share(kind, x)) for x in chosen]
        for kind, chosen in (("word", words), ("bigram", pairs))
    }
    lengths = {
        kind: {
            p: (percentile(getattr(real, attr), q), percentile(getattr(gen, attr), q))
            for p, q in (("p50", 50), ("p90", 90))
        }
        for kind, attr in (("paragraph", "paragraph_lengths"), ("cable", "cable_lengths"))
    }
    return Comparison(items, lengths)


def report(c: Comparison) -> str:
    lines = []
    for kind in ("word", "bigram"):
        lines.append(f"{kind}s within a factor of {FACTOR:g}: {c.within(kind):.0%}")
        for low, high in itertools.pairwise(BANDS):
            rows = [(x, r, g) for x, r, g in c.items[kind] if low <= r < high]
            if rows:
                ratios = sorted(g / r for _, r, g in rows)
                med = ratios[len(ratios) // 2]
                ex = ", ".join(
                    f"{' '.join(x) if isinstance(x, tuple) else x} {r:.2%}->{g:.2%}"
                    for x, r, g in rows[:3]
                )
                lines.append(
                    f"  band {low:.1%}-{high:.1%}: {len(rows)} items, median ratio {med:.2f} ({ex})"
                )
    for kind, ps in c.lengths.items():
        lines.append(
            f"{kind} length: "
            + ", ".join(f"{p} real {r:,.0f} generated {g:,.0f}" for p, (r, g) in ps.items())
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.realism", description=__doc__.split("\n")[0])
    ap.add_argument("--cables", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--text", choices=("real", "toy"), default="real")
    args = ap.parse_args(argv)
    real = measure(real_documents())
    c = compare(real, synthetic_documents(args.cables, args.seed, args.text))
    print(f"{real.docs:,} real cables, {args.cables:,} generated ({args.text} text)")
    print(report(c))
    ok = c.within("word") >= 0.9 and c.within("bigram") >= 0.9
    ok = ok and all(c.length_error(k, p) <= 0.2 for k in c.lengths for p in ("p50", "p90"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
