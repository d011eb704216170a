"""Reads of the audit log, scoped to one partnership."""

from datetime import date, datetime, time

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone

from masa.audit.changes import changes_text
from masa.core.actors import REASON_KEY, SYSTEM_ACTOR_KEY
from masa.partnership.models import Partnership


def audit_entries(
    partnership: Partnership,
    *,
    actor: str = "",
    action: int | None = None,
    content_type: ContentType | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[LogEntry]:
    qs = LogEntry.objects.filter(additional_data__partnership=partnership.pk).select_related(
        "actor", "content_type"
    )
    if actor:
        qs = qs.filter(
            Q(actor__email__icontains=actor)
            | Q(actor__full_name__icontains=actor)
            | Q(**{f"additional_data__{SYSTEM_ACTOR_KEY}__icontains": actor})
        )
    if action is not None:
        qs = qs.filter(action=action)
    if content_type is not None:
        qs = qs.filter(content_type=content_type)
    if date_from:
        qs = qs.filter(timestamp__gte=timezone.make_aware(datetime.combine(date_from, time.min)))
    if date_to:
        qs = qs.filter(timestamp__lte=timezone.make_aware(datetime.combine(date_to, time.max)))
    return qs.order_by("-timestamp", "-pk")


def system_actor_name(entry: LogEntry) -> str:
    """The name of the part of masa that wrote an entry with no user ("" if none was named)."""
    data = entry.additional_data if isinstance(entry.additional_data, dict) else {}
    return str(data.get(SYSTEM_ACTOR_KEY) or "")


def changes_with_reason(entry: LogEntry, value_limit: int | None = None) -> str:
    """The entry's changes in words, then the reason the user gave, where the service asked for one.
    The page cuts each value to `value_limit` characters; the CSV keeps them whole."""
    data = entry.additional_data if isinstance(entry.additional_data, dict) else {}
    reason = str(data.get(REASON_KEY) or "")
    changes = changes_text(entry.changes, value_limit=value_limit)
    return "; ".join(part for part in (changes, reason and f"reason: {reason}") if part)


def audited_content_types(partnership: Partnership) -> QuerySet[ContentType]:
    ids = (
        LogEntry.objects.filter(additional_data__partnership=partnership.pk)
        .values_list("content_type_id", flat=True)
        .distinct()
    )
    return ContentType.objects.filter(pk__in=ids).order_by("model")
