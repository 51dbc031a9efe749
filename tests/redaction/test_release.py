"""Holds, releases and rules as a reader meets them on the next request, without a restart."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from cablebase.archive import redaction
from cablebase.archive.models import Cable, CableVersion, PublicationEvent

from ..sample_archive import MOSCOW_FIRST_WORDING, store_sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return store_sample_archive()


def _home_count(client: Client) -> str:
    page = client.get("/").content.decode()
    start = page.index('class="lede totals"')
    return page[start : page.index("</p>", start)]


def test_the_home_page_counts_released_of_all(archive, client: Client) -> None:
    assert "3 released of 3" in _home_count(client)
    redaction.hold(["06STATE27174"], actor="test")
    assert "2 released of 3" in _home_count(client)
    redaction.release(["06STATE27174"], actor="test")
    assert "3 released of 3" in _home_count(client)


def test_a_scheduled_release_shows_once_its_time_has_come(
    archive, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    redaction.hold(["06STATE27174"])
    at = timezone.now() + timedelta(hours=2)
    redaction.release(["06STATE27174"], at=at, actor="test")
    assert client.get("/api/cables/06STATE27174").status_code == 404
    assert "2 released of 3" in _home_count(client)
    later = at + timedelta(seconds=1)
    monkeypatch.setattr(redaction.timezone, "now", lambda: later)
    assert client.get("/api/cables/06STATE27174").status_code == 200
    assert "3 released of 3" in _home_count(client)
    cable = Cable.stored.get(reference_id="06STATE27174")
    assert (cable.held, cable.released) == (False, at)
    assert PublicationEvent.stored.first().actor == "schedule"


def test_a_release_keeps_the_sources_own_date(archive) -> None:
    before = Cable.stored.get(reference_id="06MOSCOW1323").released
    redaction.hold(["06MOSCOW1323"])
    redaction.release(["06MOSCOW1323"])
    assert before is not None
    assert Cable.stored.get(reference_id="06MOSCOW1323").released == before


def test_a_held_citation_shows_not_released_without_a_link(archive, client: Client) -> None:
    url = archive.moscow.get_absolute_url()
    held_url = archive.state.get_absolute_url()
    assert held_url in client.get(url).content.decode()
    redaction.hold(["06STATE27174"])
    page = client.get(url).content.decode()  # the cached page is not served: the key moved
    assert held_url not in page and "not released" in page
    assert client.get(held_url).status_code == 404


def test_a_rule_shows_on_the_next_request_with_its_reason(archive, client: Client) -> None:
    url = archive.moscow.get_absolute_url()
    assert "Saltanov" in client.get(url).content.decode()  # and now cached
    rule = redaction.add_rule("saltanov", reason="a protected contact", actor="test")
    page = client.get(url).content.decode()
    assert "saltanov" not in page.lower()
    assert f'href="/redactions/#rule-{rule.pk}" title="Redacted: a protected contact"' in page
    explainer = client.get("/redactions/").content.decode()
    assert "a protected contact" in explainer and "saltanov" not in explainer.lower()
    redaction.remove_rule(rule.pk, actor="test")
    assert "Saltanov" in client.get(url).content.decode()


def test_version_diffs_and_api_versions_are_redacted(archive, client: Client) -> None:
    redaction.add_rule(MOSCOW_FIRST_WORDING, reason="wording", cable="06MOSCOW1323")
    page = client.get(archive.moscow.get_absolute_url()).content.decode()
    versions = client.get("/api/cables/06MOSCOW1323/versions").content.decode()
    assert MOSCOW_FIRST_WORDING.lower() not in page.lower() and redaction.MARK in page
    assert MOSCOW_FIRST_WORDING.lower() not in versions.lower()
    # The hash of the original text would let a guess be confirmed: it is replaced.
    first = CableVersion.stored.get(cable__reference_id="06MOSCOW1323", number=1).content_hash
    current = CableVersion.stored.get(cable__reference_id="06MOSCOW1323", number=2).content_hash
    assert first not in versions and current in versions  # the current text has no match


def test_a_rule_change_reindexes_only_the_cables_it_touches(archive) -> None:
    from cablebase.archive.search import search
    from cablebase.archive.search.index import engine

    assert search("saltanov").total == 1 and search("hamas").total == 2
    rule = redaction.add_rule("Saltanov", reason="a contact")
    assert engine().catch_up() == 1  # the one cable that says it, not all three
    assert search("saltanov").total == 0
    redaction.hold(["06STATE27174"])
    assert engine().catch_up() == 1
    assert search("hamas").total == 1  # the held cable (it says Hamas too) left the index
    redaction.remove_rule(rule.pk)
    assert engine().catch_up() == 1
    assert search("saltanov").total == 1


def test_staff_in_the_admin_see_the_original(archive, admin_client: Client) -> None:
    redaction.add_rule("Saltanov", reason="a contact")
    redaction.hold(["06MOSCOW1323"])
    page = admin_client.get(f"/admin/archive/cable/{archive.moscow.pk}/change/")
    assert page.status_code == 200 and "Saltanov" in page.content.decode()
    audit = admin_client.get("/admin/archive/publicationevent/").content.decode()
    assert "06MOSCOW1323" in audit and "Saltanov" in audit
    assert admin_client.get("/admin/archive/publicationevent/add/").status_code == 403


def test_a_rule_added_in_the_admin_is_audited_and_a_bad_pattern_refused(
    archive, admin_client: Client
) -> None:
    url = "/admin/archive/redactionrule/add/"
    bad = admin_client.post(url, {"text": "(a|aa)+$", "is_regex": "on", "reason": "x"})
    assert bad.status_code == 200 and "too long" in bad.content.decode()
    admin_client.post(url, {"text": "Saltanov", "reason": "a contact"})
    event = PublicationEvent.stored.get()
    assert (event.action, event.actor, event.detail) == ("redact", "admin:admin", "Saltanov")
    assert "Saltanov" not in Client().get(archive.moscow.get_absolute_url()).content.decode()


def test_a_newsroom_ingest_holds_new_cables(settings, samples_dir) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from cablebase.archive.ingest import ingest

    settings.CABLEBASE_HOLD_NEW = True
    with ThreadPoolExecutor(max_workers=1) as pool:
        ingest([samples_dir / "seeds"], executor=pool)
    assert Cable.stored.count() == 2 and Cable.objects.count() == 0
    redaction.release(list(Cable.stored.values_list("reference_id", flat=True)))
    assert Cable.objects.count() == 2
