"""SQLite FTS5 backend: the ``cable_fts`` table (external content over ``cable``).

Every term is sent to FTS5 as a quoted string, so nothing a user types can
reach FTS5's own syntax (``NEAR(``, column filters, ``^``); prefix queries add
the ``*`` outside the quotes.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL

from cablebase.archive.query import Phrase, Term
from cablebase.archive.search.base import MARK_CLOSE, MARK_OPEN, mark_html

# bm25 column weights: reference_id, subject, tags, body
WEIGHTS = "10.0, 8.0, 8.0, 1.0"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def fts_expression(leaf: Term | Phrase) -> str:
    if isinstance(leaf, Phrase):
        return _quote(" ".join(leaf.words))
    return _quote(leaf.text) + (" *" if leaf.prefix else "")


def match_any(leaves: list[Term | Phrase]) -> str:
    return " OR ".join(fts_expression(leaf) for leaf in leaves)


class SQLiteBackend:
    def text_condition(self, leaf: Term | Phrase) -> Q:
        sql = "SELECT rowid FROM cable_fts WHERE cable_fts MATCH %s"
        return Q(id__in=RawSQL(sql, (fts_expression(leaf),)))

    def score(self, leaves: list[Term | Phrase]) -> RawSQL:
        sql = (
            f"(SELECT -bm25(cable_fts, {WEIGHTS}) FROM cable_fts "
            'WHERE cable_fts MATCH %s AND cable_fts.rowid = "cable"."id")'
        )
        return RawSQL(sql, (match_any(leaves),), output_field=FloatField())

    def ranked_page(
        self, qs: QuerySet, leaves: list[Term | Phrase], offset: int, limit: int
    ) -> list[tuple[int, float]]:
        """One page of (id, score) by bm25: FTS5 scores every match in a single pass.

        A LEFT JOIN keeps cables that match the query only through a filter
        (``hamas OR origin:Moscow``), with score 0.
        """
        inner, params = qs.order_by().values("id").query.sql_with_params()
        # MATERIALIZED: FTS5 scores all matches once, in C; without it SQLite may
        # re-run the MATCH for every candidate row.
        sql = (
            f"WITH r AS MATERIALIZED (SELECT rowid AS id, -bm25(cable_fts, {WEIGHTS}) AS score "
            "FROM cable_fts WHERE cable_fts MATCH %s) "
            'SELECT c."id", COALESCE(r.score, 0.0) AS score FROM "cable" c '
            'LEFT JOIN r ON r.id = c."id" '
            f'WHERE c."id" IN ({inner}) '
            'ORDER BY score DESC, c."created" DESC, c."reference_id" LIMIT %s OFFSET %s'
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match_any(leaves), *params, limit, offset])
            return cursor.fetchall()

    def snippets(self, ids: list[int], leaves: list[Term | Phrase]) -> dict[int, str]:
        if not ids or not leaves:
            return {}
        marks = ", ".join("%s" for _ in ids)
        sql = (
            f"SELECT rowid, snippet(cable_fts, 3, %s, %s, ' … ', 32) FROM cable_fts "
            f"WHERE cable_fts MATCH %s AND rowid IN ({marks})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [MARK_OPEN, MARK_CLOSE, match_any(leaves), *ids])
            return {rowid: mark_html(text or "") for rowid, text in cursor.fetchall()}
