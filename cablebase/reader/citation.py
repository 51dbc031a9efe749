"""How to cite a cable: a plain-text reference and a BibTeX entry."""

from __future__ import annotations

from cablebase.archive.models import Cable


def _title(cable: Cable) -> str:
    return (cable.subject or f"Cable {cable.reference_id}").strip().rstrip(".")


def plain_citation(cable: Cable, url: str) -> str:
    """``Embassy Moscow, "SUBJECT", cable 06MOSCOW1323, 10 February 2006. URL``."""
    parts = []
    if cable.origin:
        parts.append(cable.origin)
    if cable.subject:
        parts.append(f"\u201c{_title(cable)}\u201d")
    parts.append(f"cable {cable.reference_id}")
    if cable.created:
        parts.append(f"{cable.created.day} {cable.created:%B %Y}")
    if cable.released:
        parts.append(f"released {cable.released.day} {cable.released:%B %Y}")
    return ", ".join(parts) + f". {url}"


def _bib_escape(value: str) -> str:
    out = value
    for ch in "\\{}":
        out = out.replace(ch, "")
    for ch in "&%$#_":
        out = out.replace(ch, "\\" + ch)
    return out


def bibtex(cable: Cable, url: str) -> str:
    """A ``@misc`` entry keyed by the reference id (BibTeX keys may not start with a digit)."""
    fields = [
        (
            "author",
            "{" + _bib_escape(cable.origin or cable.origin_code or "US Department of State") + "}",
        ),
        ("title", "{" + _bib_escape(_title(cable)) + "}"),
        ("howpublished", "US diplomatic cable " + cable.reference_id),
    ]
    if cable.created:
        fields += [("year", str(cable.created.year)), ("month", f"{cable.created:%b}".lower())]
    if cable.released:
        fields.append(("note", f"Released {cable.released:%Y-%m-%d}"))
    fields.append(("url", url))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@misc{{cable{cable.reference_id},\n{body}\n}}"
