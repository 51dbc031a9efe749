"""The one record shape that travels from parser to archive, API and exports.

Field names follow ``docs/record.md`` and are part of the public
interface.  Absent information is ``None`` (or an empty list), never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(slots=True)
class Recipient:
    name: str
    route: str | None = None
    precedence: str | None = None
    mcn: str | None = None
    excluded: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ClassifiedBy:
    name: str | None = None
    title: str | None = None
    text: str | None = None


@dataclass(slots=True)
class Reference:
    label: str | None
    kind: str  # "cable" | "other"
    reference_id: str | None
    text: str


@dataclass(slots=True)
class Paragraph:
    number: str | None
    marking: str | None
    text: str


@dataclass(slots=True)
class Source:
    format: str
    path: str | None = None
    sha256: str | None = None


@dataclass(slots=True)
class CableRecord:
    reference_id: str | None = None
    origin: str | None = None
    origin_code: str | None = None
    created: str | None = None  # ISO 8601 UTC, "2006-02-10T15:26:00Z"
    released: str | None = None
    classification: str | None = None
    caveats: list[str] = field(default_factory=list)
    precedence: str | None = None
    dtg: str | None = None
    transmission_id: str | None = None
    sender: str | None = None
    recipients: list[Recipient] = field(default_factory=list)
    info_recipients: list[Recipient] = field(default_factory=list)
    sections: int = 1
    eo: str | None = None
    declassify_on: str | None = None  # ISO date
    declassify_rule: str | None = None
    tags: list[str] = field(default_factory=list)
    subject: str | None = None
    classified_by: ClassifiedBy | None = None
    reasons: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    summary: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)
    header: str | None = None
    body: str | None = None
    source: Source | None = None
    # Extensions beyond the spec's example: what the publisher flagged and
    # what the parser could not find, so a reader knows a record is partial.
    partial: bool = False
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, equal to ``dataclasses.asdict`` (tested) at a fifth of its cost:
        ingest makes one per cable, and ``asdict``'s generic deep copy cost as much as
        parsing the cable."""
        return plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CableRecord:
        """Rebuild a record from its JSON form (exports, the archive's stored versions)."""
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["recipients"] = [Recipient(**r) for r in data.get("recipients") or []]
        kwargs["info_recipients"] = [Recipient(**r) for r in data.get("info_recipients") or []]
        kwargs["references"] = [Reference(**r) for r in data.get("references") or []]
        kwargs["paragraphs"] = [Paragraph(**p) for p in data.get("paragraphs") or []]
        if data.get("classified_by"):
            kwargs["classified_by"] = ClassifiedBy(**data["classified_by"])
        if data.get("source"):
            kwargs["source"] = Source(**data["source"])
        return cls(**kwargs)


RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(CableRecord))

_NAMES: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in fields(cls))
    for cls in (CableRecord, Recipient, ClassifiedBy, Reference, Paragraph, Source)
}


def plain(value: Any) -> Any:
    """A record, or any part of one, as dicts, lists and scalars (a new list for each list).

    The record's values are only these dataclasses, lists, strings, numbers, booleans and
    None, so nothing else needs copying.
    """
    names = _NAMES.get(type(value))
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    if type(value) is list:
        return [plain(item) for item in value]
    return value
