"""Audit of reads: who opened which sensitive record, and when."""

from auditlog.signals import accessed
from django.db.models import Model

from masa.core.actors import Actor, attributed


@attributed
def record_read(*, actor: Actor, instance: Model) -> None:
    """Write an 'access' entry for a sensitive record (actor comes from the request)."""
    accessed.send(sender=instance.__class__, instance=instance)
