"""Every write to a partnership's structure. Callers check permissions first.

Each service is atomic; django-auditlog records the change and its actor.
"""

from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model

from masa.core.actors import Actor, attributed
from masa.partnership.models import (
    Agency,
    Group,
    GroupMember,
    Objective,
    Partnership,
    PartnershipAgency,
    Person,
    Principle,
    Priority,
    StrategicPlan,
    Value,
)

AGENCY_ALREADY_IN_PARTNERSHIP = "This agency is already part of the partnership"
SHARED_AGENCY_RENAME = (
    "This agency also works with other partnerships, so its name and type cannot be changed here"
)
REPORTING_LINE_LOOP = "A group cannot report to itself or to a group that reports to it"
REPORTING_LINE_FOREIGN = "Choose a group from this partnership"
CHAIR_FOREIGN = "Choose a chair from this partnership's people"
PERSON_ALREADY_MEMBER = "This person is already a member of the group"
AGENCY_NOT_IN_PARTNERSHIP = "Choose an agency that is part of this partnership"


M = TypeVar("M", bound=Model)


def _save(instance: M, **fields: object) -> M:
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance


@attributed
@transaction.atomic
def agency_add(
    *, actor: Actor, partnership: Partnership, name: str, agency_type: str, status: str, description: str = ""
) -> PartnershipAgency:
    """Add an agency to the partnership, reusing the agency if another partnership already has it."""
    agency = Agency.objects.filter(name__iexact=name.strip()).first()
    if agency is None:
        agency = _save(Agency(), name=name.strip(), agency_type=agency_type)
    elif PartnershipAgency.objects.filter(partnership=partnership, agency=agency).exists():
        raise ValidationError({"name": AGENCY_ALREADY_IN_PARTNERSHIP})
    return _save(
        PartnershipAgency(partnership=partnership, agency=agency), status=status, description=description
    )


@attributed
@transaction.atomic
def agency_update(
    *,
    actor: Actor,
    link: PartnershipAgency,
    name: str,
    agency_type: str,
    status: str,
    description: str,
    is_active: bool,
) -> PartnershipAgency:
    agency = link.agency
    if (name.strip(), agency_type) != (agency.name, agency.agency_type):
        shared = PartnershipAgency.objects.filter(agency=agency).exclude(pk=link.pk).exists()
        if shared:
            raise ValidationError({"name": SHARED_AGENCY_RENAME})
        _save(agency, name=name.strip(), agency_type=agency_type)
    return _save(link, status=status, description=description, is_active=is_active)


def _check_agency(partnership: Partnership, agency: Agency) -> None:
    if not PartnershipAgency.objects.filter(partnership=partnership, agency=agency).exists():
        raise ValidationError({"agency": AGENCY_NOT_IN_PARTNERSHIP})


@attributed
@transaction.atomic
def person_create(
    *, actor: Actor, partnership: Partnership, name: str, job_title: str, agency: Agency, email: str
) -> Person:
    _check_agency(partnership, agency)
    return _save(Person(partnership=partnership), name=name, job_title=job_title, agency=agency, email=email)


@attributed
@transaction.atomic
def person_update(
    *, actor: Actor, person: Person, name: str, job_title: str, agency: Agency, email: str, is_active: bool
) -> Person:
    _check_agency(person.partnership, agency)
    return _save(person, name=name, job_title=job_title, agency=agency, email=email, is_active=is_active)


def _check_group_links(group: Group, chair: Person | None, reports_to: Group | None) -> None:
    if chair is not None and chair.partnership_id != group.partnership_id:
        raise ValidationError({"chair": CHAIR_FOREIGN})
    if reports_to is None:
        return
    if reports_to.partnership_id != group.partnership_id:
        raise ValidationError({"reports_to": REPORTING_LINE_FOREIGN})
    # Walk up the proposed reporting line; meeting this group again would make a loop.
    seen: set[int] = set()
    current: Group | None = reports_to
    while current is not None:
        if group.pk is not None and current.pk == group.pk:
            raise ValidationError({"reports_to": REPORTING_LINE_LOOP})
        if current.pk in seen:
            break
        seen.add(current.pk)
        current = current.reports_to


@attributed
@transaction.atomic
def group_save(
    *,
    actor: Actor,
    partnership: Partnership,
    group: Group | None = None,
    name: str,
    short_name: str,
    kind: str,
    purpose: str,
    people: str,
    process: str,
    chair: Person | None,
    quorum: int,
    min_meetings_per_year: int,
    reports_to: Group | None,
    is_active: bool = True,
) -> Group:
    """Create a group (group=None) or update its terms of reference and reporting line."""
    group = group or Group(partnership=partnership)
    _check_group_links(group, chair, reports_to)
    return _save(
        group,
        name=name,
        short_name=short_name,
        kind=kind,
        purpose=purpose,
        people=people,
        process=process,
        chair=chair,
        quorum=quorum,
        min_meetings_per_year=min_meetings_per_year,
        reports_to=reports_to,
        is_active=is_active,
    )


@attributed
@transaction.atomic
def group_member_add(*, actor: Actor, group: Group, person: Person, member_type: str) -> GroupMember:
    if person.partnership_id != group.partnership_id:
        raise ValidationError({"person": CHAIR_FOREIGN})
    if GroupMember.objects.filter(group=group, person=person).exists():
        raise ValidationError({"person": PERSON_ALREADY_MEMBER})
    return _save(
        GroupMember(partnership_id=group.partnership_id, group=group, person=person),
        member_type=member_type,
    )


@attributed
@transaction.atomic
def group_member_remove(*, actor: Actor, member: GroupMember) -> None:
    member.delete()


@attributed
@transaction.atomic
def partnership_update_vision(*, actor: Actor, partnership: Partnership, vision: str) -> Partnership:
    return _save(partnership, vision=vision)


@attributed
@transaction.atomic
def statement_save(
    *,
    actor: Actor,
    partnership: Partnership,
    model: type[Value] | type[Principle],
    statement: Value | Principle | None = None,
    title: str,
    description: str,
    order: int,
) -> Value | Principle:
    """Create or update one of the partnership's values or principles."""
    statement = statement or model(partnership=partnership)
    return _save(statement, title=title, description=description, order=order)


@attributed
@transaction.atomic
def plan_save(
    *,
    actor: Actor,
    partnership: Partnership,
    plan: StrategicPlan | None = None,
    title: str,
    start_year: int,
    end_year: int,
) -> StrategicPlan:
    plan = plan or StrategicPlan(partnership=partnership)
    return _save(plan, title=title, start_year=start_year, end_year=end_year)


@attributed
@transaction.atomic
def priority_save(
    *,
    actor: Actor,
    plan: StrategicPlan,
    priority: Priority | None = None,
    title: str,
    description: str,
    order: int,
) -> Priority:
    priority = priority or Priority(partnership_id=plan.partnership_id, plan=plan)
    return _save(priority, title=title, description=description, order=order)


@attributed
@transaction.atomic
def objective_save(
    *, actor: Actor, priority: Priority, objective: Objective | None = None, text: str, order: int
) -> Objective:
    objective = objective or Objective(partnership_id=priority.partnership_id, priority=priority)
    return _save(objective, text=text, order=order)
