"""Changes to serious incidents. Each service is atomic and saves nothing when it refuses.

Refusals are ValidationErrors in plain English, keyed by the form field they are about.
django-auditlog records each change and its actor.
"""

from collections.abc import Iterable
from datetime import date, datetime

import rules
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from masa.accounts.models import Membership, User
from masa.clocks.rules import DEFAULT_RULE_SET, RULE_SETS
from masa.core.actors import Actor, attributed, user_or_none
from masa.core.bounds import NARRATIVE_LENGTH, REASON_LENGTH, SUMMARY_LENGTH, length_message, too_long
from masa.core.dates import long_date
from masa.incidents import selectors
from masa.incidents.models import (
    INCIDENT_SUMMARY_LENGTH,
    MAX_CHILDREN_PER_NOTIFICATION,
    AgeBand,
    Ethnicity,
    IncidentCategory,
    IncidentChild,
    IncidentSettings,
    InformationRequest,
    LocalReviewChoice,
    PanelNotification,
    RapidReview,
    SeriousIncident,
    Sex,
)
from masa.incidents.pseudonyms import pattern_problem, reference_problem
from masa.incidents.rules import SIGN_OFF_RAPID_REVIEW
from masa.partnership.models import Agency, Partnership, PartnershipAgency
from masa.reviews import services as reviews_services
from masa.reviews.models import Review, ReviewKind, ReviewStatus
from masa.reviews.services import REVIEW_REFERENCE_TAKEN

AWARE_IN_FUTURE = "The date the partnership became aware must be today or in the past"
REFERENCE_TAKEN = "An incident with the reference {reference} already exists"
REFERENCE_NEEDED = "Enter the reference"
CATEGORY_NEEDED = "Select the category"
UNKNOWN_RULE_SET = "Select a rule set from the list"
CARE_LEAVER_NOT_DEATH = "A care-leaver death must have the category death"
AGENCY_NOT_IN_PARTNERSHIP = "Select agencies that are part of the partnership"
CHILD_REFERENCE_TAKEN = "{reference} is already recorded for this incident"
CHILD_REFERENCE_NEEDED = "Enter the child's reference"
CHILD_REASON_NEEDED = "Enter the reason"
CHILD_IN_NOTIFICATION = (
    "{reference} is in the notification sent to the Panel on {sent}: a child the Panel was told "
    "about cannot be removed. Change the child's details instead if they are wrong"
)
PATTERN_NEEDED = "Enter the reference pattern"
SELECT_FROM_LIST = "Select the {label} from the list"
TOO_MANY_CHILDREN = f"A notification can include at most {MAX_CHILDREN_PER_NOTIFICATION} children"
NO_CHILDREN = "Select at least one child"
CHILD_NOT_IN_INCIDENT = "Select children recorded for this incident"
CHILD_ALREADY_NOTIFIED = "{reference} is already in a notification to the Panel"
NOTIFIED_BEFORE_AWARE = "The notification date must be on or after the date the partnership became aware"
NOTIFIED_IN_FUTURE = "The notification date must be today or in the past"
NOT_A_MEMBER = "Everyone in the case team must be a member of the partnership"
RR_NOT_NEEDED = "A care-leaver death needs no rapid review"
RR_BEFORE_NOTIFICATION = "Record the notification to the Panel before the rapid review"
RR_BEFORE_NOTIFIED = "The rapid review date must be on or after the date the Panel was notified"
RR_IN_FUTURE = "The rapid review date must be today or in the past"
RR_NOT_SIGNED_OFF = "The rapid review must be signed off before it is sent to the Panel"
RR_BEFORE_SIGN_OFF = "The date sent to the Panel must be on or after the date the rapid review was signed off"
REQUEST_DUE_BEFORE_REQUESTED = "The due date must be on or after the date requested"
REQUEST_BEFORE_AWARE = "The date requested must be on or after the date the partnership became aware"
REQUEST_IN_FUTURE = "The date requested must be today or in the past"
RECEIVED_BEFORE_REQUESTED = "The date received must be on or after the date requested"
RECEIVED_IN_FUTURE = "The date received must be today or in the past"
MEETING_BEFORE_NOTIFICATION = "Record the notification to the Panel before the rapid review meeting"
MEETING_BEFORE_NOTIFIED = "The meeting date must be on or after the date the Panel was notified"
MEETING_IN_FUTURE = "The meeting date must be today or in the past"
REPORT_BEFORE_NOTIFICATION = "Record the notification to the Panel before writing the rapid review report"
REPORT_LOCKED = "The rapid review has been signed off: it can no longer be changed"
SELECT_RECOMMENDATION = "Select a recommendation from the list"
SIGN_OFF_NOT_DSP = "The rapid review must be signed off by a delegated safeguarding partner"
SIGN_OFF_ALREADY = "The rapid review has already been signed off"
SIGN_OFF_NO_MEETING = "Record the date of the rapid review meeting before sign-off"
SIGN_OFF_INCOMPLETE = "Complete every section of the report before sign-off. Still to do: {sections}"
RESPONSE_BEFORE_SUBMISSION = (
    "Record the date the rapid review was sent to the Panel before the Panel's response"
)
RESPONSE_BEFORE_SUBMITTED = (
    "The date of the Panel's response must be on or after the date the rapid review was sent"
)
RESPONSE_IN_FUTURE = "The date of the Panel's response must be today or in the past"
SELECT_AGREED = "Select whether the Panel agreed with the recommendation"
DECISION_BEFORE_SUBMISSION = "Record the date the rapid review was sent to the Panel before the decision"
DECISION_BEFORE_SUBMITTED = (
    "The decision date must be on or after the date the rapid review was sent to the Panel"
)
DECISION_IN_FUTURE = "The decision date must be today or in the past"
DECISION_ALREADY = "The partnership's decision has already been recorded"
SELECT_DECISION = "Select the partnership's decision"
DECISION_REASON_NEEDED = "Enter the reason for the decision"
SUMMARY_TOO_LONG = length_message("summary", INCIDENT_SUMMARY_LENGTH)
REASON_TOO_LONG = length_message("reason", REASON_LENGTH)
REPORT_LIMITS = {
    "facts": ("facts of the case", NARRATIVE_LENGTH),
    "immediate_actions": ("immediate safeguarding actions taken", NARRATIVE_LENGTH),
    "learning": ("learning identified", NARRATIVE_LENGTH),
    "recommendation_reasons": ("reasons for the recommendation", SUMMARY_LENGTH),
}


def _today(today: date | None) -> date:
    return today or timezone.localdate()


@attributed
@transaction.atomic
def incident_create(
    *,
    actor: Actor,
    partnership: Partnership,
    reference: str,
    category: str,
    date_aware: date,
    summary: str = "",
    care_leaver_death: bool = False,
    agencies: Iterable[Agency] = (),
    rule_set_id: str = DEFAULT_RULE_SET,
    today: date | None = None,
) -> SeriousIncident:
    reference = reference.strip()
    agencies = list(agencies)
    errors: dict[str, str] = {}
    if not reference:
        errors["reference"] = REFERENCE_NEEDED
    elif SeriousIncident.objects.filter(partnership=partnership, reference__iexact=reference).exists():
        errors["reference"] = REFERENCE_TAKEN.format(reference=reference)
    if category not in IncidentCategory.values:
        errors["category"] = CATEGORY_NEEDED
    if too_long(summary.strip(), INCIDENT_SUMMARY_LENGTH):
        errors["summary"] = SUMMARY_TOO_LONG
    if date_aware > _today(today):
        errors["date_aware"] = AWARE_IN_FUTURE
    if care_leaver_death and category != IncidentCategory.DEATH:
        errors["care_leaver_death"] = CARE_LEAVER_NOT_DEATH
    if rule_set_id not in RULE_SETS:
        errors["rule_set_id"] = UNKNOWN_RULE_SET
    member_agencies = set(
        PartnershipAgency.objects.filter(partnership=partnership).values_list("agency_id", flat=True)
    )
    if any(a.pk not in member_agencies for a in agencies):
        errors["agencies"] = AGENCY_NOT_IN_PARTNERSHIP
    if errors:
        raise ValidationError(errors)
    incident = SeriousIncident.objects.create(
        partnership=partnership,
        reference=reference,
        category=category,
        date_aware=date_aware,
        summary=summary.strip(),
        care_leaver_death=care_leaver_death,
        rule_set_id=rule_set_id,
    )
    incident.agencies.set(agencies)
    return incident


def _child_errors(
    incident: SeriousIncident,
    *,
    reference: str,
    age_band: str,
    sex: str,
    ethnicity: str,
    child: IncidentChild | None = None,
) -> dict[str, str]:
    """What is wrong with a child's details, by field: the same checks on adding and changing.

    The reference must be pseudonymous (masa/incidents/pseudonyms.py) and unique in the incident.
    """
    errors: dict[str, str] = {}
    others = incident.children.exclude(pk=child.pk) if child else incident.children.all()
    if not reference:
        errors["reference"] = CHILD_REFERENCE_NEEDED
    elif problem := reference_problem(reference, selectors.child_reference_pattern(incident.partnership)):
        errors["reference"] = problem
    elif others.filter(reference__iexact=reference).exists():
        errors["reference"] = CHILD_REFERENCE_TAKEN.format(reference=reference)
    for field, value, choices, label in (
        ("age_band", age_band, AgeBand, "age band"),
        ("sex", sex, Sex, "sex"),
        ("ethnicity", ethnicity, Ethnicity, "ethnic group"),
    ):
        if value not in choices.values:
            errors[field] = SELECT_FROM_LIST.format(label=label)
    return errors


@attributed
@transaction.atomic
def child_add(
    *, actor: Actor, incident: SeriousIncident, reference: str, age_band: str, sex: str, ethnicity: str
) -> IncidentChild:
    reference = reference.strip()
    errors = _child_errors(incident, reference=reference, age_band=age_band, sex=sex, ethnicity=ethnicity)
    if errors:
        raise ValidationError(errors)
    return IncidentChild.objects.create(
        partnership=incident.partnership,
        incident=incident,
        reference=reference,
        age_band=age_band,
        sex=sex,
        ethnicity=ethnicity,
    )


@attributed
@transaction.atomic
def child_change(
    *,
    actor: Actor,
    child: IncidentChild,
    reference: str,
    age_band: str,
    sex: str,
    ethnicity: str,
    reason: str,
) -> IncidentChild:
    """Correct a child's details; the reason goes into the audit log entry of the change."""
    reference, reason = reference.strip(), reason.strip()
    errors = _child_errors(
        child.incident, reference=reference, age_band=age_band, sex=sex, ethnicity=ethnicity, child=child
    )
    if not reason:
        errors["reason"] = CHILD_REASON_NEEDED
    elif too_long(reason, REASON_LENGTH):
        errors["reason"] = REASON_TOO_LONG
    if errors:
        raise ValidationError(errors)
    child.reference, child.age_band, child.sex, child.ethnicity = reference, age_band, sex, ethnicity
    child.change_reason = reason
    child.save()
    return child


@attributed
@transaction.atomic
def child_remove(*, actor: Actor, child: IncidentChild, reason: str) -> None:
    """Remove a child recorded in error; the reason goes into the audit log entry of the removal.

    A child in a notification to the Panel stays: the notification records what the Panel was
    told (docs/domain.md, "4. Who may see what").
    """
    reason = reason.strip()
    notification = child.notifications.order_by("sent_date").first()
    if notification is not None:
        sent = long_date(notification.sent_date)
        raise ValidationError({"reason": CHILD_IN_NOTIFICATION.format(reference=child.reference, sent=sent)})
    if not reason:
        raise ValidationError({"reason": CHILD_REASON_NEEDED})
    if too_long(reason, REASON_LENGTH):
        raise ValidationError({"reason": REASON_TOO_LONG})
    child.change_reason = reason
    child.delete()


@attributed
@transaction.atomic
def incident_settings_update(
    *, actor: Actor, partnership: Partnership, child_reference_pattern: str
) -> IncidentSettings:
    """Set the pattern the partnership's child references follow (masa/incidents/pseudonyms.py)."""
    pattern = child_reference_pattern.strip()
    if not pattern:
        raise ValidationError({"child_reference_pattern": PATTERN_NEEDED})
    if problem := pattern_problem(pattern):
        raise ValidationError({"child_reference_pattern": problem})
    settings, _ = IncidentSettings.objects.get_or_create(partnership=partnership)
    settings.child_reference_pattern = pattern
    settings.save()
    return settings


@attributed
@transaction.atomic
def notification_send(
    *,
    actor: Actor,
    incident: SeriousIncident,
    children: Iterable[IncidentChild],
    sent_date: date,
    today: date | None = None,
) -> PanelNotification:
    """Record that the Panel was notified of the incident (at most 4 children a notification)."""
    children = list(children)
    errors: dict[str, str] = {}
    if not children:
        errors["children"] = NO_CHILDREN
    elif len(children) > MAX_CHILDREN_PER_NOTIFICATION:
        errors["children"] = TOO_MANY_CHILDREN
    elif any(child.incident_id != incident.pk for child in children):
        errors["children"] = CHILD_NOT_IN_INCIDENT
    else:
        notified = (
            PanelNotification.children.through.objects.filter(incidentchild__in=children)
            .values_list("incidentchild__reference", flat=True)
            .first()
        )
        if notified:
            errors["children"] = CHILD_ALREADY_NOTIFIED.format(reference=notified)
    if sent_date < incident.date_aware:
        errors["sent_date"] = NOTIFIED_BEFORE_AWARE
    elif sent_date > _today(today):
        errors["sent_date"] = NOTIFIED_IN_FUTURE
    if errors:
        raise ValidationError(errors)
    notification = PanelNotification.objects.create(
        partnership=incident.partnership, incident=incident, sent_date=sent_date
    )
    notification.children.set(children)
    return notification


@attributed
@transaction.atomic
def case_team_set(*, actor: Actor, incident: SeriousIncident, users: Iterable[User]) -> SeriousIncident:
    """The people who need to know about the incident (the business team always may)."""
    users = list(users)
    members = set(
        Membership.objects.filter(partnership=incident.partnership, is_active=True).values_list(
            "user_id", flat=True
        )
    )
    if any(user.pk not in members for user in users):
        raise ValidationError({"users": NOT_A_MEMBER})
    incident.case_team.set(users)
    return incident


@attributed
@transaction.atomic
def rapid_review_submitted(
    *, actor: Actor, incident: SeriousIncident, submitted_date: date, today: date | None = None
) -> SeriousIncident:
    """Record the day the rapid review's findings went to the Panel (stops the clock)."""
    field = "submitted_date"
    _require_rapid_review_needed(incident, field)
    first = _first_notified(incident)
    if first is None:
        raise ValidationError({field: RR_BEFORE_NOTIFICATION})
    review = RapidReview.objects.filter(incident=incident).first()
    if review is None or review.signed_off_at is None:
        raise ValidationError({field: RR_NOT_SIGNED_OFF})
    if submitted_date < first:
        raise ValidationError({field: RR_BEFORE_NOTIFIED})
    if submitted_date < timezone.localdate(review.signed_off_at):
        raise ValidationError({field: RR_BEFORE_SIGN_OFF})
    if submitted_date > _today(today):
        raise ValidationError({field: RR_IN_FUTURE})
    if review.panel_response_date and submitted_date > review.panel_response_date:
        raise ValidationError({field: RESPONSE_BEFORE_SUBMITTED})
    if review.decision_date and submitted_date > review.decision_date:
        raise ValidationError({field: DECISION_BEFORE_SUBMITTED})
    incident.rr_submitted_date = submitted_date
    incident.save(update_fields=["rr_submitted_date", "updated_at"])
    # Sent to the Panel: the rapid review, as a learning review, is complete that day.
    review.status = ReviewStatus.COMPLETED
    review.completed_date = submitted_date
    review.save(update_fields=["status", "completed_date", "updated_at"])
    return incident


# Rapid reviews ------------------------------------------------------------------------------
# Working Together 2023 ch.5 and the Panel's guidance: the partners gather what each agency knew,
# meet, write the rapid review report (the Panel's template), a delegated safeguarding partner
# signs it off, it goes to the Panel, and the partners decide whether to hold an LCSPR.


def _first_notified(incident: SeriousIncident) -> date | None:
    return incident.notifications.order_by("sent_date").values_list("sent_date", flat=True).first()


def _require_rapid_review_needed(incident: SeriousIncident, field: str) -> None:
    # Working Together 2023: care-leaver deaths are notified but need no rapid review.
    if incident.care_leaver_death:
        raise ValidationError({field: RR_NOT_NEEDED})


def _rapid_review(incident: SeriousIncident, field: str) -> RapidReview:
    """The incident's rapid review, started (as a learning review in progress) on first use."""
    review = RapidReview.objects.select_for_update().filter(incident=incident).first()
    if review is not None:
        return review
    reference = f"RR-{incident.reference}"
    if Review.objects.filter(partnership=incident.partnership, reference__iexact=reference).exists():
        raise ValidationError({field: REVIEW_REFERENCE_TAKEN.format(reference=reference)})
    return RapidReview.objects.create(
        partnership=incident.partnership,
        incident=incident,
        kind=ReviewKind.RAPID_REVIEW,
        reference=reference,
        title=f"Rapid review {incident.reference}",
        status=ReviewStatus.IN_PROGRESS,
    )


def _require_not_signed_off(review: RapidReview, field: str) -> None:
    if review.is_signed_off:
        raise ValidationError({field: REPORT_LOCKED})


@attributed
@transaction.atomic
def information_request_add(
    *,
    actor: Actor,
    incident: SeriousIncident,
    agency: Agency,
    requested_on: date,
    due_on: date,
    notes: str = "",
    today: date | None = None,
) -> InformationRequest:
    """Ask an agency of the partnership for what it knew, by a due date."""
    _require_rapid_review_needed(incident, "agency")
    errors: dict[str, str] = {}
    if not PartnershipAgency.objects.filter(partnership=incident.partnership, agency=agency).exists():
        errors["agency"] = AGENCY_NOT_IN_PARTNERSHIP
    if requested_on > _today(today):
        errors["requested_on"] = REQUEST_IN_FUTURE
    elif requested_on < incident.date_aware:
        errors["requested_on"] = REQUEST_BEFORE_AWARE
    if due_on < requested_on:
        errors["due_on"] = REQUEST_DUE_BEFORE_REQUESTED
    if errors:
        raise ValidationError(errors)
    return InformationRequest.objects.create(
        partnership=incident.partnership,
        incident=incident,
        agency=agency,
        requested_on=requested_on,
        due_on=due_on,
        notes=notes.strip(),
    )


@attributed
@transaction.atomic
def information_request_received(
    *, actor: Actor, request: InformationRequest, received_on: date, today: date | None = None
) -> InformationRequest:
    """Record the day the agency's information arrived (stops its clock)."""
    if received_on < request.requested_on:
        raise ValidationError({"received_on": RECEIVED_BEFORE_REQUESTED})
    if received_on > _today(today):
        raise ValidationError({"received_on": RECEIVED_IN_FUTURE})
    request.received_on = received_on
    request.save(update_fields=["received_on", "updated_at"])
    return request


@attributed
@transaction.atomic
def rapid_review_meeting_set(
    *, actor: Actor, incident: SeriousIncident, meeting_date: date, today: date | None = None
) -> RapidReview:
    field = "meeting_date"
    _require_rapid_review_needed(incident, field)
    first = _first_notified(incident)
    if first is None:
        raise ValidationError({field: MEETING_BEFORE_NOTIFICATION})
    if meeting_date < first:
        raise ValidationError({field: MEETING_BEFORE_NOTIFIED})
    if meeting_date > _today(today):
        raise ValidationError({field: MEETING_IN_FUTURE})
    review = _rapid_review(incident, field)
    _require_not_signed_off(review, field)
    review.meeting_date = meeting_date
    review.start_date = meeting_date
    review.save(update_fields=["meeting_date", "start_date", "updated_at"])
    return review


@attributed
@transaction.atomic
def rapid_review_report_save(
    *,
    actor: Actor,
    incident: SeriousIncident,
    facts: str = "",
    immediate_actions: str = "",
    learning: str = "",
    recommendation: str = "",
    recommendation_reasons: str = "",
) -> RapidReview:
    """Save the report as a draft: any section may be empty until sign-off."""
    _require_rapid_review_needed(incident, "facts")
    if _first_notified(incident) is None:
        raise ValidationError({"facts": REPORT_BEFORE_NOTIFICATION})
    if recommendation and recommendation not in LocalReviewChoice.values:
        raise ValidationError({"recommendation": SELECT_RECOMMENDATION})
    sections = {
        "facts": facts,
        "immediate_actions": immediate_actions,
        "learning": learning,
        "recommendation_reasons": recommendation_reasons,
    }
    errors = {
        field: length_message(label, limit)
        for field, (label, limit) in REPORT_LIMITS.items()
        if too_long(sections[field].strip(), limit)
    }
    if errors:
        raise ValidationError(errors)
    review = _rapid_review(incident, "facts")
    _require_not_signed_off(review, "facts")
    review.facts = facts.strip()
    review.immediate_actions = immediate_actions.strip()
    review.learning = learning.strip()
    review.recommendation = recommendation
    review.recommendation_reasons = recommendation_reasons.strip()
    review.save()
    return review


@attributed
@transaction.atomic
def rapid_review_sign_off(
    *, actor: Actor, incident: SeriousIncident, signed_at: datetime | None = None
) -> RapidReview:
    """A delegated safeguarding partner signs the report off; it is read-only from then on."""
    field = "confirm"
    _require_rapid_review_needed(incident, field)
    # The registry itself rather than actor.has_perm: an administrator's superuser status does
    # not make them a delegated safeguarding partner.
    if not rules.has_perm(SIGN_OFF_RAPID_REVIEW, actor, incident):
        raise ValidationError({field: SIGN_OFF_NOT_DSP})
    review = RapidReview.objects.select_for_update().filter(incident=incident).first()
    if review is None or review.meeting_date is None:
        raise ValidationError({field: SIGN_OFF_NO_MEETING})
    if review.is_signed_off:
        raise ValidationError({field: SIGN_OFF_ALREADY})
    missing = review.missing_sections
    if missing:
        raise ValidationError({field: SIGN_OFF_INCOMPLETE.format(sections=", ".join(missing))})
    review.signed_off_by = user_or_none(actor)
    review.signed_off_at = signed_at or timezone.now()
    review.save(update_fields=["signed_off_by", "signed_off_at", "updated_at"])
    return review


def _submitted(incident: SeriousIncident, field: str, message: str) -> tuple[RapidReview, date]:
    _require_rapid_review_needed(incident, field)
    review = RapidReview.objects.select_for_update().filter(incident=incident).first()
    if review is None or incident.rr_submitted_date is None:
        raise ValidationError({field: message})
    return review, incident.rr_submitted_date


@attributed
@transaction.atomic
def panel_response_record(
    *,
    actor: Actor,
    incident: SeriousIncident,
    response_date: date,
    agreed: bool | None,
    comments: str = "",
    today: date | None = None,
) -> RapidReview:
    review, submitted = _submitted(incident, "response_date", RESPONSE_BEFORE_SUBMISSION)
    errors: dict[str, str] = {}
    if response_date < submitted:
        errors["response_date"] = RESPONSE_BEFORE_SUBMITTED
    elif response_date > _today(today):
        errors["response_date"] = RESPONSE_IN_FUTURE
    if agreed is None:
        errors["agreed"] = SELECT_AGREED
    if errors:
        raise ValidationError(errors)
    review.panel_response_date = response_date
    review.panel_agreed = agreed
    review.panel_comments = comments.strip()
    review.save(update_fields=["panel_response_date", "panel_agreed", "panel_comments", "updated_at"])
    return review


@attributed
@transaction.atomic
def decision_record(
    *,
    actor: Actor,
    incident: SeriousIncident,
    decision: str,
    decision_date: date,
    reason: str,
    today: date | None = None,
) -> RapidReview:
    """The partners' decision on a local review. An LCSPR starts the lcspr_final clock.

    The Panel's response need not have arrived (the partners decide; the Panel advises).
    """
    review, submitted = _submitted(incident, "decision_date", DECISION_BEFORE_SUBMISSION)
    if review.decision:
        raise ValidationError({"decision": DECISION_ALREADY})
    errors: dict[str, str] = {}
    if decision not in LocalReviewChoice.values:
        errors["decision"] = SELECT_DECISION
    if decision_date < submitted:
        errors["decision_date"] = DECISION_BEFORE_SUBMITTED
    elif decision_date > _today(today):
        errors["decision_date"] = DECISION_IN_FUTURE
    if not reason.strip():
        errors["reason"] = DECISION_REASON_NEEDED
    if errors:
        raise ValidationError(errors)
    review.decision = decision
    review.decision_date = decision_date
    review.decision_reason = reason.strip()
    review.save(update_fields=["decision", "decision_date", "decision_reason", "updated_at"])
    if decision == LocalReviewChoice.LCSPR:
        reviews_services.lcspr_for_incident(
            actor=actor, incident=incident, decision_date=decision_date, field="decision"
        )
    return review
