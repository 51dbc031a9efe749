"""The querysets every output reads: held cables left out, redacted text replaced.

``Cable.objects``, ``Paragraph.objects``, ``CableReference.objects``,
``CableVersion.objects`` and ``CableTag.objects`` are these managers, so a page,
feed, API endpoint, export, the search index's feed and the mirror all get
public data without asking for it. Rows are redacted as they leave the
database: model instances (and the cables ``select_related`` joined to them),
``values()`` dicts and ``values_list()`` tuples alike. ``Model.stored`` is the
store as ingested, for the ingest, the admin and redaction itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from django.db import models
from django.db.models.query import FlatValuesListIterable, ValuesIterable, ValuesListIterable

from cablebase.archive import redaction
from cablebase.archive.models import CableQuerySet

# Columns whose text is the cable's content; structural columns (ids, codes, hashes) are kept.
TEXT_FIELDS = frozenset(
    {
        "subject",
        "body",
        "summary",
        "header",
        "sender",
        "classified_by_name",
        "classified_by_title",
        "classified_by_text",
        "signers",
        "recipients",
        "info_recipients",
        "reasons",
        "warnings",
        "caveats",
        "source_path",
        "text",
        "label",
        "record",
        "transmission_id",
        "dtg",
    }
)
CABLE_KEYS = ("cable_id", "citing_id", "cable", "citing", "id")


def _cable_key(model: type[models.Model]) -> str:
    return (
        "id"
        if model._meta.db_table == "cable"
        else _PATHS.get(model._meta.db_table, "cable") + "_id"
    )


_PATHS: dict[str, str] = {}


def redact_instance(obj: models.Model, rules: redaction.Rules) -> None:
    """Redact the loaded text of ``obj`` and of cables joined to it; drop joined held cables."""
    if not rules.any and not getattr(obj._state, "fields_cache", None):
        obj._public = True  # type: ignore[attr-defined]
        return
    cable_id = getattr(obj, _cable_key(type(obj)), None)
    loaded = obj.__dict__
    changed = False
    for name in TEXT_FIELDS:
        if loaded.get(name):
            before = loaded[name]
            loaded[name] = rules.apply(before, cable_id)
            changed = changed or loaded[name] != before
    if changed and "content_hash" in loaded:
        loaded["content_hash"] = _opaque_hash(loaded)
    obj._public = True  # type: ignore[attr-defined]
    cache = getattr(obj._state, "fields_cache", {})
    for name, related in list(cache.items()):
        if related is None or not isinstance(related, models.Model):
            continue
        if related._meta.db_table == "cable" and getattr(related, "held", False):
            cache[name] = None  # a held cable is "not released": no link, no subject
            setattr(obj, f"{name}_withheld", True)
            continue
        redact_instance(related, rules)


def _opaque_hash(values: dict[str, Any]) -> str:
    """A stand-in for the hash of a redacted text: the original's would let a guess be checked."""
    text = json.dumps([values.get(k) for k in sorted(TEXT_FIELDS)], default=str)
    return hashlib.sha256(f"redacted\0{text}".encode()).hexdigest()


def _redact_row(row: Any, fields: tuple[str, ...], rules: redaction.Rules) -> Any:
    named = row if isinstance(row, dict) else dict(zip(fields, row))
    key = next((named[k] for k in CABLE_KEYS if k in named), None)
    out = {
        k: rules.apply(v, key) if k.rsplit("__", 1)[-1] in TEXT_FIELDS and v else v
        for k, v in named.items()
    }
    if "content_hash" in out and any(out[k] != named[k] for k in out):
        out["content_hash"] = _opaque_hash(out)
    if isinstance(row, dict):
        return out
    values = [out[f] for f in fields]
    return type(row)(*values) if hasattr(row, "_fields") else tuple(values)  # named rows stay named


class PublicQuerySet(models.QuerySet):
    """Rows of public cables only, their text redacted on the way out."""

    def _row_fields(self) -> tuple[str, ...]:
        """The names of a ``values_list`` row's columns, in Django's order."""
        q = self.query
        if self._fields:
            extra = (f for f in q.annotation_select if f not in self._fields)
            return (*self._fields, *extra)
        return (*q.extra_select, *q.values_select, *q.annotation_select)

    def _redacted(self, rows: Iterator[Any]) -> Iterator[Any]:
        rules = redaction.current_rules()
        kind = self._iterable_class
        if not rules.any and issubclass(
            kind, FlatValuesListIterable | ValuesIterable | ValuesListIterable
        ):
            yield from rows  # no rule in force: plain rows leave as they are (bulk readers)
        elif issubclass(kind, FlatValuesListIterable):
            name = self._row_fields()[0].rsplit("__", 1)[-1]
            for value in rows:
                yield rules.apply(value, None) if name in TEXT_FIELDS and value else value
        elif issubclass(kind, ValuesIterable | ValuesListIterable):
            fields = self._row_fields()
            for row in rows:
                yield _redact_row(row, fields, rules)
        else:
            for obj in rows:
                if isinstance(obj, models.Model):
                    redact_instance(obj, rules)
                yield obj

    def _fetch_all(self) -> None:
        if self._result_cache is None:
            self._result_cache = list(self._redacted(iter(self._iterable_class(self))))
            if self._prefetch_related_lookups and not self._prefetch_done:
                self._prefetch_related_objects()

    def _iterator(self, use_chunked_fetch: bool, chunk_size: int | None) -> Iterator[Any]:
        yield from self._redacted(super()._iterator(use_chunked_fetch, chunk_size))


class PublicCableQuerySet(PublicQuerySet, CableQuerySet):
    pass


class PublicCableManager(models.Manager.from_queryset(PublicCableQuerySet)):  # type: ignore[misc]
    """Released cables only; ``stored`` has them all."""

    def get_queryset(self) -> PublicCableQuerySet:
        return super().get_queryset().filter(held=False)


def public_manager(cable_path: str) -> models.Manager:
    """The public manager of a model that belongs to a cable through ``cable_path``."""

    class Manager(models.Manager.from_queryset(PublicQuerySet)):  # type: ignore[misc]
        def contribute_to_class(self, cls: type[models.Model], name: str) -> None:
            super().contribute_to_class(cls, name)
            _PATHS[cls._meta.db_table] = cable_path

        def get_queryset(self) -> PublicQuerySet:
            return super().get_queryset().filter(**{f"{cable_path}__held": False})

    Manager.__name__ = f"Public{cable_path.title()}Manager"
    return Manager()
