"""A partnership with a scrutiny plan for 2024-25, a finding, and a statement of assurance."""

from dataclasses import dataclass
from datetime import date

import pytest

from masa.accounts.models import Role, User
from masa.partnership.models import Partnership, Person
from masa.scrutiny import services
from masa.scrutiny.models import (
    ActivityKind,
    ActivityStatus,
    AssuranceStatement,
    ScrutineerComment,
    ScrutinyActivity,
    ScrutinyFinding,
    ScrutinyPlan,
)
from tests.factories import SETUP, PartnershipAgencyFactory, PartnershipFactory, PersonFactory, member
from tests.module_db import module_transaction

TODAY = date(2025, 1, 15)


@dataclass
class World:
    partnership: Partnership
    business_team: User
    lsps: list[User]
    dsp: User
    chair: User
    scrutineer: User
    member_user: User
    practitioner: User
    owner: Person
    plan: ScrutinyPlan
    activity: ScrutinyActivity
    finding: ScrutinyFinding
    comment: ScrutineerComment
    statement: AssuranceStatement


def make_world(slug: str) -> World:
    p = PartnershipFactory(slug=slug, name=f"{slug.title()} Partnership")
    council = PartnershipAgencyFactory(partnership=p, agency__name=f"{slug} Council").agency
    bt = member(p, Role.BUSINESS_TEAM)
    lsps = [member(p, Role.LSP, full_name=f"Lead {n} {slug}") for n in (1, 2, 3)]
    PersonFactory(
        partnership=p, agency=council, user=lsps[0], name=lsps[0].full_name, job_title="Chief Executive"
    )
    owner = PersonFactory(partnership=p, agency=council, name=f"Ola Owner {slug}")
    plan = services.plan_save(actor=SETUP, partnership=p, year=2024, summary="The first year")
    activity = services.activity_save(
        actor=SETUP,
        plan=plan,
        kind=ActivityKind.OBSERVATION,
        title="Observe the Partnership Board",
        planned_on=date(2024, 6, 1),
        status=ActivityStatus.DONE,
        done_on=date(2024, 6, 3),
        today=TODAY,
    )
    finding = services.finding_save(
        actor=SETUP, activity=activity, text="Agencies rarely challenge each other"
    )
    comment = services.comment_save(actor=SETUP, partnership=p, year=2024, text="Draft thoughts")
    statement = services.statement_save(
        actor=SETUP, partnership=p, year=2023, text="We are assured that the arrangements work."
    )
    return World(
        partnership=p,
        business_team=bt,
        lsps=lsps,
        dsp=member(p, Role.DSP),
        chair=member(p, Role.CHAIR),
        scrutineer=member(p, Role.SCRUTINEER),
        member_user=member(p, Role.MEMBER),
        practitioner=member(p, Role.PRACTITIONER, mfa=False),
        owner=owner,
        plan=plan,
        activity=activity,
        finding=finding,
        comment=comment,
        statement=statement,
    )


@pytest.fixture(scope="module")
def worlds(django_db_setup, django_db_blocker):
    with module_transaction(django_db_blocker):
        yield make_world("alpha"), make_world("beta")


@pytest.fixture
def alpha(worlds, db) -> World:
    return worlds[0]


@pytest.fixture
def beta(worlds, db) -> World:
    return worlds[1]
