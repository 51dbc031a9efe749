"""Where rendered pages are kept: files every worker shares, the hottest also in each worker.

``PageFileCache`` is Django's ``FileBasedCache`` with two changes that matter at an
archive's scale. A read first looks in the process's own memory (a least-recently-used
table bounded in bytes), so a page read a second time costs a dictionary lookup instead
of a file read, a decompression and an unpickling. And a write no longer lists the
whole directory to see whether it is full (Django does that on every ``set``: tens of
milliseconds once it holds 100,000 pages); it looks every ``CULL_EVERY`` writes.

The keys already name what a page shows (``cablebase.reader.page_cache``), so the copy
in memory cannot go stale; only ``clear()`` (an edit through the admin, a test) must
reach every process: it rewrites a marker file in the directory, and each process
empties its memory when it sees the marker change (one ``stat`` per read).
"""

from __future__ import annotations

import os
import threading
import uuid
from collections import OrderedDict
from typing import Any

from django.core.cache.backends.filebased import FileBasedCache

MEMORY_BYTES = 64 * 1024 * 1024  # per worker process
MEMORY_ITEM_BYTES = 2 * 1024 * 1024  # a larger page is read from its file each time
CULL_EVERY = 256
MARKER = "cleared.marker"


class MemoryLRU:
    """Values by key, least recently used dropped first once ``limit`` bytes are held.

    A value's size is its ``nbytes`` attribute; values without one are not kept.
    Thread-safe (gunicorn's threaded workers share it).
    """

    def __init__(self, limit: int, item_limit: int) -> None:
        self.limit, self.item_limit = limit, item_limit
        self._items: OrderedDict[str, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> Any:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                return None
            self._items.move_to_end(key)
            return found[0]

    def put(self, key: str, value: Any) -> None:
        size = getattr(value, "nbytes", None)
        if size is None or size > min(self.item_limit, self.limit):
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._items[key] = (value, size)
            self._bytes += size
            while self._bytes > self.limit:
                _, (_, dropped) = self._items.popitem(last=False)
                self._bytes -= dropped

    def discard(self, key: str) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)


class PageFileCache(FileBasedCache):
    """``FileBasedCache`` with an in-process layer and occasional culling (see the module)."""

    def __init__(self, dir: str, params: dict[str, Any]) -> None:
        super().__init__(dir, params)
        options = params.get("OPTIONS") or {}
        self.memory = MemoryLRU(
            int(options.get("MEMORY_BYTES", MEMORY_BYTES)),
            int(options.get("MEMORY_ITEM_BYTES", MEMORY_ITEM_BYTES)),
        )
        self._writes = 0
        self._marker = os.path.join(self._dir, MARKER)
        self._seen = self._marker_stamp()

    def _marker_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self._marker)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_ino)

    def _check_marker(self) -> None:
        stamp = self._marker_stamp()
        if stamp != self._seen:
            self.memory.clear()
            self._seen = stamp

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        self._check_marker()
        name = self.make_and_validate_key(key, version=version)
        found = self.memory.get(name)
        if found is not None:
            return found
        value = super().get(key, None, version)
        if value is None:
            return default
        self.memory.put(name, value)
        return value

    def set(self, key: str, value: Any, timeout: Any = 300, version: int | None = None) -> None:
        super().set(key, value, timeout, version)
        self.memory.put(self.make_and_validate_key(key, version=version), value)

    def delete(self, key: str, version: int | None = None) -> bool:
        self.memory.discard(self.make_and_validate_key(key, version=version))
        return super().delete(key, version)

    def clear(self) -> None:
        super().clear()
        self.memory.clear()
        os.makedirs(self._dir, 0o700, exist_ok=True)
        temporary = f"{self._marker}.{uuid.uuid4().hex}"
        with open(temporary, "w") as out:
            out.write(temporary)
        os.replace(temporary, self._marker)  # a new inode: every process sees the change
        self._seen = self._marker_stamp()

    def _cull(self) -> None:
        self._writes += 1
        if self._writes % CULL_EVERY == 1:
            super()._cull()
