"""GET /api/v1/partnerships/{slug}/inspections: the register with judgements, findings and actions."""

from datetime import date, timedelta
from typing import get_args

import pytest

from masa.accounts import services as account_services
from masa.accounts.models import Role
from masa.api.assurance_routes import Kind
from masa.assurance import services
from masa.assurance.models import InspectionKind
from tests.assurance.conftest import TODAY
from tests.factories import SETUP, member

URL = "/api/v1/partnerships/{}/inspections"


def auth_for(user) -> dict:
    _, secret = account_services.api_token_create(actor=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_the_register_with_judgements_recommendations_and_their_actions(client, alpha):
    response = client.get(URL.format(alpha.partnership.slug), **auth_for(alpha.owner_user))
    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["limit"], body["offset"]) == (1, 100, 0)
    item = body["items"][0]
    assert item["kind"] == "ofsted_ilacs" and item["overall_judgement"] == "Good"
    assert (item["start_date"], item["end_date"]) == ("2023-10-02", "2023-10-13")
    assert item["judgements"] == [{"area": "Leadership", "judgement": "Outstanding"}]
    [finding] = item["findings"]
    assert finding["kind"] == "recommendation" and finding["agency"] == alpha.agency.name
    assert finding["actions"] == [
        {
            "id": str(alpha.action.uuid),
            "reference": alpha.action.reference,
            "status": "open",
            "due_date": (TODAY + timedelta(days=60)).isoformat(),
            "overdue": False,
        }
    ]
    assert item["progress"] == {"closed": 0, "open": 1, "overdue": 0, "withdrawn": 0}


def test_paging_and_filters(client, alpha):
    for n in range(3):
        services.inspection_save(
            actor=SETUP,
            partnership=alpha.partnership,
            kind=InspectionKind.CQC,
            title=f"CQC {n}",
            start_date=date(2025, 6, 1 + n),
        )
    auth = auth_for(alpha.business_team)
    page = client.get(URL.format(alpha.partnership.slug) + "?limit=2&offset=1", **auth).json()
    assert page["count"] == 4 and [i["title"] for i in page["items"]] == ["CQC 1", "CQC 0"]
    assert client.get(URL.format(alpha.partnership.slug) + "?kind=cqc", **auth).json()["count"] == 3
    assert client.get(URL.format(alpha.partnership.slug) + "?year=2023", **auth).json()["count"] == 1
    assert client.get(URL.format(alpha.partnership.slug) + "?kind=nonsense", **auth).status_code == 422
    assert client.get(URL.format(alpha.partnership.slug) + "?limit=0", **auth).status_code == 422


@pytest.mark.parametrize("role", [Role.PRACTITIONER])
def test_practitioners_are_refused_and_other_partnerships_are_not_found(client, alpha, beta, role):
    assert (
        client.get(
            URL.format(alpha.partnership.slug), **auth_for(member(alpha.partnership, role, mfa=False))
        ).status_code
        == 403
    )
    assert client.get(URL.format(beta.partnership.slug), **auth_for(alpha.owner_user)).status_code == 404
    assert client.get(URL.format(alpha.partnership.slug)).status_code == 401


def test_the_kind_filter_names_every_kind():
    assert set(get_args(Kind)) == set(InspectionKind.values)


def test_the_scrutineer_reads_the_register(client, alpha):
    scrutineer = member(alpha.partnership, Role.SCRUTINEER)
    assert client.get(URL.format(alpha.partnership.slug), **auth_for(scrutineer)).status_code == 200
