from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "masa.learning"
    label = "learning"
