"""Bad input gets a clear ParseError or a record marked with what was missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablebase.parse import ParseError, detect_format, parse_document, parse_path
from cablebase.parse.text import MAX_BYTES


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b"   \n\n\t ", "empty input"),
        (b"\x00\x01\x02\x03binary\x00junk" * 50, "binary data"),
        (bytes(range(256)) * 40, "binary data"),
        (b"Dear diary, today I went shopping and bought apples.\n" * 20, "no cable found"),
        (b"<html><body><p>Just a web page</p></body></html>", "no cable text"),
    ],
)
def test_junk_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_document(data, path="junk.bin")
    assert reason in info.value.reason
    assert str(info.value).startswith("junk.bin")


def test_oversized_input_is_refused_naming_its_size() -> None:
    data = b"A" * (MAX_BYTES + 1)
    with pytest.raises(ParseError) as info:
        parse_document(data, path="big.txt", format="telegram-text")
    assert f"{MAX_BYTES + 1:,} bytes" in info.value.reason


def test_detect_format_refuses_non_cables() -> None:
    with pytest.raises(ParseError, match="no cable found"):
        detect_format(b"hello world, nothing to see here\n")


def test_cp1252_file_parses(samples_dir: Path) -> None:
    text = (samples_dir / "seeds" / "000_068168b0c6d62cf7.txt").read_text(encoding="utf-8")
    text = text.replace("Hamas' February", "Hamas\u2019 February")
    record = parse_document(text.encode("cp1252"), path="cp1252.txt")
    assert record.reference_id == "06STATE27174"
    assert "Hamas\u2019 February" in record.paragraphs[0].text


def test_latin1_file_parses(samples_dir: Path) -> None:
    text = (samples_dir / "seeds" / "000_068168b0c6d62cf7.txt").read_text(encoding="utf-8")
    # 0x81 is undefined in cp1252: only latin-1 decodes this file.
    data = text.replace("Department requests", "D\u00e9partement requests").encode("latin-1")
    data = data.replace(b"Minimize", b"\x81Minimize")
    record = parse_document(data, path="latin1.txt")
    assert record.paragraphs[0].text.startswith("D\u00e9partement requests")
    assert record.subject == "MESSAGE ON HOST COUNTRY MEETINGS WITH HAMAS"


def test_truncated_cable_is_a_record_marked_truncated(samples_dir: Path) -> None:
    data = (samples_dir / "seeds" / "003_7a1b52288a90354e.txt").read_bytes()
    cut = data[: data.index(b"MOSCOW 00001323")]
    record = parse_document(cut, path="cut.txt")
    assert record.reference_id == "06MOSCOW1323"
    assert "no signature" in record.warnings
    assert any(w.startswith("truncated") for w in record.warnings)


def test_cut_mid_header_still_reports_what_it_found() -> None:
    record = parse_document(b"O 182020Z FEB 06\nFM SECSTATE WASHDC\nTO ALL DIPLOMATIC")
    assert record.dtg == "182020Z FEB 06"
    assert "no text" in record.warnings


@pytest.mark.slow
def test_fifty_megabyte_file_under_the_size_cap_parses(samples_dir: Path, tmp_path: Path) -> None:
    """50 MB is under the 64 MB cap: the first copy's header gives the record, all text kept."""
    seed = (samples_dir / "seeds" / "000_068168b0c6d62cf7.txt").read_bytes()
    copies = 50 * 1024 * 1024 // len(seed)
    big = tmp_path / "big.txt"
    big.write_bytes(seed * copies)
    [result] = list(parse_path(big))
    assert not isinstance(result, ParseError), result
    assert result.reference_id == "06STATE27174"
    assert result.subject == "MESSAGE ON HOST COUNTRY MEETINGS WITH HAMAS"
    assert result.body is not None and result.body.count("Minimize considered.") == copies


def test_missing_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    [result] = list(parse_path(tmp_path / "nope.txt"))
    assert isinstance(result, ParseError)
    assert "cannot read" in result.reason
