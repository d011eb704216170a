"""GET /api/v1/partnerships/{slug}/escalations/summary: a reporting year's counts for the senior
roles; a badly written year named in the 422."""

from datetime import date

import pytest

from masa.escalations import services
from tests.assurance.test_api import auth_for
from tests.escalations.world import TODAY, make_world
from tests.factories import SETUP

URL = "/api/v1/partnerships/{}/escalations/summary"


@pytest.fixture
def w(db):
    world = make_world("api-es")
    services.escalation_advance(
        actor=SETUP, escalation=world.escalation, stage=2, started_on=date(2023, 5, 9), today=TODAY
    )
    services.escalation_resolve(
        actor=SETUP, escalation=world.escalation, resolved_on=date(2023, 5, 23), resolution="x", today=TODAY
    )
    return world


def _get(client, w, user, **params):
    return client.get(URL.format(w.partnership.slug), params, **auth_for(user))


def test_the_year_counted_by_stage_agency_and_theme(client, w):
    response = _get(client, w, w.scrutineer, year="2023-24")
    assert response.status_code == 200
    body = response.json()
    assert (body["year"], body["raised"], body["resolved"], body["open"]) == ("2023-24", 1, 1, 0)
    assert [s["count"] for s in body["by_stage"]] == [0, 1, 0]
    assert {a["name"] for a in body["by_agency"]} == {w.agencies[0].name, w.agencies[1].name}
    assert body["by_theme"] == [{"name": "Neglect", "count": 1}]
    assert body["median_days_to_resolve"] in (21, "21")
    empty = _get(client, w, w.lsp, year="2022-23").json()
    assert empty["raised"] == 0 and empty["median_days_to_resolve"] is None


@pytest.mark.parametrize("year", ["2023-25", "2023", "twenty"])
def test_a_bad_year_is_refused_naming_the_parameter(client, w, year):
    response = _get(client, w, w.business_team, year=year)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "year"]


def test_others_are_refused(client, w):
    assert _get(client, w, w.practitioner, year="2023-24").status_code == 403
    assert _get(client, w, w.lead, year="2023-24").status_code == 403
    assert _get(client, w, w.business_team).status_code == 422
