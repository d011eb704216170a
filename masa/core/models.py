import uuid

from django.db import models


class TimestampedModel(models.Model):
    """Base for domain records: a UUID for URLs and created/updated times."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class SentEmail(models.Model):
    """A record of every email masa sent: to whom, what about and when. The body is not kept: it may
    carry a one-use link (docs/security.md)."""

    to = models.TextField(help_text="Addresses, one per line")
    subject = models.CharField(max_length=300)
    category = models.CharField(max_length=60, blank=True, help_text="What kind of message, for filtering")
    reference = models.CharField(max_length=100, blank=True, help_text="The record it was about")
    attachments = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject} to {self.to}"
