"""Redactions and holds reach the hits and snippets of a search even when the index was
built before them, or cannot catch up because another process holds its writer."""

from __future__ import annotations

import pytest

from cablebase.archive import redaction
from cablebase.archive.models import Cable
from cablebase.archive.search import IndexBusy, search, similar
from cablebase.archive.search.index import Engine, engine

from ..sample_archive import store_sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive() -> None:
    store_sample_archive()
    engine().catch_up()


@pytest.fixture
def index_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process holds the index's writer: searches cannot catch up themselves."""

    def busy(self, progress=None):
        raise IndexBusy("busy in a test")

    monkeypatch.setattr(Engine, "catch_up", busy)


def _shown(query: str) -> str:
    return "\n".join(f"{h.cable.subject}\n{h.snippet.text}" for h in search(query).hits)


@pytest.fixture
def moscow(archive) -> None:
    assert "saltanov" in _shown("minister").lower()  # the Moscow cable's snippet names him


def test_a_rule_added_after_indexing_hides_the_word_in_hits_and_snippets(moscow) -> None:
    redaction.add_rule("Saltanov", reason="a contact")
    shown = _shown("minister")
    assert "saltanov" not in shown.lower() and redaction.MARK in shown
    assert search("saltanov").total == 0


def test_a_rule_hides_the_word_even_while_the_index_cannot_catch_up(moscow, index_busy) -> None:
    redaction.add_rule("Saltanov", reason="a contact")
    shown = _shown("minister")
    assert "saltanov" not in shown.lower() and redaction.MARK in shown


def test_a_cable_held_while_the_index_cannot_catch_up_is_not_listed(archive, index_busy) -> None:
    assert "06STATE27174" in [h.reference_id for h in search("hamas").hits]
    redaction.hold(["06STATE27174"])
    assert "06STATE27174" not in [h.reference_id for h in search("hamas").hits]
    moscow = Cable.objects.get(reference_id="06MOSCOW1323")
    assert "06STATE27174" not in [s.reference_id for s in similar(moscow)]
