"""The redact, release, hold and audit commands, and what show, search and export print after."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cablebase.archive.models import Cable, RedactionRule
from cablebase.cli import main

from ..sample_archive import store_sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(capsys):
    store_sample_archive()
    capsys.readouterr()


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_redact_add_list_remove(archive, capsys) -> None:
    code, out, _ = _run(capsys, "redact", "add", "Saltanov", "--reason", "a contact")
    assert code == 0 and "█ REDACTED #" in out
    code, out, _ = _run(
        capsys,
        "redact",
        "add",
        "--regex",
        r"quartet \w+",
        "--cable",
        "06moscow1323",
        "--reason",
        "a phrase",
    )
    assert code == 0
    code, out, _ = _run(capsys, "redact", "list", "--json")
    rules = json.loads(out)
    assert [(r["kind"], r["text"], r["cable"]) for r in rules] == [
        ("literal", "Saltanov", None),
        ("regex", r"quartet \w+", "06MOSCOW1323"),
    ]
    code, out, _ = _run(capsys, "show", "06MOSCOW1323")
    assert code == 0 and "Saltanov" not in out and "Quartet principles" not in out
    assert "█ REDACTED" in out
    code, out, _ = _run(capsys, "search", "saltanov")
    assert code == 1 and "06MOSCOW1323" not in out
    code, out, _ = _run(capsys, "redact", "remove", str(rules[0]["rule"]))
    assert code == 0 and RedactionRule.stored.count() == 1
    code, out, _ = _run(capsys, "search", "saltanov")
    assert code == 0 and "06MOSCOW1323" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["redact", "add", "--regex", "(a|aa)+$", "--reason", "x"], "too long"),
        (["redact", "add", "--regex", "(", "--reason", "x"], "bad pattern"),
        (["redact", "add", "x", "--cable", "99NOWHERE1", "--reason", "x"], "no cable"),
        (["redact", "add", "x", "--reason", " "], "reason"),
        (["redact", "remove", "42"], "no rule 42"),
        (["hold", "99NOWHERE1"], "no cable"),
        (["release", "06STATE27174", "--at", "next tuesday"], "bad --at"),
        (["release"], "give cable ids"),
    ],
)
def test_usage_errors_exit_2_and_change_nothing(archive, capsys, args, message) -> None:
    code, _, err = _run(capsys, *args)
    assert code == 2 and message in err
    assert RedactionRule.stored.count() == 0 and not Cable.stored.filter(held=True).exists()


def test_hold_and_release_from_a_file_and_at_a_time(archive, capsys, tmp_path: Path) -> None:
    ids = tmp_path / "ids.txt"
    ids.write_text("06STATE27174\n\n66buenosaires2481\n")
    code, out, _ = _run(capsys, "hold", "--file", str(ids), "--reason", "review")
    assert code == 0 and "held 2 cables" in out
    code, out, _ = _run(capsys, "show", "06STATE27174")
    assert code != 0
    code, out, _ = _run(capsys, "export", "--format", "jsonl", "--out", str(tmp_path / "e.jsonl"))
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [r["reference_id"] for r in rows] == ["06MOSCOW1323"]
    code, out, _ = _run(capsys, "release", "06STATE27174", "--at", "2010-11-28T12:00:00Z")
    assert code == 0
    cable = Cable.stored.get(reference_id="06STATE27174")
    assert not cable.held and cable.released.isoformat().startswith("2010-11-28T12:00")
    code, out, _ = _run(capsys, "release", "66BUENOSAIRES2481", "--at", "2999-01-01T00:00")
    assert Cable.stored.get(reference_id="66BUENOSAIRES2481").held  # scheduled, not yet


def test_audit_lists_who_did_what_when_and_why(archive, capsys) -> None:
    _run(capsys, "redact", "add", "Saltanov", "--reason", "a contact")
    _run(capsys, "hold", "06STATE27174", "--reason", "review")
    _run(capsys, "release", "06STATE27174")
    code, out, _ = _run(capsys, "audit", "--jsonl")
    events = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(e["action"], e["detail"] or e["cables"], e["reason"]) for e in events] == [
        ("redact", "Saltanov", "a contact"),
        ("hold", ["06STATE27174"], "review"),
        ("release", ["06STATE27174"], ""),
    ]
    assert all(e["actor"].startswith("cli") and e["at"] for e in events)
    code, out, _ = _run(capsys, "audit")
    assert "redact" in out and "06STATE27174" in out
