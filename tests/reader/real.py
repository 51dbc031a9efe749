"""Real cables from ``samples/`` (and one revised version from the 2011 zip), ingested.

The selection is small so it ingests in about a second: both seeds, both
WikiLeaks pages, three Madrid cables that cite one another, and 04RANGOON1100
in its 2010 and its revised 2011 text (two versions).
"""

from __future__ import annotations

import shutil
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cablebase.archive.ingest import ingest

PAGES_2010 = ("06MADRID3104", "07MADRID173", "08MADRID1280", "04RANGOON1100")
REVISED_2011 = "cable/2004/08/04RANGOON1100.html"


def stage_real_cables(samples: Path, corpus: Path, into: Path) -> list[Path]:
    """Copy the selected cables under ``into`` (the 2011 version in its own folder)."""
    first, later = into / "first", into / "later"
    first.mkdir(parents=True, exist_ok=True)
    later.mkdir(parents=True, exist_ok=True)
    for folder in ("seeds", "wikileaks-html"):
        for path in (samples / folder).iterdir():
            shutil.copy(path, first / path.name)
    for ref in PAGES_2010:
        shutil.copy(samples / "cablegate-2010-pages" / f"{ref}.html", first / f"{ref}.html")
    with zipfile.ZipFile(corpus / "cablegate-2011-04-pages.zip") as zf:
        (later / "04RANGOON1100.html").write_bytes(zf.read(REVISED_2011))
    return [first, later]


def ingest_real_cables(samples: Path, corpus: Path, into: Path) -> None:
    """Ingest in order (first releases, then the revision); parse in threads, no subprocesses."""
    first, later = stage_real_cables(samples, corpus, into)
    with ThreadPoolExecutor(max_workers=2) as pool:
        for folder in (first, later):
            report = ingest([folder], executor=pool)
            assert report.failed == 0, report.errors
