"""Reader for a bare telegram (``telegram-text``): the text is the cable.

A copy taken from a 2011 viewer page may still open with its teaser and
catalogue block (:mod:`.viewer`): the catalogue gives the metadata.
"""

from __future__ import annotations

from cablebase.parse.context import Context
from cablebase.parse.formats.viewer import apply_catalogue, split_viewer_text
from cablebase.parse.state import Meta, ParseState


def read(text: str, context: Context) -> ParseState:
    viewer = split_viewer_text(text)
    return ParseState(
        text=viewer.text,
        transmission=viewer.header,
        meta=apply_catalogue(Meta(), viewer),
        context=context,
        teaser=viewer.teaser,
    )
