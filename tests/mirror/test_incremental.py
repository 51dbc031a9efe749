"""A second build renders only what moved, and is then the mirror a first build would write.

Each test mirrors the sample archive, changes the archive as a publisher or a
moderator would (holds a cable, adds a redaction rule, approves a comment),
builds again into the same directory, and compares it with a build from scratch:
a page the second build skipped that should have changed would differ. Each test
runs in its own transaction, so the changes do not reach the next test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cablebase.mirror.paths import file_for

pytestmark = pytest.mark.django_db

BASE = "https://cables.example.org"


def _build(root: Path, search: bool = False):
    from cablebase.mirror.build import build_mirror

    report = build_mirror(root, base_url=BASE, workers=1, search=search)
    assert not report.failed, report.failed
    return report


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and not p.relative_to(root).as_posix().startswith("pagefind/")
    }


def _assert_same_as_a_first_build(root: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    _build(fresh)
    got, want = _files(root), _files(fresh)
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []


def _mentions(root: Path, text: str) -> list[str]:
    """Files (the search bundle's compressed ones aside) holding ``text``, any case."""
    needle = text.lower().encode()
    return [name for name, data in _files(root).items() if needle in data.lower()]


def _uncited_cable():
    """A cable that no other cable cites or names, so its id may vanish from the mirror."""
    from cablebase.archive.models import Cable, CableReference

    cited = set(CableReference.stored.values_list("cited_id", flat=True))
    texts = list(Cable.stored.values_list("reference_id", "header", "body"))
    for cable in Cable.objects.order_by("reference_id"):
        named = any(cable.reference_id in h + b for ref, h, b in texts if ref != cable.reference_id)
        if cable.reference_id not in cited and not named:
            return cable
    raise AssertionError("no uncited sample cable")


def test_a_build_with_nothing_changed_renders_only_the_home_and_index_pages(
    sample_archive, tmp_path
):
    from cablebase.mirror.plan import INDEXES

    root = tmp_path / "mirror"
    first = _build(root, search=True)
    again = _build(root, search=True)
    assert again.pages == len(INDEXES)  # home, indexes, explainers: always rendered
    assert again.skipped == first.documents - len(INDEXES)
    assert again.tally.written == again.tally.removed == 0
    assert again.index_skipped  # no cable page changed: Pagefind is not run
    assert again.tally.bytes == first.tally.bytes


def test_a_cable_held_after_a_build_is_gone_after_the_next(sample_archive, tmp_path):
    from cablebase.archive import redaction

    root = tmp_path / "mirror"
    _build(root, search=True)
    cable = _uncited_cable()
    page = file_for(cable.get_absolute_url())
    assert (root / page).is_file() and _mentions(root, cable.reference_id)
    redaction.hold([cable.reference_id], actor="test", reason="under review")

    second = _build(root, search=True)
    assert not (root / page).exists()
    assert not (root / f"api/cables/{cable.reference_id}.json").exists()
    assert _mentions(root, cable.reference_id) == []
    assert second.tally.removed >= 2 and not second.index_skipped  # Pagefind ran again
    _assert_same_as_a_first_build(root, tmp_path)


def test_a_cited_cable_held_shows_as_not_released_on_the_page_citing_it(sample_archive, tmp_path):
    from cablebase.archive import redaction
    from cablebase.archive.models import Cable, CableReference

    citing, cited = Cable.objects.order_by("reference_id")[:2]
    CableReference.stored.create(
        citing=citing, position=99, label="Z", cited_id=cited.reference_id, cited_cable=cited
    )
    root = tmp_path / "mirror"
    _build(root)
    page = root / file_for(citing.get_absolute_url())
    assert "not released" not in page.read_text(encoding="utf-8")
    redaction.hold([cited.reference_id], actor="test", reason="under review")
    _build(root)
    assert "not released" in page.read_text(encoding="utf-8")
    _assert_same_as_a_first_build(root, tmp_path)


def test_a_redaction_rule_added_between_builds_rewrites_the_pages_that_show_it(
    sample_archive, tmp_path
):
    from cablebase.archive import redaction
    from cablebase.archive.models import Cable

    root = tmp_path / "mirror"
    first = _build(root)
    cable = Cable.objects.get(reference_id="06MOSCOW1323")
    assert "saltanov" in cable.body.lower()
    redaction.add_rule("Saltanov", cable=cable.reference_id, reason="protects a source")

    second = _build(root)
    page = (root / file_for(cable.get_absolute_url())).read_text(encoding="utf-8")
    assert redaction.MARK in page and "saltanov" not in page.lower()
    assert _mentions(root, "Saltanov") == []
    # the cable's page and record, and pages that show its subject: not the whole mirror
    assert 2 <= second.tally.written < first.tally.written / 4, second.tally
    _assert_same_as_a_first_build(root, tmp_path)

    redaction.add_rule("minister", reason="a word in many cables")
    assert any(name.startswith("cable/") for name in _mentions(root, "minister"))
    _build(root)
    assert _mentions(root, "minister") == ["classification/index.html"]  # the explainer's own
    _assert_same_as_a_first_build(root, tmp_path)


def test_a_comment_approved_between_builds_reaches_every_page_that_counts_it(
    sample_archive, tmp_path
):
    from cablebase.archive.models import Cable
    from cablebase.discussion.models import Comment

    root = tmp_path / "mirror"
    _build(root)
    cable = Cable.objects.get(reference_id="06MOSCOW1323")
    Comment.objects.create(cable=cable, name="Ann", body="Saltanov again.", status="approved")
    second = _build(root)
    assert "Saltanov again." in (root / file_for(cable.get_absolute_url())).read_text("utf-8")
    assert second.tally.written >= 2  # the page, and the lists counting its comments
    _assert_same_as_a_first_build(root, tmp_path)
