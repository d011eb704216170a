import re

import pytest
from django.core.management import call_command
from django.urls import reverse


def test_healthz_checks_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_unknown_page_is_a_gov_uk_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


@pytest.mark.parametrize("path", ["/p/no-such-partnership/actions/", "/partnerships/no-such-partnership/"])
def test_unknown_partnership_is_the_gov_uk_404_not_a_debug_page(client, db, settings, path):
    from tests.factories import PartnershipFactory, member

    settings.DEBUG = False
    client.force_login(member(PartnershipFactory(), "business_team"))
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'class="govuk-heading-l"' in html
    assert "Traceback" not in html and "URLconf" not in html and "no-such-partnership" not in html


def test_oversized_request_is_a_plain_400(client, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/accounts/login/", {"login": "a@example.org", "password": "x" * 5000})
    assert response.status_code == 400
    assert b"too large" in response.content


def test_malformed_multipart_is_400_not_500(client, db):
    response = client.generic(
        "POST",
        "/accounts/login/",
        b"--broken\r\nnot a part",
        content_type="multipart/form-data; boundary=",
    )
    assert response.status_code == 400


def test_pages_carry_a_strict_content_security_policy(client, db):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp
    assert "unsafe-inline" not in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    # The one inline script carries the nonce.
    assert f'nonce="{nonce}"'.encode() in response.content


def test_public_index_lists_published_arrangements(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    assert reverse("structure:arrangements", args=["hounslow"]).encode() in response.content


def test_api_docs_are_a_masa_page_built_from_the_openapi_schema(client, db):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn" not in html.lower() and "swagger" not in html.lower()
    schema = client.get("/api/v1/openapi.json").json()
    # Every operation of the schema is documented, with its responses and the records it names.
    for path, methods in schema["paths"].items():
        for method in methods:
            assert f"{method.upper()} {path}" in html
    for name in schema["components"]["schemas"]:
        assert f'id="schema-{name.lower()}"' in html
    assert "<code>slug (path)</code>" in html
    # The library's own Swagger UI page is gone.
    assert client.get("/api/v1/docs").status_code == 404


@pytest.mark.parametrize("path", ["/accessibility/", "/privacy/"])
def test_footer_pages(client, db, path):
    assert client.get(path).status_code == 200


def test_deploy_check_is_clean_with_production_settings(monkeypatch):
    """`manage.py check --deploy` passes with production settings (secret key, no debug)."""
    import subprocess
    import sys

    env = {
        "MASA_SECRET_KEY": "x" * 64 + "production-like-secret-for-check",
        "MASA_ALLOWED_HOSTS": "masa.example.org",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode != 0
    assert "MASA_SECRET_KEY is not set" in result.stderr


def test_load_demo_is_idempotent(db):
    from masa.partnership.models import Group, Partnership, Person

    call_command("load_demo", "--quiet")
    counts = (Partnership.objects.count(), Group.objects.count(), Person.objects.count())
    call_command("load_demo", "--quiet")
    assert (Partnership.objects.count(), Group.objects.count(), Person.objects.count()) == counts
    assert set(Partnership.objects.values_list("slug", flat=True)) == {"hounslow", "ealing", "hillingdon"}


def test_gov_uk_notify_is_used_when_a_key_is_configured():
    import subprocess
    import sys

    code = "import django,os;django.setup();from django.conf import settings;print(settings.EMAIL_BACKEND)"
    env = {"PATH": "/usr/bin:/bin", "MASA_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "masa.settings"}
    plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert plain.stdout.strip() == "django.core.mail.backends.console.EmailBackend"
    notify = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**env, "GOVUK_NOTIFY_API_KEY": "test-key", "GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID": "t"},
    )
    assert notify.stdout.strip() == "django_gov_notify.backends.NotifyEmailBackend"


def test_load_demo_prints_one_login_per_role(db, capsys):
    from masa.accounts.models import Role

    call_command("load_demo")
    out = capsys.readouterr().out
    for role in Role.values:
        assert f"  {role} " in out
    assert "masa-demo-password" in out
    assert "TOTP secret" in out
