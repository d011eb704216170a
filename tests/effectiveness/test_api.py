"""GET /api/v1/partnerships/{slug}/effectiveness-reviews: reviews with findings, responses and actions."""

from datetime import timedelta

from masa.accounts import services as account_services
from masa.effectiveness import services
from masa.effectiveness.models import ResponseKind
from tests.effectiveness.test_services import TODAY
from tests.factories import SETUP

URL = "/api/v1/partnerships/{}/effectiveness-reviews"


def auth_for(user) -> dict:
    _, secret = account_services.api_token_create(actor=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def accept(world):
    return services.response_save(
        actor=SETUP,
        finding=world.recommendation,
        response=ResponseKind.ACCEPTED,
        response_text="Agreed",
        owner=world.owner,
        due_date=TODAY + timedelta(days=30),
    )


def test_a_draft_with_its_findings_responses_and_actions_for_the_senior_roles(client, alpha):
    finding = accept(alpha)
    response = client.get(URL.format(alpha.partnership.slug), **auth_for(alpha.scrutineer))
    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["limit"], body["offset"]) == (1, 100, 0)
    [item] = body["items"]
    assert item["title"] == "Partnership Effectiveness Review 2023" and item["status"] == "draft"
    assert (item["period_start"], item["period_end"]) == ("2023-04-01", "2024-03-31")
    assert item["reviewer"] == "Independent reviewer" and item["findings"] == 2
    assert item["responses"] == {"accepted": 1, "partly_accepted": 0, "not_accepted": 0, "awaiting": 0}
    assert item["actions"] == [
        {
            "id": str(finding.action.uuid),
            "finding": 2,
            "reference": finding.action.reference,
            "status": "open",
            "due_date": (TODAY + timedelta(days=30)).isoformat(),
            "overdue": False,
        }
    ]


def test_other_members_see_published_reviews_only(client, alpha):
    auth = auth_for(alpha.practitioner)
    assert client.get(URL.format(alpha.partnership.slug), **auth).json()["count"] == 0
    accept(alpha)
    services.review_publish(actor=SETUP, review=alpha.review)
    [item] = client.get(URL.format(alpha.partnership.slug), **auth).json()["items"]
    assert item["status"] == "published"


def test_paging_bad_input_and_other_partnerships(client, alpha, beta):
    services.review_save(
        actor=SETUP,
        partnership=alpha.partnership,
        title="Later review",
        period_start=TODAY,
        period_end=TODAY + timedelta(days=365),
    )
    auth = auth_for(alpha.business_team)
    page = client.get(URL.format(alpha.partnership.slug) + "?limit=1&offset=1", **auth).json()
    assert page["count"] == 2
    assert [i["title"] for i in page["items"]] == ["Partnership Effectiveness Review 2023"]
    assert client.get(URL.format(alpha.partnership.slug) + "?limit=0", **auth).status_code == 422
    assert client.get(URL.format(beta.partnership.slug), **auth).status_code == 404
    assert client.get(URL.format(alpha.partnership.slug)).status_code == 401
