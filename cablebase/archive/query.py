"""The search query language: tokenizer and parser to a small AST.

Grammar (``docs/search.md`` has the user's version)::

    query   := or_expr?
    or_expr := and_expr ("OR" and_expr)*
    and_expr:= unary+                      (juxtaposition means AND; "AND" is allowed)
    unary   := ("NOT" | "-") unary | primary
    primary := "(" or_expr ")" | FIELD ":" value | "phrase" | word | word* | =word

Nothing here touches the database or the index: the AST is translated into the
search engine's queries in ``cablebase.archive.search.translate``, and the reader's
facet links (``cablebase.reader.facets``) read and edit queries through it too.
Malformed input raises ``QueryError`` with a message a user can act on and the
character position, never anything else.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date

MAX_LENGTH = 1000
MAX_TERMS = 64
MAX_DEPTH = 20

FIELDS = (
    "origin",
    "tag",
    "class",
    "from",
    "to",
    "year",
    "id",
    "ref",
    "signer",
    "subject",
    "precedence",
    "caveat",
)
ALIASES = {
    "classification": "class",
    "tags": "tag",
    "cites": "ref",
    "after": "from",
    "before": "to",
}
PRECEDENCES = ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")
WORD_CHARS = re.compile(r"\w", re.UNICODE)


class QueryError(ValueError):
    """A query that cannot be understood; ``position`` is the 0-based character offset."""

    def __init__(self, message: str, position: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return f"{self.message} (at character {self.position + 1})"


# -- AST ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Term:
    """A word; ``exact`` (``=word`` or ``"word"``) asks for that form only, not its stem."""

    text: str
    prefix: bool = False
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Field:
    """``name:value``; ``span`` is where it stands in the query text (for editing links)."""

    name: str
    value: str
    prefix: bool = False
    span: tuple[int, int] = dc_field(default=(0, 0), compare=False)


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]


Node = Term | Phrase | Field | Not | And | Or


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query; ``root`` is None for an empty query (every cable)."""

    text: str
    root: Node | None

    def text_leaves(self, positive_only: bool = True) -> list[Term | Phrase]:
        """Full-text terms and phrases; with ``positive_only`` those not under a NOT (ranking)."""
        out: list[Term | Phrase] = []

        def visit(node: Node | None, negated: bool) -> None:
            if node is None:
                return
            if isinstance(node, Term | Phrase):
                if not (negated and positive_only):
                    out.append(node)
            elif isinstance(node, Not):
                visit(node.child, not negated)
            elif isinstance(node, And | Or):
                for child in node.children:
                    visit(child, negated)

        visit(self.root, False)
        return out


# -- tokens ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # WORD PHRASE FIELD LPAREN RPAREN OR AND NOT
    value: str
    pos: int
    prefix: bool = False
    field: str = ""
    end: int = 0
    exact: bool = False


def _read_phrase(text: str, start: int) -> tuple[str, int]:
    """The text between the quote at ``start`` and its closing quote; returns (text, end)."""
    end = text.find('"', start + 1)
    if end == -1:
        raise QueryError('unbalanced quote: a phrase opened with " is never closed', start)
    return text[start + 1 : end], end + 1


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "()":
            tokens.append(Token("LPAREN" if ch == "(" else "RPAREN", ch, i))
            i += 1
            continue
        if ch == "-" and i + 1 < n and not text[i + 1].isspace() and text[i + 1] != "-":
            tokens.append(Token("NOT", "-", i))
            i += 1
            continue
        if ch == '"':
            phrase, end = _read_phrase(text, i)
            tokens.append(Token("PHRASE", phrase, i))
            i = end
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] not in '()"':
            i += 1
        word = text[start:i]
        name, colon, rest = word.partition(":")
        key = ALIASES.get(name.lower(), name.lower())
        if colon and key in FIELDS:
            if not rest and i < n and text[i] == '"':
                rest, i = _read_phrase(text, i)
            if not rest.strip():
                raise QueryError(f"{name}: needs a value, e.g. {name}:{_example(key)}", start)
            tokens.append(Token("FIELD", rest.strip(), start, field=key, end=i))
            continue
        if colon and name and WORD_CHARS.match(name) and name.isalpha() and rest:
            known = ", ".join(f"{f}:" for f in FIELDS)
            raise QueryError(f"unknown filter {name}: (known filters: {known})", start)
        if word in ("OR", "|", "||"):
            tokens.append(Token("OR", word, start))
        elif word in ("AND", "&&"):
            tokens.append(Token("AND", word, start))
        elif word == "NOT":
            tokens.append(Token("NOT", word, start))
        else:
            exact = word.startswith("=") and len(word) > 1
            prefix = word.endswith("*")
            stem = word.lstrip("=").rstrip("*") if exact else word.rstrip("*")
            if exact and prefix:
                raise QueryError("=word asks for one exact form: it takes no *", start)
            if prefix and not WORD_CHARS.search(stem):
                raise QueryError("a * must follow the start of a word, as in negotiat*", start)
            if WORD_CHARS.search(stem):
                tokens.append(Token("WORD", stem, start, prefix=prefix, exact=exact))
            # punctuation-only words carry nothing searchable: dropped
    return tokens


def _example(field: str) -> str:
    return {
        "origin": "Moscow",
        "tag": "PREL",
        "class": "confidential",
        "from": "2006-02-01",
        "to": "2006-02-28",
        "year": "2006",
        "id": "06MOSCOW1323",
        "ref": "06STATE27174",
        "signer": "RICE",
        "subject": "Hamas",
        "precedence": "immediate",
        "caveat": "SIPDIS",
    }.get(field, "value")


# -- parser ------------------------------------------------------------------------------
class _Parser:
    def __init__(self, tokens: list[Token], text: str) -> None:
        self.tokens = tokens
        self.text = text
        self.i = 0
        self.terms = 0

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.or_expr(0)
        token = self.peek()
        if token is not None:
            raise QueryError("unbalanced parenthesis: ) without a matching (", token.pos)
        return node

    def or_expr(self, depth: int) -> Node:
        children = [self.and_expr(depth)]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.i += 1
            if self.peek() is None or self.peek().kind in ("OR", "RPAREN"):
                raise QueryError("OR needs a term on both sides", token.pos)
            children.append(self.and_expr(depth))
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self, depth: int) -> Node:
        children: list[Node] = []
        while (token := self.peek()) is not None and token.kind not in ("OR", "RPAREN"):
            if token.kind == "AND":
                self.i += 1
                if not children or self.peek() is None or self.peek().kind in ("OR", "RPAREN"):
                    raise QueryError("AND needs a term on both sides", token.pos)
                continue
            children.append(self.unary(depth))
        if not children:
            token = self.peek()
            pos = token.pos if token else len(self.text)
            raise QueryError("expected a word, phrase or filter here", pos)
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self, depth: int) -> Node:
        token = self.peek()
        assert token is not None
        if depth > MAX_DEPTH:
            raise QueryError("query nested too deeply", token.pos)
        if token.kind == "NOT":
            self.i += 1
            nxt = self.peek()
            if nxt is None or nxt.kind in ("OR", "AND", "RPAREN"):
                raise QueryError(f"{token.value} needs a term after it", token.pos)
            return Not(self.unary(depth + 1))
        if token.kind == "LPAREN":
            self.i += 1
            if self.peek() is None:
                raise QueryError("unbalanced parenthesis: ( is never closed", token.pos)
            if self.peek().kind == "RPAREN":
                raise QueryError("empty parentheses", token.pos)
            node = self.or_expr(depth + 1)
            closing = self.peek()
            if closing is None or closing.kind != "RPAREN":
                raise QueryError("unbalanced parenthesis: ( is never closed", token.pos)
            self.i += 1
            return node
        self.i += 1
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise QueryError(f"too many terms (at most {MAX_TERMS})", token.pos)
        if token.kind == "WORD":
            return Term(token.value, token.prefix, token.exact)
        if token.kind == "PHRASE":
            words = tuple(w for w in re.findall(r"\w+", token.value, re.UNICODE))
            if not words:
                raise QueryError("empty phrase", token.pos)
            return Phrase(words) if len(words) > 1 else Term(words[0], exact=True)
        if token.kind == "FIELD":
            return _field(token)
        raise QueryError(f"unexpected {token.value!r}", token.pos)


def _field(token: Token) -> Field:
    name, value, pos = token.field, token.value, token.pos
    prefix = value.endswith("*") and name in ("id", "ref", "tag", "origin", "class")
    if prefix:
        value = value.rstrip("*")
        if not value:
            raise QueryError(f"{name}: needs something before the *", pos)
    if name in ("from", "to"):
        parse_date_bound(value, pos, end=name == "to")
    elif name == "year":
        year_range(value, pos)
    elif name == "precedence" and value.upper() not in PRECEDENCES:
        raise QueryError(f"precedence: must be one of {', '.join(PRECEDENCES).lower()}", pos)
    if name in ("id", "ref", "tag", "precedence", "caveat", "signer", "class"):
        value = value.upper()
    return Field(name, value, prefix, (pos, token.end))


def parse_date_bound(value: str, pos: int = 0, *, end: bool = False) -> date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``end`` gives the last day of a year or month."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    if not match:
        raise QueryError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD", pos)
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        if day:
            return date(int(year), int(month), int(day))
        if month:
            first = date(int(year), int(month), 1)
            if not end:
                return first
            return first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return date(int(year), 12, 31) if end else date(int(year), 1, 1)
    except ValueError:
        raise QueryError(f"{value!r} is not a valid date", pos) from None


def year_range(value: str, pos: int = 0) -> tuple[int, int]:
    """``2006`` or a range ``2006-2008`` / ``2006..2008``."""
    match = re.fullmatch(r"(\d{4})(?:(?:-|\.\.)(\d{4}))?", value)
    if not match:
        raise QueryError(f"year: expects YYYY or YYYY..YYYY, not {value!r}", pos)
    low = int(match.group(1))
    high = int(match.group(2) or low)
    if high < low:
        raise QueryError(f"year: range {value!r} ends before it starts", pos)
    return low, high


def parse_query(text: str) -> Query:
    """Parse ``text``; raises ``QueryError`` for anything malformed, and only that."""
    if not isinstance(text, str):
        raise QueryError("the query must be text", 0)
    if len(text) > MAX_LENGTH:
        raise QueryError(
            f"query too long ({len(text)} characters, at most {MAX_LENGTH})", MAX_LENGTH
        )
    if "\x00" in text:
        raise QueryError("the query contains a NUL character", text.index("\x00"))
    tokens = tokenize(text)
    return Query(text, _Parser(tokens, text).parse())
