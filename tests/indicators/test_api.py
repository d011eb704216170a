"""The data call API: authentication, 403/404 like the pages, the same checks with 422 messages."""

import pytest

from masa.accounts import services as account_services
from masa.accounts.models import Role
from masa.indicators.models import IndicatorValue, Submission
from tests.factories import member
from tests.indicators.datacall_world import build_world


def _auth(user):
    _, secret = account_services.api_token_create(actor=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def world(db):
    return build_world()


def _post_url(world, agency):
    slug, call = world.partnership.slug, world.call.uuid
    return f"/api/v1/partnerships/{slug}/data-calls/{call}/submissions/{agency.uuid}"


GOOD = {
    "values": [
        {"indicator": "missing_episodes", "value": 12},
        {"indicator": "arrests_pct", "numerator": 3, "denominator": 4},
        {"indicator": "visits_rate", "value": 3.6},
        {"indicator": "wait_days", "missing_reason": "Not recorded"},
    ]
}


def test_api_needs_authentication(client, world):
    assert client.get("/api/v1/partnerships/alpha/data-calls").status_code == 401
    assert (
        client.post(_post_url(world, world.police), GOOD, content_type="application/json").status_code == 401
    )


def test_lead_lists_open_calls_and_their_own_submissions(client, world):
    response = client.get("/api/v1/partnerships/alpha/data-calls", **_auth(world.police_lead))
    assert response.status_code == 200
    [call] = response.json()
    assert call["period"] == "2023-24 Q1"
    assert [(s["agency"], s["status"]) for s in call["submissions"]] == [("alpha police", "not_started")]
    assert sorted(call["submissions"][0]["indicators"]) == [
        "arrests_pct",
        "missing_episodes",
        "visits_rate",
        "wait_days",
    ]
    business = client.get("/api/v1/partnerships/alpha/data-calls", **_auth(world.business)).json()
    assert len(business[0]["submissions"]) == 2


def test_post_values_submits(client, world):
    response = client.post(
        _post_url(world, world.police), GOOD, content_type="application/json", **_auth(world.police_lead)
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "submitted" and response.json()["values_saved"] == 4
    sub = Submission.objects.get(data_call=world.call, agency=world.police)
    assert sub.status == "submitted"
    assert sub.values.get(indicator__code="arrests_pct").value == 75


def test_bad_values_are_422_naming_indicator_and_field(client, world):
    payload = {
        "values": [
            {"indicator": "missing_episodes", "value": 1.5},
            {"indicator": "arrests_pct", "value": 120},
            {"indicator": "wait_days", "value": 3, "missing_reason": "Both"},
        ]
    }
    response = client.post(
        _post_url(world, world.police), payload, content_type="application/json", **_auth(world.police_lead)
    )
    assert response.status_code == 422
    errors = {(e["indicator"], e["field"]): e["message"] for e in response.json()["errors"]}
    assert errors[("missing_episodes", "value")] == "must be a whole number"
    assert errors[("arrests_pct", "value")] == "must be between 0 and 100"
    assert errors[("wait_days", "missing_reason")] == "enter a value or a reason it is missing, not both"
    assert errors[("visits_rate", "value")] == "enter a value or say why it is missing"
    assert IndicatorValue.objects.count() == 0
    unknown = {"values": [{"indicator": "health_checks", "value": 1}], "submit": False}
    response = client.post(
        _post_url(world, world.police), unknown, content_type="application/json", **_auth(world.police_lead)
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["indicator"] == "health_checks"


def test_other_agency_partnership_and_roles(client, world):
    lead = _auth(world.police_lead)
    assert (
        client.post(_post_url(world, world.health), GOOD, content_type="application/json", **lead).status_code
        == 404
    )
    other = build_world("beta")
    assert client.get("/api/v1/partnerships/beta/data-calls", **lead).status_code == 404
    assert (
        client.post(_post_url(other, other.police), GOOD, content_type="application/json", **lead).status_code
        == 404
    )
    scrutineer = _auth(member(world.partnership, Role.SCRUTINEER))
    assert client.get("/api/v1/partnerships/alpha/data-calls", **scrutineer).status_code == 403
    assert (
        client.post(
            _post_url(world, world.police), GOOD, content_type="application/json", **scrutineer
        ).status_code
        == 403
    )


def test_locked_submission_is_409(client, world):
    from masa.indicators import services

    lead = _auth(world.police_lead)
    client.post(_post_url(world, world.police), GOOD, content_type="application/json", **lead)
    services.submission_approve(
        actor=world.business, submission=Submission.objects.get(data_call=world.call, agency=world.police)
    )
    response = client.post(_post_url(world, world.police), GOOD, content_type="application/json", **lead)
    assert response.status_code == 409
    assert "and is locked" in response.json()["detail"]
