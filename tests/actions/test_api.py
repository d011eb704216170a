"""The actions API: token auth, need-to-know scope, filters, paging, updates, and adding and changing
actions (the business team, with the pages' rules)."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masa.accounts import services as account_services
from masa.actions import services
from masa.actions.models import Action, ActionStatus
from masa.api.actions_routes import (
    AGENCY_UNKNOWN,
    GROUP_UNKNOWN,
    NOT_ALLOWED,
    NOT_ALLOWED_TO_CHANGE,
    OWNER_UNKNOWN,
)
from tests.actions.conftest import TODAY, make_action, user_in_scope
from tests.factories import SETUP, member

BASE = "/api/v1/partnerships"
NO_RECORD = "00000000-0000-4000-8000-000000000000"


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


# Adding and changing actions --------------------------------------------------------------------


def _new(world, **overrides) -> dict:
    body = {
        "title": "Audit the missing-children protocol",
        "description": "Dip sample of 20 cases",
        "owner": str(world.owner.uuid),
        "due_date": str(TODAY + timedelta(days=60)),
        "source": "audit_finding",
        "group": str(world.group.uuid),
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


@pytest.fixture
def team_auth(alpha):
    return token_for(member(alpha.partnership, "business_team"))


def _post_new(client, auth, body, slug="alpha"):
    return client.post(f"{BASE}/{slug}/actions", body, content_type="application/json", **auth)


def _patch(client, auth, action, body, slug="alpha"):
    return client.patch(f"{BASE}/{slug}/actions/{action.uuid}", body, content_type="application/json", **auth)


def test_business_team_adds_an_action(client, alpha, team_auth):
    response = _post_new(client, team_auth, _new(alpha))
    assert response.status_code == 201, response.content
    body = response.json()
    action = Action.objects.get(uuid=body["id"])
    assert (action.title, action.owner, action.owner_agency, action.group) == (
        "Audit the missing-children protocol",
        alpha.owner,
        alpha.agency,
        alpha.group,
    )
    assert (action.source, action.status, action.due_date) == ("audit_finding", "open", TODAY + timedelta(60))
    assert body["reference"] == action.reference and body["owner"]["id"] == str(alpha.owner.uuid)
    entry = LogEntry.objects.filter(object_pk=str(action.pk), content_type__model="action").get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor.memberships.get().role == "business_team"


def test_an_action_may_be_added_without_a_group_and_due_today(client, alpha, team_auth):
    response = _post_new(client, team_auth, _new(alpha, group=None, due_date=str(TODAY)))
    assert response.status_code == 201, response.content
    assert response.json()["group"] is None


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"due_date": str(TODAY - timedelta(days=1))}, "due_date", services.DUE_DATE_PAST),
        ({"owner": NO_RECORD}, "owner", OWNER_UNKNOWN),
        ({"group": NO_RECORD}, "group", GROUP_UNKNOWN),
        ({"title": "   "}, "title", services.TITLE_EMPTY),
        ({"title": ""}, "title", None),
        ({"title": "x" * 301}, "title", None),
        ({"source": "meeting_item"}, "source", None),
        ({"due_date": "31/12/2030"}, "due_date", None),
        ({"owner": "someone"}, "owner", None),
    ],
)
def test_bad_new_action_is_422_naming_the_field(client, alpha, team_auth, overrides, field, message):
    before = Action.objects.count()
    response = _post_new(client, team_auth, _new(alpha, **overrides))
    assert response.status_code == 422, response.content
    problems = response.json()["detail"]
    assert [p["loc"][-1] for p in problems] == [field]
    if message:
        assert problems[0]["msg"] == message
    assert Action.objects.count() == before


def test_owner_of_another_partnership_is_422(client, alpha, beta, team_auth):
    body = _new(alpha, owner=str(beta.owner.uuid), group=str(beta.group.uuid))
    response = _post_new(client, team_auth, body)
    assert response.status_code == 422
    assert {p["loc"][-1] for p in response.json()["detail"]} == {"owner", "group"}


@pytest.mark.parametrize("role", ["lsp", "chair", "member", "agency_lead", "scrutineer", "practitioner"])
def test_only_the_business_team_adds_actions(client, alpha, role):
    auth = token_for(member(alpha.partnership, role))
    before = Action.objects.count()
    response = _post_new(client, auth, _new(alpha))
    assert response.status_code == 403
    assert response.json()["detail"]
    assert Action.objects.count() == before


def test_adding_to_another_partnership_is_404(client, alpha, beta, team_auth):
    assert _post_new(client, team_auth, _new(beta), slug="beta").status_code == 404
    anonymous = client.post(f"{BASE}/alpha/actions", _new(alpha), content_type="application/json")
    assert anonymous.status_code == 401


def test_business_team_changes_an_action_with_a_reason(client, alpha, team_auth):
    action = alpha.actions["mine"]
    old_due, new_due = action.due_date, action.due_date + timedelta(days=14)
    response = _patch(
        client,
        team_auth,
        action,
        {
            "owner": str(alpha.outsider.uuid),
            "owner_agency": str(alpha.other_agency.uuid),
            "due_date": str(new_due),
            "reason": "  The health group now leads  ",
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["owner"]["id"], body["owner_agency"], body["due_date"]) == (
        str(alpha.outsider.uuid),
        alpha.other_agency.name,
        str(new_due),
    )
    assert body["title"] == action.title  # not given, not changed
    change = body["updates"][0]
    assert change["text"] == "The health group now leads"
    assert [c["field"] for c in change["changes"]] == ["Owner", "Owner's agency", "Due date"]
    owner_change = {"field": "Owner", "before": alpha.owner.name, "after": alpha.outsider.name}
    assert change["changes"][0] == owner_change
    update = action.updates.get()
    assert (update.due_date_from, update.due_date_to) == (old_due, new_due) and update.is_extension
    entry = LogEntry.objects.filter(object_pk=str(action.pk), content_type__model="action").latest("pk")
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor.memberships.get().role == "business_team"
    assert set(entry.changes_dict) >= {"owner", "owner_agency", "due_date"}


def test_change_of_the_title_alone(client, alpha, team_auth):
    action = alpha.actions["mine"]
    response = _patch(client, team_auth, action, {"title": "Audit the front door again", "reason": "Clearer"})
    assert response.status_code == 200, response.content
    action.refresh_from_db()
    assert action.title == "Audit the front door again"


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"due_date": str(TODAY - timedelta(days=1)), "reason": "Late"}, "due_date", services.DUE_DATE_PAST),
        ({"title": "New title"}, "reason", None),
        ({"title": "New title", "reason": ""}, "reason", None),
        ({"title": "New title", "reason": "   "}, "reason", services.CHANGE_NEEDS_REASON),
        ({"title": "  ", "reason": "Tidy"}, "title", services.TITLE_EMPTY),
        ({"owner": NO_RECORD, "reason": "New owner"}, "owner", OWNER_UNKNOWN),
        ({"owner_agency": NO_RECORD, "reason": "x"}, "owner_agency", AGENCY_UNKNOWN),
        ({"reason": "x" * 501, "title": "New"}, "reason", None),
        ({"reason": "Nothing"}, "payload", services.CHANGE_NOTHING),
    ],
)
def test_bad_change_is_422_naming_the_field(client, alpha, team_auth, body, field, message):
    action = alpha.actions["mine"]
    before = (action.title, action.owner_id, action.due_date)
    response = _patch(client, team_auth, action, body)
    assert response.status_code == 422, response.content
    problems = response.json()["detail"]
    assert [p["loc"][-1] for p in problems] == [field]
    if message:
        assert problems[0]["msg"] == message
    action.refresh_from_db()
    assert (action.title, action.owner_id, action.due_date) == before
    assert not action.updates.exists()


def test_change_of_a_closed_action_is_422(client, alpha, team_auth):
    action = alpha.actions["mine"]
    services.action_close(actor=SETUP, action=action, impact="Done")
    response = _patch(client, team_auth, action, {"title": "Too late", "reason": "x"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == services.NOT_OPEN


def test_owner_and_chair_may_not_change_details(client, alpha, owner_auth):
    action = alpha.actions["mine"]
    later = {"due_date": str(TODAY + timedelta(days=90)), "reason": "More time"}
    response = _patch(client, owner_auth, action, later)
    assert response.status_code == 403
    assert response.json() == {"detail": NOT_ALLOWED_TO_CHANGE}
    chair = token_for(alpha.chair_user)  # chairs the action's group
    assert _patch(client, chair, action, {"title": "Mine now", "reason": "x"}).status_code == 403
    practitioner = token_for(member(alpha.partnership, "practitioner", mfa=False))
    assert _patch(client, practitioner, action, {"title": "Mine now", "reason": "x"}).status_code == 403
    action.refresh_from_db()
    assert not action.updates.exists()


def test_change_of_another_partnerships_action_is_404(client, alpha, beta, team_auth):
    beta_action = beta.actions["mine"]
    body = {"title": "x", "reason": "x"}
    assert _patch(client, team_auth, beta_action, body).status_code == 404
    assert _patch(client, team_auth, beta_action, body, slug="beta").status_code == 404


def test_openapi_documents_adding_and_changing(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    create = paths["/api/v1/partnerships/{slug}/actions"]["post"]
    change = paths["/api/v1/partnerships/{slug}/actions/{uuid}"]["patch"]
    assert create["responses"].keys() >= {"201", "401", "403", "404", "422"}
    assert change["responses"].keys() >= {"200", "401", "403", "404", "422"}
    assert create.get("security") and change.get("security")
