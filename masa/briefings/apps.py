from django.apps import AppConfig


class BriefingsConfig(AppConfig):
    name = "masa.briefings"
    label = "briefings"
    verbose_name = "7-minute briefings"
