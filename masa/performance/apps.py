from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "masa.performance"
    label = "performance"
