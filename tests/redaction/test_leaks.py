"""Done when: canaries redacted and cables held appear in no output, and forgetting shows.

One archive of real cables (canaries planted before ingest) gets three rules
(a literal in two cases, a pattern, a rule for one cable) and two held cables;
then every page, feed, API answer, export, the mirror and the index's terms
are read. The second test shows the detector is not blind: one output that
reads the store directly instead of the public rows is caught.
"""

from __future__ import annotations

import pytest
from django.test import Client

from cablebase.archive import redaction
from cablebase.archive.models import Cable, CableReference

from .conftest import ALPHA, BETA, GAMMA, HELD, Planted
from .leaks import Outputs, export_outputs, index_terms_found, mirror_outputs, site_outputs

pytestmark = pytest.mark.django_db(transaction=False)


def _uncited(n: int, avoid: set[str]) -> list[Cable]:
    """Cables no other cable cites or names, so a held id may appear nowhere at all."""
    cited = set(CableReference.stored.values_list("cited_id", flat=True))
    out = []
    texts = list(Cable.stored.values_list("reference_id", "body"))
    for cable in Cable.stored.order_by("reference_id"):
        if cable.reference_id in cited or cable.reference_id in avoid:
            continue
        named = any(cable.reference_id in body for ref, body in texts if ref != cable.reference_id)
        if not named:
            out.append(cable)
        if len(out) == n:
            return out
    raise AssertionError("not enough uncited sample cables")


def _publish_rules() -> list[str]:
    """Redact the canaries, hold two cables (one holding a canary); returns the held ids."""
    redaction.add_rule(ALPHA.lower(), reason="protects a source")
    redaction.add_rule(r"zqx-\d{4}-beta", is_regex=True, reason="protects a source")
    redaction.add_rule(GAMMA, cable="04ANKARA7211", reason="a name in one cable")
    held = ["04BOGOTA8900"] + [c.reference_id for c in _uncited(1, {"04BOGOTA8900"})]
    redaction.hold(held, actor="test", reason="under review")
    return held


def _all_outputs(client: Client, tmp_path) -> Outputs:
    from cablebase.mirror.build import build_mirror

    out = site_outputs(client, [ALPHA, BETA, GAMMA, HELD, "4821"])
    export_outputs(out, tmp_path)
    mirror = tmp_path / "mirror"
    report = build_mirror(mirror, workers=1)
    assert not report.failed, report.failed
    mirror_outputs(out, mirror)
    return out


def test_no_output_shows_a_redaction_or_a_held_cable(planted_archive: Planted, tmp_path) -> None:
    assert Cable.stored.filter(body__icontains=ALPHA).count() == 2  # the canaries arrived
    held = _publish_rules()
    held_pks = list(Cable.stored.filter(reference_id__in=held).values_list("pk", flat=True))
    client = Client()
    out = _all_outputs(client, tmp_path)
    assert len(out.texts) > 100, "the crawl reached the site"
    assert any("/api/cables/" in w for w in out.texts) and any("mirror:" in w for w in out.texts)
    canaries = [ALPHA, BETA, GAMMA, HELD]
    assert out.leaks(canaries + held) == []
    assert index_terms_found(canaries, held_pks) == []
    # The marks are there instead, naming a rule and nothing of the text.
    page = next(t for w, t in out.texts.items() if w.startswith("/cable/") and "AMMAN1288" in w)
    assert page.count(redaction.MARK) >= 2
    # A held cable's page is the same 404 as a cable that never existed.
    for ref in held:
        got, never = client.get(f"/cable/{ref}"), client.get("/cable/99NOWHERE1")
        assert got.status_code == never.status_code == 404
        assert got.content.replace(ref.encode(), b"X") == never.content.replace(b"99NOWHERE1", b"X")
        assert client.get(f"/api/cables/{ref}").status_code == 404


def test_the_detector_catches_one_output_that_forgets(
    planted_archive: Planted, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The API's cable endpoint reads the store directly: its answers leak and are reported."""
    from cablebase.api import serialize

    held = _publish_rules()

    class Forgetful:
        objects = Cable.stored

    monkeypatch.setattr(serialize, "Cable", Forgetful)
    out = site_outputs(Client(), [ALPHA])
    leaks = out.leaks([ALPHA, BETA, GAMMA, HELD])
    assert leaks, "the detector missed a forgotten output"
    assert {where.split("?")[0] for where, _ in leaks} <= {
        f"/api/cables/{ref}" for ref in Cable.stored.values_list("reference_id", flat=True)
    }
    assert not [w for w, _ in leaks if not w.startswith("/api/cables/")]
    assert held  # and the held cables stayed out of the lists the crawl started from


def test_the_index_check_catches_an_index_fed_the_store(
    planted_archive: Planted, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index fed from the store itself holds the canaries and the held cable."""
    from cablebase.archive.search import source
    from cablebase.archive.search.index import engine

    held = _publish_rules()
    held_pks = list(Cable.stored.filter(reference_id__in=held).values_list("pk", flat=True))

    class Forgetful:
        objects = Cable.stored
        _meta = Cable._meta

    monkeypatch.setattr(source, "Cable", Forgetful)
    engine().rebuild()
    found = index_terms_found([ALPHA, HELD], held_pks)
    assert ("index:body_word", ALPHA) in found and ("index:pk", str(held_pks[0])) in found
    assert ("index:stored", ALPHA) in found  # the stored body that snippets are cut from
