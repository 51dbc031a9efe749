"""A wall-clock limit on parsing one document, so one bad file cannot stall a batch.

The parser is linear in its input (``tests/parse/test_linear_time.py``); the
limit is the net under that promise. It uses ``SIGALRM``, which interrupts
Python code and regular expressions alike, so it works in a process's main
thread (pool workers, the CLI); elsewhere (threads, Windows) a document is judged by the
clock once it is parsed.
"""

from __future__ import annotations

import os
import signal
import threading
import time
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


_RETRY_SECONDS = 0.01


def _on_alarm(signum: int, frame: object) -> None:
    # The exception can land where Python swallows it (a finaliser run by the garbage
    # collector, say): re-arm, so the next tick raises again until the limit's edge
    # catches one; that edge also checks the clock, so an overrun is never missed.
    signal.setitimer(signal.ITIMER_REAL, _RETRY_SECONDS)
    raise _Overrun


@contextmanager
def time_limit(
    seconds: float | None, *, path: str | None = None, line: int | None = None
) -> Iterator[None]:
    """Raise ``ParseError`` when the body runs longer than ``seconds`` (None: no limit).

    Where no alarm can be set the body runs to its end and is then judged by the clock.
    """
    if not seconds:
        yield
        return
    overrun = ParseError(
        f"parsing took longer than the {seconds:g} s limit ({ENV_VAR})", path=path, line=line
    )
    deadline = time.monotonic() + seconds
    if not _can_alarm():
        yield
        if time.monotonic() > deadline:
            raise overrun
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Overrun:
        raise overrun from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if time.monotonic() > deadline:
        raise overrun
