from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "cablebase.archive"
    label = "archive"
    verbose_name = "Cable archive"
    default_auto_field = "django.db.models.BigAutoField"
