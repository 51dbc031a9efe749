"""The bulk CSV distribution: streamed rows, RFC 4180 and backslash-escaped quotes."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from cablebase.parse import CableRecord, ParseError, csv_rows, parse_csv_row, parse_path

HEADER = "O 101526Z FEB 06\nFM AMEMBASSY MOSCOW\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 4696"
BODY = (
    "C O N F I D E N T I A L MOSCOW 001323\n\nE.O. 12958: DECL: 02/10/2016\n"
    "TAGS: PREL, KPAL, IS\nSUBJECT: MESSAGE ON HAMAS\n\nREF: A. STATE 12345 B. 05 MOSCOW 1234\n\n"
    "Classified By: Ambassador William J. Burns.  Reasons: 1.4(B/D).\n\n"
    '1. (C) Saltanov said ""yes"".\n\nBURNS\n'
)


def _row(number: int, rid: str, body: str = BODY, date: str = "02/10/2006 15:26") -> str:
    return (
        f'"{number}","{date}","{rid}","Embassy Moscow","CONFIDENTIAL",'
        f'"06STATE12345|05MOSCOW1234","{HEADER}","{body}"\n'
    )


def _csv() -> bytes:
    escaped = BODY.replace('""yes""', '\\"maybe\\"')
    return (_row(1, "06MOSCOW1323") + _row(2, "06MOSCOW1324", escaped)).encode()


def test_rows_stream_with_line_numbers_and_bytes() -> None:
    rows = list(csv_rows(io.BytesIO(_csv())))
    assert [r.line for r in rows] == [1, 1 + _row(1, "x").count("\n")]
    assert all(len(r.fields) == 8 for r in rows)
    assert rows[0].fields[2] == "06MOSCOW1323"
    assert b"".join(r.raw for r in rows) == _csv()


def test_row_becomes_a_full_record() -> None:
    row = next(csv_rows(io.BytesIO(_csv())))
    r = parse_csv_row(row, path="cables.csv")
    assert r.source.format == "cables-csv"
    assert r.source.sha256 == hashlib.sha256(row.raw).hexdigest()
    assert (r.reference_id, r.created, r.origin, r.classification) == (
        "06MOSCOW1323",
        "2006-02-10T15:26:00Z",
        "Embassy Moscow",
        "CONFIDENTIAL",
    )
    assert r.dtg == "101526Z FEB 06"
    assert r.recipients[0].mcn == "4696"
    assert r.tags == ["PREL", "KPAL", "IS"]
    assert r.subject == "MESSAGE ON HAMAS"
    assert [x.reference_id for x in r.references] == ["06STATE12345", "05MOSCOW1234"]
    assert r.paragraphs[0].text == 'Saltanov said "yes".'
    assert r.signers == ["BURNS"]


def test_backslash_escaped_quotes_are_tolerated() -> None:
    rows = list(csv_rows(io.BytesIO(_csv())))
    r = parse_csv_row(rows[1])
    assert r.reference_id == "06MOSCOW1324"
    assert r.paragraphs[0].text == 'Saltanov said "maybe".'


def test_bad_row_names_path_and_line() -> None:
    data = (_row(1, "06MOSCOW1323") + _row(2, "06MOSCOW1324", date="yesterday")).encode()
    rows = list(csv_rows(io.BytesIO(data)))
    with pytest.raises(ParseError) as info:
        parse_csv_row(rows[1], path="cables.csv")
    assert info.value.line == rows[1].line
    assert str(info.value).startswith(f"cables.csv:{rows[1].line}")
    assert "bad date" in info.value.reason


def test_short_row_is_an_error() -> None:
    rows = list(csv_rows(io.BytesIO(b'"1","02/10/2006 15:26","06MOSCOW1"\n')))
    with pytest.raises(ParseError, match="expected 8 columns"):
        parse_csv_row(rows[0])


def test_unclosed_quote_at_end_is_an_error() -> None:
    with pytest.raises(ParseError, match="unterminated"):
        list(csv_rows(io.BytesIO(b'"1","02/10/2006 15:26","06MOSCOW1","unclosed\n')))


def test_parse_path_yields_records_and_errors_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    path.write_bytes(
        (
            _row(1, "06MOSCOW1323") + _row(2, "06MOSCOW1324", date="bad") + _row(3, "06MOSCOW1325")
        ).encode()
    )
    results = list(parse_path(path))
    assert [type(r) for r in results] == [CableRecord, ParseError, CableRecord]
    assert results[2].reference_id == "06MOSCOW1325"
    assert results[1].path == str(path)


def test_csv_is_read_row_by_row_not_whole() -> None:
    """A stream that refuses read() of everything still works: rows come from iteration."""

    class LineOnly(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:  # pragma: no cover - must not be called
            raise AssertionError("csv_rows must not read the whole file")

    rows = csv_rows(LineOnly(_csv()))
    first = next(rows)
    assert first.fields[2] == "06MOSCOW1323"


def test_a_cable_longer_than_the_csv_modules_default_field_limit_is_read_whole() -> None:
    """Real cables run past 128 KiB; the tail of the collection must not be cut off."""
    long_para = "2. (C) " + "The delegation discussed the matter at length. " * 4000 + "\n\n"
    body = BODY.replace("\n\nBURNS\n", "\n\n" + long_para + "BURNS\n")
    data = (_row(1, "06MOSCOW1323", body) + _row(2, "06MOSCOW1324")).encode()
    assert len(body) > 131_072
    rows = list(csv_rows(io.BytesIO(data), path="big.csv"))
    assert [r.fields[2] for r in rows] == ["06MOSCOW1323", "06MOSCOW1324"]
    record = parse_csv_row(rows[0], path="big.csv")
    assert len(record.paragraphs) == 2
    assert record.paragraphs[1].text.endswith("at length.")
    assert record.signers == ["BURNS"]
