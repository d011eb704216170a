"""A partnership with two agencies, a training policy, a published course on one of its
priorities and sessions of it (past, coming, full, cancelled); and the people of every role,
including practitioners of each agency. Written with the ORM so every part of the training tests
starts from the same place."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from masa.accounts.models import Membership, Role, User
from masa.partnership.models import Agency, Partnership, Priority, StrategicPlan
from masa.training.models import (
    Course,
    Level,
    RegistrationDomain,
    TrainingPolicy,
    TrainingSession,
)
from tests.factories import PartnershipAgencyFactory, PartnershipFactory, member


@dataclass
class World:
    partnership: Partnership
    agency: Agency
    other_agency: Agency
    policy: TrainingPolicy
    priority: Priority
    course: Course
    draft_course: Course
    coming: TrainingSession  # in 30 days, 10 places
    small: TrainingSession  # in 20 days, 2 places
    past: TrainingSession  # 7 days ago, 10 places
    cancelled: TrainingSession  # in 40 days, cancelled
    business_team: User
    lsp: User
    scrutineer: User
    chair: User
    agency_lead: User  # of `agency`
    other_agency_lead: User  # of `other_agency`
    practitioner: User  # of `agency`
    colleague: User  # another practitioner of `agency`
    other_practitioner: User  # of `other_agency`


def add_course(partnership: Partnership, slug: str, *priorities: Priority, **fields) -> Course:
    """A published course (a draft with is_published=False), linked to the priorities given."""
    values = {
        "title": f"Course {slug}",
        "summary": "x",
        "level": Level.FOUNDATION,
        "audience": "Everyone",
        "learning_outcomes": "x",
        "cpd_hours": Decimal("1.0"),
        "trainer": "Pool",
        "is_published": True,
        **fields,
    }
    course = Course.objects.create(partnership=partnership, slug=slug, **values)
    course.priorities.set(priorities)
    return course


def add_session(course: Course, starts: datetime, capacity: int, **fields) -> TrainingSession:
    """A three-hour session of the course (fields such as venue or status as given)."""
    return TrainingSession.objects.create(
        partnership=course.partnership,
        course=course,
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        capacity=capacity,
        **fields,
    )


def _with_agency(user: User, partnership: Partnership, agency: Agency) -> User:
    Membership.objects.filter(user=user, partnership=partnership).update(agency=agency)
    return user


def make_world(slug: str) -> World:
    p = PartnershipFactory(slug=slug)
    agency = PartnershipAgencyFactory(partnership=p, agency__name=f"{slug} Health Trust").agency
    other_agency = PartnershipAgencyFactory(partnership=p, agency__name=f"{slug} Police").agency
    policy = TrainingPolicy.objects.create(partnership=p, cancellation_cutoff_days=5)
    RegistrationDomain.objects.create(partnership=p, agency=agency, domain=f"{slug}-health.nhs.uk")
    plan = StrategicPlan.objects.create(partnership=p, start_year=2024, end_year=2027, title="Plan")
    priority = Priority.objects.create(partnership=p, plan=plan, title="Neglect", order=1)
    course = add_course(
        p,
        "neglect",
        priority,
        title="Recognising and responding to neglect",
        summary="Spotting neglect early and working together to respond.",
        level=Level.INTERMEDIATE,
        audience="Practitioners in every agency",
        learning_outcomes="Recognise the signs of neglect\nUse the neglect toolkit",
        cpd_hours=Decimal("3.0"),
        trainer="Partnership training pool",
    )
    draft = add_course(
        p,
        "online-harm",
        title="Online harm (in preparation)",
        summary="Not yet published.",
        audience="Everyone",
        learning_outcomes="Understand online harm",
        cpd_hours=Decimal("1.5"),
        trainer="Partnership training pool",
        is_published=False,
    )
    now = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)

    def session(days: int, capacity: int, **fields) -> TrainingSession:
        return add_session(
            course, now + timedelta(days=days), capacity, venue="Civic Centre, Lampton Road", **fields
        )

    people = {
        "agency_lead": _with_agency(member(p, Role.AGENCY_LEAD), p, agency),
        "other_agency_lead": _with_agency(member(p, Role.AGENCY_LEAD), p, other_agency),
        "practitioner": _with_agency(member(p, Role.PRACTITIONER, mfa=False), p, agency),
        "colleague": _with_agency(member(p, Role.PRACTITIONER, mfa=False), p, agency),
        "other_practitioner": _with_agency(member(p, Role.PRACTITIONER, mfa=False), p, other_agency),
    }
    return World(
        partnership=p,
        agency=agency,
        other_agency=other_agency,
        policy=policy,
        priority=priority,
        course=course,
        draft_course=draft,
        coming=session(30, 10),
        small=session(20, 2),
        past=session(-7, 10),
        cancelled=session(40, 10, status="cancelled"),
        business_team=member(p, Role.BUSINESS_TEAM),
        lsp=member(p, Role.LSP),
        scrutineer=member(p, Role.SCRUTINEER),
        chair=member(p, Role.CHAIR),
        **people,
    )
