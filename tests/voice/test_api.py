"""GET /api/v1/partnerships/{slug}/engagement-activities: activities with counts and entries, scoped."""

from masa.accounts import services as account_services
from masa.accounts.models import Role

URL = "/api/v1/partnerships/{}/engagement-activities"


def auth_for(user) -> dict:
    _, secret = account_services.api_token_create(actor=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_the_scrutineer_reads_every_entry_with_counts_and_actions(client, w):
    response = client.get(URL.format(w.partnership.slug), **auth_for(w.users[Role.SCRUTINEER]))
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["title"] == "Youth Council session on online safety" and item["kind"] == "youth_council"
    assert item["took_part"] == 14
    assert item["counts"]["aged_11_to_15"] == 9 and item["counts"]["young_carers"] == 2
    entries = {e["you_said"]: e for e in item["entries"]}
    assert set(entries) == {
        "Adults do not understand the apps we use",
        "Internal draft the public must not see",
    }
    assert entries["Adults do not understand the apps we use"]["actions"] == [
        {"id": str(w.action.uuid), "reference": w.action.reference}
    ]


def test_a_practitioner_reads_only_published_entries(client, w):
    response = client.get(URL.format(w.partnership.slug), **auth_for(w.users[Role.PRACTITIONER]))
    [item] = response.json()["items"]
    assert [e["you_said"] for e in item["entries"]] == ["Adults do not understand the apps we use"]
    assert all(e["published"] for e in item["entries"])


def test_another_partnership_is_404(client, w):
    other = w.other_action.partnership.slug
    assert client.get(URL.format(other), **auth_for(w.users[Role.BUSINESS_TEAM])).status_code == 404
