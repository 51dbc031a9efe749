"""Reader for a bare telegram (``telegram-text``): the text is the cable."""

from __future__ import annotations

from cablebase.parse.context import Context
from cablebase.parse.state import ParseState


def read(text: str, context: Context) -> ParseState:
    return ParseState(text=text, context=context)
