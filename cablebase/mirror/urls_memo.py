"""URL names reversed once per build, not once per link.

``reverse("reader:month", args=[2006, "02"])`` costs some tens of microseconds,
and a browse page's navigation reverses six hundred names (every month of every
year), a cable page forty: at a quarter of a million pages that is most of a
browse page's rendering. Within one build the answer depends only on the URL
configuration and the script prefix, which stay as they are, so the mirror's
workers remember each answer. ``remembered_reverse`` swaps Django's ``reverse``
for the remembering one in the modules that imported it, and puts it back after.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import django.urls


@contextmanager
def remembered_reverse() -> Iterator[None]:
    original = django.urls.reverse

    @functools.lru_cache(maxsize=200_000)
    def known(viewname: str, args: tuple[Any, ...], kwargs: tuple[Any, ...], app: Any) -> str:
        return original(
            viewname,
            args=[value for _, value in args] or None,
            kwargs={key: value for key, _, value in kwargs} or None,
            current_app=app,
        )

    def reverse(
        viewname: Any,
        urlconf: Any = None,
        args: Any = None,
        kwargs: Any = None,
        current_app: Any = None,
        **more: Any,
    ) -> str:
        if urlconf is None and not more and isinstance(viewname, str):
            try:
                return known(  # typed: 1 and True are equal keys but not equal links
                    viewname,
                    tuple((type(v), v) for v in args or ()),
                    tuple(sorted((k, type(v), v) for k, v in (kwargs or {}).items())),
                    current_app,
                )
            except TypeError:  # an argument that cannot be a key: asked afresh
                pass
        return original(viewname, urlconf, args, kwargs, current_app, **more)

    swapped = [
        module
        for module in list(sys.modules.values())
        if getattr(module, "reverse", None) is original
        and (module.__name__.startswith(("cablebase.", "django.")))
    ]
    for module in swapped:
        module.reverse = reverse  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module in swapped:
            module.reverse = original  # type: ignore[attr-defined]
