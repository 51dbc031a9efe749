"""The page cache's fast path: a stored reading page answered before the rest of the stack.

First in ``MIDDLEWARE``, so a cable, browse, tag or origin page that is stored costs one
stamp query and a lookup: no session, authentication, CSRF or messages machinery, no
view. A page that is not stored goes down the whole stack and is stored on its way
back, with the headers that stack gave it (CSP and the rest), so a replay is the same
response. ``cablebase.reader.page_cache`` says what the keys hold and when a page is
not stored.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from cablebase.reader import page_cache


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        plan = page_cache.plan(request)
        if plan is None:
            return self.get_response(request)
        answer = page_cache.replay(request, plan, page_cache.lookup(plan))
        if answer is not None:
            return answer
        if plan.kind.on_miss is not None:
            plan.kind.on_miss(plan.stamp)
        return page_cache.keep(request, plan, self.get_response(request))
