"""Changes to the inspections register. Each service is atomic and saves nothing when it refuses.

Refusals are ValidationErrors in plain English, keyed by the form field they are about;
django-auditlog records each change under the service's actor.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from masa.actions.models import Action, ActionSource
from masa.actions.services import action_create
from masa.assurance.models import (
    ACTION_REQUIRED_KINDS,
    AssuranceLevel,
    AssuranceRequest,
    FindingKind,
    Inspection,
    InspectionFinding,
    InspectionJudgement,
    InspectionKind,
    RequestStatus,
    ResponseKind,
)
from masa.core.actors import Actor, attributed
from masa.core.uploads import UploadError, check_document, name_with_real_type
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


GROUP_FOREIGN = "Select a group of this partnership"


RESPONSE_NEEDED = "Select the partnership's response"
RESPONSE_TEXT_NEEDED = "Enter the partnership's response"


def response_errors(
    partnership_id: int,
    *,
    response: str,
    response_text: str,
    wanted: bool,
    owner: Person | None,
    due_date: date | None,
    group: Group | None,
    owner_needed: str,
) -> dict[str, str]:
    """What is wrong with the partnership's response to a finding (accepted, partly or not, always
    with words) and with the tracker action answering it (`finding_action_errors`)."""
    errors: dict[str, str] = {}
    if response not in ResponseKind.values:
        errors["response"] = RESPONSE_NEEDED
    if not response_text:
        errors["response_text"] = RESPONSE_TEXT_NEEDED
    return errors | finding_action_errors(
        partnership_id, wanted=wanted, owner=owner, due_date=due_date, group=group, owner_needed=owner_needed
    )


def finding_action_errors(
    partnership_id: int,
    *,
    wanted: bool,
    owner: Person | None,
    due_date: date | None,
    group: Group | None,
    owner_needed: str,
) -> dict[str, str]:
    """What is wrong with the owner, due date and group of the tracker action answering a
    finding (the effectiveness review's, the independent scrutineer's); `wanted` when an action
    is to be made now, so an owner and a due date are needed."""
    errors: dict[str, str] = {}
    if wanted:
        if owner is None:
            errors["owner"] = owner_needed
        elif owner.partnership_id != partnership_id:
            errors["owner"] = OWNER_FOREIGN
        if due_date is None:
            errors["due_date"] = DUE_NEEDED
    if group is not None and group.partnership_id != partnership_id:
        errors["group"] = GROUP_FOREIGN
    return errors


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
        errors["group"] = GROUP_FOREIGN
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


# Assurance requests ----------------------------------------------------------------------------

REQUEST_AGENCY_NEEDED = "Select the agency asked"
REQUEST_SUBJECT_NEEDED = "Enter what the request is about"
REQUEST_ASKED_NEEDED = "Enter what the agency is asked to report on"
REQUEST_GROUP_NEEDED = "Select the group that asks"
REQUEST_GROUP_FOREIGN = "Select a group of this partnership"
REQUEST_MEETING_OTHER_GROUP = "Select a meeting of the group that asks, or none"
REQUEST_LEAD_OTHER_AGENCY = "Select a person at the agency asked, or none"
REQUEST_DUE_NEEDED = "Enter the date the report is due"
REQUEST_DUE_PAST = "The date the report is due must be today or in the future"
REQUEST_CLOSED = "The request is {status}, so it can no longer be changed"
REPORT_NEEDED = "Upload the report, give a link to it, or enter it as text"
REPORT_RECEIVED_FUTURE = "The date the report was received must be today or in the past"
REPORT_NOT_OPEN = "The request is {status}, so no report can be added"
JUDGEMENT_NEEDED_LEVEL = "Select whether the group is assured, partly assured or not assured"
JUDGEMENT_REASONS_NEEDED = "Enter the reasons for the judgement"
JUDGED_ON_NEEDED = "Enter the date of the judgement"
JUDGED_ON_FUTURE = "The date of the judgement must be today or in the past"
JUDGED_BEFORE_REPORT = "The date of the judgement must be on or after the date the report was received"
JUDGEMENT_BEFORE_REPORT = (
    "The agency's report has not been received yet: record the report before the judgement"
)
ALREADY_JUDGED = "The request is {status}, so it cannot be judged again"
WITHDRAW_REASON_NEEDED = "Enter why the request is being withdrawn"
WITHDRAW_NOT_OPEN = "The request is {status}, so it cannot be withdrawn"
FOLLOW_UP_OWNER_NEEDED = "Select who owns follow-up action {n}"
FOLLOW_UP_DUE_NEEDED = "Enter the date follow-up action {n} is due"
FOLLOW_UP_TITLE_NEEDED = "Enter what follow-up action {n} is"


@dataclass(frozen=True)
class FollowUp:
    """A follow-up action agreed with the judgement; it becomes a tracker action."""

    title: str
    owner: Person | None
    due_date: date | None


def _status_label(request: AssuranceRequest) -> str:
    return request.get_status_display().lower()


@attributed
@transaction.atomic
def request_save(
    *,
    actor: Actor,
    partnership: Partnership,
    agency: Agency | None,
    subject: str,
    asked: str,
    group: Group | None,
    due_date: date | None,
    meeting=None,
    lead: Person | None = None,
    request: AssuranceRequest | None = None,
    today: date | None = None,
) -> AssuranceRequest:
    """Ask an agency for assurance (a new AR-n), or change an open request (`request`).

    A new request's due date may not be in the past (`today` is the day it was agreed, for
    loaders of past requests); a change keeps a past due date only if it is not moved.
    """
    today = today or timezone.localdate()
    subject, asked = subject.strip(), asked.strip()
    errors: dict[str, str] = {}
    if request is not None:
        if request.partnership_id != partnership.pk:
            raise ValidationError("The request belongs to another partnership")
        if not request.is_open:
            raise ValidationError(REQUEST_CLOSED.format(status=_status_label(request)))
    if agency is None:
        errors["agency"] = REQUEST_AGENCY_NEEDED
    else:
        errors |= _agency_errors(partnership.pk, agency, "agency")
    if not subject:
        errors["subject"] = REQUEST_SUBJECT_NEEDED
    if not asked:
        errors["asked"] = REQUEST_ASKED_NEEDED
    if group is None:
        errors["group"] = REQUEST_GROUP_NEEDED
    elif group.partnership_id != partnership.pk:
        errors["group"] = REQUEST_GROUP_FOREIGN
    if meeting is not None and (group is None or meeting.group_id != group.pk):
        errors["meeting"] = REQUEST_MEETING_OTHER_GROUP
    if lead is not None and (
        lead.partnership_id != partnership.pk or agency is None or lead.agency_id != agency.pk
    ):
        errors["lead"] = REQUEST_LEAD_OTHER_AGENCY
    if due_date is None:
        errors["due_date"] = REQUEST_DUE_NEEDED
    elif due_date < today and (request is None or due_date != request.due_date):
        errors["due_date"] = REQUEST_DUE_PAST
    if errors:
        raise ValidationError(errors)
    if request is None:
        # Lock the partnership row so two requests made at once get different numbers.
        Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
        number = (
            AssuranceRequest.objects.filter(partnership=partnership).aggregate(n=Max("number"))["n"] or 0
        ) + 1
        request = AssuranceRequest(partnership=partnership, number=number, requested_on=today)
    request.agency, request.subject, request.asked = agency, subject, asked  # type: ignore[assignment]
    request.group, request.meeting, request.lead = group, meeting, lead  # type: ignore[assignment]
    request.due_date = due_date  # type: ignore[assignment]
    request.full_clean()
    request.save()
    return request


@attributed
@transaction.atomic
def report_receive(
    *,
    actor: Actor,
    request: AssuranceRequest,
    file=None,
    original_name: str = "",
    link: str = "",
    text: str = "",
    received_on: date | None = None,
    today: date | None = None,
) -> AssuranceRequest:
    """Record the agency's report: a file (checked by content, type and size), a link, text or
    any of them. It may be replaced until the group judges it."""
    today = today or timezone.localdate()
    received_on = received_on or today
    link, text = link.strip(), text.strip()
    if not request.is_open:
        raise ValidationError(REPORT_NOT_OPEN.format(status=_status_label(request)))
    errors: dict[str, str] = {}
    if file is None and not link and not text and not request.report_file:
        errors["file"] = REPORT_NEEDED
    if received_on > today:
        errors["received_on"] = REPORT_RECEIVED_FUTURE
    checked = None
    if file is not None:
        name = original_name or getattr(file, "name", "") or "report"
        try:
            checked = check_document(name, file, file.size)
        except UploadError as error:
            errors["file"] = str(error)
    if errors:
        raise ValidationError(errors)
    if checked is not None:
        request.report_name = name_with_real_type(
            original_name or file.name, checked.file_type, fallback="report"
        )
        request.report_file.save(f"{request.uuid}.{checked.file_type}", file, save=False)
    request.report_link = link or request.report_link
    request.report_text = text or request.report_text
    request.received_on = received_on
    request.status = RequestStatus.REPORT_RECEIVED
    request.full_clean()
    request.save()
    return request


@attributed
@transaction.atomic
def judgement_record(
    *,
    actor: Actor,
    request: AssuranceRequest,
    judgement: str,
    reasons: str,
    judged_on: date | None,
    follow_ups: list[FollowUp] = (),  # type: ignore[assignment]
    today: date | None = None,
) -> AssuranceRequest:
    """Record the group's judgement of the agency's report, with its reasons. Each follow-up
    becomes a tracker action (source "Assurance request", which needs evidence to close); a
    refusal of any of them saves nothing."""
    today = today or timezone.localdate()
    reasons = reasons.strip()
    if request.status == RequestStatus.REQUESTED:
        raise ValidationError(JUDGEMENT_BEFORE_REPORT)
    if not request.is_open:
        raise ValidationError(ALREADY_JUDGED.format(status=_status_label(request)))
    errors: dict[str, str] = {}
    if judgement not in AssuranceLevel.values:
        errors["judgement"] = JUDGEMENT_NEEDED_LEVEL
    if not reasons:
        errors["reasons"] = JUDGEMENT_REASONS_NEEDED
    if judged_on is None:
        errors["judged_on"] = JUDGED_ON_NEEDED
    elif judged_on > today:
        errors["judged_on"] = JUDGED_ON_FUTURE
    elif request.received_on is not None and judged_on < request.received_on:
        errors["judged_on"] = JUDGED_BEFORE_REPORT
    for n, follow_up in enumerate(follow_ups, start=1):
        if not follow_up.title.strip():
            errors[f"action_{n}_title"] = FOLLOW_UP_TITLE_NEEDED.format(n=n)
        if follow_up.owner is None:
            errors[f"action_{n}_owner"] = FOLLOW_UP_OWNER_NEEDED.format(n=n)
        elif follow_up.owner.partnership_id != request.partnership_id:
            errors[f"action_{n}_owner"] = OWNER_FOREIGN
        if follow_up.due_date is None:
            errors[f"action_{n}_due_date"] = FOLLOW_UP_DUE_NEEDED.format(n=n)
    if errors:
        raise ValidationError(errors)
    request.judgement, request.judgement_reasons = judgement, reasons
    request.judged_on = judged_on
    request.status = RequestStatus.JUDGED
    request.full_clean()
    request.save()
    for n, follow_up in enumerate(follow_ups, start=1):
        assert follow_up.owner is not None and follow_up.due_date is not None
        try:
            action_create(
                actor=actor,
                partnership=request.partnership,
                title=follow_up.title.strip()[:300],
                description=f"Follow-up to {request.reference}, {request.subject} "
                f"({request.get_judgement_display().lower()}).",
                owner=follow_up.owner,
                due_date=follow_up.due_date,
                source=ActionSource.ASSURANCE_REQUEST,
                group=request.group,
                assurance_request=request,
                today=min(today, judged_on) if judged_on else today,
            )
        except ValidationError as error:
            # Keyed by the follow-up's own fields, so the form shows it in the right place.
            raise ValidationError(
                {f"action_{n}_{field}": messages for field, messages in error.message_dict.items()}
            ) from error
    return request


@attributed
@transaction.atomic
def request_withdraw(
    *, actor: Actor, request: AssuranceRequest, reason: str, today: date | None = None
) -> AssuranceRequest:
    """Withdraw an open request (no longer needed), keeping why."""
    reason = reason.strip()
    if not request.is_open:
        raise ValidationError(WITHDRAW_NOT_OPEN.format(status=_status_label(request)))
    if not reason:
        raise ValidationError({"reason": WITHDRAW_REASON_NEEDED})
    request.status = RequestStatus.WITHDRAWN
    request.withdrawn_reason = reason
    request.withdrawn_on = today or timezone.localdate()
    request.full_clean()
    request.save()
    return request
