from django.apps import AppConfig
from django.db.models.signals import pre_save


class AuditConfig(AppConfig):
    name = "masa.audit"
    label = "audit"

    def ready(self) -> None:
        from auditlog.models import LogEntry

        from masa.audit.actor import fill_actor

        pre_save.connect(fill_actor, sender=LogEntry, dispatch_uid="masa-audit-actor")
