from typing import Any

from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "cablebase.archive"
    label = "archive"
    verbose_name = "Cable archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import request_finished, request_started

        from cablebase.archive import redaction

        # One publication generation per request: every public query of a page reads it.
        request_started.connect(redaction.request_started, dispatch_uid="redaction-start")
        request_finished.connect(redaction.request_finished, dispatch_uid="redaction-end")
        # How far the store has got, once per request: the search index compares it with its own.
        request_started.connect(_search_request_started, dispatch_uid="search-index-start")
        request_finished.connect(_search_request_finished, dispatch_uid="search-index-end")


def _search_request_started(**kwargs: Any) -> None:
    from cablebase.archive.search import index  # on the first request: commands skip tantivy

    index.request_started(**kwargs)


def _search_request_finished(**kwargs: Any) -> None:
    from cablebase.archive.search import index

    index.request_finished(**kwargs)
