"""Real sample cables with canaries planted in their text, ingested once per module.

Canaries are words no cable contains, put into the body of real viewer pages
before ingest, so they travel the real parser, store, index and outputs.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PAGES = 12  # the first 2010 viewer pages, by name
# Planted canary -> files (by reference id) that carry it.
ALPHA = "ZqxAlphaCanary"  # a literal rule for all cables (planted in two cases)
BETA = "Zqx-4821-Beta"  # a pattern rule for all cables
GAMMA = "ZqxGammaCanary"  # a rule for one cable only
HELD = "ZqxHeldCanary"  # only in a cable that is held
PLANTED = {
    "04AMMAN1288": [ALPHA, BETA],
    "04ANKARA348": [ALPHA.lower()],
    "04ANKARA7211": [GAMMA],
    "04BOGOTA8900": [HELD],
}


@dataclass
class Planted:
    root: Path
    staged: Path
    held: list[str] = field(default_factory=list)


def clear_archive() -> None:
    from django.core.cache import cache

    from cablebase.archive.models import (
        Cable,
        IngestRun,
        PublicationEvent,
        Quarantine,
        RedactionRule,
        SourceFile,
        Tag,
    )

    for model in (RedactionRule, PublicationEvent, Cable, Tag, SourceFile, Quarantine, IngestRun):
        getattr(model, "stored", model._default_manager).all().delete()
    cache.clear()


def plant(text: str, words: list[str]) -> str:
    """Put each word into the cable's body text, in its first numbered paragraph."""
    start = text.index("id='par1'")
    for word in words:
        at = text.index(" the ", start) + 5
        text = text[:at] + word + " " + text[at:]
        start = at + len(word)
    return text


def stage(samples: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    for folder in ("seeds", "wikileaks-html"):
        for path in (samples / folder).iterdir():
            shutil.copy(path, into / path.name)
    for path in sorted((samples / "cablegate-2010-pages").glob("*.html"))[:PAGES]:
        text = path.read_text(encoding="utf-8")
        if path.stem in PLANTED:
            text = plant(text, PLANTED[path.stem])
        (into / path.name).write_text(text, encoding="utf-8")
    return into


@pytest.fixture(scope="module")
def planted_archive(
    django_db_setup, django_db_blocker, samples_dir, tmp_path_factory
) -> Iterator[Planted]:
    from cablebase.archive.ingest import ingest

    root = tmp_path_factory.mktemp("planted")
    folder = stage(samples_dir, root / "in")
    with django_db_blocker.unblock():
        clear_archive()
        with ThreadPoolExecutor(max_workers=2) as pool:
            report = ingest([folder], executor=pool)
        assert report.failed == 0, report.errors
    yield Planted(root=root, staged=folder)
    with django_db_blocker.unblock():
        clear_archive()
