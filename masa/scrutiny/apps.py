from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "masa.scrutiny"
    label = "scrutiny"
    verbose_name = "Independent scrutiny and the statement of assurance"
