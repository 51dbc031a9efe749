"""Reference ids and origins: canonical forms, multi-word posts, the lookup tables."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cablebase.parse.ids import canonical_code, cite_to_id, split_id
from cablebase.parse.lookups import known_codes, origin_name, station


@pytest.mark.parametrize(
    ("cite", "year", "expected"),
    [
        ("STATE 027174", 2006, "06STATE27174"),
        ("05 MOSCOW 1234", 2006, "05MOSCOW1234"),
        ("TBILISI 1605", 2007, "07TBILISI1605"),
        ("BUENOS AIRES 2481", 1966, "66BUENOSAIRES2481"),
        ("RIO DE JANEIRO 1242", "05", "05RIODEJANEIRO1242"),
        ("USUN NEW YORK 000123", "09", "09USUNNEWYORK123"),
        ("SECSTATE 12345", "06", "06STATE12345"),
        ("06STATE12345", None, "06STATE12345"),
        ("2005 LA PAZ 2974", None, "05LAPAZ2974"),
        ("LEE EMAIL 05/11/07", "07", None),
        ("STATE 12345", None, None),
    ],
)
def test_cite_to_id(cite: str, year: object, expected: str | None) -> None:
    assert cite_to_id(cite, year) == expected


def test_canonical_code_drops_leading_words() -> None:
    assert canonical_code("BUENOS AIRES") == "BUENOSAIRES"
    assert canonical_code("SECTION MOSCOW") == "MOSCOW"
    assert canonical_code("NOWHERE LAND") is None


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("STATE", "Secretary of State"),
        ("MOSCOW", "Embassy Moscow"),
        ("USUNNEWYORK", "USUN New York"),
        ("USNATO", "Mission USNATO"),
        ("JERUSALEM", "Consulate Jerusalem"),
        ("GENEVA", "US Mission Geneva"),
        ("TRIPOLI", "Embassy Tripoli"),
        ("NOSUCHPOST", None),
    ],
)
def test_origin_names(code: str, name: str | None) -> None:
    assert origin_name(code) == name


def test_lookup_tables_loaded() -> None:
    assert len(known_codes()) >= 300
    assert station("RUEHMO") == "AMEMBASSY MOSCOW"


@given(
    st.sampled_from(sorted(known_codes() - {"SECSTATE"})),
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=1, max_value=9_999_999),
)
def test_canonical_id_round_trip(code: str, year: int, serial: int) -> None:
    yy = f"{year:02d}"
    rid = cite_to_id(f"{yy} {code} {serial:06d}", None)
    assert rid == f"{yy}{code}{serial}"
    assert split_id(rid) == (yy, code, str(serial))
    assert cite_to_id(rid, None) == rid
