"""Changes to professional escalations (docs/domain.md, "Professional escalations").

Each service is atomic and saves nothing when it refuses; refusals are ValidationErrors in plain
English keyed by the form field they are about; django-auditlog records each change under the
service's actor.
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from masa.actions.models import ActionSource
from masa.actions.services import action_create
from masa.core import bounds
from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import long_date
from masa.escalations.models import Escalation, Stage
from masa.incidents.selectors import typed_reference_problem
from masa.partnership.models import Agency, Group, Partnership, PartnershipAgency, Person
from masa.reviews.models import Theme

RAISED_NEEDED = "Enter the date the escalation was raised"
RAISED_FUTURE = "The date the escalation was raised must be today or in the past"
RAISING_AGENCY_NEEDED = "Select the agency raising the escalation"
AGENCY_FOREIGN = "Select agencies of this partnership"
ROLE_NEEDED = "Enter the role of the person raising it, for example Social worker"
AGENCIES_NEEDED = "Select the other agencies involved"
CONCERN_NEEDED = "Enter what the disagreement is about"
REFERENCE_FORM = "The child's reference must follow the partnership's pseudonymised form, such as {example}"
THEME_FOREIGN = "Select themes of this partnership"
STAGE_NEEDED = "Select the stage the escalation moves to"
STAGE_BACKWARDS = (
    "An escalation only moves forward: it is at stage {current}, so it cannot move to stage {stage}"
)
STAGE_SKIPPED = (
    "An escalation moves one stage at a time: it is at stage {current}, so it moves to stage {next} next"
)
STAGE_DATE_NEEDED = "Enter the date stage {stage} started"
STAGE_DATE_EARLY = (
    "The date stage {stage} started must be on or after {earliest}, when stage {previous} started"
)
STAGE_DATE_FUTURE = "The date stage {stage} started must be today or in the past"
RESOLVED_ALREADY = "This escalation was resolved, so it can no longer change"
RESOLVED_NEEDED = "Enter the date the escalation was resolved"
RESOLVED_BEFORE_RAISED = "The date resolved must be on or after {raised}, when the escalation was raised"
RESOLVED_BEFORE_STAGE = "The date resolved must be on or after {started}, when stage {stage} started"
RESOLVED_FUTURE = "The date resolved must be today or in the past"
RESOLUTION_NEEDED = "Enter how the escalation was resolved"
ACTION_TEXT_NEEDED = "Enter the follow-up action"
OWNER_NEEDED = "Select who owns the follow-up action"
OWNER_FOREIGN = "Select a person of this partnership"
DUE_NEEDED = "Enter the date the follow-up action is due"
DUE_PAST = "The date the follow-up action is due must be today or in the future"
GROUP_FOREIGN = "Select a group of this partnership"
ACTION_EXISTS = "This escalation already has a follow-up action in the tracker"


@attributed
@transaction.atomic
def escalation_raise(
    *,
    actor: Actor,
    partnership: Partnership,
    raised_on: date | None,
    raised_by_agency: Agency | None,
    raised_by_role: str,
    agencies: Iterable[Agency],
    concern: str,
    child_reference: str = "",
    themes: Iterable[Theme] = (),
    today: date | None = None,
) -> Escalation:
    """A new escalation at stage 1, raised by any member of the partnership (docs/domain.md,
    "Professional escalations"). The raising agency is always among the agencies involved."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if raised_on is None:
        errors["raised_on"] = RAISED_NEEDED
    elif raised_on > today:
        errors["raised_on"] = RAISED_FUTURE
    member_ids = set(
        PartnershipAgency.objects.filter(partnership=partnership).values_list("agency_id", flat=True)
    )
    if raised_by_agency is None:
        errors["raised_by_agency"] = RAISING_AGENCY_NEEDED
    elif raised_by_agency.pk not in member_ids:
        errors["raised_by_agency"] = AGENCY_FOREIGN
    raised_by_role = bounds.required_text(errors, "raised_by_role", raised_by_role, ROLE_NEEDED, "role", 100)
    others = [a for a in agencies if raised_by_agency is None or a.pk != raised_by_agency.pk]
    if not others:
        errors["agencies"] = AGENCIES_NEEDED
    elif any(a.pk not in member_ids for a in others):
        errors["agencies"] = AGENCY_FOREIGN
    concern = bounds.required_text(
        errors, "concern", concern, CONCERN_NEEDED, "description", bounds.SUMMARY_LENGTH
    )
    child_reference = " ".join((child_reference or "").split())
    if len(child_reference) > 100:
        errors["child_reference"] = bounds.length_message("child's reference", 100)
    elif child_reference and (
        problem := typed_reference_problem(partnership, child_reference, REFERENCE_FORM)
    ):
        errors["child_reference"] = problem
    themes = list(themes)
    if any(t.partnership_id != partnership.pk for t in themes):
        errors["themes"] = THEME_FOREIGN
    if errors:
        raise ValidationError(errors)
    assert raised_by_agency is not None and raised_on is not None
    escalation = Escalation.objects.create(
        partnership=partnership,
        raised_on=raised_on,
        raised_by=user_or_none(actor),
        raised_by_agency=raised_by_agency,
        raised_by_role=raised_by_role,
        child_reference=child_reference,
        concern=concern,
    )
    escalation.agencies.set([raised_by_agency, *others])
    escalation.themes.set(themes)
    return escalation


def _locked(escalation: Escalation) -> Escalation:
    locked = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if locked.is_resolved:
        raise ValidationError({"__all__": RESOLVED_ALREADY})
    return locked


@attributed
@transaction.atomic
def escalation_advance(
    *,
    actor: Actor,
    escalation: Escalation,
    stage: int | None,
    started_on: date | None,
    today: date | None = None,
) -> Escalation:
    """Move an unresolved escalation to its next stage. Stages only move forward, one at a time
    (1 to 2 to 3); a stage never starts before the one before it, nor in the future."""
    today = today or timezone.localdate()
    escalation = _locked(escalation)
    current = escalation.stage
    errors: dict[str, str] = {}
    if stage not in Stage.values:
        errors["stage"] = STAGE_NEEDED
    elif stage <= current:
        errors["stage"] = STAGE_BACKWARDS.format(current=current, stage=stage)
    elif stage > current + 1:
        errors["stage"] = STAGE_SKIPPED.format(current=current, next=current + 1)
    if "stage" not in errors:
        assert stage is not None
        previous_on = escalation.stage_started(current)
        if started_on is None:
            errors["started_on"] = STAGE_DATE_NEEDED.format(stage=stage)
        elif previous_on and started_on < previous_on:
            errors["started_on"] = STAGE_DATE_EARLY.format(
                stage=stage, earliest=long_date(previous_on), previous=current
            )
        elif started_on > today:
            errors["started_on"] = STAGE_DATE_FUTURE.format(stage=stage)
    if errors:
        raise ValidationError(errors)
    escalation.stage = stage  # type: ignore[assignment]
    setattr(escalation, f"stage{stage}_on", started_on)
    escalation.save(update_fields=["stage", f"stage{stage}_on", "updated_at"])
    return escalation


@attributed
@transaction.atomic
def escalation_resolve(
    *,
    actor: Actor,
    escalation: Escalation,
    resolved_on: date | None,
    resolution: str,
    today: date | None = None,
) -> Escalation:
    """Record how and when the escalation was resolved: never before it was raised, nor before
    its last stage started, nor in the future. A resolved escalation no longer changes."""
    today = today or timezone.localdate()
    escalation = _locked(escalation)
    errors: dict[str, str] = {}
    started = escalation.stage_started(escalation.stage)
    if resolved_on is None:
        errors["resolved_on"] = RESOLVED_NEEDED
    elif resolved_on < escalation.raised_on:
        errors["resolved_on"] = RESOLVED_BEFORE_RAISED.format(raised=long_date(escalation.raised_on))
    elif started and resolved_on < started:
        errors["resolved_on"] = RESOLVED_BEFORE_STAGE.format(
            started=long_date(started), stage=escalation.stage
        )
    elif resolved_on > today:
        errors["resolved_on"] = RESOLVED_FUTURE
    resolution = bounds.required_text(
        errors, "resolution", resolution, RESOLUTION_NEEDED, "resolution", bounds.SUMMARY_LENGTH
    )
    if errors:
        raise ValidationError(errors)
    escalation.resolved_on = resolved_on
    escalation.resolution = resolution
    escalation.save(update_fields=["resolved_on", "resolution", "updated_at"])
    return escalation


@attributed
@transaction.atomic
def follow_up_add(
    *,
    actor: Actor,
    escalation: Escalation,
    text: str,
    owner: Person | None,
    due_date: date | None,
    group: Group | None = None,
    today: date | None = None,
) -> Escalation:
    """A follow-up action in the one tracker (source "Escalation"), one per escalation; it names
    the escalation by its date and stage, never the child or the raiser."""
    today = today or timezone.localdate()
    escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if escalation.action_id is not None:
        raise ValidationError({"__all__": ACTION_EXISTS})
    errors: dict[str, str] = {}
    text = bounds.required_text(errors, "text", text, ACTION_TEXT_NEEDED, "follow-up action", 300)
    if owner is None:
        errors["owner"] = OWNER_NEEDED
    elif owner.partnership_id != escalation.partnership_id:
        errors["owner"] = OWNER_FOREIGN
    if due_date is None:
        errors["due_date"] = DUE_NEEDED
    elif due_date < today:
        errors["due_date"] = DUE_PAST
    if group is not None and group.partnership_id != escalation.partnership_id:
        errors["group"] = GROUP_FOREIGN
    if errors:
        raise ValidationError(errors)
    assert owner is not None and due_date is not None
    escalation.action = action_create(
        actor=actor,
        partnership=escalation.partnership,
        title=text,
        description=(
            f"Follow-up of a professional escalation raised on {long_date(escalation.raised_on)}, "
            f"which reached stage {escalation.stage}."
        ),
        owner=owner,
        due_date=due_date,
        source=ActionSource.ESCALATION,
        group=group,
        today=today,
    )
    escalation.save(update_fields=["action", "updated_at"])
    return escalation
