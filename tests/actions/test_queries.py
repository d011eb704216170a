"""The list pages run a constant number of SQL queries, however many actions there are."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from masa.actions import services
from tests.actions.conftest import TODAY, make_action, user_in_scope

# Measured (SQLite): recorded here so a change shows up in review, asserted only as "constant".
PAGES = ["actions:my_actions", "actions:action_list", "actions:group_actions", "actions:overdue"]


def _add_actions(world, n: int) -> None:
    """n more actions of each kind the pages show: the owner's, late ones, with updates."""
    for i in range(n):
        group = world.group if i % 2 else world.other_group
        action = make_action(world, f"Bulk {i}", group=group, due_date=TODAY - timedelta(days=20 + i))
        services.action_post_update(actor=world.owner_user, action=action, text=f"Update {i}")
        services.action_post_update(actor=world.owner_user, action=action, text=f"Later update {i}")


def _url(name: str, world) -> str:
    if name == "actions:my_actions":
        return reverse(name)
    if name == "actions:group_actions":
        return reverse(name, args=[world.partnership.slug, world.group.uuid])
    return reverse(name, args=[world.partnership.slug])


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("who", ["owner", "business_team", "agency_lead"])
def test_query_count_does_not_grow_with_data(client, alpha, name, who):
    user = alpha.owner_user if who == "owner" else user_in_scope(alpha, who)
    if name == "actions:my_actions" and who != "owner":
        user = alpha.owner_user
    client.force_login(user)
    _add_actions(alpha, 10)
    url = _url(name, alpha)
    client.get(url)  # warm-up: the first request of a session writes the session
    before = _count(client, url)
    _add_actions(alpha, 10)
    after = _count(client, url)
    print(f"QUERIES {name} {who}: {before} -> {after}")
    assert after == before, f"{name}: {before} queries, then {after} with twice the data"
    assert before <= 12, f"{name}: {before} queries"


@pytest.mark.parametrize(
    "filters",
    [{"status": "overdue"}, {"agency": "x"}, {"due_after_0": "1", "due_after_1": "1", "due_after_2": "2020"}],
)
def test_filtered_list_query_count_is_constant(client, alpha, filters):
    client.force_login(user_in_scope(alpha, "business_team"))
    if filters.get("agency"):
        filters = {"agency": alpha.agency.pk}
    url = reverse("actions:action_list", args=["alpha"])
    _add_actions(alpha, 10)
    client.get(url, filters)
    with CaptureQueriesContext(connection) as first:
        client.get(url, filters)
    _add_actions(alpha, 10)
    with CaptureQueriesContext(connection) as second:
        client.get(url, filters)
    assert len(first.captured_queries) == len(second.captured_queries)


def test_action_detail_query_count_does_not_grow_with_history(client, alpha):
    client.force_login(alpha.owner_user)
    action = alpha.actions["mine"]
    url = reverse("actions:action_detail", args=["alpha", action.uuid])

    def add(n: int) -> None:
        for i in range(n):
            services.action_post_update(actor=alpha.owner_user, action=action, text=f"Note {i}")
            services.action_add_evidence(actor=alpha.chair_user, action=action, kind="text", text=f"E {i}")

    add(3)
    client.get(url)
    before = _count(client, url)
    add(3)
    assert _count(client, url) == before
