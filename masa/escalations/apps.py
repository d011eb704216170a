from django.apps import AppConfig


class EscalationsConfig(AppConfig):
    name = "masa.escalations"
    label = "escalations"
    verbose_name = "Professional escalations"
