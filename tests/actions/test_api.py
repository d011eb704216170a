"""The actions API: token auth, need-to-know scope, filters, paging and the update permission."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masa.accounts import services as account_services
from masa.actions import services
from masa.actions.models import ActionStatus
from masa.api.actions_routes import NOT_ALLOWED
from tests.actions.conftest import TODAY, make_action, user_in_scope
from tests.factories import SETUP, member

BASE = "/api/v1/partnerships"


def token_for(user) -> dict:
    _, secret = account_services.api_token_create(actor=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def owner_auth(alpha):
    return token_for(alpha.owner_user)


def test_api_needs_a_token(client, alpha):
    assert client.get(f"{BASE}/alpha/actions").status_code == 401
    assert client.get(f"{BASE}/alpha/actions", HTTP_AUTHORIZATION="Bearer masa_nope").status_code == 401


def test_list_is_scoped_like_the_pages(client, alpha, owner_auth):
    response = client.get(f"{BASE}/alpha/actions", **owner_auth)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert [a["title"] for a in body["items"]] == [alpha.actions["mine"].title]
    item = body["items"][0]
    assert item["reference"] == "A1"
    assert item["owner"]["id"] == str(alpha.owner.uuid)
    assert item["group"]["name"] == alpha.group.name
    assert item["due_date"] == str(alpha.actions["mine"].due_date)
    assert item["overdue"] is False


def test_agency_lead_sees_their_agency_only(client, alpha):
    auth = token_for(user_in_scope(alpha, "agency_lead"))
    titles = {a["title"] for a in client.get(f"{BASE}/alpha/actions", **auth).json()["items"]}
    assert titles == {alpha.actions["mine"].title, alpha.actions["colleague"].title}


def test_practitioner_is_refused(client, alpha):
    auth = token_for(member(alpha.partnership, "practitioner", mfa=False))
    response = client.get(f"{BASE}/alpha/actions", **auth)
    assert response.status_code == 403
    assert response.json()["detail"]


def test_filters_and_paging(client, alpha):
    auth = token_for(member(alpha.partnership, "business_team"))
    late = make_action(alpha, "Late", due_date=TODAY - timedelta(days=2))
    closed = make_action(alpha, "Closed")
    services.action_close(actor=SETUP, action=closed, impact="Done")

    def titles(**query) -> list[str]:
        response = client.get(f"{BASE}/alpha/actions", query, **auth)
        assert response.status_code == 200, response.content
        return [a["title"] for a in response.json()["items"]]

    assert titles(status="overdue") == [late.title]
    assert titles(status="closed") == [closed.title]
    assert closed.title not in titles(status="open")
    assert set(titles(owner=str(alpha.colleague.uuid))) == {alpha.actions["colleague"].title}
    assert set(titles(group=str(alpha.group.uuid))) == {alpha.actions["mine"].title, late.title, closed.title}
    assert titles(due_before=str(TODAY)) == [late.title]
    assert late.title not in titles(due_after=str(TODAY))
    page = client.get(f"{BASE}/alpha/actions", {"limit": 2, "offset": 1}, **auth).json()
    assert (page["count"], page["limit"], page["offset"], len(page["items"])) == (5, 2, 1, 2)


@pytest.mark.parametrize(
    "query",
    [
        {"due_before": "31/12/2024"},
        {"due_after": "2024-02-30"},
        {"limit": 501},
        {"limit": 0},
        {"status": "lost"},
    ],
)
def test_bad_query_is_422(client, alpha, owner_auth, query):
    response = client.get(f"{BASE}/alpha/actions", query, **owner_auth)
    assert response.status_code == 422
    assert isinstance(response.json()["detail"], list)


def test_foreign_partnership_and_action_are_404(client, alpha, beta, owner_auth):
    assert client.get(f"{BASE}/beta/actions", **owner_auth).status_code == 404
    beta_action = beta.actions["mine"]
    assert client.get(f"{BASE}/alpha/actions/{beta_action.uuid}", **owner_auth).status_code == 404
    assert client.get(f"{BASE}/beta/actions/{beta_action.uuid}", **owner_auth).status_code == 404
    response = client.post(
        f"{BASE}/alpha/actions/{beta_action.uuid}/updates",
        {"text": "Hi"},
        content_type="application/json",
        **owner_auth,
    )
    assert response.status_code == 404
    # An action of the same partnership outside the user's scope is 404 too.
    hidden = alpha.actions["outsider"]
    assert client.get(f"{BASE}/alpha/actions/{hidden.uuid}", **owner_auth).status_code == 404


def test_detail_has_history_and_evidence(client, alpha, owner_auth):
    action = alpha.actions["mine"]
    services.action_post_update(actor=alpha.owner_user, action=action, text="First")
    services.action_add_evidence(actor=alpha.owner_user, action=action, kind="link", link="https://a.org/r")
    body = client.get(f"{BASE}/alpha/actions/{action.uuid}", **owner_auth).json()
    assert body["latest_update"] == "First"
    assert [u["text"] for u in body["updates"]] == ["First"]
    assert body["updates"][0]["author"] == alpha.owner_user.full_name
    assert [(e["kind"], e["link"]) for e in body["evidence"]] == [("link", "https://a.org/r")]


def test_owner_posts_an_update(client, alpha, owner_auth):
    action = alpha.actions["mine"]
    response = client.post(
        f"{BASE}/alpha/actions/{action.uuid}/updates",
        {"text": "Half done", "status": "in_progress"},
        content_type="application/json",
        **owner_auth,
    )
    assert response.status_code == 201, response.content
    assert response.json()["status_to"] == ActionStatus.IN_PROGRESS
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS


def test_non_owner_update_is_403(client, alpha):
    auth = token_for(user_in_scope(alpha, "chair"))  # sees the action, does not own it
    action = alpha.actions["colleague"]
    response = client.post(
        f"{BASE}/alpha/actions/{action.uuid}/updates",
        {"text": "Not mine"},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 403
    assert response.json() == {"detail": NOT_ALLOWED}
    assert not action.updates.exists()


@pytest.mark.parametrize("payload", [{"text": "  "}, {"text": "x", "status": "closed"}, {}])
def test_bad_update_is_422(client, alpha, owner_auth, payload):
    action = alpha.actions["mine"]
    response = client.post(
        f"{BASE}/alpha/actions/{action.uuid}/updates", payload, content_type="application/json", **owner_auth
    )
    assert response.status_code == 422
    assert not action.updates.exists()


def test_update_of_closed_action_is_422(client, alpha, owner_auth):
    action = alpha.actions["mine"]
    services.action_close(actor=SETUP, action=action, impact="Done")
    response = client.post(
        f"{BASE}/alpha/actions/{action.uuid}/updates",
        {"text": "x"},
        content_type="application/json",
        **owner_auth,
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == services.ALREADY_CLOSED


def test_openapi_documents_the_errors(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, method in (
        ("/api/v1/partnerships/{slug}/actions", "get"),
        ("/api/v1/partnerships/{slug}/actions/{uuid}", "get"),
        ("/api/v1/partnerships/{slug}/actions/{uuid}/updates", "post"),
    ):
        assert paths[path][method]["responses"].keys() >= {"403", "404", "422"}
        assert paths[path][method].get("security")


def test_list_query_count_is_constant(client, alpha):
    auth = token_for(member(alpha.partnership, "business_team"))
    url = f"{BASE}/alpha/actions"
    with CaptureQueriesContext(connection) as first:
        client.get(url, **auth)
    for i in range(10):
        make_action(alpha, f"More {i}")
    with CaptureQueriesContext(connection) as second:
        client.get(url, **auth)
    assert len(first.captured_queries) == len(second.captured_queries)
