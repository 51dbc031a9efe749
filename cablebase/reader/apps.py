from django.apps import AppConfig


class ReaderConfig(AppConfig):
    name = "cablebase.reader"
    label = "reader"
    verbose_name = "Reader"
