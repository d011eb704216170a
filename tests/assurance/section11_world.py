"""A partnership with masa's default Section 11 set, a cycle asking three agencies, and an agency
lead (with a person) for the first agency."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from masa.accounts.models import Membership, Role, User
from masa.assurance import services_section11 as services
from masa.assurance.models import Section11Cycle, Section11Return, StandardsKind, StandardsSet
from masa.partnership.models import Agency, Partnership, Person
from tests.factories import SETUP, PartnershipAgencyFactory, PartnershipFactory, PersonFactory, member

TODAY = timezone.localdate()


@dataclass
class S11World:
    partnership: Partnership
    agencies: list[Agency]
    business_team: User
    lead: User  # agency lead of agencies[0]
    lead_person: Person
    other_lead: User  # agency lead of agencies[1]
    standards_set: StandardsSet
    cycle: Section11Cycle
    ret: Section11Return  # agencies[0]'s return
    other_ret: Section11Return


def make_s11_world(slug: str, partnership: Partnership | None = None) -> S11World:
    p = partnership or PartnershipFactory(slug=slug)
    agencies = [PartnershipAgencyFactory(partnership=p).agency for _ in range(3)]
    bt = member(p, Role.BUSINESS_TEAM, email=f"bt-{slug}@example.org")
    lead = member(p, Role.AGENCY_LEAD, mfa=False, email=f"lead-{slug}@example.org")
    Membership.objects.filter(user=lead, partnership=p).update(agency=agencies[0])
    lead_person = PersonFactory(partnership=p, agency=agencies[0], user=lead, name=f"Lee Lead {slug}")
    other_lead = member(p, Role.AGENCY_LEAD, mfa=False, email=f"other-{slug}@example.org")
    Membership.objects.filter(user=other_lead, partnership=p).update(agency=agencies[1])
    standards_set = services.standards_set_from_default(
        actor=SETUP, partnership=p, kind=StandardsKind.SECTION_11
    )
    cycle = services.cycle_open(
        actor=SETUP,
        partnership=p,
        standards_set=standards_set,
        title="Section 11 audit",
        agencies=agencies,
        opens_on=TODAY - timedelta(days=10),
        deadline=TODAY + timedelta(days=20),
    )
    returns = {r.agency_id: r for r in cycle.returns.all()}
    return S11World(
        partnership=p,
        agencies=agencies,
        business_team=bt,
        lead=lead,
        lead_person=lead_person,
        other_lead=other_lead,
        standards_set=standards_set,
        cycle=cycle,
        ret=returns[agencies[0].pk],
        other_ret=returns[agencies[1].pk],
    )


def full_answers(world: S11World, rating: int = 3) -> dict[int, dict]:
    return {
        s.pk: {"rating": rating, "evidence": f"Evidence {s.number}", "link": ""}
        for s in world.standards_set.standards.all()
    }
