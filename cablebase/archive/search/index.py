"""The search index: one tantivy directory beside the store, kept in step with it.

The store is the record of truth; the index is derived and can always be
rebuilt. A small state file written atomically *after* each index commit says
how far into the store the index got (the highest version row id and cable
row id it has seen; both only grow). Whenever the store is ahead (a crash
between the store's commit and the index's, a deleted index, another process's
ingest) the next ingest, search or page view catches up; when the store is
behind or a different store (rows deleted, a new database file), the index is
rebuilt. Catching up twice is harmless: a cable's document is replaced whole.

Processes serving searches notice another process's commit through the state
file and reload their searcher; only one process writes at a time (tantivy's
lock), and a busy lock just means someone else is catching up.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import tantivy

from cablebase.archive.search import source
from cablebase.archive.search.schema import (
    SCHEMA_VERSION,
    build_schema,
    register_analyzers,
    to_document,
)

STATE_FILE = "cablebase-search.json"
_TANTIVY_SUFFIXES = (".idx", ".term", ".pos", ".store", ".fast", ".fieldnorm", ".del")
_TANTIVY_NAMES = {"meta.json", ".managed.json", ".tantivy-meta.lock", ".tantivy-writer.lock"}
HEAP_PER_THREAD = 128_000_000  # a writer thread's share: a new segment each time it fills
CATCH_UP_THREADS = 2  # an ingest's batches: a few thousand cables at a time
REBUILD_THREADS = 8  # every cable: as many indexing threads as there are cores, up to this
# Word forms, prefix terms and facet counts kept per searcher (0: none, for measuring).
MEMO_SIZE = int(os.environ.get("CABLEBASE_SEARCH_MEMO", "8192"))
Progress = Callable[[int, int], None]  # (cables done, cables in all)


class SearchIndexError(RuntimeError):
    """The index cannot be used as it is; the message says why and what to do."""


class IndexBusy(SearchIndexError):
    """Another process holds the index's writer (an ingest or reindex is running)."""


@contextlib.contextmanager
def engine_errors() -> Iterator[None]:
    """A panic inside tantivy (a Rust assertion: ``BaseException``) as a SearchIndexError.

    The site answers 503 with a message, not a traceback; KeyboardInterrupt and
    SystemExit pass through.
    """
    try:
        yield
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":
            raise
        raise SearchIndexError(f"the search engine failed on this request: {exc}") from None


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """No cyclic garbage collection while indexing many cables.

    Every row, document and list a rebuild makes is freed by reference counting;
    the collector only walked them (and all of Django) again and again: about a
    twentieth of a rebuild's processor time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- where ---------------------------------------------------------------------------------
_override: Path | None = None
_memory_dir: Path | None = None


def set_index_dir(path: str | os.PathLike | None) -> None:
    """``--index DIR`` of the command line; None goes back to the default.

    Also exported as ``CABLEBASE_INDEX``, so the web workers ``serve`` starts use it.
    """
    global _override
    _override = Path(path).expanduser().resolve() if path else None
    if _override is None:
        os.environ.pop("CABLEBASE_INDEX", None)
    else:
        os.environ["CABLEBASE_INDEX"] = str(_override)


def index_dir() -> Path:
    """``--index``, else ``$CABLEBASE_INDEX``, else beside the SQLite file (x.db -> x.index).

    On PostgreSQL the default is ``NAME.index`` in the working directory; a server
    sets ``CABLEBASE_INDEX`` (docs/deploy.md).
    """
    global _memory_dir
    if _override is not None:
        return _override
    if os.environ.get("CABLEBASE_INDEX"):
        return Path(os.environ["CABLEBASE_INDEX"]).expanduser()
    from django.db import connection

    name = str(connection.settings_dict.get("NAME") or "cablebase")
    if connection.vendor == "sqlite":
        if name == ":memory:" or "mode=memory" in name or name.startswith("file:memorydb"):
            if _memory_dir is None:  # an in-memory store gets an index as short-lived
                _memory_dir = Path(tempfile.mkdtemp(prefix="cablebase-index-"))
            return _memory_dir
        path = Path(name)
        return path.with_suffix(".index") if path.suffix else path.with_name(path.name + ".index")
    return Path.cwd() / f"{name}.index"


def store_identity() -> str:
    from django.db import connection

    return f"{connection.vendor}:{connection.settings_dict.get('NAME')}"


# -- how far the store has got, read once per web request -----------------------------------
_request = threading.local()


def request_started(**_: Any) -> None:
    _request.active, _request.marks = True, None


def request_finished(**_: Any) -> None:
    _request.active, _request.marks = False, None


def store_marks() -> tuple[int, int, int]:
    """``source.marks()``: inside a web request read once, elsewhere every time.

    A page that searches twice (a page past the end, then the last page) asks
    the store once; a command or a test that changes the store between searches
    always sees the change.
    """
    if getattr(_request, "active", False):
        if _request.marks is None:
            _request.marks = source.marks()
        return _request.marks
    return source.marks()


# -- state ---------------------------------------------------------------------------------
@dataclass(slots=True)
class State:
    schema: int = 0
    store: str = ""
    versions: int = 0  # highest cable_version.id indexed
    cables: int = 0  # highest cable.id indexed
    events: int = 0  # highest publication_event.id (redaction, hold, release) applied
    build: str = ""  # changes when the directory is recreated: readers reopen


def _read_state(path: Path) -> State | None:
    try:
        data = json.loads((path / STATE_FILE).read_text(encoding="utf-8"))
        return State(**{k: data[k] for k in State.__slots__ if k in data})
    except (OSError, ValueError, TypeError):
        return None


def _write_state(path: Path, state: State) -> None:
    """Write-then-rename, so a reader never sees half a file and a crash leaves the old one."""
    tmp = path / f".{STATE_FILE}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(asdict(state), handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path / STATE_FILE)


def _is_ours(name: str) -> bool:
    return (
        name in _TANTIVY_NAMES
        or name == STATE_FILE
        or name.endswith(_TANTIVY_SUFFIXES)
        or name.startswith(f".{STATE_FILE}.")
    )


def _explain(path: Path, exc: BaseException) -> SearchIndexError:
    text = str(exc)
    if isinstance(exc, PermissionError) or "Permission denied" in text or "ermission" in text:
        return SearchIndexError(
            f"the search index {path} is not writable ({text}); make it writable by this "
            "user, or point --index / CABLEBASE_INDEX at a writable directory"
        )
    return SearchIndexError(f"the search index {path} cannot be used: {text}")


# -- the engine ------------------------------------------------------------------------------
class Engine:
    """One process's handle on the index directory: opening, catching up, searchers.

    The state file is read again only when it changed on disk (a stat a search):
    the searcher, the state and what was memoised for the searcher (word forms,
    facet counts) all follow the last commit of any process.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.schema = build_schema()
        self._index: tantivy.Index | None = None
        self._build = ""
        self._stamp: tuple[int, int] | None = None  # the state file's, when last read
        self._state = State()
        self._searcher: tantivy.Searcher | None = None
        self._memo: dict[Any, Any] = {}
        self._writer: tantivy.IndexWriter | None = None
        self._lock = threading.RLock()

    # opening ------------------------------------------------------------------------------
    def _create(self) -> None:
        """A new, empty index (the caller checked the directory holds nothing else)."""
        for child in self.path.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
        index = tantivy.Index(self.schema, path=str(self.path))
        register_analyzers(index)
        _write_state(self.path, State(SCHEMA_VERSION, store_identity(), 0, 0, 0, uuid.uuid4().hex))
        self._index = index

    def _check_directory(self) -> None:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            foreign = sorted(c.name for c in self.path.iterdir() if not _is_ours(c.name))
        except OSError as exc:
            raise _explain(self.path, exc) from exc
        if foreign:
            raise SearchIndexError(
                f"{self.path} holds files that are not a cablebase search index "
                f"({', '.join(foreign[:3])}); point --index / CABLEBASE_INDEX elsewhere"
            )

    def index(self) -> tantivy.Index:
        """The open index, created or rebuilt from scratch when missing, corrupt or outdated."""
        with self._lock:
            if self._index is not None:
                return self._index
            self._check_directory()
            state = _read_state(self.path)
            try:
                usable = (
                    state is not None
                    and state.schema == SCHEMA_VERSION
                    and (self.path / "meta.json").exists()
                    and tantivy.Index.is_compatible(str(self.path))
                )
                if usable:
                    index = tantivy.Index.open(str(self.path))
                    register_analyzers(index)
                    index.searcher()  # reads every segment's header: corrupt ones fail here
                    self._index = index
                else:
                    self._create()
            except ValueError:
                try:
                    self._create()  # unreadable: derived data, so start again from the store
                except (OSError, ValueError) as exc:
                    raise _explain(self.path, exc) from exc
            except OSError as exc:
                raise _explain(self.path, exc) from exc
            state = _read_state(self.path) or State()
            self._build = state.build
            self._stamp = None  # the next _follow reads the state and opens a searcher
            return self._index

    def _state_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path / STATE_FILE)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_ino)

    def _follow(self) -> None:
        """Under the lock: catch up with the directory if any process committed since."""
        index = self.index()
        stamp = self._state_stamp()
        if stamp is not None and stamp == self._stamp and self._searcher is not None:
            return
        state = _read_state(self.path)
        if state is None or state.build != self._build:
            self._index = None  # recreated by another process: open it afresh
            index = self.index()
            state = _read_state(self.path)
        else:
            index.reload()
        self._stamp = stamp
        self._state = state or State()
        self._searcher = index.searcher()
        self._memo = {}

    def state(self) -> State:
        """A copy of the state of the index's last commit (any process's)."""
        with self._lock:
            self._follow()
            return replace(self._state)

    def searcher(self) -> tantivy.Searcher:
        """A searcher on the latest commit of any process (call once per search)."""
        with self._lock:
            self._follow()
            assert self._searcher is not None
            return self._searcher

    def memo(self, searcher: tantivy.Searcher, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, remembered for as long as ``searcher`` is the current one."""
        with self._lock:
            if searcher is self._searcher and key in self._memo:
                return self._memo[key]
        value = compute()
        with self._lock:
            if searcher is self._searcher and MEMO_SIZE > 0:
                if len(self._memo) >= MEMO_SIZE:
                    self._memo.clear()
                self._memo[key] = value
        return value

    def forget_memo(self) -> None:
        """Drop what was memoised (a benchmark timing each query from cold)."""
        with self._lock:
            self._memo = {}

    # writing ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def writing(self, threads: int = CATCH_UP_THREADS) -> Iterator[tantivy.IndexWriter]:
        """Hold the index's writer (one process at a time) for a run of commits."""
        with self._lock:
            if self._writer is not None:
                yield self._writer
                return
            index = self.index()
            threads = max(1, min(threads, os.cpu_count() or 1))
            try:
                writer = index.writer(HEAP_PER_THREAD * threads, threads)
            except ValueError as exc:
                if "LockBusy" in str(exc):
                    raise IndexBusy(f"the search index {self.path} is being written") from exc
                raise _explain(self.path, exc) from exc
            self._writer = writer
            try:
                yield writer
            finally:
                self._writer = None
                with contextlib.suppress(ValueError, RuntimeError):
                    writer.wait_merging_threads()  # releases the lock
                self._stamp = None  # merges replaced segments: open a fresh searcher

    def _commit(self, writer: tantivy.IndexWriter, state: State) -> None:
        try:
            writer.commit()
            _write_state(self.path, state)
        except (OSError, ValueError) as exc:
            raise _explain(self.path, exc) from exc
        self._stamp = None
        self._follow()

    def is_current(self) -> bool:
        """Has the index seen everything the store holds? (one query, once a web request)"""
        state = self.state()
        return (
            state.schema == SCHEMA_VERSION
            and state.store == store_identity()
            and (state.versions, state.cables, state.events) == store_marks()
        )

    def catch_up(self, progress: Progress | None = None) -> int:
        """Index what the store has and the index has not; returns the cables (re)indexed."""
        with self._lock, self.writing() as writer:
            state = self.state()
            versions, cables, events = source.marks()
            behind = versions < state.versions or cables < state.cables or events < state.events
            if state.store != store_identity() or behind:
                return self._rebuild(writer, progress)
            if (versions, cables, events) == (state.versions, state.cables, state.events):
                return 0
            pks = sorted(source.changed_since(state.versions, state.cables, state.events))
            done = 0
            with _no_cycle_collection():
                for chunk in source.chunks(pks):
                    for pk in chunk:
                        writer.delete_documents_by_term("pk", pk)
                    for doc in source.load(chunk):
                        writer.add_document(to_document(doc))
                    done += len(chunk)
                    if progress:
                        progress(done, len(pks))
            state.versions, state.cables, state.events = versions, cables, events
            self._commit(writer, state)
            if self.searcher().num_docs != source.count():
                return self._rebuild(writer, progress)  # rows deleted behind the index's back
            return done

    def rebuild(self, progress: Progress | None = None) -> int:
        """Index every cable of the store again, in one commit (readers see old or new)."""
        with self._lock, self.writing(REBUILD_THREADS) as writer:
            return self._rebuild(writer, progress)

    def _rebuild(self, writer: tantivy.IndexWriter, progress: Progress | None) -> int:
        versions, cables, events = source.marks()
        total = source.count()
        writer.delete_all_documents()
        done = 0
        if progress:
            progress(0, total)
        add = writer.add_document
        with _no_cycle_collection():
            for docs in source.all_docs():
                for doc in docs:
                    add(to_document(doc))
                done += len(docs)
                if progress:
                    progress(done, max(total, done))
        build = self.state().build
        self._commit(
            writer, State(SCHEMA_VERSION, store_identity(), versions, cables, events, build)
        )
        return done

    def ensure_current(self) -> bool:
        """Before a search: catch up if the store is ahead, unless another process is at it.

        True when the index holds everything the store does (so hits may be served
        from it); False when it is behind and busy (hits are then read from the store).
        """
        if self.is_current():
            return True
        try:
            self.catch_up()
        except IndexBusy:
            return False
        return True

    def close(self) -> None:
        with self._lock:
            self._index = None
            self._searcher = None
            self._stamp = None


_engines: dict[Path, Engine] = {}
_engines_lock = threading.Lock()


def engine() -> Engine:
    """The engine for the current index directory (one per directory and process)."""
    path = index_dir().resolve()
    with _engines_lock:
        found = _engines.get(path)
        if found is None:
            found = _engines[path] = Engine(path)
        return found


def forget_engines() -> None:
    """Drop every open index handle (tests that point at a new directory)."""
    global _memory_dir
    with _engines_lock:
        _engines.clear()
    _memory_dir = None
