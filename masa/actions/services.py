"""Every write to the action tracker. Callers check permissions first; each write is atomic."""

from collections.abc import Sequence
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
    ActionSource,
    ActionStatus,
    ActionUpdate,
    EvidenceKind,
)
from masa.actions.xlsx import IMPORT_COLUMNS, LogRow, problem_text
from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import long_date
from masa.core.reminders import reminder_kind
from masa.core.tasks import send_email
from masa.core.uploads import UploadError, check_document, name_with_real_type
from masa.partnership.models import Agency, Group, Partnership, PartnershipAgency, Person, Priority

OWNER_FOREIGN = "Choose an owner from this partnership's people"
GROUP_FOREIGN = "Choose a group of this partnership"
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

# Changing several actions at once (docs/domain.md, "9. The action tracker").
BULK_OWNER = "owner"
BULK_DUE_DATE = "due_date"
BULK_WITHDRAW = "withdraw"
BULK_CHANGES = (BULK_OWNER, BULK_DUE_DATE, BULK_WITHDRAW)
BULK_NONE_SELECTED = "Select the actions to change"
BULK_OWNER_MISSING = "Select the new owner"
BULK_DUE_DATE_MISSING = "Enter the new due date"
BULK_CHANGE_NEEDS_REASON = "Enter why the actions are being changed"
BULK_WITHDRAW_NEEDS_REASON = "Enter why the actions are being withdrawn"
BULK_NOT_OPEN = "{reference} is {status}, so it cannot be changed or withdrawn: untick it"
BULK_SAME_OWNER = "{reference} already has this owner and agency: untick it or choose someone else"
BULK_SAME_DUE_DATE = "{reference} is already due on {day}: untick it or choose another date"


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
    owner_agency: Agency | None = None,
    inspection_finding=None,
    assurance_request=None,
    today: date | None = None,
) -> Action:
    """A new action. `today` is the day it was agreed (today unless a loader records history);
    its due date may not be before that day (docs/domain.md, "9. The action tracker"). The
    owner's agency is the owner's own unless another is given."""
    errors: dict[str, str] = {}
    title, description = title.strip(), description.strip()
    if not title:
        errors["title"] = TITLE_EMPTY
    if owner.partnership_id != partnership.pk:
        errors["owner"] = OWNER_FOREIGN
    if group is not None and group.partnership_id != partnership.pk:
        errors["group"] = GROUP_FOREIGN
    if review_recommendation is not None and review_recommendation.partnership_id != partnership.pk:
        errors["review_recommendation"] = RECOMMENDATION_FOREIGN
    if inspection_finding is not None and inspection_finding.partnership_id != partnership.pk:
        errors["inspection_finding"] = INSPECTION_FINDING_FOREIGN
    if assurance_request is not None and assurance_request.partnership_id != partnership.pk:
        errors["assurance_request"] = "The assurance request belongs to another partnership"
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
        owner_agency_id=owner_agency.pk if owner_agency else owner.agency_id,
        due_date=due_date,
        source=source,
        group=group,
        meeting_item=meeting_item,
        priority=priority,
        review_recommendation=review_recommendation,
        inspection_finding=inspection_finding,
        assurance_request=assurance_request,
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
        evidence.original_name = name_with_real_type(
            original_name or file.name, checked.file_type, fallback="evidence"
        )
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
def action_bulk_change(
    *,
    actor: Actor,
    actions: Sequence[Action],
    change: str,
    reason: str,
    owner: Person | None = None,
    owner_agency: Agency | None = None,
    due_date: date | None = None,
    today: date | None = None,
) -> int:
    """One change to several actions of one partnership, all or nothing; returns how many changed.

    Each action goes through `action_change` or `action_withdraw`, so its history, the audit log
    and the count of extensions are exactly as for one action. If any action cannot take the
    change, every problem is reported with the action's reference and nothing is saved
    (docs/domain.md, "9. The action tracker"). Callers check CHANGE_ACTION or WITHDRAW_ACTION
    on every action first.
    """
    if change not in BULK_CHANGES:
        raise ValueError(f"Unknown bulk change {change!r}")
    errors: dict[str, str] = {}
    if not actions:
        errors["actions"] = BULK_NONE_SELECTED
    if not reason.strip():
        errors["reason"] = BULK_WITHDRAW_NEEDS_REASON if change == BULK_WITHDRAW else BULK_CHANGE_NEEDS_REASON
    if change == BULK_OWNER and owner is None:
        errors["owner"] = BULK_OWNER_MISSING
    if change == BULK_DUE_DATE:
        if due_date is None:
            errors["due_date"] = BULK_DUE_DATE_MISSING
        elif due_date < (today or timezone.localdate()):
            errors["due_date"] = DUE_DATE_PAST
    if errors:
        raise ValidationError(errors)
    # Read afresh and locked: the callers' copies stay as they were if anything is refused.
    locked = list(
        Action.objects.select_for_update().filter(pk__in=[a.pk for a in actions]).order_by("number")
    )
    problems: list[str] = []
    for action in locked:
        try:
            if change == BULK_WITHDRAW:
                action_withdraw(actor=actor, action=action, reason=reason)
                continue
            assert owner is not None or due_date is not None
            action_change(
                actor=actor,
                action=action,
                title=action.title,
                description=action.description,
                owner=owner or action.owner,
                owner_agency=(owner_agency or owner.agency) if owner else action.owner_agency,
                due_date=due_date or action.due_date,
                reason=reason,
                today=today,
            )
        except ValidationError as error:
            problems.extend(_bulk_problems(action, error, change, due_date))
    if problems:
        raise ValidationError({"actions": problems})
    return len(locked)


def _bulk_problems(action: Action, error: ValidationError, change: str, due_date: date | None) -> list[str]:
    """A single-action refusal in words that name the action."""
    found = []
    for message in error.messages:
        if message == NOT_OPEN:
            status = action.get_status_display().lower()
            found.append(BULK_NOT_OPEN.format(reference=action.reference, status=status))
        elif message == CHANGE_NOTHING and change == BULK_OWNER:
            found.append(BULK_SAME_OWNER.format(reference=action.reference))
        elif message == CHANGE_NOTHING and due_date is not None:
            found.append(BULK_SAME_DUE_DATE.format(reference=action.reference, day=long_date(due_date)))
        else:
            found.append(f"{action.reference}: {message}")
    return found


IMPORTED_NOTE = "Imported from an earlier action log"
IMPORT_MAX_PROBLEMS = 100
IMPORT_MORE_PROBLEMS = (
    "There are {count} more problems. Fix the ones listed and upload the file again to see them"
)


def _names(values: Sequence[tuple[str, object]]) -> dict[str, list]:
    """Records by their name in lower case, for matching what people typed."""
    found: dict[str, list] = {}
    for name, record in values:
        key = " ".join(name.lower().split())
        if key and record not in found.setdefault(key, []):
            found[key].append(record)
    return found


@attributed
@transaction.atomic
def action_import(
    *, actor: Actor, partnership: Partnership, rows: Sequence[LogRow], today: date | None = None
) -> int:
    """Add the actions of an earlier action log, all or nothing; returns how many were added.

    Every problem is reported by row and column before anything is saved: the rows' own problems
    (from the reader) and whether the owner, the owner's agency and the group are the
    partnership's. Due dates may be in the past: the log is history. Each action gets a note that
    it was imported, its latest update, and is closed with its impact if the log says it is closed
    (docs/domain.md, "9. The action tracker"). The audit log records every record under the actor.
    """
    today = today or timezone.localdate()
    people_qs = Person.objects.filter(partnership=partnership).select_related("agency", "user")
    people = list(people_qs.order_by("-is_active", "pk"))
    # A person is found by the email on their record or on their account.
    emails = [(p.email, p) for p in people if p.email]
    by_email = _names(emails + [(p.user.email, p) for p in people if p.user and p.user.email])
    by_name = _names([(p.name, p) for p in people])
    agencies = _names(
        [(a.name, a) for a in Agency.objects.filter(memberships__partnership=partnership).distinct()]
    )
    partnership_groups = list(Group.objects.filter(partnership=partnership))
    groups = _names(
        [(g.name, g) for g in partnership_groups]
        + [(g.short_name, g) for g in partnership_groups if g.short_name]
    )
    order = {heading: index for index, (heading, _, _) in enumerate(IMPORT_COLUMNS)}
    problems: list[tuple[int, int, str]] = []
    resolved: list[tuple[LogRow, Person, Agency | None, Group | None]] = []
    for row in rows:
        found = list(row.problems)
        owner = agency = group = None
        if row.owner and "Owner" not in dict(found):
            owner, problem = _match_owner(row.owner, by_email, by_name)
            if problem:
                found.append(("Owner", problem))
        if row.owner_agency:
            matches = agencies.get(" ".join(row.owner_agency.lower().split()), [])
            if matches:
                agency = matches[0]
            else:
                found.append(("Owner's agency", f"{row.owner_agency} is not an agency of this partnership"))
        if row.group:
            matches = groups.get(" ".join(row.group.lower().split()), [])
            if len(matches) == 1:
                group = matches[0]
            else:
                found.append(("Group", f"{row.group} is not a group of this partnership"))
        if row.status == ActionStatus.CLOSED and not row.impact and "Impact" not in dict(found):
            found.append(
                ("Impact", "enter the impact of the closed action: what changed for children or practice")
            )
        problems.extend(
            (row.row, order.get(column, 0), problem_text(row.row, column, text)) for column, text in found
        )
        if not found and owner is not None:
            resolved.append((row, owner, agency, group))
    if problems:
        messages = [text for _, _, text in sorted(problems)]
        if len(messages) > IMPORT_MAX_PROBLEMS:
            extra = len(messages) - IMPORT_MAX_PROBLEMS
            messages = messages[:IMPORT_MAX_PROBLEMS] + [IMPORT_MORE_PROBLEMS.format(count=f"{extra:,}")]
        raise ValidationError({"file": messages})
    for row, owner, agency, group in resolved:
        assert row.due_date is not None
        action = action_create(
            actor=actor,
            partnership=partnership,
            title=row.title,
            description=row.description,
            owner=owner,
            owner_agency=agency,
            due_date=row.due_date,
            source=ActionSource.IMPORTED,
            group=group,
            today=min(row.due_date, today),
        )
        in_progress = ActionStatus.IN_PROGRESS if row.status == ActionStatus.IN_PROGRESS else ""
        action_post_update(actor=actor, action=action, text=IMPORTED_NOTE, status=in_progress)
        if row.latest_update:
            action_post_update(actor=actor, action=action, text=row.latest_update)
        if row.status == ActionStatus.CLOSED:
            action_close(actor=actor, action=action, impact=row.impact)
    return len(resolved)


def _match_owner(
    typed: str, by_email: dict[str, list], by_name: dict[str, list]
) -> tuple[Person | None, str]:
    """The person an owner cell names (by email, else by name), or why there is none."""
    key = " ".join(typed.lower().split())
    matches = by_email.get(key) if "@" in key else by_name.get(key)
    if not matches:
        return None, f"{typed} is not one of the partnership's people: check the spelling, or add them first"
    active = [person for person in matches if person.is_active]
    if len(matches) == 1 or len(active) == 1:
        return (active or matches)[0], ""
    return None, f"more than one person is called {typed}: enter their email address instead"


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
