"""What each cable's mirror files are made of, read for the whole archive in a few queries.

A file is rendered again only when its *fingerprint* moved. A cable page's
fingerprint covers everything the page shows: the cable's own columns (its
``content_hash`` stands for header and body), its tags, its references and the
cables they name, the cables citing it, its similar cables, its approved comments
and trackbacks, the redaction rules for it and for every cable, and the code
(templates included) and options that render it. The cables a page names count
by their own stamp, which moves when they are held, edited or redacted, so a page
never keeps a subject its publisher has since held back.

Every value comes from plain ``values_list`` rows of the store (no model
instances, no redaction), so reading the stamps of 250,000 cables costs seconds,
not a rendering. Held cables are left out: their files leave the mirror.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from cablebase.archive.models import Cable, CableReference, CableTag, RedactionRule, Tag
from cablebase.discussion.models import Comment, Trackback
from cablebase.reader import page_cache

# Bump when the mirror writes its files differently (link rewriting, file names...).
FORMAT = 2
# Long text stands behind ``content_hash``; the rest of the row is hashed as it is.
LONG_COLUMNS = frozenset({"header", "body"})


def digest(*parts: Any) -> str:
    """A short, stable hash of Python values (their ``repr``), for fingerprints."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()


@dataclass
class Stamps:
    """Per public cable: its stamp and what its page and JSON record are made of."""

    base: str  # code, options and the rules for every cable: part of every fingerprint
    own: dict[int, str] = field(default_factory=dict)  # the cable's row and its own rules
    reference_id: dict[int, str] = field(default_factory=dict)
    created: dict[int, Any] = field(default_factory=dict)
    page: dict[int, str] = field(default_factory=dict)  # the page, but its similar cables
    record: dict[int, str] = field(default_factory=dict)  # the JSON record
    similar_key: dict[int, str] = field(default_factory=dict)  # what similar() reads
    comments: dict[int, int] = field(default_factory=dict)  # approved comments per cable

    def page_fingerprint(self, pk: int, similar: list[int]) -> str:
        """The page's fingerprint once its similar cables are known."""
        return digest(self.page[pk], [(p, self.own.get(p)) for p in similar])


def rules() -> tuple[list[tuple[Any, ...]], dict[int, list[tuple[Any, ...]]]]:
    """The redaction rules: those for every cable, and those for one cable by its pk."""
    everywhere: list[tuple[Any, ...]] = []
    by_cable: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in RedactionRule.stored.order_by("pk").values_list(
        "pk", "cable_id", "text", "is_regex", "reason"
    ):
        if row[1] is None:
            everywhere.append(row)
        else:
            by_cable[row[1]].append(row)
    return everywhere, by_cable


def _grouped(rows: Any) -> dict[int, list[tuple[Any, ...]]]:
    out: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        out[row[0]].append(row[1:])
    return out


def read_stamps(*, base_url: str, index_state: str) -> Stamps:
    """Every public cable's stamps. ``index_state`` names the search index's contents."""
    everywhere, by_cable = rules()
    stamps = Stamps(base=digest(FORMAT, page_cache.code_stamp(), base_url, everywhere))
    columns = [f.attname for f in Cable._meta.concrete_fields if f.name not in LONG_COLUMNS]
    pk_at, ref_at, created_at = (columns.index(n) for n in ("id", "reference_id", "created"))
    for row in Cable.stored.filter(held=False).order_by().values_list(*columns).iterator(5000):
        pk = row[pk_at]
        stamps.own[pk] = digest(row, by_cable.get(pk))
        stamps.reference_id[pk] = row[ref_at]
        stamps.created[pk] = row[created_at]
    own = stamps.own

    tag_rows = {
        pk: row for pk, *row in Tag.objects.values_list("id", "code", "kind", "description")
    }
    tags = _grouped(
        CableTag.stored.order_by("cable_id", "position", "pk").values_list(
            "cable_id", "position", "tag_id"
        )
    )
    references: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    shown: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    cited_by: dict[int, set[int]] = defaultdict(set)
    for citing, *ref, cited in CableReference.stored.order_by(
        "citing_id", "position", "pk"
    ).values_list("citing_id", "position", "label", "kind", "cited_id", "text", "cited_cable_id"):
        if citing not in own:
            continue
        references[citing].append(tuple(ref))
        # a cited cable shows by its own stamp; a held one as "not released"
        shown[citing].append((*ref, cited, own.get(cited, "held") if cited else None))
        if cited is not None:
            cited_by[cited].add(citing)
    comments = _grouped(
        Comment.approved.order_by("cable_id", "created", "pk").values_list(
            "cable_id", "pk", "paragraph", "name", "body", "created", "user_id"
        )
    )
    trackbacks = _grouped(
        Trackback.approved.order_by("cable_id", "created", "pk").values_list(
            "cable_id", "pk", "url", "title", "excerpt", "blog_name", "created"
        )
    )
    for pk, stamp in own.items():
        tag_list = [(position, tag_rows.get(tag)) for position, tag in tags.get(pk, ())]
        citing = sorted((c, own[c]) for c in cited_by.get(pk, ()) if c in own)
        stamps.page[pk] = digest(
            stamps.base,
            "page",
            stamp,
            tag_list,
            shown.get(pk),
            citing,
            comments.get(pk),
            trackbacks.get(pk),
        )
        stamps.record[pk] = digest(stamps.base, "record", stamp, tag_list, references.get(pk))
        stamps.similar_key[pk] = digest(index_state, everywhere, stamp, tag_list)
        stamps.comments[pk] = len(comments.get(pk, ()))
    return stamps
