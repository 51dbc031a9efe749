"""The header rules, in the order they run (markdown-it's ``Ruler`` for cables).

Each rule is a plain function over :class:`~cablebase.parse.state.ParseState`
that reads what earlier rules found and fills some record fields; each can
be tested alone. Order matters: ``cleanup`` first, ``segments`` before the
per-field rules, ``signers`` before ``paragraphs``, ``finish`` last.
"""

from __future__ import annotations

from collections.abc import Callable

from cablebase.parse.rules.classification import caveats, classification
from cablebase.parse.rules.classified_by import classified_by
from cablebase.parse.rules.cleanup import cleanup
from cablebase.parse.rules.eo_line import eo_line
from cablebase.parse.rules.finish import finish
from cablebase.parse.rules.paragraphs import paragraphs
from cablebase.parse.rules.recipients import recipients
from cablebase.parse.rules.reference_id import reference_id
from cablebase.parse.rules.references import references
from cablebase.parse.rules.routing import routing
from cablebase.parse.rules.segments import segments
from cablebase.parse.rules.signers import signers
from cablebase.parse.rules.subject import subject
from cablebase.parse.rules.summary import summary
from cablebase.parse.rules.tags import tags
from cablebase.parse.rules.trailer import trailer
from cablebase.parse.state import ParseState

Rule = Callable[[ParseState], None]

RULES: tuple[tuple[str, Rule], ...] = (
    ("cleanup", cleanup),
    ("routing", routing),
    ("recipients", recipients),
    ("segments", segments),
    ("trailer", trailer),
    ("classification", classification),
    ("caveats", caveats),
    ("reference_id", reference_id),
    ("eo_line", eo_line),
    ("tags", tags),
    ("subject", subject),
    ("classified_by", classified_by),
    ("references", references),
    ("signers", signers),
    ("paragraphs", paragraphs),
    ("summary", summary),
    ("finish", finish),
)


def run(state: ParseState) -> ParseState:
    """Run every rule over ``state``; returns it for chaining."""
    for _name, rule in RULES:
        rule(state)
    return state
