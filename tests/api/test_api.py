import pytest

from masa.accounts import services
from tests.factories import GroupFactory, PartnershipAgencyFactory, PartnershipFactory, member


@pytest.fixture
def setup(db):
    alpha, beta = PartnershipFactory(slug="alpha"), PartnershipFactory(slug="beta")
    GroupFactory(partnership=alpha, name="Alpha Board")
    GroupFactory(partnership=beta, name="Beta Board")
    PartnershipAgencyFactory(partnership=alpha)
    user = member(alpha, "agency_lead", mfa=False)
    _, secret = services.api_token_create(actor=user, name="test")
    return alpha, beta, user, {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_api_needs_a_token(client, setup):
    assert client.get("/api/v1/partnerships").status_code == 401
    assert client.get("/api/v1/partnerships", HTTP_AUTHORIZATION="Bearer masa_wrong").status_code == 401


def test_api_lists_only_the_callers_partnerships(client, setup):
    *_, auth = setup
    response = client.get("/api/v1/partnerships", **auth)
    assert response.status_code == 200
    assert [(p["slug"], p["your_role"]) for p in response.json()] == [("alpha", "agency_lead")]


def test_api_groups_of_own_partnership(client, setup):
    *_, auth = setup
    response = client.get("/api/v1/partnerships/alpha/groups", **auth)
    assert response.status_code == 200
    assert [g["name"] for g in response.json()] == ["Alpha Board"]
    assert set(response.json()[0]) >= {"purpose", "people", "process", "chair", "reports_to", "members"}


@pytest.mark.parametrize("endpoint", ["groups", "agencies", "plans"])
def test_api_foreign_partnership_is_404(client, setup, endpoint):
    *_, auth = setup
    response = client.get(f"/api/v1/partnerships/beta/{endpoint}", **auth)
    assert response.status_code == 404
    assert "Beta" not in response.content.decode()


def test_revoked_token_is_refused(client, setup):
    _, _, user, auth = setup
    token = user.api_tokens.get()
    services.api_token_revoke(actor=user, token=token)
    assert client.get("/api/v1/partnerships", **auth).status_code == 401


def test_openapi_schema_documents_the_endpoints(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/partnerships/{slug}/groups" in schema["paths"]
    assert schema["paths"]["/api/v1/partnerships/{slug}/groups"]["get"]["responses"].keys() >= {"200", "404"}
