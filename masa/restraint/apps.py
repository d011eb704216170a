from django.apps import AppConfig


class RestraintConfig(AppConfig):
    name = "masa.restraint"
    label = "restraint"
    verbose_name = "Restraint and use of force"
