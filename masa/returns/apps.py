from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "masa.returns"
    label = "returns"
