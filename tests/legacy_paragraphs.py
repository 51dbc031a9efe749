"""Paragraphs as the parser read them before they were named by the cable's own numbers.

Until issue 12 a sub-head or an unnumbered block after a numbered paragraph was a
paragraph of its own: the parser without its regrouping step (``own_numbering``)
reads a cable that way, which is what an archive stored then.
"""

from __future__ import annotations

import importlib

import pytest

from cablebase.parse import parse_document
from cablebase.parse.record import Paragraph

_RULE = importlib.import_module("cablebase.parse.rules.paragraphs")


def old_paragraphs(data: bytes, name: str, monkeypatch: pytest.MonkeyPatch) -> list[Paragraph]:
    with monkeypatch.context() as m:
        m.setattr(_RULE, "own_numbering", lambda paras: paras)
        return parse_document(data, path=name).paragraphs


def old_spans(data: bytes, name: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many old positions each of today's paragraphs covers."""
    old = old_paragraphs(data, name, monkeypatch)
    numbered = any(p.number for p in old)
    spans: list[int] = []
    for paragraph in old:
        if numbered and paragraph.number is None and spans:
            spans[-1] += 1
        else:
            spans.append(1)
    return spans
