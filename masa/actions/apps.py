from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "masa.actions"
    label = "actions"
