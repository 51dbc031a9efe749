"""Code tables the parser needs: origin codes and names, routing indicators.

Loaded once from package data (``cablebase/parse/data``), copied from the
shared Cablegate facts: ``origins.txt`` pairs each origin code with the name
the cable viewer shows (pairs seen in the corpus pages first, then the code
list matched to the name list), ``origin-codes.txt`` is every code used in a
reference id, ``routing-indicators.txt.gz`` maps a routing indicator to its
station.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

_DATA = resources.files("cablebase.parse") / "data"


def _lines(name: str) -> list[str]:
    raw = (_DATA / name).read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return [ln for ln in raw.decode("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def origin_names() -> dict[str, str]:
    """Origin code -> human name (``MOSCOW`` -> ``Embassy Moscow``)."""
    table: dict[str, str] = {}
    for line in _lines("origins.txt"):
        code, _, name = line.partition("\t")
        table.setdefault(code.strip().upper(), name.strip())
    return table


@lru_cache(maxsize=1)
def known_codes() -> frozenset[str]:
    """Every origin code that may appear inside a reference id."""
    codes = {ln.strip().upper() for ln in _lines("origin-codes.txt")}
    codes.update(origin_names())
    return frozenset(codes)


@lru_cache(maxsize=1)
def routing_indicators() -> dict[str, str]:
    """Routing indicator -> station (``RUEHC`` -> ``DEPT OF STATE WASHINGTON DC``)."""
    table: dict[str, str] = {}
    for line in _lines("routing-indicators.txt.gz"):
        parts = line.split(None, 1)
        if len(parts) == 2:
            table.setdefault(parts[0], parts[1].strip())
    return table


def origin_name(code: str) -> str | None:
    """Human name of an origin code, ``None`` when the code is unknown."""
    return origin_names().get(code.replace(" ", "").upper())


def is_origin_code(code: str) -> bool:
    return code in known_codes()


def station(route: str) -> str | None:
    """The station a routing indicator names, ``None`` when unknown."""
    return routing_indicators().get(route.upper())
