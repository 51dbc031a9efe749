"""How a header field is recognised: each field rule declares its own ``HeaderField``.

Rule ``segments`` builds its keyword scan from these declarations, so a new
field is one declaration in its own rule module, listed in ``HEADER_FIELDS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def _always(line: str, so_far: list[str]) -> bool:
    return True


def _never(line: str) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class HeaderField:
    """One text-header field: its keyword and how far its text runs.

    ``keyword`` is a regular expression for the keyword (with any guard against a
    letter before it); ``probes`` are substrings one of which a line must hold
    for the keyword scan to run on it; the field continues for at most
    ``max_lines`` lines while ``continues(line, lines_so_far)`` holds; a line
    after a blank line for which ``resumes(line)`` holds joins it again;
    ``repeats`` lets a second keyword add to the field instead of ending it.
    ``starts`` are upper-case strings one of which begins every match of ``keyword``
    (a ``^`` form may begin at the line's start instead): the scan tries the keyword
    only there; empty means "unknown", and lines are scanned whole.
    """

    name: str
    keyword: str
    probes: tuple[str, ...]
    max_lines: int
    continues: Callable[[str, list[str]], bool] = _always
    resumes: Callable[[str], bool] = _never
    repeats: bool = False
    starts: tuple[str, ...] = ()
