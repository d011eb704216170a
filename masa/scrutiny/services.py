"""Changes to scrutiny records and statements of assurance. Each service is atomic and saves
nothing when it refuses; refusals are ValidationErrors in plain English keyed by the form field
they are about; django-auditlog records each change under the actor (docs/domain.md,
"Independent scrutiny and the statement of assurance").
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from masa.accounts.models import Membership, Role, User
from masa.actions.models import ActionSource
from masa.actions.services import action_create
from masa.assurance.services import response_errors
from masa.core.actors import Actor, attributed, user_or_none
from masa.partnership.models import Group, Partnership, Person
from masa.scrutiny.models import (
    ACTION_RESPONSES,
    ActivityKind,
    ActivityStatus,
    AssuranceStatement,
    CommentStatus,
    ScrutineerComment,
    ScrutinyActivity,
    ScrutinyFinding,
    ScrutinyPlan,
    StatementSignOff,
    year_label,
)

YEAR_NEEDED = "Enter the year the reporting year starts, for example 2024"
YEAR_TAKEN = "There is already one for the reporting year {label}"
KIND_NEEDED = "Select the kind of activity"
TITLE_NEEDED = "Enter what the activity is"
PLANNED_NEEDED = "Enter the date the activity is planned for"
STATUS_NEEDED = "Select the status of the activity"
DONE_DATE_NEEDED = "Enter the date the activity was done"
DONE_BEFORE_PLAN = "The date the activity was done must be on or after the plan's year starts"
DONE_IN_FUTURE = "The date the activity was done must be today or in the past"
FINDING_TEXT_NEEDED = "Enter what the scrutineer found"
OWNER_NEEDED = "Select who owns the action: an accepted finding needs an owner in the action tracker"
COMMENT_TEXT_NEEDED = "Enter the scrutineer's comment"
STATEMENT_TEXT_NEEDED = "Enter the text of the statement of assurance"
CHANGE_REASON_NEEDED = "Enter why the signed-off statement is being changed: every sign-off will be cleared"
NOT_LSP = "Only a lead safeguarding partner of {partnership} can sign off its statement of assurance"
ALREADY_SIGNED = "You have already signed off this statement"
SIGNED_IN_FUTURE = "The date of the sign-off must be today or in the past"
SIGNED_DATE_NEEDED = "Enter the date of the sign-off"


def _year(
    year: int | None,
    errors: dict[str, str],
    *,
    model: type[ScrutinyPlan | ScrutineerComment | AssuranceStatement],
    partnership: Partnership,
    record: ScrutinyPlan | ScrutineerComment | AssuranceStatement | None,
) -> None:
    """A reporting year is given, and the partnership has no other record of the kind for it."""
    if year is None or not 2000 <= year <= 2100:
        errors["year"] = YEAR_NEEDED
        return
    others = model.objects.filter(partnership=partnership, year=year)
    if record is not None:
        others = others.exclude(pk=record.pk)
    if others.exists():
        errors["year"] = YEAR_TAKEN.format(label=year_label(year))


# The scrutineer's records ----------------------------------------------------------------------


@attributed
@transaction.atomic
def plan_save(
    *,
    actor: Actor,
    partnership: Partnership,
    year: int | None,
    summary: str = "",
    plan: ScrutinyPlan | None = None,
) -> ScrutinyPlan:
    """Open the plan for a reporting year, or change it (`plan`)."""
    errors: dict[str, str] = {}
    _year(year, errors, model=ScrutinyPlan, partnership=partnership, record=plan)
    if errors:
        raise ValidationError(errors)
    if plan is None:
        plan = ScrutinyPlan(partnership=partnership)
    plan.year, plan.summary = year, summary.strip()  # type: ignore[assignment]
    plan.full_clean()
    plan.save()
    return plan


@attributed
@transaction.atomic
def activity_save(
    *,
    actor: Actor,
    plan: ScrutinyPlan,
    kind: str,
    title: str,
    planned_on: date | None,
    status: str = ActivityStatus.PLANNED,
    done_on: date | None = None,
    activity: ScrutinyActivity | None = None,
    today: date | None = None,
) -> ScrutinyActivity:
    """Add an activity to the plan, or change one (`activity`). A done activity has a done date."""
    today = today or timezone.localdate()
    title = title.strip()
    errors: dict[str, str] = {}
    if kind not in ActivityKind.values:
        errors["kind"] = KIND_NEEDED
    if not title:
        errors["title"] = TITLE_NEEDED
    if planned_on is None:
        errors["planned_on"] = PLANNED_NEEDED
    if status not in ActivityStatus.values:
        errors["status"] = STATUS_NEEDED
    if status == ActivityStatus.DONE and done_on is None:
        errors["done_on"] = DONE_DATE_NEEDED
    elif done_on is not None and done_on > today:
        errors["done_on"] = DONE_IN_FUTURE
    elif done_on is not None and done_on < date(plan.year, 4, 1):
        errors["done_on"] = DONE_BEFORE_PLAN
    if errors:
        raise ValidationError(errors)
    if activity is None:
        activity = ScrutinyActivity(partnership_id=plan.partnership_id, plan=plan)
    activity.kind, activity.title, activity.status = kind, title, status
    activity.planned_on = planned_on  # type: ignore[assignment]
    activity.done_on = done_on if status == ActivityStatus.DONE else None
    activity.full_clean()
    activity.save()
    return activity


@attributed
@transaction.atomic
def finding_save(
    *, actor: Actor, activity: ScrutinyActivity, text: str, finding: ScrutinyFinding | None = None
) -> ScrutinyFinding:
    """Record what an activity found, or change it (`finding`); numbered within the plan."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": FINDING_TEXT_NEEDED})
    if finding is None:
        # Lock the plan so two findings recorded at once cannot take the same number.
        ScrutinyPlan.objects.select_for_update().get(pk=activity.plan_id)
        latest = ScrutinyFinding.objects.filter(activity__plan_id=activity.plan_id).aggregate(n=Max("number"))
        finding = ScrutinyFinding(
            partnership_id=activity.partnership_id, activity=activity, number=(latest["n"] or 0) + 1
        )
    finding.text = text
    finding.full_clean()
    finding.save()
    return finding


@attributed
@transaction.atomic
def response_save(
    *,
    actor: Actor,
    finding: ScrutinyFinding,
    response: str,
    response_text: str,
    owner: Person | None = None,
    due_date: date | None = None,
    group: Group | None = None,
    today: date | None = None,
) -> ScrutinyFinding:
    """Record the partnership's response to a finding.

    A finding accepted in whole or in part is answered in the action tracker: when it has no
    action yet, one is created (source "Scrutiny finding") with the owner and due date given here;
    without both nothing is saved. An existing action is changed on its own page.
    """
    response_text = response_text.strip()
    finding = ScrutinyFinding.objects.select_for_update().select_related("activity__plan").get(pk=finding.pk)
    wants_action = response in ACTION_RESPONSES and finding.action_id is None
    errors = response_errors(
        finding.partnership_id,
        response=response,
        response_text=response_text,
        wanted=wants_action,
        owner=owner,
        due_date=due_date,
        group=group,
        owner_needed=OWNER_NEEDED,
    )
    if errors:
        raise ValidationError(errors)
    finding.response, finding.response_text = response, response_text
    finding.responded_by, finding.responded_at = user_or_none(actor), timezone.now()
    if wants_action:
        assert owner is not None and due_date is not None
        plan = finding.activity.plan
        finding.action = action_create(
            actor=actor,
            partnership=plan.partnership,
            title=f"Scrutiny finding: {finding.text}"[:300],
            description=f"{plan}, finding {finding.number}. {response_text}",
            owner=owner,
            due_date=due_date,
            source=ActionSource.SCRUTINY_FINDING,
            group=group,
            today=today,
        )
    finding.full_clean()
    finding.save()
    return finding


@attributed
@transaction.atomic
def comment_save(
    *,
    actor: Actor,
    partnership: Partnership,
    year: int | None,
    text: str,
    publish: bool = False,
    comment: ScrutineerComment | None = None,
) -> ScrutineerComment:
    """Write (or change) the scrutineer's comment on a reporting year; `publish` lets every member
    of the partnership read it."""
    text = text.strip()
    errors: dict[str, str] = {}
    _year(year, errors, model=ScrutineerComment, partnership=partnership, record=comment)
    if not text:
        errors["text"] = COMMENT_TEXT_NEEDED
    if errors:
        raise ValidationError(errors)
    if comment is None:
        comment = ScrutineerComment(partnership=partnership)
    comment.year, comment.text = year, text  # type: ignore[assignment]
    if publish and not comment.is_published:
        comment.status, comment.published_at = CommentStatus.PUBLISHED, timezone.now()
    elif not publish:
        comment.status, comment.published_at = CommentStatus.DRAFT, None
    comment.full_clean()
    comment.save()
    return comment


# The statement of assurance --------------------------------------------------------------------


@attributed
@transaction.atomic
def statement_save(
    *,
    actor: Actor,
    partnership: Partnership,
    year: int | None,
    text: str,
    reason: str = "",
    statement: AssuranceStatement | None = None,
) -> AssuranceStatement:
    """Draft the statement for a reporting year, or change it (`statement`).

    Changing the text (or the year) of a statement that any partner has signed off clears every
    sign-off: each removal is in the audit log with the `reason`, which is then required."""
    text = text.strip()
    reason = reason.strip()
    errors: dict[str, str] = {}
    _year(year, errors, model=AssuranceStatement, partnership=partnership, record=statement)
    if not text:
        errors["text"] = STATEMENT_TEXT_NEEDED
    if statement is not None:
        statement = AssuranceStatement.objects.select_for_update().get(pk=statement.pk)
    # The year is part of what the partners signed, as the words are.
    text_changes = statement is not None and (statement.text != text or statement.year != year)
    signed = statement is not None and statement.sign_offs.exists()
    if text_changes and signed and not reason:
        errors["reason"] = CHANGE_REASON_NEEDED
    if errors:
        raise ValidationError(errors)
    if statement is None:
        statement = AssuranceStatement(partnership=partnership)
    statement.year, statement.text = year, text  # type: ignore[assignment]
    if text_changes:
        statement.change_reason = reason
    statement.full_clean()
    statement.save()
    if text_changes and signed:
        for sign_off in statement.sign_offs.all():
            sign_off.change_reason = reason
            sign_off.delete()
    return statement


def _lsp_of(user: User, partnership_id: int) -> bool:
    return Membership.objects.filter(
        user=user, partnership_id=partnership_id, role=Role.LSP, is_active=True
    ).exists()


@attributed
@transaction.atomic
def statement_sign_off(
    *,
    actor: Actor,
    statement: AssuranceStatement,
    signed_on: date | None,
    today: date | None = None,
) -> StatementSignOff:
    """The signed-in lead safeguarding partner signs off the statement's current text: their name
    and role (their job title where masa holds it) are recorded with the date they give."""
    today = today or timezone.localdate()
    statement = (
        AssuranceStatement.objects.select_for_update().select_related("partnership").get(pk=statement.pk)
    )
    user = user_or_none(actor)
    if user is None or not _lsp_of(user, statement.partnership_id):
        raise ValidationError(NOT_LSP.format(partnership=statement.partnership.name))
    if signed_on is None:
        raise ValidationError({"signed_on": SIGNED_DATE_NEEDED})
    if signed_on > today:
        raise ValidationError({"signed_on": SIGNED_IN_FUTURE})
    if statement.sign_offs.filter(user=user).exists():
        raise ValidationError(ALREADY_SIGNED)
    person = Person.objects.filter(partnership_id=statement.partnership_id, user=user).first()
    role = person.job_title if person and person.job_title else Role.LSP.label
    sign_off = StatementSignOff(
        partnership_id=statement.partnership_id,
        statement=statement,
        user=user,
        name=user.full_name or user.email,
        role=role,
        signed_on=signed_on,
    )
    sign_off.full_clean()
    sign_off.save()
    return sign_off
