"""Ingest gives each document a time limit: one that runs over is quarantined, the rest goes on."""

from __future__ import annotations

import hashlib
import shutil
import threading
import time
from pathlib import Path

import pytest

from cablebase.archive.ingest import ingest
from cablebase.archive.models import Cable, Quarantine
from cablebase.archive.pipeline import parse_unit
from cablebase.archive.sources import DocUnit
from cablebase.parse import ParseError
from cablebase.parse.limits import ENV_VAR, configured_limit, time_limit


def _unit(path: str, data: bytes) -> DocUnit:
    return DocUnit(path=path, data=data, sha256=hashlib.sha256(data).hexdigest())


def _big_cable(seeds: Path) -> bytes:
    """A real cable whose text is repeated to 5 MB: linear, but far over a 1 ms limit."""
    seed = (seeds / "000_068168b0c6d62cf7.txt").read_bytes()
    head, _, body = seed.partition(b"\xc2\xb61.")
    return head + b"\xc2\xb61." + body * (5_000_000 // len(body))


def test_a_document_over_its_limit_comes_back_as_an_error_naming_the_limit(seeds: Path) -> None:
    [result] = parse_unit(_unit("big.txt", _big_cable(seeds)), time_limit=0.001)
    assert isinstance(result, ParseError)
    assert result.path == "big.txt"
    assert "longer than the 0.001 s limit" in result.reason


def test_within_its_limit_a_document_parses(seeds: Path) -> None:
    data = (seeds / "000_068168b0c6d62cf7.txt").read_bytes()
    [result] = parse_unit(_unit("cable.txt", data), time_limit=5)
    assert not isinstance(result, ParseError)
    assert result.record.reference_id == "06STATE27174"


def test_limit_is_on_by_default_and_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert configured_limit() == 10.0
    monkeypatch.setenv(ENV_VAR, "2.5")
    assert configured_limit() == 2.5
    monkeypatch.setenv(ENV_VAR, "0")
    assert configured_limit() is None


@pytest.mark.django_db
def test_slow_document_is_quarantined_and_the_rest_ingests(
    tmp_path: Path, seeds: Path, inline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, "0.05")
    shutil.copy(seeds / "000_068168b0c6d62cf7.txt", tmp_path / "cable.txt")
    (tmp_path / "slow.txt").write_bytes(_big_cable(seeds))
    report = ingest([tmp_path], executor=inline)
    assert (report.new, report.failed) == (1, 1)
    entry = Quarantine.objects.get()
    assert entry.path.endswith("slow.txt")
    assert "limit" in entry.reason
    assert Cable.objects.get().reference_id == "06STATE27174"


def test_an_overrun_swallowed_where_it_landed_is_still_caught() -> None:
    """The alarm's exception can land in code that swallows it (a finaliser, a broad
    ``except``); the limit still holds, by re-arming and by the clock at its edge."""
    swallowed = 0
    with pytest.raises(ParseError, match="limit"), time_limit(0.02, path="x.txt"):
        deadline = time.monotonic() + 0.2
        while time.monotonic() < deadline:
            try:
                time.sleep(0.001)
            except Exception:
                swallowed += 1
    assert swallowed >= 1


def test_without_an_alarm_a_document_is_judged_by_the_clock() -> None:
    """In a thread no alarm can be set; a document that took too long is still an error."""
    outcome: list[BaseException | None] = []

    def work() -> None:
        try:
            with time_limit(0.01, path="x.txt"):
                time.sleep(0.05)
            outcome.append(None)
        except ParseError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert isinstance(outcome[0], ParseError)
    assert outcome[0].path == "x.txt"
