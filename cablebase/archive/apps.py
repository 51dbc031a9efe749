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
