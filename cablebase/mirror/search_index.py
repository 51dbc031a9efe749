"""Pagefind's index of the mirror's cable pages: the search that runs from the files alone.

Pagefind (the ``pagefind[bin]`` wheel ships its binary) reads the HTML, keeps the
text marked ``data-pagefind-body`` (a cable's article) and writes a fragmented
index that a browser downloads a few small pieces of per query.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from cablebase.mirror.files import Tally, remove_stale, write_if_changed

BUNDLE = "pagefind"


def build_index(root: Path, tally: Tally) -> None:
    """Index ``root``'s cable pages into ``root/pagefind``, writing only the changed files."""
    with tempfile.TemporaryDirectory(prefix="cablebase-pagefind-") as scratch:
        command = [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(root),
            "--glob",
            "cable/**/*.html",
            "--output-path",
            scratch,
            "--force-language",
            "en",
            "--silent",
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"pagefind failed: {done.stderr.strip() or done.stdout.strip()}")
        produced: set[str] = set()
        for path in sorted(Path(scratch).rglob("*")):
            if path.is_file():
                relative = f"{BUNDLE}/{path.relative_to(scratch).as_posix()}"
                produced.add(relative)
                write_if_changed(root, relative, path.read_bytes(), tally)
    remove_stale(root, produced, tally, under=BUNDLE)
