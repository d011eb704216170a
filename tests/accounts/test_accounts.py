import re
import time

import pytest
from django.core import mail
from django.urls import reverse

from masa.accounts import services
from masa.accounts.models import ApiToken, Invitation, Membership, User, hash_secret
from masa.core.models import SentEmail
from masa.demo.totp import current_code
from tests.factories import TEST_PASSWORD, TEST_TOTP_SECRET, PartnershipFactory, member


@pytest.fixture
def partnership(db):
    return PartnershipFactory(slug="alpha")


@pytest.fixture
def manager(client, partnership):
    user = member(partnership, "business_team")
    client.force_login(user)
    return user


@pytest.fixture
def invite(client, django_capture_on_commit_callbacks):
    """Post the invitation form; the email is queued on commit, so run those callbacks."""

    def post(**overrides):
        data = {"full_name": "Pat Practitioner", "email": "Pat@Example.org", "role": "practitioner"}
        data.update(overrides)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("accounts:invite", args=["alpha"]), data)

    return post


def test_invitation_emails_a_one_time_link_and_stores_only_its_hash(client, manager, invite):
    response = invite()
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/invitations/(\S+)/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    invitation = Invitation.objects.get()
    assert invitation.email == "pat@example.org"
    assert invitation.token_hash == hash_secret(link.group(1))
    assert link.group(1) not in invitation.token_hash


def test_accepting_an_invitation_creates_the_account_and_membership(client, manager, invite):
    invite()
    token = re.search(r"/invitations/(\S+)/", mail.outbox[0].body).group(1)
    client.logout()
    url = reverse("accounts:invitation_accept", args=[token])
    # Mismatched passwords: error, nothing created.
    bad = client.post(url, {"password": "a-long-enough-pass", "password_again": "different-pass"})
    assert bad.status_code == 400
    assert "The passwords do not match" in bad.content.decode()
    assert not User.objects.filter(email="pat@example.org").exists()
    ok = client.post(url, {"password": "a-long-enough-pass", "password_again": "a-long-enough-pass"})
    assert ok.status_code == 302
    user = User.objects.get(email="pat@example.org")
    assert Membership.objects.get(user=user).role == "practitioner"
    # The link works once only.
    client.logout()
    assert client.get(url).status_code == 404


def test_weak_password_is_refused_with_a_plain_message(client, manager, invite):
    invite()
    token = re.search(r"/invitations/(\S+)/", mail.outbox[0].body).group(1)
    client.logout()
    response = client.post(
        reverse("accounts:invitation_accept", args=[token]),
        {"password": "password", "password_again": "password"},
    )
    assert response.status_code == 400
    assert "too short" in response.content.decode()
    assert not User.objects.filter(email="pat@example.org").exists()


def test_invitation_to_existing_member_is_refused(client, manager, partnership, invite):
    existing = member(partnership, "member")
    response = invite(email=existing.email)
    assert response.status_code == 400
    assert services.ALREADY_MEMBER in response.content.decode()
    assert not Invitation.objects.exists()


def test_invalid_invitation_form_keeps_answers(client, manager, invite):
    response = invite(email="not-an-email")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter an email address in the correct format" in html
    assert "Pat Practitioner" in html


def test_there_is_no_open_sign_up(client, db):
    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.org", "password1": "a-long-enough-pass", "password2": "a-long-enough-pass"},
    )
    assert not User.objects.filter(email="new@example.org").exists()
    assert response.status_code in (200, 302, 403)


def test_senior_roles_must_set_up_mfa_before_using_masa(client, partnership):
    user = member(partnership, "dsp", mfa=False)
    client.force_login(user)
    response = client.get(reverse("dashboards:home", args=["alpha"]))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_practitioners_do_not_need_mfa(client, partnership):
    client.force_login(member(partnership, "practitioner", mfa=False))
    assert client.get(reverse("dashboards:home", args=["alpha"])).status_code == 200


def test_sign_in_asks_for_the_totp_code(client, partnership):
    user = member(partnership, "business_team")
    response = client.post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    # masa's wording, not the library's "Incorrect code." (masa/locale).
    assert "The code is not correct: enter the 6-digit code your authenticator app shows now" in (
        wrong.content.decode()
    )
    ok = client.post("/accounts/2fa/authenticate/", {"code": current_code(TEST_TOTP_SECRET)})
    assert ok.status_code == 302
    assert client.get(reverse("dashboards:home", args=["alpha"])).status_code == 200


def test_repeated_failed_sign_ins_lock_the_account(client, partnership):
    user = member(partnership, "practitioner", mfa=False)
    for _ in range(5):
        client.post("/accounts/login/", {"login": user.email, "password": "wrong-password"})
    locked = client.post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert "_auth_user_id" not in client.session
    assert locked.status_code in (200, 429)
    assert "Too many failed login attempts" in locked.content.decode()


def test_idle_session_is_signed_out(client, partnership, settings):
    client.force_login(member(partnership, "practitioner", mfa=False))
    url = reverse("dashboards:home", args=["alpha"])
    assert client.get(url).status_code == 200
    session = client.session
    session["masa_last_seen"] = int(time.time()) - settings.SESSION_IDLE_SECONDS - 5
    session.save()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_password_reset_sends_an_email(client, partnership, django_capture_on_commit_callbacks):
    user = member(partnership, "practitioner", mfa=False)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": user.email})
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
    # Recorded like every email masa sends, without the body and its one-use link.
    sent = SentEmail.objects.get()
    assert (sent.to, sent.subject, sent.category) == (
        user.email,
        mail.outbox[0].subject,
        "account_password_reset_key",
    )


def test_membership_change_cannot_remove_the_last_business_team_member(client, manager, partnership):
    membership = Membership.objects.get(user=manager)
    response = client.post(
        reverse("accounts:membership_edit", args=["alpha", membership.uuid]),
        {"role": "member", "is_active": "on"},
    )
    assert response.status_code == 400
    assert services.LAST_BUSINESS_TEAM in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == "business_team"


def test_user_in_two_partnerships_switches_between_them(client, db):
    alpha, beta = PartnershipFactory(slug="a1"), PartnershipFactory(slug="b1")
    user = member(alpha, "dsp")
    Membership.objects.create(user=user, partnership=beta, role="dsp")
    client.force_login(user)
    chooser = client.get("/")
    assert chooser.status_code == 200
    html = chooser.content.decode()
    assert alpha.name in html and beta.name in html
    assert client.get(reverse("dashboards:home", args=["a1"])).status_code == 200
    assert client.get(reverse("dashboards:home", args=["b1"])).status_code == 200


def test_api_token_is_shown_once_and_stored_hashed(client, partnership):
    user = member(partnership, "practitioner", mfa=False)
    client.force_login(user)
    response = client.post(reverse("accounts:api_token_create"), {"name": "Data warehouse"})
    secret = re.search(r'<code id="api-token">(masa_[^<]+)</code>', response.content.decode()).group(1)
    token = ApiToken.objects.get(user=user)
    assert token.token_hash == hash_secret(secret)
    assert secret not in client.get(reverse("accounts:profile")).content.decode()
    assert services.api_token_authenticate(secret) == user
    client.post(reverse("accounts:api_token_revoke", args=[token.uuid]))
    assert services.api_token_authenticate(secret) is None


def test_error_summary_links_to_the_first_radio_of_a_radio_question(client, manager, invite):
    html = invite(role="").content.decode()
    assert "Select the role" in html
    assert 'href="#id_role_1"' in html
    assert 'id="id_role_1"' in html


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/accounts/2fa/", "Two-factor authentication"),
        ("/accounts/password/change/", "Change password"),
        ("/accounts/email/", "Email addresses"),
        ("/accounts/logout/", "Sign out"),
        ("/accounts/reauthenticate/", "Confirm access"),
    ],
)
def test_the_account_pages_speak_in_govuk_sentence_case(client, partnership, path, heading):
    client.force_login(member(partnership, "business_team"))
    html = client.get(path).content.decode()
    assert re.search(rf"<h1[^>]*>\s*{heading}\s*</h1>", html), html
    assert re.search(rf"<title>\s*{heading}\s*–", html)


def test_sign_up_is_closed_in_plain_english(client):
    html = client.get("/accounts/signup/").content.decode()
    assert "You cannot create an account here" in html
    assert "Ask them to invite you" in html and "Sign Up Closed" not in html
