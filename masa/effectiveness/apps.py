from django.apps import AppConfig


class EffectivenessConfig(AppConfig):
    name = "masa.effectiveness"
    label = "effectiveness"
    verbose_name = "Effectiveness review"
