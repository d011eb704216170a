"""Classes of fault: a second factor skipped by one door, and writes the audit log cannot attribute.

Pages, the API by session and personal tokens all ask one question
(masa.accounts.selectors.user_needs_second_factor); every audit log entry written in a request
names the user the request acted for (masa/audit/actor.py).
"""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from masa.accounts import services as account_services
from masa.accounts.models import Membership, User
from masa.actions.models import Action
from tests.actions.conftest import build_world
from tests.factories import PartnershipFactory, member

BASE = "/api/v1/partnerships"
MFA_ROLES = ["business_team", "lsp", "dsp", "scrutineer"]
API_READS = [
    "/api/v1/partnerships",
    f"{BASE}/alpha/groups",
    f"{BASE}/alpha/actions",
    f"{BASE}/alpha/agencies",
]


@pytest.fixture
def alpha(db):
    return PartnershipFactory(slug="alpha")


@pytest.mark.parametrize("role", MFA_ROLES)
@pytest.mark.parametrize("url", API_READS)
def test_api_session_without_second_factor_is_401_like_pages_redirect(client, alpha, role, url):
    client.force_login(member(alpha, role, mfa=False))
    assert client.get("/").status_code == 302  # the pages send them to set up TOTP
    response = client.get(url)
    assert response.status_code == 401
    assert "alpha" not in response.content.decode().lower()


@pytest.mark.parametrize("role", MFA_ROLES)
def test_api_session_with_second_factor_is_served(client, alpha, role):
    client.force_login(member(alpha, role))
    assert client.get("/api/v1/partnerships").status_code == 200


def test_roles_without_the_rule_use_the_api_by_session(client, alpha):
    client.force_login(member(alpha, "practitioner", mfa=False))
    assert client.get("/api/v1/partnerships").status_code == 200


@pytest.mark.parametrize("role", MFA_ROLES)
def test_token_needs_the_second_factor_first(client, alpha, role):
    user = member(alpha, role, mfa=False)
    with pytest.raises(PermissionDenied, match=account_services.SECOND_FACTOR_FIRST):
        account_services.api_token_create(actor=user, name="script")
    client.force_login(user)
    page = client.post(reverse("accounts:api_token_create"), {"name": "script"})
    assert page.status_code == 302 and "/2fa/" in page["Location"]
    assert not user.api_tokens.exists()


def test_token_stops_working_when_its_owner_falls_under_the_rule(client, alpha):
    user = member(alpha, "member", mfa=False)
    _, secret = account_services.api_token_create(actor=user, name="script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    assert client.get("/api/v1/partnerships", **auth).status_code == 200
    Membership.objects.filter(user=user).update(role="dsp")
    assert client.get("/api/v1/partnerships", **auth).status_code == 401


@pytest.mark.parametrize(
    "headers",
    [{}, {"HTTP_AUTHORIZATION": "Bearer masa_wrong"}, {"HTTP_COOKIE": "sessionid=forged"}],
    ids=["nothing", "bad-token", "forged-session"],
)
def test_unauthenticated_api_write_is_401_not_a_csrf_failure(db, headers):
    from django.test import Client

    world = build_world("alpha")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"{BASE}/alpha/actions/{world.actions['mine'].uuid}/updates",
        {"text": "x"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 401


def test_signed_in_api_write_without_csrf_token_is_still_refused(db):
    from django.test import Client

    world = build_world("alpha")
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.owner_user)
    response = client.post(
        f"{BASE}/alpha/actions/{world.actions['mine'].uuid}/updates",
        {"text": "x"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_token_writes_are_attributed_in_the_audit_log(client, db):
    world = build_world("alpha")
    _, secret = account_services.api_token_create(actor=world.owner_user, name="script")
    action = world.actions["mine"]
    response = client.post(
        f"{BASE}/alpha/actions/{action.uuid}/updates",
        {"text": "Half done", "status": "in_progress"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 201, response.content
    entries = LogEntry.objects.get_for_object(Action.objects.get(pk=action.pk)).filter(
        action=LogEntry.Action.UPDATE
    )
    assert entries.exists()
    assert {e.actor for e in entries} == {world.owner_user}


def test_sign_in_is_attributed_in_the_audit_log(client, alpha):
    user = member(alpha, "practitioner", mfa=False, email="pat@example.org")
    user.set_password("a-long-enough-password")
    user.save()
    response = client.post(
        reverse("account_login"), {"login": "pat@example.org", "password": "a-long-enough-password"}
    )
    assert response.status_code == 302
    sign_in = LogEntry.objects.get_for_object(user).filter(changes__has_key="last_login").latest("timestamp")
    assert sign_in.actor == user
    assert not LogEntry.objects.filter(
        content_type__model="user", action=LogEntry.Action.UPDATE, actor=None, changes__has_key="last_login"
    )
    assert User.objects.get(pk=user.pk).last_login is not None
