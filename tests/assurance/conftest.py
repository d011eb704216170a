"""Two partnerships, each with an inspection, a judgement and a recommendation with its action."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from masa.accounts.models import Membership, Role, User
from masa.actions.models import Action
from masa.assurance import services
from masa.assurance.models import (
    FindingKind,
    Inspection,
    InspectionFinding,
    InspectionJudgement,
    InspectionKind,
)
from masa.partnership.models import Agency, Group, Partnership, Person
from tests.factories import (
    SETUP,
    GroupFactory,
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    member,
)

TODAY = timezone.localdate()


@dataclass
class World:
    partnership: Partnership
    agency: Agency
    group: Group
    business_team: User
    owner_user: User  # an agency lead who owns the recommendation's action
    owner: Person
    inspection: Inspection
    judgement: InspectionJudgement
    finding: InspectionFinding
    action: Action


def make_world(slug: str) -> World:
    p = PartnershipFactory(slug=slug)
    agency = PartnershipAgencyFactory(partnership=p).agency
    group = GroupFactory(partnership=p, name=f"{slug.title()} Board")
    bt = member(p, Role.BUSINESS_TEAM)
    owner_user = member(p, Role.AGENCY_LEAD, mfa=False, full_name=f"Ola Owner {slug}")
    Membership.objects.filter(user=owner_user, partnership=p).update(agency=agency)
    owner = PersonFactory(
        partnership=p, agency=agency, user=owner_user, name=f"Ola Owner {slug}", email=owner_user.email
    )
    inspection = services.inspection_save(
        actor=SETUP,
        partnership=p,
        kind=InspectionKind.OFSTED_ILACS,
        title="Ofsted ILACS inspection",
        start_date=date(2023, 10, 2),
        end_date=date(2023, 10, 13),
        overall_judgement="Good",
    )
    judgement = services.judgement_save(
        actor=SETUP, inspection=inspection, area="Leadership", judgement="Outstanding"
    )
    finding = services.finding_save(
        actor=SETUP,
        inspection=inspection,
        kind=FindingKind.RECOMMENDATION,
        text="Improve the timeliness of return home interviews",
        agency=agency,
        owner=owner,
        due_date=TODAY + timedelta(days=60),
        group=group,
    )
    return World(
        partnership=p,
        agency=agency,
        group=group,
        business_team=bt,
        owner_user=owner_user,
        owner=owner,
        inspection=inspection,
        judgement=judgement,
        finding=finding,
        action=finding.actions.get(),
    )


@pytest.fixture
def alpha(db) -> World:
    return make_world("alpha")


@pytest.fixture
def beta(db) -> World:
    return make_world("beta")
