"""Canonical reference ids: two-digit year, origin code without spaces, serial.

``STATE 027174`` cited in a 2006 cable is ``06STATE27174``; ``05 MOSCOW 1234``
is ``05MOSCOW1234``; ``BUENOS AIRES 2481`` in 1966 is ``66BUENOSAIRES2481``.
"""

from __future__ import annotations

import re
from functools import cache

from cablebase.parse.lookups import is_origin_code, origin_names

# Aliases used in citations for the code that reference ids use.
_ALIASES = {
    "SECSTATE": "STATE",
    "SECSTATEWASHDC": "STATE",
    "STATEWASHDC": "STATE",
    "USUN": "USUNNEWYORK",
    "USUNNY": "USUNNEWYORK",
    "BA": "BUENOSAIRES",
    "RIO": "RIODEJANEIRO",
    "KL": "KUALALUMPUR",
    "MEXICOCITY": "MEXICO",
    "HCMC": "HOCHIMINHCITY",
}
# Words of an origin name that are not part of the post's name.
_NAME_PREFIXES = ("Embassy ", "Consulate ", "Mission ", "US Mission ", "US Office ")

CANONICAL_RE = re.compile(r"^(\d\d)([A-Z]+?)(\d+)$")
# An optional year, one to four words, a serial: "05 MOSCOW 1234", "USUN NEW YORK 000123".
CITATION_RE = re.compile(
    r"^(?:(\d{2}|\d{4})\s+)?([A-Z][A-Z\-]*(?:\s+[A-Z][A-Z\-]*){0,3})\s+0*(\d{1,7})\b"
)
COMPACT_RE = re.compile(r"^(\d\d)([A-Z]{3,})0*(\d{1,7})\b")


def year2(year: int | str | None) -> str | None:
    """Two-digit year of a 2- or 4-digit year (``2006`` -> ``06``)."""
    if year is None:
        return None
    text = str(year).strip()
    if not text.isdigit() or len(text) not in (2, 4):
        return None
    return text[-2:]


@cache
def _post_words() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Posts by first letter: (the words of the post's name, its code)."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for code, name in origin_names().items():
        for prefix in _NAME_PREFIXES:
            if name.startswith(prefix):
                name = name[len(prefix) :]
                break
        words = tuple(name.upper().replace("-", " ").replace(",", " ").split())
        if words and "".join(words) == code:
            table.setdefault(code[0], []).append((words, code))
    return table


def _abbreviated(parts: list[str]) -> str | None:
    """The one post whose name words the given words begin: ``RIO DE JAN`` -> RIODEJANEIRO.

    Every word must begin its counterpart (a lone word needs five letters), and the
    match must be unique; otherwise the post stays unknown rather than guessed.
    """
    if not parts or (len(parts) == 1 and len(parts[0]) < 5):
        return None
    found = {
        code
        for words, code in _post_words().get(parts[0][0], ())
        if len(words) == len(parts) and all(w.startswith(p) for p, w in zip(parts, words))
    }
    return found.pop() if len(found) == 1 else None


def canonical_code(words: str, *, abbreviations: bool = False) -> str | None:
    """``BUENOS AIRES`` -> ``BUENOSAIRES`` when that is a known origin code.

    Leading words that are not part of the code (``SECTION``...) are dropped
    one at a time, so ``FOR MOSCOW`` still yields ``MOSCOW``. With
    ``abbreviations`` (citations), ``RIO DE JAN`` and the usual aliases resolve too.
    """
    parts = words.replace("-", " ").upper().split()
    for start in range(len(parts)):
        code = "".join(parts[start:])
        code = _ALIASES.get(code, code)
        if is_origin_code(code):
            return code
    if abbreviations:
        for start in range(len(parts)):
            code = _abbreviated(parts[start:])
            if code:
                return code
    return None


def make_id(yy: str, code: str, serial: str) -> str:
    return f"{yy}{code}{int(serial)}"


def cite_to_id(text: str, year: int | str | None) -> str | None:
    """Canonical id of a citation (``STATE 027174``) or ``None`` if it is no cable.

    ``year`` is the citing cable's year, used when the citation gives none.
    """
    text = text.strip().upper()
    m = COMPACT_RE.match(text)
    if m and is_origin_code(_ALIASES.get(m.group(2), m.group(2))):
        return make_id(m.group(1), _ALIASES.get(m.group(2), m.group(2)), m.group(3))
    m = CITATION_RE.match(text)
    if not m:
        return None
    code = canonical_code(m.group(2), abbreviations=True)
    if code is None:
        return None
    yy = year2(m.group(1)) if m.group(1) else year2(year)
    if yy is None:
        return None
    return make_id(yy, code, m.group(3))


def split_id(reference_id: str) -> tuple[str, str, str] | None:
    """``06STATE27174`` -> (``06``, ``STATE``, ``27174``); ``None`` if not canonical."""
    m = CANONICAL_RE.match(reference_id.strip().upper())
    if not m:
        return None
    return m.group(1), m.group(2), m.group(3)
