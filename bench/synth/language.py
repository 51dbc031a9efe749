"""The generator's language, read from real cables: paragraphs, subjects, names, signers.

The real cable-viewer pages that ship with the project (``samples/``) and with the shared
corpus (``cablegate-2010-pages/``, ``cablegate-2011-04-pages.zip``) are parsed with
``cablebase.parse``; each real cable becomes a *donor*: its subject and its paragraphs,
cleaned of what the generator lays out itself (numbers, markings, summary markers).
Generated cables resample donors' paragraphs, so word document frequencies, the long tail
of rare words and names, paragraph lengths and subject lines follow the real collection.

Building takes a few seconds; the result is cached as gzipped JSON keyed by the sources'
names and sizes (``$CABLEBASE_BENCH_CACHE``, default ``~/.cache/cablebase-bench``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cablebase.parse as parse_package
from bench.synth.shape import ROOT, shared_data_dir

VERSION = 7
# What would make a resampled paragraph lie about its own layout once re-wrapped: a
# paragraph start, a page-break or section line, header keywords, the publisher's mark.
_BREAKS = re.compile(
    r"(?:^|\s)\d{1,3}\s?\.\s*\((?:[A-Z/]{1,6})\)|¶|\bSECTION \d+ OF \d+|\b\d{3} OF \d{3}\b"
    r"|Classified\s+Website"
    r"|CLASSIFIED\s+BY|\bDECL\s*:|\bTAGS?\s*:|\bSUBJ(?:ECT)?\s*:|\bE\.\s?O\.\s+1\d{4}"
    r"|\bSIPDIS\b|\bNOFORN\b|\bNODIS\b|\bEXDIS\b|\bBT\b|NNNN|&#",
    re.I,
)
_SUMMARY_MARK = re.compile(r"^\s*\(?(?:BEGIN\s+)?SUMMARY\b[\w\s/&,]{0,40}?(?::|\.|-|\))+\s*", re.I)
_END_SUMMARY = re.compile(r"\(?\bEND\s+(?:OF\s+)?SUMMARY\b[\w\s/&,]{0,40}?(?:\.|\)|$)+", re.I)
_SUBJECT_OK = re.compile(r"^[A-Za-z0-9\"][A-Za-z0-9 ,.:;'\"()/&?!%$+\-]{5,150}$")
_NAME_OK = re.compile(r"^[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2}$")
_SIGNER_OK = re.compile(r"^[A-Z][A-Z'-]{2,19}$")
MIN_PARAGRAPH, MAX_PARAGRAPH = 3, 6000


@dataclass(frozen=True, slots=True)
class Donor:
    """One real cable as the generator uses it."""

    reference_id: str
    subject: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Language:
    """Donor cables plus the pools of real names drawn for headers and signatures."""

    donors: tuple[Donor, ...]
    paragraphs: tuple[str, ...]  # every donor paragraph, for mixing
    subjects: tuple[str, ...]
    officials: tuple[str, ...]  # "Robert O. Blake"-style names of classifying officials
    signers: tuple[str, ...]  # surnames that sign cables


def sources() -> list[Path]:
    """The real pages, in a fixed order (shared corpus when present, else the samples)."""
    out = [ROOT / "samples" / "cablegate-2010-pages", ROOT / "samples" / "wikileaks-html"]
    try:
        corpus = shared_data_dir().parent / "corpus"
    except SystemExit:
        corpus = None
    if corpus is not None and corpus.is_dir():
        out += [corpus / "cablegate-2010-pages", corpus / "cablegate-2011-04-pages.zip"]
    return [p for p in out if p.exists()]


def _pages(paths: list[Path]) -> Iterator[tuple[str, bytes]]:
    for path in paths:
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                for name in sorted(zf.namelist()):
                    if name.endswith(".html"):
                        yield name, zf.read(name)
        else:
            for page in sorted(path.glob("*.html")):
                yield str(page), page.read_bytes()


# a heading the real page put right after a paragraph ("... assurances. TRANSNATIONAL
# TERRORISM AND HUMANITARIAN ASSISTANCE"): laid out anew it would be a line of its own
_TRAILING_HEADING = re.compile(r"(?<=[.!?\"')])\s+[A-Z][A-Z0-9 ,:;'&/().-]{3,}$")
_RULES = re.compile(r"(?:^|\s)(?:-{3,}|\*{3,}|={3,}|_{3,})(?=\s|$)")


def clean_paragraph(text: str) -> str | None:
    """Collapse whitespace, drop a leading summary marker and the rules (``-------``)
    that underline or frame headings; None if unusable."""
    text = _RULES.sub(" ", _END_SUMMARY.sub(" ", text))
    text = _SUMMARY_MARK.sub("", " ".join(text.split()))
    text = _TRAILING_HEADING.sub("", text)
    if not MIN_PARAGRAPH <= len(text) <= MAX_PARAGRAPH or _BREAKS.search(text):
        return None
    return text


def real_cables(paths: list[Path] | None = None) -> dict[str, dict]:
    """Reference id -> parsed record (a later page of the same cable replaces an earlier)."""
    from cablebase.parse import ParseError, parse_document

    out: dict[str, dict] = {}
    for name, data in _pages(sources() if paths is None else paths):
        try:
            rec = parse_document(data, path=name).to_dict()
        except ParseError:
            continue
        if rec.get("reference_id") and rec.get("paragraphs"):
            out[rec["reference_id"]] = rec
    return dict(sorted(out.items()))


def build(paths: list[Path] | None = None) -> dict:
    """The language as plain data (what the cache file holds)."""
    donors, officials, signers = [], set(), set()
    for rid, rec in real_cables(paths).items():
        paras = [p for p in (clean_paragraph(x["text"]) for x in rec["paragraphs"]) if p]
        subject = " ".join((rec.get("subject") or "").split()) or None
        if subject and (not _SUBJECT_OK.match(subject) or _BREAKS.search(subject)):
            subject = None
        if paras:
            donors.append({"id": rid, "subject": subject, "paragraphs": paras})
        name = (rec.get("classified_by") or {}).get("name") or ""
        name = " ".join(w.capitalize() if w.isupper() and len(w) > 2 else w for w in name.split())
        if _NAME_OK.match(name):
            officials.add(name)
        signers.update(s for s in rec.get("signers") or [] if _SIGNER_OK.match(s))
    return {
        "version": VERSION,
        "donors": donors,
        "officials": sorted(officials),
        "signers": sorted(signers),
    }


def _fingerprint(paths: list[Path]) -> str:
    """The sources' names and sizes, and the parser's code: a new parser reads new paragraphs."""
    h = hashlib.sha256(str(VERSION).encode())
    parser = Path(parse_package.__file__).parent
    for source in [*sorted(parser.rglob("*.py")), Path(__file__)]:
        h.update(source.read_bytes())
    for p in paths:
        size = p.stat().st_size if p.is_file() else sum(1 for _ in p.glob("*.html"))
        h.update(f"{p.name}:{size};".encode())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "cablebase-bench"
    return Path(os.environ.get("CABLEBASE_BENCH_CACHE", default))


def from_data(data: dict) -> Language:
    donors = tuple(Donor(d["id"], d["subject"], tuple(d["paragraphs"])) for d in data["donors"])
    return Language(
        donors=donors,
        paragraphs=tuple(p for d in donors for p in d.paragraphs),
        subjects=tuple(d.subject for d in donors if d.subject),
        officials=tuple(data["officials"]),
        signers=tuple(data["signers"]),
    )


_LOADED: dict[str, Language] = {}


def load() -> Language:
    """The language, from the cache file when it is there (built and written otherwise)."""
    paths = sources()
    key = _fingerprint(paths)
    if key in _LOADED:
        return _LOADED[key]
    cached = cache_dir() / f"language-{key}.json.gz"
    if cached.is_file():
        data = json.loads(gzip.decompress(cached.read_bytes()))
    else:
        data = build(paths)
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(gzip.compress(json.dumps(data).encode(), 6, mtime=0))
        tmp.replace(cached)
    _LOADED[key] = from_data(data)
    return _LOADED[key]
