"""PostgreSQL backend: the generated ``cable.search_vector`` column with its GIN index.

Terms go through ``plainto_tsquery``/``phraseto_tsquery`` (which accept any
text), prefixes through ``to_tsquery`` with the word reduced to letters and
digits, so user input never reaches tsquery syntax.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL

from cablebase.archive.query import Phrase, Term
from cablebase.archive.search.base import MARK_CLOSE, MARK_OPEN, mark_html

CONFIG = "simple"  # no stemming: the same words match as in SQLite FTS5


def tsquery(leaf: Term | Phrase) -> tuple[str, list[str]]:
    """SQL for one leaf's tsquery, and its parameters."""
    if isinstance(leaf, Phrase):
        return f"phraseto_tsquery('{CONFIG}', %s)", [" ".join(leaf.words)]
    if leaf.prefix:
        parts = re.findall(r"[^\W_]+", leaf.text.lower(), re.UNICODE)
        if not parts:
            return f"plainto_tsquery('{CONFIG}', %s)", [leaf.text]
        return f"to_tsquery('{CONFIG}', %s)", [" <-> ".join([*parts[:-1], parts[-1] + ":*"])]
    return f"plainto_tsquery('{CONFIG}', %s)", [leaf.text]


def tsquery_any(leaves: list[Term | Phrase]) -> tuple[str, list[str]]:
    sqls, params = [], []
    for leaf in leaves:
        sql, leaf_params = tsquery(leaf)
        sqls.append(sql)
        params.extend(leaf_params)
    return "(" + " || ".join(sqls) + ")", params


class PostgresBackend:
    def text_condition(self, leaf: Term | Phrase) -> Q:
        sql, params = tsquery(leaf)
        return Q(id__in=RawSQL(f"SELECT id FROM cable WHERE search_vector @@ {sql}", tuple(params)))

    def score(self, leaves: list[Term | Phrase]) -> RawSQL:
        sql, params = tsquery_any(leaves)
        return RawSQL(
            f'ts_rank_cd("cable"."search_vector", {sql})', tuple(params), output_field=FloatField()
        )

    def ranked_page(
        self, qs: QuerySet, leaves: list[Term | Phrase], offset: int, limit: int
    ) -> list[tuple[int, float]]:
        """One page of (id, score) by ts_rank_cd, computed on the stored tsvector."""
        rows = (
            qs.annotate(score=self.score(leaves))
            .order_by("-score", "-created", "reference_id")
            .values_list("id", "score")[offset : offset + limit]
        )
        return [(pk, float(score or 0.0)) for pk, score in rows]

    def snippets(self, ids: list[int], leaves: list[Term | Phrase]) -> dict[int, str]:
        if not ids or not leaves:
            return {}
        sql, params = tsquery_any(leaves)
        options = f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=35, MinWords=15"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, ts_headline('{CONFIG}', body, {sql}, %s) FROM cable "
                "WHERE id = ANY(%s)",
                [*params, options, ids],
            )
            return {row_id: mark_html(text or "") for row_id, text in cursor.fetchall()}
