"""GET /api/v1/partnerships/{slug}/scrutiny/findings: findings with activity, response and action."""

from datetime import date

from masa.accounts import services as account_services
from masa.scrutiny import services
from masa.scrutiny.models import ResponseKind
from tests.factories import SETUP

URL = "/api/v1/partnerships/{}/scrutiny/findings"


def auth_for(user) -> dict:
    _, secret = account_services.api_token_create(actor=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_findings_with_activity_response_and_action(client, alpha):
    finding = services.response_save(
        actor=SETUP,
        finding=alpha.finding,
        response=ResponseKind.ACCEPTED,
        response_text="Agreed",
        owner=alpha.owner,
        due_date=date(2030, 1, 31),
    )
    response = client.get(URL.format(alpha.partnership.slug), **auth_for(alpha.lsps[0]))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["text"] == "Agencies rarely challenge each other"
    assert (item["response"], item["response_text"]) == ("accepted", "Agreed")
    assert item["activity"]["title"] == "Observe the Partnership Board"
    assert item["activity"]["reporting_year"] == "2024-25" and item["activity"]["status"] == "done"
    assert item["action"] == {
        "id": str(finding.action.uuid),
        "reference": finding.action.reference,
        "status": "open",
        "due_date": "2030-01-31",
        "overdue": False,
    }


def test_only_senior_roles_and_only_their_partnership(client, alpha, beta):
    assert client.get(URL.format(alpha.partnership.slug), **auth_for(alpha.member_user)).status_code == 403
    assert client.get(URL.format(beta.partnership.slug), **auth_for(alpha.scrutineer)).status_code == 404
    body = client.get(URL.format(alpha.partnership.slug), **auth_for(alpha.scrutineer)).json()
    assert [i["text"] for i in body["items"]] == ["Agencies rarely challenge each other"]
    assert body["items"][0]["action"] is None and body["items"][0]["response"] == ""
