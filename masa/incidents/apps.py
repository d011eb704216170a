from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "masa.incidents"
    label = "incidents"
