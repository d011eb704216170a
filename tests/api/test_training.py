"""GET /api/v1/partnerships/{slug}/training/figures (docs/domain.md, "21.6 Figures for the
yearly report"): the same permission as the figures page."""

from decimal import Decimal

import pytest

from masa.accounts import services
from tests.training import conftest as training_world
from tests.training.figures_rows import build_rows

# The training test world (tests/training/conftest.py): `w`, and `other` for another partnership.
_world, w, other = training_world._world, training_world.w, training_world.other


def _auth(user) -> dict:
    _, secret = services.api_token_create(actor=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _url(w) -> str:
    return f"/api/v1/partnerships/{w.partnership.slug}/training/figures"


def test_the_figures_as_json(client, w):
    build_rows(w)
    response = client.get(_url(w), {"year": "2023-24"}, **_auth(w.lsp))
    assert response.status_code == 200
    body = response.json()
    assert body["year"] == "2023-24"
    assert (body["starts_on"], body["ends_on"]) == ("2023-04-01", "2024-03-31")
    assert (body["sessions"], body["places_offered"], body["places_booked"], body["attended"]) == (
        3,
        23,
        6,
        4,
    )
    rate = body["attendance_rate"]
    assert (rate["numerator"], rate["denominator"], Decimal(str(rate["percent"]))) == (4, 6, Decimal("66.7"))
    assert body["no_show_rate"]["numerator"] == 2
    assert body["agencies_reached"] == 2
    assert body["evaluations"]["count"] == 3
    assert Decimal(str(body["evaluations"]["confidence_after"])) == Decimal("4.0")
    assert [q["practice_changed"] for q in body["impact_quotes"]] == [
        "We now use the neglect toolkit at every visit"
    ]
    labels = [(row["label"], row["sessions"]) for row in body["by_priority"]]
    assert labels == [("Neglect", 2), ("Adolescents", 1), ("No linked priority", 1)]
    assert body["by_priority"][0]["priority"] == str(w.priority.uuid)
    assert body["by_priority"][2]["priority"] is None


@pytest.mark.parametrize("year", ["2023/24", "2023-25", "23-24", ""])
def test_a_badly_written_year_is_400_with_a_plain_message(client, w, year):
    response = client.get(_url(w), {"year": year}, **_auth(w.business_team))
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Give the year like 2023-24: the reporting year from April 2023 to March 2024"
    }


def test_without_a_token_the_caller_is_not_authenticated(client, w):
    assert client.get(_url(w), {"year": "2023-24"}).status_code == 401


def test_practitioners_and_agency_leads_are_refused(client, w):
    for user in (w.practitioner, w.agency_lead):
        assert client.get(_url(w), {"year": "2023-24"}, **_auth(user)).status_code == 403


def test_another_partnership_is_not_found(client, w, other):
    response = client.get(_url(w), {"year": "2023-24"}, **_auth(other.business_team))
    assert response.status_code == 404
    assert w.partnership.name not in response.content.decode()


def test_the_schema_documents_the_operation(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/partnerships/{slug}/training/figures"]["get"]
    assert operation["responses"].keys() >= {"200", "400", "401", "403", "404"}
