"""A wall-clock limit on parsing one document, so one bad file cannot stall a batch.

The parser is linear in its input (``tests/parse/test_linear_time.py``); the
limit is the net under that promise. It uses ``SIGALRM``, which interrupts
Python code and regular expressions alike, so it works in a process's main
thread (pool workers, the CLI) and is skipped elsewhere (threads, Windows).
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from cablebase.parse.errors import ParseError

ENV_VAR = "CABLEBASE_PARSE_TIME_LIMIT"
DEFAULT_SECONDS = 10.0


class _Overrun(Exception):
    """Raised by the alarm inside the parser; turned into a ParseError at the limit's edge."""


def configured_limit() -> float | None:
    """Seconds allowed per document: ``$CABLEBASE_PARSE_TIME_LIMIT`` (0 turns it off), else 10."""
    raw = os.environ.get(ENV_VAR, "").strip()
    if not raw:
        return DEFAULT_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        return DEFAULT_SECONDS
    return seconds if seconds > 0 else None


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _on_alarm(signum: int, frame: object) -> None:
    raise _Overrun


@contextmanager
def time_limit(
    seconds: float | None, *, path: str | None = None, line: int | None = None
) -> Iterator[None]:
    """Raise ``ParseError`` when the body runs longer than ``seconds`` (None: no limit)."""
    if not seconds or not _can_alarm():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Overrun:
        raise ParseError(
            f"parsing took longer than the {seconds:g} s limit ({ENV_VAR})", path=path, line=line
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
