"""Classes of fault: weak production settings accepted, and sensitive replies left cacheable."""

import subprocess
import sys

import pytest
from django.urls import reverse

from masa.accounts import services as account_services
from tests.factories import GroupFactory, PartnershipFactory, member

SHOW = (
    "import django;django.setup();from django.conf import settings as s;"
    "print(s.SECRET_KEY == s.DEVELOPMENT_SECRET_KEY, s.SESSION_COOKIE_SECURE, "
    "getattr(s, 'SECURE_SSL_REDIRECT', False), getattr(s, 'SECURE_HSTS_SECONDS', 0))"
)
GOOD_KEY = "k3Y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN"


def _settings(**env: str) -> subprocess.CompletedProcess:
    base = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "masa.settings"}
    command = [sys.executable, "-c", SHOW]
    return subprocess.run(command, capture_output=True, text=True, env={**base, **env})  # noqa: S603


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"MASA_SECRET_KEY": "x"},
        {"MASA_SECRET_KEY": "a" * 80},
        {"MASA_SECRET_KEY": GOOD_KEY[:49]},
        {"MASA_TESTING": "1"},
        {"MASA_TESTING": "1", "MASA_SECRET_KEY": "short"},
    ],
    ids=[
        "no-key",
        "one-character",
        "one-repeated-character",
        "49-characters",
        "testing-no-key",
        "testing-short",
    ],
)
def test_production_refuses_a_missing_or_weak_secret_key(env):
    result = _settings(**env)
    assert result.returncode != 0
    assert "MASA_SECRET_KEY" in result.stderr


@pytest.mark.parametrize("testing", ["0", "1"])
def test_production_with_a_good_key_keeps_the_https_settings(testing):
    result = _settings(MASA_SECRET_KEY=GOOD_KEY, MASA_TESTING=testing)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "31536000"]


def test_only_debug_falls_back_to_the_development_key():
    result = _settings(MASA_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "True"


@pytest.fixture
def alpha(db):
    partnership = PartnershipFactory(slug="alpha")
    GroupFactory(partnership=partnership)
    return partnership


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    "url",
    [
        "/p/alpha/",
        "/account/",
        "/p/alpha/users/",
        "/p/alpha/audit/",
        "/p/alpha/audit.csv",
        "/api/v1/partnerships",
    ],
)
def test_everything_behind_sign_in_is_no_store(client, alpha, url):
    client.force_login(member(alpha, "business_team"))
    response = client.get(url)
    assert response.status_code == 200, url
    assert _no_store(response)
    assert "private" in response["Cache-Control"]


def test_api_replies_to_a_token_are_no_store(client, alpha):
    user = member(alpha, "member", mfa=False)
    _, secret = account_services.api_token_create(actor=user, name="script")
    response = client.get("/api/v1/partnerships", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200 and _no_store(response)
    refused = client.get("/api/v1/partnerships", HTTP_AUTHORIZATION="Bearer masa_wrong")
    assert refused.status_code == 401 and _no_store(refused)


def test_public_pages_stay_cacheable(client, alpha):
    response = client.get(reverse("structure:arrangements", args=["alpha"]))
    assert response.status_code == 200
    assert not _no_store(response)
