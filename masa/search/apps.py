from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "masa.search"
    label = "search"
