"""Every write to the action tracker. Callers check permissions first; each write is atomic."""

import os
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from masa.actions.models import (
    OPEN_STATUSES,
    Action,
    ActionEvidence,
    ActionSettings,
    ActionStatus,
    ActionUpdate,
    EvidenceKind,
)
from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import long_date
from masa.core.reminders import reminder_kind
from masa.core.tasks import send_email
from masa.core.uploads import UploadError, check_document
from masa.partnership.models import Agency, Group, Partnership, PartnershipAgency, Person, Priority

OWNER_FOREIGN = "Choose an owner from this partnership's people"
DUE_DATE_PAST = "The due date must be today or in the future"
RECOMMENDATION_FOREIGN = "Choose a recommendation of this partnership's reviews"
INSPECTION_FINDING_FOREIGN = "Choose a finding of this partnership's inspections"
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
TITLE_EMPTY = "Enter the title"
AGENCY_FOREIGN = "Choose an agency of this partnership"
CHANGE_NEEDS_REASON = "Enter why the action is being changed"
CHANGE_NOTHING = "Change at least one detail of the action, or go back"
NOT_OPEN = "Only an open or in-progress action can be changed or withdrawn"
WITHDRAW_NEEDS_REASON = "Enter why the action is being withdrawn"
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
    inspection_finding=None,
    today: date | None = None,
) -> Action:
    """A new action. `today` is the day it was agreed (today unless a loader records history);
    its due date may not be before that day (docs/domain.md, "9. The action tracker")."""
    errors: dict[str, str] = {}
    if owner.partnership_id != partnership.pk:
        errors["owner"] = OWNER_FOREIGN
    if review_recommendation is not None and review_recommendation.partnership_id != partnership.pk:
        errors["review_recommendation"] = RECOMMENDATION_FOREIGN
    if inspection_finding is not None and inspection_finding.partnership_id != partnership.pk:
        errors["inspection_finding"] = INSPECTION_FINDING_FOREIGN
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
        inspection_finding=inspection_finding,
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
    if not action.is_open:
        raise ValidationError(NOT_OPEN)
    status_to = status if status and status != action.status and status in OPEN_STATUSES else ""
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
    if not action.is_open:
        raise ValidationError(NOT_OPEN)
    errors: dict[str, str] = {}
    if not impact.strip():
        errors["impact"] = CLOSE_NEEDS_IMPACT
    if action.needs_evidence and not action.evidence.filter(is_deleted=False).exists():
        errors["evidence"] = CLOSE_NEEDS_EVIDENCE
    if errors:
        raise ValidationError(errors)
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


def _describe(value: object) -> str:
    """A detail in words for the history: names, dates in GOV.UK style, "none" for empty text."""
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, Person | Agency):
        return value.name
    return str(value) if value else "none"


@attributed
@transaction.atomic
def action_change(
    *,
    actor: Actor,
    action: Action,
    title: str,
    description: str,
    owner: Person,
    owner_agency: Agency,
    due_date: date,
    reason: str,
    today: date | None = None,
) -> ActionUpdate:
    """Change an open action's details with a reason, kept in its history.

    A due date moved later is an extension (the Board's overdue list counts them); a new due date
    may not be in the past (docs/domain.md, "9. The action tracker"). auditlog records the
    changed fields under the actor.
    """
    errors: dict[str, str] = {}
    if not action.is_open:
        raise ValidationError(NOT_OPEN)
    title, description, reason = title.strip(), description.strip(), reason.strip()
    if not title:
        errors["title"] = TITLE_EMPTY
    if owner.partnership_id != action.partnership_id:
        errors["owner"] = OWNER_FOREIGN
    if not PartnershipAgency.objects.filter(
        partnership_id=action.partnership_id, agency=owner_agency
    ).exists():
        errors["owner_agency"] = AGENCY_FOREIGN
    if due_date != action.due_date and due_date < (today or timezone.localdate()):
        errors["due_date"] = DUE_DATE_PAST
    if not reason:
        errors["reason"] = CHANGE_NEEDS_REASON
    if errors:
        raise ValidationError(errors)
    # (label, model field, old value, new value)
    details = [
        ("Title", "title", action.title, title),
        ("Description", "description", action.description, description),
        ("Owner", "owner", action.owner, owner),
        ("Owner's agency", "owner_agency", action.owner_agency, owner_agency),
        ("Due date", "due_date", action.due_date, due_date),
    ]
    changed = [d for d in details if d[2] != d[3]]
    if not changed:
        raise ValidationError(CHANGE_NOTHING)
    update = ActionUpdate(
        partnership_id=action.partnership_id,
        action=action,
        author=user_or_none(actor),
        text=reason,
        changes=[
            {"field": label, "from": _describe(old), "to": _describe(new)} for label, _, old, new in changed
        ],
    )
    if due_date != action.due_date:
        update.due_date_from, update.due_date_to = action.due_date, due_date
    update.save()
    for _, name, _, new in changed:
        setattr(action, name, new)
    action.full_clean()
    action.save(update_fields=[name for _, name, _, _ in changed] + ["updated_at"])
    return update


@attributed
@transaction.atomic
def action_withdraw(*, actor: Actor, action: Action, reason: str) -> Action:
    """Withdraw an action no longer needed: the record and its history stay, it leaves open lists."""
    if not action.is_open:
        raise ValidationError(NOT_OPEN)
    if not reason.strip():
        raise ValidationError({"reason": WITHDRAW_NEEDS_REASON})
    _record(action, actor, reason.strip(), ActionStatus.WITHDRAWN)
    action.status = ActionStatus.WITHDRAWN
    action.save(update_fields=["status", "updated_at"])
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

    Run daily (`manage.py send_reminders`). Each action is reminded at most once a day.
    """
    today = today or timezone.localdate()
    counts = {"due_soon": 0, "overdue": 0, "escalated": 0}
    thresholds = {s.partnership_id: s for s in ActionSettings.objects.all()}
    open_actions = (
        Action.objects.filter(is_deleted=False, status__in=OPEN_STATUSES)
        .exclude(last_reminded_on=today)
        .select_related("owner", "group__chair", "partnership")
    )
    for action in open_actions.iterator(chunk_size=1000):
        settings = thresholds.get(action.partnership_id) or ActionSettings()
        days_left = (action.due_date - today).days
        kind = reminder_kind(days_left, settings.remind_days_before, on_the_day=False)
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
