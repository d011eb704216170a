from django.apps import AppConfig


class StructureConfig(AppConfig):
    name = "masa.structure"
    label = "structure"
    verbose_name = "The partnership's structure and published arrangements"
