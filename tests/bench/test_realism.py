"""The generated text holds to real cables: document frequencies of words and bigrams across
frequency bands, and paragraph and cable lengths (``bench.realism``)."""

from __future__ import annotations

import pytest

from bench import realism
from bench.synth import language

# about 25 s of CPU; the limit leaves room for a machine shared with other builds
pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def real() -> realism.Stats:
    stats = realism.measure(realism.real_documents())
    if stats.docs < 1000:
        pytest.skip("the shared corpus of real pages is not here (only the samples)")
    return stats


@pytest.fixture(scope="module")
def generated(real: realism.Stats) -> realism.Comparison:
    return realism.compare(real, realism.synthetic_documents(6000, seed=3))


def test_words_of_every_band_are_as_common_as_in_real_cables(
    generated: realism.Comparison,
) -> None:
    rows = generated.items["word"]
    assert len(rows) >= 200  # 6 bands of 40 words, 0.1 % to 70 % of real cables
    assert min(r for _, r, _ in rows) < 0.003 and max(r for _, r, _ in rows) > 0.3
    assert generated.within("word") >= 0.9, realism.report(generated)


def test_bigrams_of_every_band_are_as_common_as_in_real_cables(
    generated: realism.Comparison,
) -> None:
    assert len(generated.items["bigram"]) >= 200
    assert generated.within("bigram") >= 0.9, realism.report(generated)


@pytest.mark.parametrize("kind", ["paragraph", "cable"])
@pytest.mark.parametrize("p", ["p50", "p90"])
def test_lengths_are_within_a_fifth_of_real_cables(
    generated: realism.Comparison, kind: str, p: str
) -> None:
    assert generated.length_error(kind, p) <= 0.2, generated.lengths[kind]


def test_the_old_toy_text_fails_the_same_check(real: realism.Stats) -> None:
    """The check can fail: the former fixed vocabulary puts most words in most cables."""
    toy = realism.compare(real, realism.synthetic_documents(1500, seed=3, text="toy"))
    assert toy.within("word") < 0.5 and toy.within("bigram") < 0.5


def test_paragraphs_keep_no_layout_of_their_own(real: realism.Stats) -> None:
    """Resampled paragraphs are re-laid out by the generator: no numbers, markings,
    summary markers or header keywords of the cable they came from may survive."""
    assert language.clean_paragraph("SUMMARY: Talks went well. END SUMMARY.") == (
        "Talks went well."
    )
    assert language.clean_paragraph("Summary and Comment: a b c. End Summary and Comment.") == (
        "a b c."
    )
    for bad in (
        "He said so. 2. (C) Then more.",
        "TAGS: PREL, PGOV and then text",
        "Classified By: Ambassador John Doe, reasons 1.4 (b)",
        "MOSCOW 00001323  002 OF 003 text",
        "as the SIPDIS line says",
    ):
        assert language.clean_paragraph(bad) is None, bad
    lang = language.load()
    assert len(lang.donors) > 2000 and len(lang.officials) > 100 and len(lang.signers) > 100
