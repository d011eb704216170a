"""Changes to the inspections register. Each service is atomic and saves nothing when it refuses.

Refusals are ValidationErrors in plain English, keyed by the form field they are about;
django-auditlog records each change under the service's actor.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from masa.actions.models import Action, ActionSource
from masa.actions.services import action_create
from masa.assurance.models import (
    ACTION_REQUIRED_KINDS,
    FindingKind,
    Inspection,
    InspectionFinding,
    InspectionJudgement,
    InspectionKind,
)
from masa.core.actors import Actor, attributed
from masa.partnership.models import Agency, Group, Partnership, PartnershipAgency, Person

KIND_NEEDED = "Select the kind of inspection"
TITLE_NEEDED = "Enter the title of the inspection"
START_NEEDED = "Enter the date the inspection started"
END_BEFORE_START = "The date the inspection ended must be on or after the date it started"
PUBLISHED_BEFORE_START = (
    "The date the report was published must be on or after the date the inspection started"
)
AGENCY_FOREIGN = "Select an agency of this partnership"
AREA_NEEDED = "Enter the area judged"
JUDGEMENT_NEEDED = "Enter the judgement"
FINDING_KIND_NEEDED = "Select the kind of finding"
FINDING_TEXT_NEEDED = "Enter what the inspection found"
OWNER_NEEDED = "Select who owns the action: a {kind} needs an owner in the action tracker"
OWNER_FOREIGN = "Select a person of this partnership"
DUE_NEEDED = "Enter the date the action is due"
OWNER_WITHOUT_DUE = "Enter the date the action is due, or remove the owner"


def _agency_errors(partnership_id: int, agency: Agency | None, field: str) -> dict[str, str]:
    if (
        agency is not None
        and not PartnershipAgency.objects.filter(partnership_id=partnership_id, agency=agency).exists()
    ):
        return {field: AGENCY_FOREIGN}
    return {}


def _lock(record: object) -> None:
    """Lock the row so two additions at once get different numbers."""
    type(record).objects.select_for_update().filter(pk=record.pk).first()  # type: ignore[attr-defined]


# Inspections -----------------------------------------------------------------------------------


@attributed
@transaction.atomic
def inspection_save(
    *,
    actor: Actor,
    partnership: Partnership,
    kind: str,
    title: str,
    start_date: date | None,
    inspected_body: Agency | None = None,
    end_date: date | None = None,
    published_date: date | None = None,
    overall_judgement: str = "",
    report_url: str = "",
    summary: str = "",
    inspection: Inspection | None = None,
) -> Inspection:
    """Record an inspection, or change one (`inspection`)."""
    title, overall_judgement = title.strip(), overall_judgement.strip()
    errors: dict[str, str] = {}
    if kind not in InspectionKind.values:
        errors["kind"] = KIND_NEEDED
    if not title:
        errors["title"] = TITLE_NEEDED
    if start_date is None:
        errors["start_date"] = START_NEEDED
    else:
        if end_date is not None and end_date < start_date:
            errors["end_date"] = END_BEFORE_START
        if published_date is not None and published_date < start_date:
            errors["published_date"] = PUBLISHED_BEFORE_START
    errors |= _agency_errors(partnership.pk, inspected_body, "inspected_body")
    if errors:
        raise ValidationError(errors)
    if inspection is None:
        inspection = Inspection(partnership=partnership)
    elif inspection.partnership_id != partnership.pk:
        raise ValidationError("The inspection belongs to another partnership")
    inspection.kind, inspection.title, inspection.inspected_body = kind, title, inspected_body
    inspection.start_date, inspection.end_date = start_date, end_date  # type: ignore[assignment]
    inspection.published_date = published_date
    inspection.overall_judgement = overall_judgement
    inspection.report_url, inspection.summary = report_url.strip(), summary.strip()
    inspection.full_clean()
    inspection.save()
    return inspection


# Judgements ------------------------------------------------------------------------------------


@attributed
@transaction.atomic
def judgement_save(
    *,
    actor: Actor,
    inspection: Inspection,
    area: str,
    judgement: str,
    existing: InspectionJudgement | None = None,
) -> InspectionJudgement:
    """Add the judgement for one area of an inspection, or change one (`existing`)."""
    area, judgement = area.strip(), judgement.strip()
    errors: dict[str, str] = {}
    if not area:
        errors["area"] = AREA_NEEDED
    if not judgement:
        errors["judgement"] = JUDGEMENT_NEEDED
    if errors:
        raise ValidationError(errors)
    if existing is None:
        _lock(inspection)
        order = (inspection.judgements.aggregate(n=Max("order"))["n"] or 0) + 1
        existing = InspectionJudgement(
            partnership_id=inspection.partnership_id, inspection=inspection, order=order
        )
    existing.area, existing.judgement = area, judgement
    existing.full_clean()
    existing.save()
    return existing


# Findings and their actions --------------------------------------------------------------------


@attributed
@transaction.atomic
def finding_save(
    *,
    actor: Actor,
    inspection: Inspection,
    kind: str,
    text: str,
    agency: Agency | None = None,
    owner: Person | None = None,
    due_date: date | None = None,
    group: Group | None = None,
    finding: InspectionFinding | None = None,
    today: date | None = None,
) -> InspectionFinding:
    """Record what an inspection found, or change it (`finding`).

    A cause of concern or a recommendation is answered in the action tracker: when it has no
    action yet, one is created (source "Inspection recommendation", which needs evidence to
    close) with the owner and due date given here, and without an owner nothing is saved. An area
    for improvement gets an action only when an owner is given. An existing action is changed on
    the action's own page, with a reason. `today` is the day the action was agreed (loaders of
    past inspections); its due date may not be earlier.
    """
    text = text.strip()
    errors: dict[str, str] = {}
    if kind not in FindingKind.values:
        errors["kind"] = FINDING_KIND_NEEDED
    if not text:
        errors["text"] = FINDING_TEXT_NEEDED
    errors |= _agency_errors(inspection.partnership_id, agency, "agency")
    has_action = finding is not None and finding.actions.exists()
    wants_action = not has_action and (kind in ACTION_REQUIRED_KINDS or owner is not None)
    if wants_action:
        if owner is None:
            label = FindingKind(kind).label.lower() if kind in FindingKind.values else "finding"
            errors["owner"] = OWNER_NEEDED.format(kind=label)
        elif owner.partnership_id != inspection.partnership_id:
            errors["owner"] = OWNER_FOREIGN
        if due_date is None:
            errors["due_date"] = DUE_NEEDED if kind in ACTION_REQUIRED_KINDS else OWNER_WITHOUT_DUE
    if group is not None and group.partnership_id != inspection.partnership_id:
        errors["group"] = "Select a group of this partnership"
    if errors:
        raise ValidationError(errors)
    if finding is None:
        _lock(inspection)
        number = (inspection.findings.aggregate(n=Max("number"))["n"] or 0) + 1
        finding = InspectionFinding(
            partnership_id=inspection.partnership_id, inspection=inspection, number=number
        )
    finding.kind, finding.text, finding.agency = kind, text, agency
    finding.full_clean()
    finding.save()
    if wants_action:
        assert owner is not None and due_date is not None
        _finding_action(actor, inspection, finding, owner=owner, due_date=due_date, group=group, today=today)
    return finding


def _finding_action(
    actor: Actor,
    inspection: Inspection,
    finding: InspectionFinding,
    *,
    owner: Person,
    due_date: date,
    group: Group | None,
    today: date | None,
) -> Action:
    """The tracker action that answers a finding; a refusal (a past due date) undoes the finding."""
    label = finding.get_kind_display()
    return action_create(
        actor=actor,
        partnership=inspection.partnership,
        title=f"{label}: {finding.text}"[:300],
        description=f"{inspection.title}, {label.lower()} {finding.number}.",
        owner=owner,
        due_date=due_date,
        source=ActionSource.INSPECTION_RECOMMENDATION,
        group=group,
        inspection_finding=finding,
        today=today,
    )
