"""GET /api/v1/partnerships/{slug}/section11-cycles: each cycle with its return rate, for the
readers of the results (docs/domain.md, "Assurance: Section 11 and Section 175")."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masa.accounts.models import Role
from masa.assurance import services_section11 as services
from tests.assurance.section11_world import TODAY, full_answers, make_s11_world
from tests.assurance.test_api import auth_for
from tests.factories import SETUP, PartnershipAgencyFactory, member

URL = "/api/v1/partnerships/{}/section11-cycles"


@pytest.fixture
def w(db):
    return make_s11_world("api-s11")


def _get(client, w, user, **params):
    return client.get(URL.format(w.partnership.slug), params, **auth_for(user))


def test_each_cycle_with_asked_returned_late_and_who_has_not_returned(client, w):
    services.return_save(actor=SETUP, section11_return=w.ret, answers=full_answers(w), submit=True)
    late_day = w.cycle.deadline + timedelta(days=2)
    services.return_save(
        actor=SETUP, section11_return=w.other_ret, answers=full_answers(w), submit=True, today=late_day
    )
    response = _get(client, w, w.business_team)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert (item["asked"], item["returned"], item["late"], item["return_rate"]) == (3, 2, 1, 67)
    assert item["kind"] == "section_11" and item["deadline"] == w.cycle.deadline.isoformat()
    third = w.cycle.returns.exclude(pk__in=[w.ret.pk, w.other_ret.pk]).get()
    assert item["not_returned"] == [third.agency.name]


def test_queries_do_not_grow_with_cycles_or_agencies(client, w):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert _get(client, w, w.business_team).status_code == 200
        return len(queries)

    count()  # the first request also records the token's first use
    before = count()
    agencies = [PartnershipAgencyFactory(partnership=w.partnership).agency for _ in range(4)]
    for n in range(3):
        services.cycle_open(
            actor=SETUP,
            partnership=w.partnership,
            standards_set=w.standards_set,
            title=f"Cycle {n}",
            agencies=agencies,
            opens_on=TODAY - timedelta(days=400 + n),
            deadline=TODAY - timedelta(days=300 + n),
        )
    assert count() == before
    assert _get(client, w, w.business_team, limit=2, offset=1).json()["items"][0]["asked"] == 4


@pytest.mark.parametrize("role", [Role.AGENCY_LEAD, Role.PRACTITIONER, Role.CHAIR])
def test_only_the_readers_of_results_get_the_cycles(client, w, role):
    user = w.lead if role == Role.AGENCY_LEAD else member(w.partnership, role, email=f"{role}@example.org")
    assert _get(client, w, user).status_code == 403


def test_the_scrutineer_reads_and_another_partnership_is_not_found(client, w):
    scrutineer = member(w.partnership, Role.SCRUTINEER, email="scrutineer@example.org")
    assert _get(client, w, scrutineer).status_code == 200
    other = make_s11_world("api-s11-other")
    assert client.get(URL.format(other.partnership.slug), **auth_for(w.business_team)).status_code == 404
