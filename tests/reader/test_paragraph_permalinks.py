"""¶ permalinks name the cable's own paragraph numbers, and old addresses still arrive.

Real cable-viewer pages: 09SAOPAULO653 has seven sub-heads between its 13 numbered
paragraphs (they used to count, so its "3. (C)" was ¶5 and its "13. (C)" ¶20),
09DOHA644 opens with unnumbered key points, 09SANJOSE1166 (a 2011 page) numbers nothing. The old
``?paragraph=N`` addresses counted positions, sub-heads too; they redirect (301) to
the same text's new anchor. Fragments (``#par5``) never reach the server: see
docs/discussion.md for what becomes of them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from cablebase.archive.ingest import store_records
from cablebase.archive.models import Cable, Paragraph
from cablebase.parse import parse_document
from cablebase.reader.page_cache import page_cache

from ..legacy_paragraphs import old_spans
from ..sample_archive import clear_archive

pytestmark = pytest.mark.django_db
CABLES = ("09SAOPAULO653", "09DOHA644")
UNNUMBERED = "cable/2009/12/09SANJOSE1166.html"


def _page_bytes(samples: Path, ref: str) -> bytes:
    return (samples / "cablegate-2010-pages" / f"{ref}.html").read_bytes()


@pytest.fixture(scope="module")
def cables(
    django_db_setup: None, django_db_blocker, samples_dir: Path, shared_corpus: Path
) -> Iterator[dict]:
    with django_db_blocker.unblock():
        clear_archive()
        cache.clear()
        records = [parse_document(_page_bytes(samples_dir, r), path=f"{r}.html") for r in CABLES]
        with zipfile.ZipFile(shared_corpus / "cablegate-2011-04-pages.zip") as zf:
            records.append(parse_document(zf.read(UNNUMBERED), path=UNNUMBERED))
        report = store_records(records)
        assert report.new == len(records), report.errors
        yield {c.reference_id: c for c in Cable.objects.all()}
        clear_archive()
        cache.clear()


def _page(client: Client, cable: Cable) -> str:
    response = client.get(cable.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def _div(page: str, anchor: str) -> str:
    """The HTML of one paragraph's block on the page."""
    start = page.index(f'<div class="par" id="{anchor}">')
    return page[start : page.index("</div>", start)]


def test_anchors_are_the_cables_numbers_with_sub_heads_inside(cables, client: Client) -> None:
    page = _page(client, cables["09SAOPAULO653"])
    assert re.findall(r'<div class="par" id="(par\d+)">', page) == [f"par{i}" for i in range(1, 14)]
    three = _div(page, "par3")
    assert 'href="#par3" aria-label="Permalink to paragraph 3"' in three
    assert "3. (C) For several years, the Consulate" in three
    # the sub-head printed above "3." belongs to the paragraph before it
    assert "Consulate Engagement: A Work in Progress" in _div(page, "par2")
    assert "Consulate Engagement" not in three
    assert "13. (C) Toward this end" in _div(page, "par13")


def test_comment_links_name_the_cables_number(cables, client: Client) -> None:
    page = _page(client, cables["09SAOPAULO653"])
    form = "/cable/09SAOPAULO653/comment"
    assert f'href="{form}?par=3#comment-form">Comment on ¶3</a>' in _div(page, "par3")
    assert page.count("Comment on ¶") == 13
    html = client.get(form, {"par": "3"}).content.decode()
    assert '<option value="3" selected>¶ 3 (#par3)</option>' in html


def test_an_unnumbered_opening_is_par0(cables, client: Client) -> None:
    page = _page(client, cables["09DOHA644"])
    assert re.findall(r'<div class="par" id="(par\d+)">', page) == [
        "par0",
        "par1",
        "par2",
        "par3",
        "par4",
    ]
    opening = _div(page, "par0")
    assert "KEY POINTS" in opening and 'aria-label="Permalink to the opening"' in opening
    assert '?par=0#comment-form">Comment on the opening</a>' in opening
    assert "1. (C) During an October 28 meeting" in _div(page, "par1")


def test_a_comment_on_the_opening_says_so(cables, client: Client) -> None:
    from cablebase.discussion.models import Comment

    cable = cables["09DOHA644"]
    response = client.post(
        f"/cable/{cable.reference_id}/comment",
        {"name": "Ann", "email": "a@example.org", "body": "On the key points.", "paragraph": "0"},
    )
    assert response.status_code == 302
    comment = Comment.objects.get(cable=cable)
    assert comment.paragraph == 0
    Comment.objects.filter(pk=comment.pk).update(status="approved")
    page = _page(client, cable)
    assert 'on <a class="comment-paragraph" href="#par0">the opening</a>' in page
    assert "1 comment · Comment on the opening" in _div(page, "par0")
    feed = client.get(f"/feeds/comments/{cable.reference_id}.atom").content.decode()
    assert "Ann on the opening" in feed
    Comment.objects.filter(pk=comment.pk).delete()


def test_a_cable_without_numbers_is_numbered_in_order(cables, client: Client) -> None:
    cable = cables["09SANJOSE1166"]
    count = cable.paragraphs.count()
    page = _page(client, cable)
    anchors = re.findall(r'<div class="par" id="(par\d+)">', page)
    assert count >= 5 and anchors == [f"par{i}" for i in range(1, count + 1)]
    api = client.get(f"/api/cables/{cable.reference_id}/paragraphs").json()["paragraphs"]
    assert [p["anchor"] for p in api] == anchors
    assert api[0]["url"] == f"{cable.get_absolute_url()}#par1"


@pytest.fixture
def spans_of_old(cables, samples_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """09SAOPAULO653 as the archive's migration 0007 leaves a cable stored before it."""
    cable = cables["09SAOPAULO653"]
    spans = old_spans(_page_bytes(samples_dir, cable.reference_id), cable.reference_id, monkeypatch)
    paragraphs = list(Paragraph.objects.filter(cable=cable).order_by("position"))
    assert len(spans) == len(paragraphs) == 13 and sum(spans) == 20
    for paragraph, span in zip(paragraphs, spans, strict=True):
        paragraph.legacy_span = span
    Paragraph.objects.bulk_update(paragraphs, ["legacy_span"])
    page_cache().clear()  # the cable's stamp did not move: no stored page may answer
    yield cable
    Paragraph.objects.filter(cable=cable).update(legacy_span=1)
    page_cache().clear()


@pytest.mark.parametrize(
    ("old", "anchor"),
    [
        ("1", "par1"),
        ("2", "par1"),  # "Brazil's Muslims By the Numbers", a block of paragraph 1 now
        ("4", "par2"),  # the sub-head "Consulate Engagement"
        ("5", "par3"),  # "3. (C) For several years": the old ¶5
        ("20", "par13"),  # the last one
    ],
)
def test_an_old_paragraph_address_redirects_to_the_same_text(
    spans_of_old, client: Client, old: str, anchor: str
) -> None:
    page = spans_of_old.get_absolute_url()
    response = client.get(page, {"paragraph": old})
    assert response.status_code == 301
    assert response["Location"] == f"{page}#{anchor}"
    # the short address goes straight there too
    short = client.get(f"/cable/{spans_of_old.reference_id}", {"paragraph": old})
    assert (short.status_code, short["Location"]) == (301, f"{page}#{anchor}")


def test_an_old_comment_form_address_redirects_to_the_same_paragraph(
    spans_of_old, client: Client
) -> None:
    form = f"/cable/{spans_of_old.reference_id}/comment"
    response = client.get(form, {"paragraph": "5"})
    assert response.status_code == 301
    assert response["Location"] == f"{form}?par=3"  # the browser keeps #comment-form
    html = client.get(response["Location"]).content.decode()
    assert '<option value="3" selected>¶ 3 (#par3)</option>' in html


@pytest.mark.parametrize("value", ["21", "0", "9" * 30, "\u00b2", "x", ""])
def test_an_old_address_that_is_no_position_shows_the_page(
    spans_of_old, client: Client, value: str
) -> None:
    assert client.get(spans_of_old.get_absolute_url(), {"paragraph": value}).status_code == 200
    form = client.get(f"/cable/{spans_of_old.reference_id}/comment", {"paragraph": value})
    assert form.status_code == 200
    assert not re.search(rb'<option value="\d+" selected>', form.content)


def test_the_redirect_is_not_answered_by_a_cached_page(spans_of_old, client: Client) -> None:
    """A browser that kept the old address's page asks with its ETag: it gets the redirect."""
    page = spans_of_old.get_absolute_url()
    etag = client.get(page)["ETag"]
    response = client.get(page, {"paragraph": "5"}, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 301


def test_a_renumbered_cable_lists_the_old_positions_of_its_paragraphs(
    spans_of_old, client: Client
) -> None:
    """What reader.js reads to follow an old #par20 (no such paragraph now) to ¶13."""
    page = _page(client, spans_of_old)
    assert '<div class="par" id="par1" data-legacy="1-2">' in page
    assert '<div class="par" id="par3" data-legacy="5-5">' in page
    assert '<div class="par" id="par13" data-legacy="20-20">' in page


def test_a_cable_never_renumbered_carries_no_old_positions(cables, client: Client) -> None:
    assert "data-legacy" not in _page(client, cables["09DOHA644"])
    assert "data-legacy" not in _page(client, cables["09SAOPAULO653"])  # fresh: spans of 1
