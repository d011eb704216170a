"""The incident list and the clocks dashboard run a constant number of SQL queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from masa.accounts.models import Role
from masa.incidents import services
from tests.factories import member
from tests.incidents.conftest import TODAY, add_child, make_incident

PAGES = ["incidents:incident_list", "incidents:clocks"]


def _add_incidents(world, n: int, start: int) -> None:
    for i in range(start, start + n):
        incident = make_incident(
            world.partnership,
            world.business_team,
            f"SI-BULK-{i}",
            aware=date(2023, 11, 1) + timedelta(days=i),
        )
        child = add_child(incident, world.business_team)
        services.case_team_set(actor=world.business_team, incident=incident, users=[world.case_member])
        if i % 2:
            services.notification_send(
                actor=world.business_team, incident=incident, children=[child],
                sent_date=incident.date_aware + timedelta(days=2), today=TODAY,
            )  # fmt: skip


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("who", [Role.BUSINESS_TEAM, Role.SCRUTINEER, "case_member"])
def test_query_count_does_not_grow_with_incidents(client, alpha, name, who):
    user = alpha.case_member if who == "case_member" else member(alpha.partnership, who)
    client.force_login(user)
    _add_incidents(alpha, 5, 0)
    url = reverse(name, args=[alpha.partnership.slug])
    client.get(url)  # warm-up: the first request of a session writes the session
    before = _count(client, url)
    _add_incidents(alpha, 5, 5)
    after = _count(client, url)
    assert after == before, f"{name}: {before} queries, then {after} with twice the incidents"
    assert before <= 12, f"{name}: {before} queries"
    assert b"SI-BULK-9" in client.get(url).content or name == "incidents:clocks"
