from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "masa.audit"
    label = "audit"
