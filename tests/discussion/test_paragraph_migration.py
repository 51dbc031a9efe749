"""An archive stored before paragraph numbers were the cable's own, migrated.

Real cables are stored as the parser read them then (a sub-head was a paragraph of
its own), with comments on old positions; ``archive 0007`` and ``discussion 0004``
then run. The paragraphs must be what today's parser gives, every comment must stay
on the text it was written on, and old ``?paragraph=N`` addresses must arrive there.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from cablebase.archive.ingest import store_records
from cablebase.archive.models import Cable, Paragraph
from cablebase.discussion.models import Comment
from cablebase.parse import CableRecord, parse_document

from ..legacy_paragraphs import old_paragraphs

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

BEFORE = [("archive", "0006_drop_tag_codes"), ("discussion", "0003_ratelimit_cache_table")]
PAGES_2010 = {
    "09SAOPAULO653": "sub-heads between numbered paragraphs",
    "09DOHA644": "an opening of key points before paragraph 1, nothing to regroup",
    "07TALLINN366": "a sub-head after a page break",
    "04RANGOON1100": "nothing to regroup, no comment",
}
UNNUMBERED = "cable/2009/12/09SANJOSE1166.html"


def _migrate(targets: list[tuple[str, str]] | None = None) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


@pytest.fixture
def sources(samples_dir: Path, shared_corpus: Path) -> dict[str, bytes]:
    data = {
        ref: (samples_dir / "cablegate-2010-pages" / f"{ref}.html").read_bytes()
        for ref in PAGES_2010
    }
    with zipfile.ZipFile(shared_corpus / "cablegate-2011-04-pages.zip") as zf:
        data["09SANJOSE1166"] = zf.read(UNNUMBERED)
    return data


@pytest.fixture
def old_archive(sources: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> Iterator[dict]:
    """The cables stored, then their paragraph rows replaced by the old reading, at the
    schema before the migrations; yields the old rows' texts per cable."""
    records: list[CableRecord] = [parse_document(d, path=f"{r}.html") for r, d in sources.items()]
    assert store_records(records).new == len(records)
    try:
        _migrate(BEFORE)
        apps = MigrationExecutor(connection).loader.project_state(BEFORE).apps
        OldParagraph = apps.get_model("archive", "Paragraph")
        old_texts: dict[str, list[str]] = {}
        for cable in Cable.stored.all():
            old = old_paragraphs(sources[cable.reference_id], cable.reference_id, monkeypatch)
            OldParagraph.objects.filter(cable_id=cable.pk).delete()
            OldParagraph.objects.bulk_create(
                OldParagraph(
                    cable_id=cable.pk,
                    position=i,
                    number=p.number or "",
                    marking=p.marking or "",
                    text=p.text,
                )
                for i, p in enumerate(old, start=1)
            )
            old_texts[cable.reference_id] = [p.text for p in old]
        yield old_texts
    finally:
        _migrate()  # whatever happened, the schema the other tests expect
        cache.clear()


def _comment(ref: str, position: int | None) -> Any:
    """A comment as the old code stored it, through the model of the old schema
    (``paragraph`` held the position)."""
    apps = MigrationExecutor(connection).loader.project_state(BEFORE).apps
    old_comment = apps.get_model("discussion", "Comment")
    cable_id = Cable.stored.filter(reference_id=ref).values_list("pk", flat=True).get()
    return old_comment.objects.create(
        cable_id=cable_id, paragraph=position, name="Old", body=f"on {position}", status="approved"
    )


def test_migration_regroups_paragraphs_and_keeps_comments_on_their_text(
    old_archive: dict[str, list[str]], sources: dict[str, bytes]
) -> None:
    assert len(old_archive["09SAOPAULO653"]) == 20  # 13 numbered + 7 sub-heads counted
    before = {c.reference_id: c.updated for c in Cable.stored.all()}
    on = {
        ("09SAOPAULO653", 5): None,  # "3. (C) For several years" was ¶5
        ("09SAOPAULO653", 4): None,  # the sub-head "Consulate Engagement" was ¶4
        ("09SAOPAULO653", 20): None,
        ("09SAOPAULO653", 21): None,  # past the end: no text to stay on
        ("09DOHA644", 1): None,  # the key points before paragraph 1
        ("09DOHA644", 3): None,  # "2. Al-Attiyah, who played a direct role"
        ("07TALLINN366", 10): None,  # "8. (S) On May 2, Foreign Minister" was ¶10
        ("09SANJOSE1166", 3): None,
    }
    for ref, position in on:
        on[ref, position] = _comment(ref, position).pk
    whole = _comment("09SAOPAULO653", None).pk

    _migrate()

    for ref, data in sources.items():
        cable = Cable.stored.get(reference_id=ref)
        stored = [
            (p.number or None, p.marking or None, p.text)
            for p in Paragraph.stored.filter(cable=cable).order_by("position")
        ]
        want = [(p.number, p.marking, p.text) for p in parse_document(data).paragraphs]
        assert stored == want, ref  # what today's parser reads
        spans = Paragraph.stored.filter(cable=cable).values_list("legacy_span", flat=True)
        assert sum(spans) == len(old_archive[ref])
        # a regrouped or renumbered page changed: its ETag and Last-Modified move
        assert (cable.updated > before[ref]) == (ref != "04RANGOON1100"), ref

    for (ref, position), pk in on.items():
        comment = Comment.objects.get(pk=pk)
        if position > len(old_archive[ref]):
            assert comment.paragraph is None
            continue
        number = "" if comment.paragraph == 0 else str(comment.paragraph)
        text = Paragraph.stored.get(cable__reference_id=ref, number=number).text
        assert old_archive[ref][position - 1] in text, (ref, position)  # the same text
    numbers = {key: Comment.objects.get(pk=pk).paragraph for key, pk in on.items()}
    assert numbers[("09SAOPAULO653", 5)] == 3
    assert numbers[("09SAOPAULO653", 4)] == 2
    assert numbers[("09SAOPAULO653", 20)] == 13
    assert numbers[("09DOHA644", 1)] == 0  # the opening
    assert numbers[("09DOHA644", 3)] == 2
    assert numbers[("07TALLINN366", 10)] == 8
    assert numbers[("09SANJOSE1166", 3)] == 3
    assert Comment.objects.get(pk=whole).paragraph is None

    client = Client()
    sao = Cable.objects.get(reference_id="09SAOPAULO653")
    response = client.get(sao.get_absolute_url(), {"paragraph": "5"})
    assert response["Location"] == f"{sao.get_absolute_url()}#par3"
    page = client.get(sao.get_absolute_url()).content.decode()
    assert '<a class="comment-paragraph" href="#par3">¶3</a>' in page


def test_a_second_run_changes_nothing(old_archive: dict[str, list[str]]) -> None:
    """Rows already regrouped (an archive ingested after the parser changed) stay as they are."""
    _migrate()
    rows = list(Paragraph.stored.order_by("cable_id", "position").values_list())
    _migrate([("archive", "0006_drop_tag_codes"), ("discussion", "0003_ratelimit_cache_table")])
    _migrate()
    again = Paragraph.stored.order_by("cable_id", "position").values_list()
    # the column came back with its default: spans are 1 again, all else is the same
    assert [r[:-1] for r in again] == [r[:-1] for r in rows]
