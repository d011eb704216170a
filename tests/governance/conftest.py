"""A small partnership with a Board (five voting members, quorum 3) and a subgroup."""

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from masa.governance import services
from tests.factories import (
    GroupFactory,
    GroupMemberFactory,
    PartnershipAgencyFactory,
    PartnershipFactory,
    PersonFactory,
    member,
)


def make_world(slug: str) -> SimpleNamespace:
    partnership = PartnershipFactory(slug=slug)
    agencies = [PartnershipAgencyFactory(partnership=partnership).agency for _ in range(2)]
    people = [
        PersonFactory(partnership=partnership, agency=agencies[i % 2], name=f"{slug.title()} Member {i}")
        for i in range(5)
    ]
    board = GroupFactory(
        partnership=partnership, name="Partnership Board", kind="board", quorum=3, chair=people[0]
    )
    for person in people:
        GroupMemberFactory(group=board, person=person)
    subgroup = GroupFactory(partnership=partnership, name="Learning Subgroup", kind="subgroup")
    outsider = PersonFactory(partnership=partnership, agency=agencies[0], name=f"{slug.title()} Outsider")
    GroupMemberFactory(group=subgroup, person=outsider)
    manager = member(partnership, "business_team", full_name=f"{slug.title()} Manager")
    return SimpleNamespace(
        partnership=partnership,
        agencies=agencies,
        people=people,
        board=board,
        subgroup=subgroup,
        outsider=outsider,
        manager=manager,
    )


def agenda_item(actor, meeting, title: str, *, purpose: str = "information", minutes: int = 15):
    """An agenda item with no presenter or priority."""
    return services.agenda_item_save(
        actor=actor,
        meeting=meeting,
        title=title,
        purpose=purpose,
        presenter=None,
        minutes_allotted=minutes,
        priority=None,
    )


def annual_report_item(world: SimpleNamespace, meeting):
    """An agenda item a paper can be added to."""
    return services.agenda_item_save(
        actor=world.manager,
        meeting=meeting,
        title="Annual report",
        purpose="decision",
        presenter=world.people[1],
        minutes_allotted=20,
        priority=None,
    )


def paper_world(slug: str = "alpha"):
    """A partnership with a meeting in two weeks and an agenda item: (world, meeting, item)."""
    world = make_world(slug)
    meeting = schedule(world, 14)[0]
    return world, meeting, annual_report_item(world, meeting)


def at(days: int, hour: int = 10) -> datetime:
    """A local date-time `days` from today at `hour`:00."""
    day = timezone.localdate() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.get_current_timezone())


def schedule(world: SimpleNamespace, days: int, group=None, **kwargs):
    """One meeting (or a series with frequency/occurrences) of the Board, `days` from today."""
    return services.meeting_schedule(
        actor=world.manager,
        partnership=world.partnership,
        group=group or world.board,
        starts_at=at(days),
        ends_at=at(days, 12),
        location="Civic Centre, Room 1",
        **kwargs,
    )


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return make_world("alpha")


@pytest.fixture
def meeting(world):
    """A Board meeting held yesterday (attendance can be recorded, its minutes approved later)."""
    return schedule(world, -1)[0]


@pytest.fixture
def coming_meeting(world):
    """A Board meeting in two weeks."""
    return schedule(world, 14)[0]


@pytest.fixture
def manager_client(client, world):
    client.force_login(world.manager)
    return client
