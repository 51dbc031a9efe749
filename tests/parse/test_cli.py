"""``cablebase parse``: output forms, exit codes, failures on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cablebase.cli import main

SEED_000 = "seeds/000_068168b0c6d62cf7.txt"
SEED_003 = "seeds/003_7a1b52288a90354e.txt"


def test_json_for_one_file(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(samples_dir / SEED_000), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["reference_id"] == "06STATE27174"
    assert record["signers"] == ["RICE"]
    assert record["source"]["format"] == "telegram-text"


def test_jsonl_for_several_files(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(samples_dir / SEED_000), str(samples_dir / SEED_003), "--jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["reference_id"] for x in lines] == ["06STATE27174", "06MOSCOW1323"]


def test_readable_summary_by_default(samples_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(samples_dir / SEED_003)]) == 0
    out = capsys.readouterr().out
    assert "06MOSCOW1323" in out
    assert "Embassy Moscow" in out
    assert "William J. Burns" in out


def test_failures_go_to_stderr_while_others_print(
    samples_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_text("nothing like a cable here\n")
    code = main(["parse", str(junk), str(samples_dir / SEED_000), "--jsonl"])
    captured = capsys.readouterr()
    assert code == 1
    assert json.loads(captured.out)["reference_id"] == "06STATE27174"
    assert captured.err.startswith(f"{junk}: no cable found")
    assert "Traceback" not in captured.err


def test_csv_failure_names_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cables.csv"
    path.write_text(
        '"1","02/10/2006 15:26","06MOSCOW1","Embassy Moscow","SECRET","","","x"\n'
        '"2","bad date","06MOSCOW2","Embassy Moscow","SECRET","","","x"\n'
    )
    assert main(["parse", str(path), "--jsonl"]) == 1
    captured = capsys.readouterr()
    assert f"{path}:2" in captured.err
    assert "bad date" in captured.err


def test_context_options_resolve_fragment_references(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frag = tmp_path / "frag.txt"
    frag.write_text("REF: TBILISI 1605\n")
    assert main(["parse", str(frag), "--format", "telegram-text", "--year", "2007", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["references"][0]["reference_id"] == "07TBILISI1605"
    assert main(["parse", str(frag), "--reference-id", "08TBILISI100", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["references"][0]["reference_id"] == "08TBILISI1605"


@pytest.mark.parametrize(
    "argv",
    [
        ["parse"],
        ["parse", "x", "--format", "pdf"],
        ["parse", "x", "--json", "--jsonl"],
        ["parse", "x", "--year", "nineteen"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2


@pytest.mark.parametrize("argv", [["--year", "20"], ["--reference-id", "not an id"]])
def test_bad_context_is_a_usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "x", *argv]) == 2
    assert "cablebase parse:" in capsys.readouterr().err


def test_subprocess_reads_stdin(samples_dir: Path) -> None:
    data = (samples_dir / SEED_000).read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "cablebase", "parse", "-", "--json"],
        input=data,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout)
    assert record["reference_id"] == "06STATE27174"
    assert record["source"]["path"] == "<stdin>"


def test_csv_on_stdin_streams_rows(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import io

    rows = (
        b'"1","02/10/2006 15:26","06MOSCOW1323","Embassy Moscow","CONFIDENTIAL","","",'
        b'"C O N F I D E N T I A L MOSCOW 001323\n\n1. (C) Text.\n\nBURNS"\n'
        b'"2","02/11/2006 10:00","06MOSCOW1350","Embassy Moscow","SECRET","","",'
        b'"S E C R E T MOSCOW 001350\n\n1. (S) Text.\n\nBURNS"\n'
    )
    stdin = io.TextIOWrapper(io.BufferedReader(io.BytesIO(rows)))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["parse", "-", "--jsonl"]) == 0
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [(r["reference_id"], r["classification"]) for r in out] == [
        ("06MOSCOW1323", "CONFIDENTIAL"),
        ("06MOSCOW1350", "SECRET"),
    ]
