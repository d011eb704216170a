"""Changes to serious incidents. Each service is atomic and saves nothing when it refuses.

Refusals are ValidationErrors in plain English, keyed by the form field they are about.
django-auditlog records each change and its actor.
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from masa.accounts.models import Membership, User
from masa.clocks.rules import DEFAULT_RULE_SET, RULE_SETS
from masa.learning.models import (
    MAX_CHILDREN_PER_NOTIFICATION,
    AgeBand,
    Ethnicity,
    IncidentCategory,
    IncidentChild,
    PanelNotification,
    SeriousIncident,
    Sex,
)
from masa.partnership.models import Agency, Partnership, PartnershipAgency

AWARE_IN_FUTURE = "The date the partnership became aware must be today or in the past"
REFERENCE_TAKEN = "An incident with the reference {reference} already exists"
REFERENCE_NEEDED = "Enter the reference"
CATEGORY_NEEDED = "Select the category"
UNKNOWN_RULE_SET = "Select a rule set from the list"
CARE_LEAVER_NOT_DEATH = "A care-leaver death must have the category death"
AGENCY_NOT_IN_PARTNERSHIP = "Select agencies that are part of the partnership"
CHILD_REFERENCE_TAKEN = "{reference} is already recorded for this incident"
CHILD_REFERENCE_NEEDED = "Enter the child's reference"
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


def _today(today: date | None) -> date:
    return today or date.today()


@transaction.atomic
def incident_create(
    *,
    actor: User,
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


@transaction.atomic
def child_add(
    *, actor: User, incident: SeriousIncident, reference: str, age_band: str, sex: str, ethnicity: str
) -> IncidentChild:
    reference = reference.strip()
    errors: dict[str, str] = {}
    if not reference:
        errors["reference"] = CHILD_REFERENCE_NEEDED
    elif incident.children.filter(reference__iexact=reference).exists():
        errors["reference"] = CHILD_REFERENCE_TAKEN.format(reference=reference)
    for field, value, choices, label in (
        ("age_band", age_band, AgeBand, "age band"),
        ("sex", sex, Sex, "sex"),
        ("ethnicity", ethnicity, Ethnicity, "ethnic group"),
    ):
        if value not in choices.values:
            errors[field] = SELECT_FROM_LIST.format(label=label)
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


@transaction.atomic
def notification_send(
    *,
    actor: User,
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


@transaction.atomic
def case_team_set(*, actor: User, incident: SeriousIncident, users: Iterable[User]) -> SeriousIncident:
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


@transaction.atomic
def rapid_review_submitted(
    *, actor: User, incident: SeriousIncident, submitted_date: date, today: date | None = None
) -> SeriousIncident:
    """Record the day the rapid review's findings went to the Panel (stops the clock)."""
    if incident.care_leaver_death:
        raise ValidationError({"submitted_date": RR_NOT_NEEDED})
    first = incident.notifications.order_by("sent_date").values_list("sent_date", flat=True).first()
    if first is None:
        raise ValidationError({"submitted_date": RR_BEFORE_NOTIFICATION})
    if submitted_date < first:
        raise ValidationError({"submitted_date": RR_BEFORE_NOTIFIED})
    if submitted_date > _today(today):
        raise ValidationError({"submitted_date": RR_IN_FUTURE})
    incident.rr_submitted_date = submitted_date
    incident.save(update_fields=["rr_submitted_date", "updated_at"])
    return incident
