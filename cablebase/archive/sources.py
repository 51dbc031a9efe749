"""Walk the inputs of an ingest: files, directories, ``.gz``/``.bz2``/``.zip``, bulk CSV.

The walker runs in the main process and turns inputs into small units of
parse work (one document's bytes, or a chunk of CSV rows), never holding more
than one document or one chunk at a time, so memory stays flat whatever the
corpus size. It asks ``is_complete(sha256)`` before expanding anything, so a
file ingested before is skipped after hashing it, without parsing.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import hashlib
import io
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cablebase.parse.errors import ParseError

HEAD = 4096
CSV_CHUNK_ROWS = 200
STORE_CONTENT_LIMIT = 1 << 20  # keep a source's bytes in the archive up to 1 MB


@dataclass(slots=True)
class DocUnit:
    """One single-cable document to parse."""

    path: str
    data: bytes
    sha256: str
    container: str | None = None  # sha256 of the archive or file it came from


@dataclass(slots=True)
class CsvChunk:
    """Consecutive rows of a bulk CSV file."""

    path: str
    rows: list
    container: str


@dataclass(slots=True)
class Container:
    """A file that holds several units (archive, CSV); complete once all units are stored."""

    path: str
    sha256: str
    format: str
    size: int
    content: bytes | None


@dataclass(slots=True)
class ContainerDone:
    sha256: str


@dataclass(slots=True)
class Skipped:
    path: str
    sha256: str
    records: int


@dataclass(slots=True)
class WalkError:
    path: str
    sha256: str
    reason: str


Item = DocUnit | CsvChunk | Container | ContainerDone | Skipped | WalkError
Completed = Callable[[str], int | None]  # sha256 → records stored, or None when not complete


def iter_files(paths: list[str | os.PathLike]) -> Iterator[Path]:
    """Every file under ``paths``, directories recursively, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith(".") and not _is_documentation(name):
                        yield Path(root, name)
        else:
            yield path


def _is_documentation(name: str) -> bool:
    """READMEs and Markdown beside the cables in a directory are not inputs (named ones are)."""
    lower = name.lower()
    return lower.startswith("readme") or lower.endswith(".md")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _is_csv(head: bytes, path: str) -> bool:
    from cablebase.parse import detect_format

    try:
        return detect_format(head, path) == "cables-csv"
    except ParseError:
        return False


def _csv_chunks(stream: BinaryIO, path: str, container: str) -> Iterator[CsvChunk]:
    from cablebase.parse import csv_rows

    chunk: list = []
    for row in csv_rows(stream, path=path):
        chunk.append(row)
        if len(chunk) >= CSV_CHUNK_ROWS:
            yield CsvChunk(path, chunk, container)
            chunk = []
    if chunk:
        yield CsvChunk(path, chunk, container)


def walk(paths: list[str | os.PathLike], is_complete: Completed) -> Iterator[Item]:
    """Units of parse work, with container boundaries and skips, for the ingest loop."""
    for path in iter_files(paths):
        label = str(path)
        try:
            size = path.stat().st_size
            sha = file_sha256(path)
        except OSError as exc:
            yield WalkError(label, "", f"cannot read: {exc.strerror or exc}")
            continue
        done = is_complete(sha)
        if done is not None:
            yield Skipped(label, sha, done)
            continue
        try:
            yield from _expand(path, label, sha, size)
        except ParseError as exc:  # a CSV stream that cannot go on past a broken row
            where = f" at line {exc.line}" if exc.line is not None else ""
            yield WalkError(label, sha, f"cannot read further{where}: {exc.reason}")
            yield ContainerDone(sha)
        except (OSError, zipfile.BadZipFile, EOFError, ValueError, csv.Error) as exc:
            yield WalkError(label, sha, f"cannot read: {exc}")
            yield ContainerDone(sha)


def _content(path: Path, size: int) -> bytes | None:
    return path.read_bytes() if size <= STORE_CONTENT_LIMIT else None


def _expand(path: Path, label: str, sha: str, size: int) -> Iterator[Item]:
    name = path.name.lower()
    if name.endswith(".zip"):
        yield Container(label, sha, "zip", size, _content(path, size))
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir() or Path(info.filename).name.startswith("."):
                    continue
                member = f"{label}!{info.filename}"
                with archive.open(info) as stream:
                    yield from _stream_units(stream, member, sha, info.filename)
        yield ContainerDone(sha)
        return
    if name.endswith((".gz", ".bz2")):
        opener = gzip.open if name.endswith(".gz") else bz2.open
        inner = path.name.rsplit(".", 1)[0]
        yield Container(label, sha, "gzip" if name.endswith(".gz") else "bz2", size, None)
        with opener(path, "rb") as stream:
            yield from _stream_units(stream, label, sha, inner)
        yield ContainerDone(sha)
        return
    with path.open("rb") as handle:
        head = handle.read(HEAD)
        if _is_csv(head, label):
            handle.seek(0)
            yield Container(label, sha, "cables-csv", size, _content(path, size))
            yield from _csv_chunks(handle, label, sha)
            yield ContainerDone(sha)
            return
        handle.seek(0)
        data = handle.read()
    yield DocUnit(label, data, sha, None)


def _stream_units(stream: BinaryIO, label: str, container: str, name: str) -> Iterator[Item]:
    """Units from a stream inside an archive: a CSV is chunked, anything else is one document."""
    buffered = io.BufferedReader(stream) if not isinstance(stream, io.BufferedReader) else stream
    head = buffered.peek(HEAD)[:HEAD]
    if _is_csv(head, name):
        yield from _csv_chunks(buffered, label, container)
        return
    data = buffered.read()
    yield DocUnit(label, data, hashlib.sha256(data).hexdigest(), container)
