"""A partnership with a young offender institution overseen by its group, restraint types, a
quarter of figures and a tracker action; and the people who may and may not see them."""

from dataclasses import dataclass
from datetime import date

from masa.accounts.models import Role, User
from masa.actions.models import Action, ActionSource
from masa.actions.services import action_create
from masa.partnership.models import Group, GroupMember, Partnership, Person
from masa.restraint import services
from masa.restraint.models import Establishment, RestraintQuarter, RestraintType
from tests.factories import (
    SETUP,
    GroupFactory,
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    member,
)


@dataclass
class World:
    partnership: Partnership
    group: Group
    establishment: Establishment
    types: list[RestraintType]
    quarter: RestraintQuarter
    action: Action
    business_team: User
    lsp: User
    scrutineer: User
    chair: User
    group_member: User
    other_member: User
    practitioner: User
    chair_person: Person


def make_world(slug: str) -> World:
    p = PartnershipFactory(slug=slug)
    agency = PartnershipAgencyFactory(partnership=p, agency__name=f"{slug} YOI").agency
    bt = member(p, Role.BUSINESS_TEAM)
    lsp = member(p, Role.LSP)
    scrutineer = member(p, Role.SCRUTINEER)
    chair = member(p, Role.MEMBER)
    group_member = member(p, Role.AGENCY_LEAD)
    other_member = member(p, Role.CHAIR)
    practitioner = member(p, Role.PRACTITIONER, mfa=False)
    chair_person = PersonFactory(partnership=p, agency=agency, user=chair, name=f"Cal Chair {slug}")
    sitting = PersonFactory(partnership=p, agency=agency, user=group_member, name=f"Sam Sitting {slug}")
    group = GroupFactory(partnership=p, name=f"{slug} YOI Group", chair=chair_person)
    GroupMember.objects.create(partnership=p, group=group, person=sitting)
    GroupFactory(
        partnership=p,
        name=f"{slug} Other Group",
        chair=PersonFactory(partnership=p, agency=agency, user=other_member),
    )
    establishment = services.establishment_save(actor=SETUP, partnership=p, name=f"HMYOI {slug}", group=group)
    types = [
        services.type_save(actor=SETUP, partnership=p, name=name, order=n)
        for n, name in enumerate(("Guiding hold", "Basic restraint hold", "Ground restraint"), start=1)
    ]
    quarter = services.quarter_save(
        actor=SETUP,
        establishment=establishment,
        year=2023,
        quarter=1,
        incidents=10,
        injuries=2,
        children=6,
        type_counts={types[0]: 5, types[1]: 4, types[2]: 1},
        by_age={"15": 2, "16": 2, "17": 2},
        by_ethnicity={"black": 3, "white": 2, "mixed": 1},
        themes="Incidents on arrival",
    )
    action = action_create(
        actor=SETUP,
        partnership=p,
        title="Review de-escalation training",
        owner=chair_person,
        due_date=date(2024, 9, 30),
        source=ActionSource.ESCALATION,
        today=date(2024, 4, 1),
    )
    return World(
        partnership=p,
        group=group,
        establishment=establishment,
        types=types,
        quarter=quarter,
        action=action,
        business_team=bt,
        lsp=lsp,
        scrutineer=scrutineer,
        chair=chair,
        group_member=group_member,
        other_member=other_member,
        practitioner=practitioner,
        chair_person=chair_person,
    )
