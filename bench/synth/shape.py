"""The real collection's shape, read from ``shared/data``: ids, months, origins, routes, tags.

Sampling real reference ids (with their months) gives the generated corpus exactly the real
long-tailed origin shares and the 1966-2010 year weighting without modelling either.
"""

from __future__ import annotations

import gzip
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ID_RE = re.compile(r"^(\d\d)([A-Z]+?)(\d+)$")


def shared_data_dir() -> Path:
    """``$CABLEBASE_SHARED/data`` or ``../shared/data`` beside the checkout."""
    base = Path(os.environ.get("CABLEBASE_SHARED", ROOT.parent / "shared"))
    data = base / "data"
    if not (data / "cablegate-id-month.csv.gz").is_file():
        raise SystemExit(f"shared data not found at {data} (set CABLEBASE_SHARED)")
    return data


@dataclass(frozen=True, slots=True)
class RealId:
    """One reference id of the real collection: two-digit year, origin code, serial, month."""

    yy: str
    code: str
    serial: int
    month: int

    @property
    def year(self) -> int:
        y = int(self.yy)
        return 1900 + y if y >= 66 else 2000 + y

    @property
    def reference_id(self) -> str:
        return f"{self.yy}{self.code}{self.serial}"


def _lines(name: str) -> list[str]:
    text = (shared_data_dir() / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


@cache
def real_ids() -> tuple[RealId, ...]:
    """Every well-formed id of the real collection, in file order (a few malformed ones skipped)."""
    out: list[RealId] = []
    with gzip.open(shared_data_dir() / "cablegate-id-month.csv.gz", "rt", encoding="utf-8") as fh:
        for raw in fh:
            ident, _, month = raw.strip().partition(",")
            m = ID_RE.match(ident)
            if not m or not month.isdigit() or not 1 <= int(month) <= 12:
                continue
            out.append(RealId(m.group(1), m.group(2), int(m.group(3)), int(month)))
    return tuple(out)


@cache
def referenced_ids() -> tuple[str, ...]:
    """Ids cited in the real REF lines, many outside the collection (dangling references)."""
    codes = set(_lines("cablegate-origin-codes.txt"))
    out = []
    for ident in _lines("cablegate-referenced-ids.txt"):
        m = ID_RE.match(ident)
        # the real list holds garbled ids ("07REFUSDAFAS682925", "06SECSTATE145215"): skip
        if m and m.group(2) in codes and not m.group(3).startswith("0"):
            out.append(ident.replace("SECSTATE", "STATE", 1))
    return tuple(out)


@cache
def routing_indicators() -> tuple[tuple[str, str], ...]:
    """(route, station name) pairs as seen in TO/INFO lines."""
    pairs = []
    for ln in _lines("routing-indicators.txt"):
        route, _, name = ln.partition(" ")
        if name.strip():
            pairs.append((route, " ".join(name.split())))
    return tuple(pairs)


@cache
def tag_codes() -> dict[str, tuple[str, ...]]:
    """TAGS codes by kind; countries are the two-letter codes."""
    kinds = {
        k: tuple(c for c in _lines(f"tags-{k}.txt") if c.isalpha() and c.isupper())
        for k in ("subject", "program", "organization")
    }
    kinds["country"] = tuple(sorted({c[:2] for c in ORIGIN_COUNTRIES}))
    return kinds


# Two-letter country tags used in TAGS lines (a representative subset of the real ones).
ORIGIN_COUNTRIES = [
    "IS",
    "IZ",
    "IR",
    "AF",
    "PK",
    "RS",
    "FR",
    "GM",
    "UK",
    "CH",
    "JA",
    "KS",
    "KN",
    "TU",
    "EG",
    "JO",
    "SY",
    "LE",
    "SA",
    "KU",
    "IN",
    "ID",
    "BR",
    "MX",
    "VE",
    "CO",
    "AR",
    "CU",
    "NI",
    "SF",
    "KE",
    "ET",
    "SO",
    "SU",
    "YM",
    "LY",
    "AG",
    "MO",
    "TS",
    "SP",
    "IT",
    "GR",
    "PL",
    "UP",
    "GG",
    "AM",
    "AJ",
    "KZ",
    "UZ",
    "TI",
    "KG",
    "VM",
    "TH",
    "RP",
    "BM",
    "CE",
    "BG",
    "NP",
]


def _squash(name: str) -> str:
    return re.sub(r"[^A-Z]", "", name.upper())


@cache
def origin_names() -> dict[str, str]:
    """Origin code -> the viewer's origin name ("MOSCOW" -> "Embassy Moscow").

    Uses the parser's own lookup when it exists, so truth and parser agree on names by
    construction; otherwise matches ``cablegate-origins.txt`` by squashed name, else
    derives ``Embassy X``.
    """
    try:
        from cablebase.parse.lookups import origin_name as parser_lookup  # type: ignore
    except Exception:  # the parser may not exist yet
        parser_lookup = None
    names = _lines("cablegate-origins.txt")
    by_squash: dict[str, str] = {}
    for name in names:
        short = re.sub(
            r"^(\*\* |American Consulate |American Institute Taiwan, |Consulate |Embassy |"
            r"Mission |US Mission |US Interests Section |USUN |US Office |REO |"
            r"Secretary of )",
            "",
            name,
        )
        by_squash.setdefault(_squash(short), name)
        by_squash.setdefault(_squash(name), name)
    by_squash["STATE"] = "Secretary of State"
    out: dict[str, str] = {}
    for code in _lines("cablegate-origin-codes.txt"):
        name = parser_lookup(code) if parser_lookup else None
        if not name:
            name = by_squash.get(code) or f"Embassy {code.title()}"
        out[code] = name
    return out


def origin_name(code: str) -> str:
    return origin_names().get(code) or f"Embassy {code.title()}"


@cache
def spaced_post(code: str) -> str:
    """How a post is written in REF lines ("BUENOS AIRES" for BUENOSAIRES), else the code."""
    name = origin_name(code)
    words = name.split(" ", 1)[1] if name.startswith(("Embassy ", "Consulate ")) else ""
    if words and _squash(words) == code:
        return words.upper()
    return code
