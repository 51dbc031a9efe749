from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cablebase.api"
    label = "api"
    verbose_name = "JSON API"
