"""Every write to the action tracker. Callers check permissions first; each write is atomic."""

import os
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from masa.actions.models import (
    Action,
    ActionEvidence,
    ActionSettings,
    ActionStatus,
    ActionUpdate,
    EvidenceKind,
)
from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import long_date
from masa.core.tasks import send_email
from masa.core.uploads import UploadError, check_document
from masa.partnership.models import Group, Partnership, Person, Priority

OWNER_FOREIGN = "Choose an owner from this partnership's people"
DUE_DATE_PAST = "The due date must be today or in the future"
RECOMMENDATION_FOREIGN = "Choose a recommendation of this partnership's reviews"
CLOSE_NEEDS_IMPACT = "Enter the impact: what changed for children or practice"
CLOSE_NEEDS_EVIDENCE = (
    "Add evidence before closing: actions from reviews, audits and inspections need evidence"
)
ALREADY_CLOSED = "This action is already closed"
NOT_CLOSED = "Only a closed action can be reopened"
EVIDENCE_EMPTY: dict[str, str] = {
    EvidenceKind.FILE: "Select a file",
    EvidenceKind.LINK: "Enter the link",
    EvidenceKind.TEXT: "Enter the evidence",
}
UPDATE_EMPTY = "Enter the update"
EVIDENCE_KIND_MISSING = "Select the kind of evidence"


@attributed
@transaction.atomic
def action_create(
    *,
    actor: Actor,
    partnership: Partnership,
    title: str,
    owner: Person,
    due_date: date,
    source: str,
    description: str = "",
    group: Group | None = None,
    meeting_item=None,
    priority: Priority | None = None,
    review_recommendation=None,
    today: date | None = None,
) -> Action:
    """A new action. `today` is the day it was agreed (today unless a loader records history);
    its due date may not be before that day (docs/domain.md, "9. The action tracker")."""
    errors: dict[str, str] = {}
    if owner.partnership_id != partnership.pk:
        errors["owner"] = OWNER_FOREIGN
    if review_recommendation is not None and review_recommendation.partnership_id != partnership.pk:
        errors["review_recommendation"] = RECOMMENDATION_FOREIGN
    if due_date < (today or timezone.localdate()):
        errors["due_date"] = DUE_DATE_PAST
    if errors:
        raise ValidationError(errors)
    # Lock the partnership row so two actions created at once get different numbers.
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
    number = (Action.objects.filter(partnership=partnership).aggregate(n=Max("number"))["n"] or 0) + 1
    action = Action(
        partnership=partnership,
        number=number,
        title=title,
        description=description,
        owner=owner,
        owner_agency_id=owner.agency_id,
        due_date=due_date,
        source=source,
        group=group,
        meeting_item=meeting_item,
        priority=priority,
        review_recommendation=review_recommendation,
    )
    action.full_clean()
    action.save()
    return action


def _record(action: Action, actor: Actor, text: str, status_to: str = "") -> ActionUpdate:
    update = ActionUpdate(
        partnership_id=action.partnership_id,
        action=action,
        author=user_or_none(actor),
        text=text,
        status_from=action.status if status_to else "",
        status_to=status_to,
    )
    update.save()
    return update


@attributed
@transaction.atomic
def action_post_update(*, actor: Actor, action: Action, text: str, status: str = "") -> ActionUpdate:
    """A progress update; may move an open action to in progress (never closes it)."""
    if not text.strip():
        raise ValidationError({"text": UPDATE_EMPTY})
    if action.status == ActionStatus.CLOSED:
        raise ValidationError(ALREADY_CLOSED)
    status_to = status if status and status != action.status and status != ActionStatus.CLOSED else ""
    update = _record(action, actor, text.strip(), status_to)
    if status_to:
        action.status = status_to
        action.save(update_fields=["status", "updated_at"])
    return update


@attributed
@transaction.atomic
def action_add_evidence(
    *,
    actor: Actor,
    action: Action,
    kind: str,
    file=None,
    original_name: str = "",
    link: str = "",
    text: str = "",
) -> ActionEvidence:
    provided: dict[str, object] = {
        EvidenceKind.FILE: file,
        EvidenceKind.LINK: link.strip(),
        EvidenceKind.TEXT: text.strip(),
    }
    if kind not in EVIDENCE_EMPTY:
        raise ValidationError({"kind": EVIDENCE_KIND_MISSING})
    if not provided.get(kind):
        raise ValidationError({kind: EVIDENCE_EMPTY[kind]})
    checked = None
    if kind == EvidenceKind.FILE:
        # The type is judged from the content, never the name: renamed executables, empty or
        # oversized files and macro-enabled documents are refused and nothing is saved.
        name = original_name or getattr(file, "name", "") or "file"
        try:
            checked = check_document(name, file, file.size)
        except UploadError as error:
            raise ValidationError({"file": str(error)}) from error
    evidence = ActionEvidence(
        partnership_id=action.partnership_id,
        action=action,
        kind=kind,
        original_name=original_name if kind == EvidenceKind.FILE else "",
        link=link.strip() if kind == EvidenceKind.LINK else "",
        text=text.strip() if kind == EvidenceKind.TEXT else "",
        added_by=user_or_none(actor),
    )
    if checked is not None:
        # The name people see ends with the real type, so a download never opens as something else.
        shown = os.path.basename(original_name or file.name) or "evidence"
        stem, extension = os.path.splitext(shown)
        if extension.lower() != f".{checked.file_type}":
            shown = f"{stem or 'evidence'}.{checked.file_type}"
        evidence.original_name = shown[-255:]
        evidence.file.save(f"{evidence.uuid}.{checked.file_type}", file, save=False)
    evidence.full_clean()
    evidence.save()
    return evidence


@attributed
@transaction.atomic
def action_close(*, actor: Actor, action: Action, impact: str) -> Action:
    if action.status == ActionStatus.CLOSED:
        raise ValidationError(ALREADY_CLOSED)
    if not impact.strip():
        raise ValidationError({"impact": CLOSE_NEEDS_IMPACT})
    if action.needs_evidence and not action.evidence.filter(is_deleted=False).exists():
        raise ValidationError({"impact": CLOSE_NEEDS_EVIDENCE})
    _record(action, actor, f"Closed. Impact: {impact.strip()}", ActionStatus.CLOSED)
    action.status = ActionStatus.CLOSED
    action.impact = impact.strip()
    action.closed_at = timezone.now()
    action.closed_by = user_or_none(actor)
    action.save(update_fields=["status", "impact", "closed_at", "closed_by", "updated_at"])
    return action


@attributed
@transaction.atomic
def action_reopen(*, actor: Actor, action: Action, reason: str) -> Action:
    if action.status != ActionStatus.CLOSED:
        raise ValidationError(NOT_CLOSED)
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the action is being reopened"})
    _record(action, actor, f"Reopened: {reason.strip()}", ActionStatus.OPEN)
    action.status = ActionStatus.OPEN
    action.closed_at = None
    action.closed_by = None
    action.save(update_fields=["status", "closed_at", "closed_by", "updated_at"])
    return action


@attributed
@transaction.atomic
def action_soft_delete(*, actor: Actor, action: Action) -> None:
    action.is_deleted = True
    action.deleted_at = timezone.now()
    action.save(update_fields=["is_deleted", "deleted_at", "updated_at"])


@attributed
@transaction.atomic
def action_settings_update(
    *, actor: Actor, partnership: Partnership, remind_days_before: int, escalate_days_overdue: int
) -> ActionSettings:
    settings, _ = ActionSettings.objects.get_or_create(partnership=partnership)
    settings.remind_days_before = remind_days_before
    settings.escalate_days_overdue = escalate_days_overdue
    settings.full_clean()
    settings.save()
    return settings


@attributed
def action_send_reminders(*, actor: Actor, today: date | None = None) -> dict[str, int]:
    """Email owners N days before the due date and when overdue; escalate to the group chair.

    Run daily (`manage.py send_action_reminders`). Each action is reminded at most once a day.
    """
    today = today or timezone.localdate()
    counts = {"due_soon": 0, "overdue": 0, "escalated": 0}
    thresholds = {s.partnership_id: s for s in ActionSettings.objects.all()}
    open_actions = (
        Action.objects.filter(is_deleted=False)
        .exclude(status=ActionStatus.CLOSED)
        .exclude(last_reminded_on=today)
        .select_related("owner", "group__chair", "partnership")
    )
    for action in open_actions.iterator(chunk_size=1000):
        settings = thresholds.get(action.partnership_id) or ActionSettings()
        days_left = (action.due_date - today).days
        kind = None
        if days_left == settings.remind_days_before:
            kind = "due_soon"
        elif days_left < 0 and (-days_left) % 7 == 1:
            kind = "overdue"  # the day after the due date, then weekly
        if kind and action.owner.email:
            _queue_email(
                [action.owner.email],
                f"{action.reference} is {'due soon' if kind == 'due_soon' else 'overdue'}",
                f"{action.title}\nDue: {long_date(action.due_date)}\n"
                f"Partnership: {action.partnership.name}\n",
            )
            counts[kind] += 1
        escalate = days_left < -settings.escalate_days_overdue and action.escalated_at is None
        if escalate:
            chair = action.group.chair if action.group else None
            if chair is not None and chair.email:
                _queue_email(
                    [chair.email],
                    f"Escalation: {action.reference} is {-days_left} days overdue",
                    f"{action.title}\nOwner: {action.owner.name}\nDue: {long_date(action.due_date)}\n",
                )
            action.escalated_at = timezone.now()
            counts["escalated"] += 1
        if kind or escalate:
            action.last_reminded_on = today
            action.save(update_fields=["last_reminded_on", "escalated_at"])
    return counts


def _queue_email(to: list[str], subject: str, body: str) -> None:
    transaction.on_commit(lambda: send_email.enqueue(to=to, subject=subject, body=body))
