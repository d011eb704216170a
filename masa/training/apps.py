from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "masa.training"
    label = "training"
    verbose_name = "Multi-agency training"
