"""A partnership with members of every role, two tracker actions, an activity and two entries
(one published), and a second partnership: built once per test module (tests/module_db.py)."""

from dataclasses import dataclass
from datetime import date

from masa.accounts.models import Membership, Role, User
from masa.actions.models import Action, ActionSource
from masa.actions.services import action_create
from masa.partnership.models import Partnership, Person
from masa.voice import services
from masa.voice.models import ActivityKind, EngagementActivity, EntryStatus, YouSaidWeDid
from tests.factories import SETUP, PartnershipAgencyFactory, PartnershipFactory, PersonFactory, member

TODAY = date(2024, 3, 1)


@dataclass
class World:
    partnership: Partnership
    users: dict[str, User]
    action: Action
    other_action: Action
    activity: EngagementActivity
    published: YouSaidWeDid
    draft: YouSaidWeDid


def _action(partnership: Partnership, owner: Person, title: str) -> Action:
    return action_create(
        actor=SETUP,
        partnership=partnership,
        title=title,
        owner=owner,
        due_date=date(2024, 9, 30),
        source=ActionSource.ESCALATION,
        today=TODAY,
    )


def make_world(slug: str) -> World:
    p = PartnershipFactory(slug=slug)
    council = PartnershipAgencyFactory(partnership=p, agency__name=f"{slug} Council").agency
    users = {
        role: member(p, role, mfa=role not in (Role.PRACTITIONER, Role.AGENCY_LEAD))
        for role in (
            Role.BUSINESS_TEAM,
            Role.LSP,
            Role.CHAIR,
            Role.MEMBER,
            Role.SCRUTINEER,
            Role.AGENCY_LEAD,
            Role.PRACTITIONER,
        )
    }
    Membership.objects.filter(user=users[Role.AGENCY_LEAD], partnership=p).update(agency=council)
    owner = PersonFactory(partnership=p, agency=council, name=f"Owner {slug}")
    action = _action(p, owner, "Online safety sessions in every secondary school")
    other = PartnershipFactory(slug=f"{slug}-other")
    other_owner = PersonFactory(
        partnership=other,
        agency=PartnershipAgencyFactory(partnership=other, agency__name=f"{slug} Other Council").agency,
    )
    other_action = _action(other, other_owner, "Another partnership's action")
    activity = services.activity_save(
        actor=SETUP,
        partnership=p,
        title="Youth Council session on online safety",
        held_on=date(2024, 1, 16),
        kind=ActivityKind.YOUTH_COUNCIL,
        forum="Youth Council",
        counts={"aged_11_to_15": 9, "aged_16_to_17": 5, "care_experienced": 3, "young_carers": 2},
        what_they_said="Adults do not understand the apps young people use.",
        today=TODAY,
    )
    published = services.entry_save(
        actor=SETUP,
        activity=activity,
        you_said="Adults do not understand the apps we use",
        we_did="We are training practitioners in the language and culture of online life",
        status=EntryStatus.PLANNED,
        actions=[action],
    )
    services.entry_publish(actor=SETUP, entry=published)
    draft = services.entry_save(
        actor=SETUP,
        activity=activity,
        you_said="Internal draft the public must not see",
        we_did="Still being agreed",
        status=EntryStatus.PLANNED,
    )
    return World(p, users, action, other_action, activity, published, draft)
