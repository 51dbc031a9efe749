from django.apps import AppConfig


class ReaderConfig(AppConfig):
    name = "cablebase.reader"
    label = "reader"
    verbose_name = "Reader"

    def ready(self) -> None:
        from cablebase.reader.page_cache import connect_signals

        connect_signals()
