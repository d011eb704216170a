"""Two partnerships with serious incidents, case teams and every role."""

from dataclasses import dataclass, field
from datetime import date, datetime, time

import pytest
from django.utils import timezone

from masa.accounts.models import Role, User
from masa.incidents import services
from masa.incidents.models import IncidentChild, SeriousIncident
from masa.partnership.models import Partnership
from tests.factories import PartnershipAgencyFactory, PartnershipFactory, member

AWARE = date(2023, 12, 22)  # a Friday before Christmas
TODAY = date(2024, 1, 10)


@dataclass
class World:
    partnership: Partnership
    business_team: User
    case_member: User  # a group member in the incident's case team
    other_member: User  # a group member not in the case team
    incident: SeriousIncident
    child: IncidentChild
    users: dict[str, User] = field(default_factory=dict)


def make_incident(partnership, actor, reference, *, aware=AWARE, **kwargs) -> SeriousIncident:
    return services.incident_create(
        actor=actor,
        partnership=partnership,
        reference=reference,
        category=kwargs.pop("category", "serious_harm"),
        date_aware=aware,
        summary=kwargs.pop("summary", "Serious injury to an infant; no names."),
        today=TODAY,
        **kwargs,
    )


def add_child(incident, actor, reference="Child A") -> IncidentChild:
    return services.child_add(
        actor=actor,
        incident=incident,
        reference=reference,
        age_band="under_1",
        sex="female",
        ethnicity="white",
    )


def make_world(slug: str) -> World:
    p = PartnershipFactory(slug=slug)
    agency = PartnershipAgencyFactory(partnership=p).agency
    bt = member(p, Role.BUSINESS_TEAM)
    case_member = member(p, Role.MEMBER)
    other = member(p, Role.MEMBER)
    incident = make_incident(p, bt, "SI-2023-07", agencies=[agency])
    child = add_child(incident, bt)
    services.case_team_set(actor=bt, incident=incident, users=[case_member])
    return World(p, bt, case_member, other, incident, child)


@pytest.fixture
def alpha(db) -> World:
    return make_world("alpha")


@pytest.fixture
def beta(db) -> World:
    return make_world("beta")


NOTIFIED = date(2024, 1, 2)
MEETING = date(2024, 1, 5)
SIGNED = date(2024, 1, 8)
REPORT = {
    "facts": "An infant was seriously injured at home; the agencies knew the family.",
    "immediate_actions": "A strategy discussion was held; the sibling is on a child protection plan.",
    "learning": "Pre-birth assessments were too parent-focused.",
    "recommendation": "no_lcspr",
    "recommendation_reasons": "The learning is already being acted on: no LCSPR is needed.",
}


def notify(world, sent=NOTIFIED):
    return services.notification_send(
        actor=world.business_team,
        incident=world.incident,
        children=[world.child],
        sent_date=sent,
        today=TODAY,
    )


def make_dsp(world) -> User:
    dsp = member(world.partnership, Role.DSP)
    world.users["dsp"] = dsp
    return dsp


def sign_off(world, *, notified=True, meeting=MEETING, signed=SIGNED, report=None) -> User:
    """Notify the Panel (unless already), hold the meeting, write the report and have a DSP sign it."""
    if notified:
        notify(world)
    services.rapid_review_meeting_set(
        actor=world.business_team, incident=world.incident, meeting_date=meeting, today=TODAY
    )
    services.rapid_review_report_save(
        actor=world.business_team, incident=world.incident, **(report or REPORT)
    )
    dsp = make_dsp(world)
    services.rapid_review_sign_off(
        actor=dsp, incident=world.incident, signed_at=timezone.make_aware(datetime.combine(signed, time(10)))
    )
    world.incident.refresh_from_db()
    return dsp
