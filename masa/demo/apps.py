from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "masa.demo"
    label = "demo"
