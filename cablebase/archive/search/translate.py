"""The query language's syntax tree as tantivy queries.

Nothing a user types reaches a query parser: words go through the index's own
analyzers and become term, phrase or regex queries built here, so engine
syntax (``NEAR(``, ``field:``, ``^``, SQL) is only ever searched as words.
Juxtaposition means AND (tantivy's parser would OR). Filters score nothing:
ranking comes from the words alone.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

import tantivy
from tantivy import Occur
from tantivy import Query as Q

from cablebase.archive.query import (
    And,
    Field,
    Node,
    Not,
    Or,
    Phrase,
    Term,
    parse_date_bound,
    year_range,
)
from cablebase.archive.search.forms import Vocabulary
from cablebase.archive.search.schema import FORM_FIELDS, WORD_FIELDS, class_key, words

CLASS_ALIASES = {"FOUO": "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "LOU": "LIMITED OFFICIAL USE"}


def regex_literal(text: str) -> str:
    """``text`` matched literally by tantivy's regex engine (every non-alphanumeric escaped)."""
    return "".join(ch if ch.isalnum() else f"\\x{{{ord(ch):x}}}" for ch in text)


class Translator:
    def __init__(self, schema: tantivy.Schema, vocabulary: Vocabulary) -> None:
        self.schema = schema
        self.vocabulary = vocabulary

    # -- structure ---------------------------------------------------------------------
    def query(self, root: Node | None) -> Q:
        if root is None:
            return Q.all_query()
        built = self.node(root)
        return Q.all_query() if built is None else built

    def node(self, node: Node) -> Q | None:
        """None: the node constrains nothing (a word of punctuation only)."""
        if isinstance(node, Term | Phrase):
            return self.text(node)
        if isinstance(node, Field):
            built = self.field(node)
            return Q.const_score_query(built, 0.0)
        if isinstance(node, Not):
            child = self.node(node.child)
            if child is None:
                return None
            return Q.boolean_query([(Occur.Must, Q.all_query()), (Occur.MustNot, child)])
        if isinstance(node, And):
            must, must_not = [], []
            for child in node.children:
                if isinstance(child, Not):
                    inner = self.node(child.child)
                    if inner is not None:
                        must_not.append(inner)
                else:
                    built = self.node(child)
                    if built is not None:
                        must.append(built)
            if not must and not must_not:
                return None
            if not must:
                must = [Q.all_query()]
            return Q.boolean_query(
                [(Occur.Must, q) for q in must] + [(Occur.MustNot, q) for q in must_not]
            )
        if isinstance(node, Or):
            parts = [self.node(child) for child in node.children]
            if any(p is None for p in parts):
                return None  # "x OR <nothing>": nothing narrows it
            return Q.boolean_query([(Occur.Should, p) for p in parts])
        raise AssertionError(f"unknown node {node!r}")

    # -- words ---------------------------------------------------------------------------
    def _any(self, parts: list[Q]) -> Q:
        return parts[0] if len(parts) == 1 else Q.boolean_query([(Occur.Should, p) for p in parts])

    def _prefix(self, field: str, start: str) -> Q:
        """Every term of ``field`` that starts with ``start``: the terms themselves when
        there are few (compiling the regex costs more than the search), else a regex."""
        terms = self.vocabulary.prefixed(field, start)
        if terms is None:
            return Q.regex_query(self.schema, field, regex_literal(start) + ".*")
        return Q.term_set_query(self.schema, field, terms) if terms else Q.empty_query()

    def _sequence(self, field: str, tokens: list[str], prefix: bool = False) -> Q:
        if len(tokens) == 1:
            if prefix:
                return self._prefix(field, tokens[0])
            return Q.term_query(self.schema, field, tokens[0])
        if prefix:
            return Q.phrase_prefix_query(self.schema, field, tokens)
        return Q.phrase_query(self.schema, field, tokens)

    def text(self, leaf: Term | Phrase) -> Q | None:
        raw = " ".join(leaf.words) if isinstance(leaf, Phrase) else leaf.text
        tokens = words(raw)
        if not tokens:
            return None
        prefix = isinstance(leaf, Term) and leaf.prefix
        exact = isinstance(leaf, Phrase) or len(tokens) > 1 or leaf.exact or prefix
        parts = [
            Q.boost_query(self._sequence(name, tokens, prefix), weight)
            for name, weight in WORD_FIELDS.items()
            if exact or name not in FORM_FIELDS
        ]
        if not exact:  # one word: every indexed word with its English stem
            for name, weight in FORM_FIELDS.items():
                parts += [
                    Q.boost_query(Q.term_query(self.schema, name, form), weight)
                    for form in self.vocabulary.forms(name, tokens[0])
                ]
        return self._any(parts)

    # -- filters -------------------------------------------------------------------------
    def _raw(self, field: str, value: str, prefix: bool = False) -> Q:
        if prefix:
            return self._prefix(field, value)
        return Q.term_query(self.schema, field, value)

    def _range(self, field: str, low: int | None, high: int | None) -> Q:
        return Q.range_query(self.schema, field, tantivy.FieldType.Integer, low, high)

    def field(self, node: Field) -> Q:
        name, value, prefix = node.name, node.value, node.prefix
        if name == "origin":
            low = value.lower()
            parts = [self._raw("origin_code", low, prefix), self._raw("origin_key", low, prefix)]
            tokens = words(value)
            if prefix and tokens:
                parts.append(self._sequence("origin_text", tokens, prefix=True))
            elif len(tokens) == 1:  # one word: any origin whose name has it
                parts.append(Q.term_query(self.schema, "origin_text", tokens[0]))
            return self._any(parts)
        if name == "tag":
            return self._raw("tags", value, prefix)
        if name == "class":
            level = class_key(value)
            level = CLASS_ALIASES.get(level, level)
            if level == "NOFORN" and not prefix:
                return Q.regex_query(
                    self.schema, "classification", ".*" + regex_literal("//NOFORN")
                )
            return self._raw("classification", level, prefix)
        if name in ("from", "to"):
            day = parse_date_bound(value, end=name == "to")
            if name == "from":
                return self._range("created", _seconds(day), None)
            return self._range("created", None, _seconds(day) + 86_399)  # the whole last day
        if name == "year":
            low, high = year_range(value)
            return self._range("year", low, high)
        if name == "id":
            return self._raw("ref_id", value, prefix)
        if name == "ref":
            return self._raw("cites", value, prefix)
        if name == "signer":
            return self._raw("signers", value)
        if name == "caveat":
            return self._raw("caveats", value)
        if name == "subject":
            tokens = words(value)
            if not tokens:
                return Q.all_query()
            return self._sequence("subject_word", tokens)
        if name == "precedence":
            return self._raw("precedence", value)
        raise AssertionError(f"unhandled field {name}")  # the parser admits only FIELDS


def _seconds(day) -> int:
    return int(datetime.combine(day, time.min, tzinfo=UTC).timestamp())
