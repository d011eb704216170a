"""Shared set-up for the action tracker tests: two partnerships, agencies, groups and people."""

import io
import zipfile
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.utils import timezone

from masa.accounts.models import Membership, User
from masa.actions import services
from masa.actions.models import Action, ActionSource
from masa.partnership.models import Group, Partnership, Person
from masa.reviews.models import Recommendation, Review, ReviewKind
from tests.factories import (
    SETUP,
    GroupFactory,
    GroupMemberFactory,
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    member,
)
from tests.governance.files import pdf_bytes

TODAY = timezone.localdate()

# A real one-page PDF: uploads are opened with pypdf, so a few PDF-looking bytes are refused.
PDF = pdf_bytes()


def ooxml(main_part: str = "word/document.xml", *, macros: bool = False) -> bytes:
    """A minimal Office Open XML file (DOCX by default); with macros it is really a DOCM."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        content_type = "macroEnabled.main+xml" if macros else "document.main+xml"
        archive.writestr("[Content_Types].xml", f'<Types><Override ContentType="{content_type}"/></Types>')
        archive.writestr(main_part, "<document/>")
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00VBA")
    return out.getvalue()


@dataclass
class World:
    """One partnership's records for the tests."""

    partnership: Partnership
    agency: object  # the owner's agency
    other_agency: object
    group: Group
    other_group: Group
    owner_user: User
    owner: Person
    chair_user: User
    chair: Person
    colleague: Person  # same agency as the owner, no account
    outsider: Person  # another agency, another group, no account
    actions: dict[str, Action] = field(default_factory=dict)


def person_for(user: User, partnership: Partnership, agency, **kwargs) -> Person:
    return PersonFactory(partnership=partnership, agency=agency, user=user, email=user.email, **kwargs)


def make_action(world: World, title: str = "Audit the front door", **kwargs) -> Action:
    values = {
        "owner": world.owner,
        "due_date": TODAY + timedelta(days=30),
        "source": ActionSource.ESCALATION,
        "group": world.group,
    }
    values.update(kwargs)
    # An action due in the past was agreed on or before its due date (the service refuses a
    # due date before the day the action is agreed).
    values.setdefault("today", min(values["due_date"], TODAY))
    return services.action_create(actor=SETUP, partnership=world.partnership, title=title, **values)


def review_action(
    world: World, title: str, *, reference: str = "LLR-1", review_title: str = "A review"
) -> Action:
    """An action from recommendation 1 of a local learning review (it needs evidence to close)."""
    review = Review.objects.create(
        partnership=world.partnership, kind=ReviewKind.LOCAL_LEARNING, reference=reference, title=review_title
    )
    recommendation = Recommendation.objects.create(
        partnership=world.partnership, review=review, number=1, text="Share safety plans"
    )
    return make_action(
        world, title, source=ActionSource.REVIEW_RECOMMENDATION, review_recommendation=recommendation
    )


def build_world(slug: str) -> World:
    partnership = PartnershipFactory(slug=slug)
    agency = PartnershipAgencyFactory(partnership=partnership).agency
    other_agency = PartnershipAgencyFactory(partnership=partnership).agency
    group = GroupFactory(partnership=partnership, name=f"{slug.title()} Practice Group")
    other_group = GroupFactory(partnership=partnership, name=f"{slug.title()} Health Group")
    owner_user = member(partnership, "member", mfa=False, full_name=f"Owen Owner {slug}")
    owner = person_for(owner_user, partnership, agency, name=f"Owen Owner {slug}")
    GroupMemberFactory(group=group, person=owner)
    chair_user = member(partnership, "chair", mfa=False, full_name=f"Chris Chair {slug}")
    chair = person_for(chair_user, partnership, agency, name=f"Chris Chair {slug}")
    group.chair = chair
    group.save()
    world = World(
        partnership=partnership,
        agency=agency,
        other_agency=other_agency,
        group=group,
        other_group=other_group,
        owner_user=owner_user,
        owner=owner,
        chair_user=chair_user,
        chair=chair,
        colleague=PersonFactory(partnership=partnership, agency=agency, name=f"Colleague {slug}"),
        outsider=PersonFactory(partnership=partnership, agency=other_agency, name=f"Outsider {slug}"),
    )
    world.actions["mine"] = make_action(world, f"{slug} action owned by Owen")
    world.actions["colleague"] = make_action(
        world, f"{slug} action of a colleague", owner=world.colleague, group=other_group
    )
    world.actions["outsider"] = make_action(
        world, f"{slug} action of another agency", owner=world.outsider, group=other_group
    )
    return world


def user_in_scope(world: World, role: str) -> User:
    """A user with this role who may see world.actions['colleague'] (same agency, in its group)."""
    user = member(world.partnership, role)  # with TOTP: senior roles must have it
    Membership.objects.filter(user=user).update(agency=world.agency)
    person = person_for(user, world.partnership, world.agency)
    GroupMemberFactory(group=world.other_group, person=person)
    return user


@pytest.fixture
def alpha(db) -> World:
    return build_world("alpha")


@pytest.fixture
def beta(db) -> World:
    return build_world("beta")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploaded evidence goes to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
