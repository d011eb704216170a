"""Changes to the Section 11 and Section 175 self-assessments (docs/domain.md, "12.").

Each service is atomic and saves nothing when it refuses; refusals are ValidationErrors in plain
English keyed by the form field they are about; django-auditlog records each change under the
service's actor.
"""

from datetime import date
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from masa.actions.models import ActionSource
from masa.actions.services import action_create
from masa.assurance.default_standards import DEFAULTS
from masa.assurance.models import (
    ReturnStatus,
    Section11Cycle,
    Section11Evidence,
    Section11Improvement,
    Section11Rating,
    Section11Return,
    Standard,
    StandardsKind,
    StandardsSet,
)
from masa.assurance.selectors_section11 import business_team_emails, lead_emails
from masa.core import bounds
from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import long_date
from masa.core.reminders import DUE_SOON, DUE_TODAY, OVERDUE, reminder_kind
from masa.core.uploads import UploadError, check_document, name_with_real_type
from masa.partnership.models import Agency, Partnership, PartnershipAgency, Person

SET_IN_USE = "This set is used by a cycle, so its standards can no longer change: copy it to make a new set"
KIND_NEEDED = "Select the kind of standards"
STANDARD_TITLE_NEEDED = "Enter the title of the standard"
DESCRIPTOR_NEEDED = "Enter what {label} looks like"
SET_NEEDED = "Select the standards set"
SET_EMPTY = "The standards set has no standards yet: add some before opening a cycle"
CYCLE_TITLE_NEEDED = "Enter the title of the cycle"
AGENCIES_NEEDED = "Select the agencies or schools asked to complete a return"
AGENCY_FOREIGN = "Select agencies of this partnership"
DEADLINE_BEFORE_OPEN = "The deadline must be on or after the date the cycle opens"
RATING_NEEDED = "Select a rating for standard {number}, {title}"
RATING_RANGE = "Select a rating from 1 to 4 for standard {number}"
EVIDENCE_LONG = "The evidence for standard {number} must be {limit:,} characters or fewer"
LINK_LONG = "The link for standard {number} must be 500 characters or fewer"
RETURN_SUBMITTED = "This return was submitted, so it cannot be changed unless the business team reopens it"
IMPROVEMENT_TEXT_NEEDED = "Enter the improvement action"
IMPROVEMENT_OWNER_NEEDED = "Select who owns the improvement action"
IMPROVEMENT_OWNER_FOREIGN = "Select a person of this agency"
IMPROVEMENT_DUE_NEEDED = "Enter the date the improvement action is due"
IMPROVEMENT_DUE_PAST = "The date the improvement action is due must be today or in the future"
IMPROVEMENT_PAST_AT_SUBMIT = (
    "The improvement action '{text}' is due on {due}, which has passed: change or remove it, then submit"
)
REOPEN_REASON_NEEDED = "Enter why the return is being reopened"
REOPEN_NOT_SUBMITTED = "Only a submitted return can be reopened"
LABELS = {1: "inadequate", 2: "requires improvement", 3: "good", 4: "outstanding"}


def _set_editable(standards_set: StandardsSet) -> None:
    if standards_set.cycles.exists():
        raise ValidationError({"__all__": SET_IN_USE})


# Standards sets ---------------------------------------------------------------------------------


@attributed
@transaction.atomic
def standards_set_from_default(*, actor: Actor, partnership: Partnership, kind: str) -> StandardsSet:
    """A new set holding a copy of masa's default standards of this kind, for the partnership to change."""
    if kind not in StandardsKind.values:
        raise ValidationError({"kind": KIND_NEEDED})
    name, standards = DEFAULTS[kind]
    standards_set = StandardsSet.objects.create(partnership=partnership, name=name, kind=kind)
    Standard.objects.bulk_create(
        Standard(
            partnership=partnership,
            standards_set=standards_set,
            number=number,
            title=title,
            descriptor_1=d1,
            descriptor_2=d2,
            descriptor_3=d3,
            descriptor_4=d4,
        )
        for number, (title, d1, d2, d3, d4) in enumerate(standards, start=1)
    )
    return standards_set


@attributed
@transaction.atomic
def standard_save(
    *,
    actor: Actor,
    standards_set: StandardsSet,
    title: str,
    descriptor_1: str,
    descriptor_2: str,
    descriptor_3: str,
    descriptor_4: str,
    standard: Standard | None = None,
) -> Standard:
    """Add a standard at the end of a set, or change one, while no cycle uses the set."""
    _set_editable(standards_set)
    values = {"title": title.strip()}
    errors: dict[str, str] = {}
    if not values["title"]:
        errors["title"] = STANDARD_TITLE_NEEDED
    for n, text in enumerate((descriptor_1, descriptor_2, descriptor_3, descriptor_4), start=1):
        values[f"descriptor_{n}"] = text.strip()
        if not values[f"descriptor_{n}"]:
            errors[f"descriptor_{n}"] = DESCRIPTOR_NEEDED.format(label=LABELS[n])
    if errors:
        raise ValidationError(errors)
    if standard is None:
        StandardsSet.objects.select_for_update().filter(pk=standards_set.pk).first()
        number = (standards_set.standards.aggregate(n=Max("number"))["n"] or 0) + 1
        standard = Standard(
            partnership_id=standards_set.partnership_id, standards_set=standards_set, number=number
        )
    elif standard.standards_set_id != standards_set.pk:
        raise ValidationError("The standard belongs to another set")
    for key, value in values.items():
        setattr(standard, key, value)
    standard.full_clean()
    standard.save()
    return standard


@attributed
@transaction.atomic
def standard_move(*, actor: Actor, standard: Standard, up: bool) -> Standard:
    """Swap a standard with the one before (`up`) or after it, renumbering the set 1, 2, 3..."""
    standards_set = standard.standards_set
    _set_editable(standards_set)
    ordered = list(standards_set.standards.select_for_update().order_by("number", "pk"))
    index = next(i for i, s in enumerate(ordered) if s.pk == standard.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
    for number, item in enumerate(ordered, start=1):
        if item.number != number:
            item.number = number
            item.save(update_fields=["number", "updated_at"])
    return standard


# Cycles -----------------------------------------------------------------------------------------


@attributed
@transaction.atomic
def cycle_open(
    *,
    actor: Actor,
    partnership: Partnership,
    standards_set: StandardsSet | None,
    title: str,
    agencies: list[Agency],
    opens_on: date | None,
    deadline: date | None,
) -> Section11Cycle:
    """Open a cycle: a return, not yet submitted, for each agency or school asked."""
    title = title.strip()
    errors: dict[str, str] = {}
    if standards_set is None or standards_set.partnership_id != partnership.pk:
        errors["standards_set"] = SET_NEEDED
    elif not standards_set.standards.exists():
        errors["standards_set"] = SET_EMPTY
    if not title:
        errors["title"] = CYCLE_TITLE_NEEDED
    if not agencies:
        errors["agencies"] = AGENCIES_NEEDED
    else:
        ids = {a.pk for a in agencies}
        known = set(
            PartnershipAgency.objects.filter(partnership=partnership, agency_id__in=ids).values_list(
                "agency_id", flat=True
            )
        )
        if ids - known:
            errors["agencies"] = AGENCY_FOREIGN
    if opens_on is None:
        errors["opens_on"] = "Enter the date the cycle opens"
    if deadline is None:
        errors["deadline"] = "Enter the deadline for returns"
    elif opens_on is not None and deadline < opens_on:
        errors["deadline"] = DEADLINE_BEFORE_OPEN
    if errors:
        raise ValidationError(errors)
    assert standards_set is not None and opens_on is not None and deadline is not None
    cycle = Section11Cycle.objects.create(
        partnership=partnership,
        standards_set=standards_set,
        title=title,
        opens_on=opens_on,
        deadline=deadline,
    )
    Section11Return.objects.bulk_create(
        Section11Return(partnership=partnership, cycle=cycle, agency=agency)
        for agency in sorted({a.pk: a for a in agencies}.values(), key=lambda a: a.name)
    )
    return cycle


# Returns ----------------------------------------------------------------------------------------


def _check_answers(
    standards: list[Standard], answers: dict[int, dict[str, Any]], *, complete: bool
) -> dict[str, str]:
    errors: dict[str, str] = {}
    for standard in standards:
        answer = answers.get(standard.pk, {})
        rating = answer.get("rating")
        key = f"_{standard.pk}"
        if rating in (None, ""):
            if complete:
                errors["rating" + key] = RATING_NEEDED.format(number=standard.number, title=standard.title)
        elif not isinstance(rating, int) or not 1 <= rating <= 4:
            errors["rating" + key] = RATING_RANGE.format(number=standard.number)
        if len(answer.get("evidence") or "") > bounds.SUMMARY_LENGTH:
            errors["evidence" + key] = EVIDENCE_LONG.format(
                number=standard.number, limit=bounds.SUMMARY_LENGTH
            )
        if len(answer.get("link") or "") > 500:
            errors["link" + key] = LINK_LONG.format(number=standard.number)
    return errors


@attributed
@transaction.atomic
def return_save(
    *,
    actor: Actor,
    section11_return: Section11Return,
    answers: dict[int, dict[str, Any]],
    submit: bool = False,
    today: date | None = None,
) -> Section11Return:
    """Save an agency's ratings, evidence and links as a draft, or submit them.

    `answers` maps each standard's id to {"rating": 1-4 or None, "evidence": str, "link": str}.
    Submitting needs every standard rated and every improvement action still due today or
    later; each improvement then becomes an action in the tracker (source "Section 11
    improvement"). A return submitted after the deadline is accepted and marked late. A
    submitted return is read-only until the business team reopens it.
    """
    today = today or timezone.localdate()
    ret = (
        Section11Return.objects.select_for_update()
        .select_related("cycle__standards_set")
        .get(pk=section11_return.pk)
    )
    if ret.status == ReturnStatus.SUBMITTED:
        raise ValidationError({"__all__": RETURN_SUBMITTED})
    standards = list(ret.cycle.standards_set.standards.order_by("number", "pk"))
    errors = _check_answers(standards, answers, complete=submit)
    improvements = list(ret.improvements.select_related("owner").filter(action__isnull=True))
    if submit:
        for improvement in improvements:
            if improvement.due_date < today:
                errors.setdefault(
                    "__all__",
                    IMPROVEMENT_PAST_AT_SUBMIT.format(
                        text=improvement.text[:60], due=long_date(improvement.due_date)
                    ),
                )
    if errors:
        raise ValidationError(errors)
    existing = {r.standard_id: r for r in ret.ratings.all()}
    changed, new = [], []
    for standard in standards:
        answer = answers.get(standard.pk, {})
        values = {
            "rating": answer.get("rating") or None,
            "evidence": (answer.get("evidence") or "").strip(),
            "link": (answer.get("link") or "").strip(),
        }
        row = existing.get(standard.pk)
        if row is None:
            new.append(
                Section11Rating(
                    partnership_id=ret.partnership_id, section11_return=ret, standard=standard, **values
                )
            )
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            row.save()
            changed.append(row)
    for row in new:
        row.save()
    if submit:
        ret.status = ReturnStatus.SUBMITTED
        ret.submitted_on = today
        ret.is_late = today > ret.cycle.deadline
        ret.save(update_fields=["status", "submitted_on", "is_late", "updated_at"])
        for improvement in improvements:
            _improvement_action(actor, ret, improvement, today)
    else:
        ret.save(update_fields=["updated_at"])
    return ret


def _improvement_action(
    actor: Actor, ret: Section11Return, improvement: Section11Improvement, today: date
) -> None:
    action = action_create(
        actor=actor,
        partnership=ret.partnership,
        title=f"Section 11 improvement: {improvement.text}"[:300],
        description=f"{ret.cycle.title}: {ret.agency.name}'s self-assessment.",
        owner=improvement.owner,
        owner_agency=ret.agency,
        due_date=improvement.due_date,
        source=ActionSource.SECTION11_IMPROVEMENT,
        today=today,
    )
    improvement.action = action
    improvement.save(update_fields=["action", "updated_at"])


@attributed
@transaction.atomic
def improvement_add(
    *,
    actor: Actor,
    section11_return: Section11Return,
    text: str,
    due_date: date | None,
    owner: Person | None,
    today: date | None = None,
) -> Section11Improvement:
    """An improvement action on a return not yet submitted; owned by someone of the agency, due
    today or later. It becomes a tracker action when the return is submitted."""
    today = today or timezone.localdate()
    ret = section11_return
    text = text.strip()
    errors: dict[str, str] = {}
    if ret.status == ReturnStatus.SUBMITTED:
        raise ValidationError({"__all__": RETURN_SUBMITTED})
    if not text:
        errors["text"] = IMPROVEMENT_TEXT_NEEDED
    elif len(text) > bounds.REASON_LENGTH:
        errors["text"] = bounds.length_message("improvement action", bounds.REASON_LENGTH)
    if owner is None:
        errors["owner"] = IMPROVEMENT_OWNER_NEEDED
    elif owner.partnership_id != ret.partnership_id or owner.agency_id != ret.agency_id:
        errors["owner"] = IMPROVEMENT_OWNER_FOREIGN
    if due_date is None:
        errors["due_date"] = IMPROVEMENT_DUE_NEEDED
    elif due_date < today:
        errors["due_date"] = IMPROVEMENT_DUE_PAST
    if errors:
        raise ValidationError(errors)
    assert owner is not None and due_date is not None
    return Section11Improvement.objects.create(
        partnership_id=ret.partnership_id, section11_return=ret, text=text, due_date=due_date, owner=owner
    )


@attributed
@transaction.atomic
def improvement_remove(*, actor: Actor, improvement: Section11Improvement) -> None:
    if improvement.section11_return.status == ReturnStatus.SUBMITTED or improvement.action_id:
        raise ValidationError({"__all__": RETURN_SUBMITTED})
    improvement.delete()


@attributed
@transaction.atomic
def return_reopen(*, actor: Actor, section11_return: Section11Return, reason: str) -> Section11Return:
    """The business team reopens a submitted return for the agency to change; the reason is kept in
    the audit log with the change. Its improvement actions stay in the tracker."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": REOPEN_REASON_NEEDED})
    if len(reason) > bounds.REASON_LENGTH:
        raise ValidationError({"reason": bounds.length_message("reason", bounds.REASON_LENGTH)})
    ret = Section11Return.objects.select_for_update().get(pk=section11_return.pk)
    if ret.status != ReturnStatus.SUBMITTED:
        raise ValidationError({"__all__": REOPEN_NOT_SUBMITTED})
    ret.status = ReturnStatus.DRAFT
    ret.submitted_on = None
    ret.is_late = False
    ret.change_reason = reason
    ret.save(update_fields=["status", "submitted_on", "is_late", "updated_at"])
    return ret


# Evidence files and the challenge session ---------------------------------------------------

EVIDENCE_FILE_NEEDED = "Select a file to upload"
EVIDENCE_STANDARD_FOREIGN = "Select a standard of this return's set"
EVIDENCE_FILES_FULL = "A return can hold up to {limit} evidence files: remove one before adding another"
MAX_EVIDENCE_FILES = 30
CHALLENGE_NOT_SUBMITTED = "Only a submitted return can be challenged"
CHALLENGE_DATE_NEEDED = "Enter the date of the challenge session"
CHALLENGE_DATE_FUTURE = "The date of the challenge session must be today or in the past"
CHALLENGE_WHO_NEEDED = "Enter who took part in the challenge session"
CHALLENGE_SUMMARY_NEEDED = "Enter what the challenge found"
MODERATION_NOTE_NEEDED = "Enter why standard {number} was moderated from {before} to {after}"


@attributed
@transaction.atomic
def evidence_add(
    *,
    actor: Actor,
    section11_return: Section11Return,
    file: Any,
    original_name: str = "",
    standard: Standard | None = None,
) -> Section11Evidence:
    """A document given as evidence while the return is not submitted: checked by its content,
    type and size like every other upload (masa.core.uploads); a refused file saves nothing."""
    ret = Section11Return.objects.select_for_update().select_related("cycle").get(pk=section11_return.pk)
    if ret.status == ReturnStatus.SUBMITTED:
        raise ValidationError({"__all__": RETURN_SUBMITTED})
    if file is None:
        raise ValidationError({"file": EVIDENCE_FILE_NEEDED})
    if standard is not None and standard.standards_set_id != ret.cycle.standards_set_id:
        raise ValidationError({"standard": EVIDENCE_STANDARD_FOREIGN})
    if ret.evidence_files.count() >= MAX_EVIDENCE_FILES:
        raise ValidationError({"file": EVIDENCE_FILES_FULL.format(limit=MAX_EVIDENCE_FILES)})
    name = original_name or getattr(file, "name", "") or "evidence"
    try:
        checked = check_document(name, file, file.size)
    except UploadError as error:
        raise ValidationError({"file": str(error)}) from error
    evidence = Section11Evidence(
        partnership_id=ret.partnership_id,
        section11_return=ret,
        standard=standard,
        original_name=name_with_real_type(name, checked.file_type, fallback="evidence"),
        added_by=user_or_none(actor),
    )
    evidence.file.save(f"{evidence.uuid}.{checked.file_type}", file, save=False)
    evidence.full_clean()
    evidence.save()
    return evidence


@attributed
@transaction.atomic
def evidence_remove(*, actor: Actor, evidence: Section11Evidence) -> None:
    ret = Section11Return.objects.select_for_update().get(pk=evidence.section11_return_id)
    if ret.status == ReturnStatus.SUBMITTED:
        raise ValidationError({"__all__": RETURN_SUBMITTED})
    stored = evidence.file.name
    storage = evidence.file.storage
    evidence.delete()
    # The file goes only once the record is gone for good.
    transaction.on_commit(lambda: storage.delete(stored) if stored else None)


@attributed
@transaction.atomic
def return_challenge(
    *,
    actor: Actor,
    section11_return: Section11Return,
    challenged_on: date | None,
    challenged_by: str,
    summary: str,
    moderated: dict[int, dict[str, Any]],
    today: date | None = None,
) -> Section11Return:
    """Record the challenge session of a submitted return: when, who took part, what it found,
    and for each standard the moderated rating where peers agreed a different one, with why.

    `moderated` maps a standard's id to {"rating": 1-4 or None, "note": str}; a rating equal to
    the agency's own is no change. The results use the moderated rating where there is one.
    """
    today = today or timezone.localdate()
    ret = Section11Return.objects.select_for_update().get(pk=section11_return.pk)
    if ret.status != ReturnStatus.SUBMITTED:
        raise ValidationError({"__all__": CHALLENGE_NOT_SUBMITTED})
    challenged_by, summary = challenged_by.strip(), summary.strip()
    errors: dict[str, str] = {}
    if challenged_on is None:
        errors["challenged_on"] = CHALLENGE_DATE_NEEDED
    elif challenged_on > today:
        errors["challenged_on"] = CHALLENGE_DATE_FUTURE
    if not challenged_by:
        errors["challenged_by"] = CHALLENGE_WHO_NEEDED
    elif len(challenged_by) > 500:
        errors["challenged_by"] = bounds.length_message("list of who took part", 500)
    if not summary:
        errors["summary"] = CHALLENGE_SUMMARY_NEEDED
    elif len(summary) > bounds.SUMMARY_LENGTH:
        errors["summary"] = bounds.length_message("summary of the challenge", bounds.SUMMARY_LENGTH)
    rows = list(ret.ratings.select_related("standard").order_by("standard__number", "pk"))
    changes: list[tuple[Section11Rating, int | None, str]] = []
    for row in rows:
        answer = moderated.get(row.standard_id, {})
        rating = answer.get("rating") or None
        note = (answer.get("note") or "").strip()
        number = row.standard.number
        if rating is not None and rating not in (1, 2, 3, 4):
            errors[f"moderated_{row.standard_id}"] = RATING_RANGE.format(number=number)
            continue
        if rating == row.rating:
            rating = None
        if len(note) > bounds.SUMMARY_LENGTH:
            errors[f"note_{row.standard_id}"] = bounds.length_message(
                f"note for standard {number}", bounds.SUMMARY_LENGTH
            )
        elif rating is not None and not note:
            errors[f"note_{row.standard_id}"] = MODERATION_NOTE_NEEDED.format(
                number=number, before=row.rating, after=rating
            )
        changes.append((row, rating, note))
    if errors:
        raise ValidationError(errors)
    for row, rating, note in changes:
        if (row.moderated_rating, row.moderation_note) != (rating, note):
            row.moderated_rating, row.moderation_note = rating, note
            row.save(update_fields=["moderated_rating", "moderation_note", "updated_at"])
    ret.challenged_on, ret.challenged_by, ret.challenge_summary = challenged_on, challenged_by, summary
    ret.save(update_fields=["challenged_on", "challenged_by", "challenge_summary", "updated_at"])
    return ret


# Reminders --------------------------------------------------------------------------------------

REMINDER_SUBJECTS = {
    DUE_SOON: "your {title} return is due on {due}",
    DUE_TODAY: "your {title} return is due today",
    OVERDUE: "your {title} return is overdue",
}


def _queue(to: list[str], subject: str, body: str) -> None:
    from masa.core.tasks import send_email

    transaction.on_commit(partial(send_email.enqueue, to=to, subject=subject, body=body))


def _link(ret: Section11Return, site_url: str) -> str:
    return f"{site_url}/p/{ret.partnership.slug}/assurance/section-11/returns/{ret.uuid}/"


@attributed
@transaction.atomic
def section11_send_reminders(
    *, actor: Actor, today: date | None = None, site_url: str = ""
) -> dict[str, int]:
    """Remind agency leads of returns not yet submitted (the partnership's days before the
    deadline, on the day, the day after and weekly after), and tell the business team once
    when a return is more than the partnership's escalation days late. Run daily by
    `manage.py send_reminders`."""
    from masa.actions.models import ActionSettings

    today = today or timezone.localdate()
    counts = {DUE_SOON: 0, DUE_TODAY: 0, OVERDUE: 0, "escalated": 0}
    thresholds = {s.partnership_id: s for s in ActionSettings.objects.all()}
    waiting = (
        Section11Return.objects.filter(status=ReturnStatus.DRAFT, cycle__opens_on__lte=today)
        .exclude(last_reminded_on=today)
        .select_related("cycle", "partnership", "agency")
        .select_for_update(of=("self",))
    )
    for ret in waiting:
        settings = thresholds.get(ret.partnership_id) or ActionSettings()
        days_left = (ret.cycle.deadline - today).days
        kind = reminder_kind(days_left, settings.remind_days_before)
        name = ret.partnership.short_name or ret.partnership.name
        if kind:
            to = lead_emails(ret.partnership, ret.agency_id)
            if to:
                subject = REMINDER_SUBJECTS[kind].format(
                    title=ret.cycle.title, due=long_date(ret.cycle.deadline)
                )
                _queue(
                    to,
                    f"{name}: {subject}",
                    f"{ret.agency.name}: complete your return at {_link(ret, site_url)}\n",
                )
                counts[kind] += 1
        escalate = days_left < -settings.escalate_days_overdue and ret.escalated_on is None
        if escalate:
            to = business_team_emails(ret.partnership)
            if to:
                _queue(
                    to,
                    f"{name}: {ret.agency.name} is {-days_left} days late with its {ret.cycle.title} return",
                    f"The return was due on {long_date(ret.cycle.deadline)}. See {_link(ret, site_url)}\n",
                )
            ret.escalated_on = today
            counts["escalated"] += 1
        if kind or escalate:
            ret.last_reminded_on = today
            ret.save(update_fields=["last_reminded_on", "escalated_on", "updated_at"])
    return counts
