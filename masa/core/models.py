import uuid

from django.db import models


class TimestampedModel(models.Model):
    """Base for domain records: a UUID for URLs and created/updated times."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
