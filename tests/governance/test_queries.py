"""The meetings list and the meeting page make a fixed number of queries, however much data."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from masa.governance import services
from tests.factories import member
from tests.governance.conftest import schedule
from tests.governance.files import pdf

# Measured on SQLite; the tests assert that they do not grow with the data.
MEASURED: dict[str, int] = {}


def grow(world, meeting, n: int) -> None:
    """n more of everything the meetings list and the meeting page show."""
    for k in range(n):
        schedule(world, -400 + 10 * k)  # earlier meetings: past list and minutes awaiting approval
        schedule(world, 200 + 10 * k, group=world.subgroup)
        item = services.agenda_item_save(
            actor=world.manager,
            meeting=meeting,
            title=f"Item {k}",
            purpose="decision",
            presenter=world.people[k % 5],
            minutes_allotted=10,
            priority=None,
        )
        services.paper_add(actor=world.manager, item=item, title=f"Paper {k}", upload=pdf())
        services.paper_add(
            actor=world.manager,
            item=item,
            title=f"Restricted {k}",
            upload=pdf(),
            restricted=True,
            restricted_to=[world.people[2]],
        )
        services.decision_add(actor=world.manager, item=item, text=f"Decision {k}")
        action = services.item_action_add(
            actor=world.manager,
            item=item,
            title=f"Action {k}",
            owner=world.people[k % 5],
            due_date=date(2030, 1, 1),
        )
        from masa.actions.services import action_post_update

        action_post_update(actor=world.manager, action=action, text=f"Update {k}")
        [earlier] = schedule(world, -300 + 10 * k)
        earlier_item = services.agenda_item_save(
            actor=world.manager,
            meeting=earlier,
            title=f"Earlier {k}",
            purpose="information",
            presenter=None,
            minutes_allotted=10,
            priority=None,
        )
        services.item_action_add(
            actor=world.manager,
            item=earlier_item,
            title=f"Arising {k}",
            owner=world.people[1],
            due_date=date(2030, 1, 1),
        )
    services.attendance_record(
        actor=world.manager,
        meeting=meeting,
        records=[
            (p, "deputy" if i % 2 else "present", world.outsider if i % 2 else None)
            for i, p in enumerate(world.people)
        ],
    )


def count(client, url: str) -> int:
    client.get(url)  # warm-up: sessions, caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture(params=["business_team", "member"])
def viewer(request, client, world):
    if request.param == "business_team":
        client.force_login(world.manager)
    else:
        user = member(world.partnership, "member", mfa=False)
        world.people[2].user = user
        world.people[2].save()
        client.force_login(user)
    return request.param


@pytest.mark.parametrize("page", ["meeting_list", "meeting_detail"])
def test_query_count_does_not_grow_with_the_data(client, world, meeting, viewer, page):
    args = [world.partnership.slug] + ([meeting.uuid] if page == "meeting_detail" else [])
    url = reverse(f"governance:{page}", args=args)
    grow(world, meeting, 2)
    small = count(client, url)
    grow(world, meeting, 2)
    large = count(client, url)
    MEASURED[f"{page} ({viewer})"] = large
    print(f"\n{page} as {viewer}: {small} queries, then {large} with twice the data")
    assert small == large
