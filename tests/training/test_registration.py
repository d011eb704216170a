"""Registering with a work email from a domain the partnership allows, and the coordinator's
list of those domains (docs/domain.md, "21.3 Booking, the waiting list and registering")."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from masa.accounts.models import Invitation, Role
from masa.training.models import RegistrationDomain
from masa.training.services import booking as services


def register_url(w):
    return reverse("training:self_register", args=[w.partnership.slug])


def domains_url(w):
    return reverse("training:registration_domains", args=[w.partnership.slug])


def test_an_allowed_work_email_gets_a_practitioner_invitation_for_the_agency(
    w, client, mailoutbox, django_capture_on_commit_callbacks
):
    assert client.get(register_url(w)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            register_url(w), {"full_name": "Sam Nurse", "email": "Sam.Nurse@TR-Health.nhs.uk"}
        )
    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    invitation = Invitation.objects.get(email="sam.nurse@tr-health.nhs.uk")
    assert (invitation.partnership, invitation.role, invitation.agency, invitation.full_name) == (
        w.partnership,
        Role.PRACTITIONER,
        w.agency,
        "Sam Nurse",
    )
    (message,) = mailoutbox
    assert message.to == ["sam.nurse@tr-health.nhs.uk"]
    token = re.search(r"/invitations/([^/\s]+)/", message.body).group(1)
    # The link opens the usual acceptance page, where the person sets a password.
    client.logout()
    assert client.get(reverse("accounts:invitation_accept", args=[token])).status_code == 200


def test_another_address_is_refused_in_plain_words(w, client):
    response = client.post(register_url(w), {"full_name": "Pat", "email": "pat@gmail.com"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This email address cannot be used to register" in html
    assert 'value="pat@gmail.com"' in html
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"full_name": "", "email": "a@tr-health.nhs.uk"}, "Enter the full name"),
        ({"full_name": "A", "email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"full_name": "A", "email": ""}, "Enter the work email address"),
    ],
)
def test_bad_answers_are_shown_with_the_answers_kept(w, client, data, message):
    response = client.post(register_url(w), data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_someone_with_an_account_or_an_open_invitation_sees_the_same_and_gets_nothing_new(
    w, client, mailoutbox, django_capture_on_commit_callbacks
):
    w.colleague.email = "colleague@tr-health.nhs.uk"
    w.colleague.save()
    with django_capture_on_commit_callbacks(execute=True):
        existing = client.post(register_url(w), {"full_name": "C", "email": "colleague@tr-health.nhs.uk"})
        first = client.post(register_url(w), {"full_name": "New", "email": "new@tr-health.nhs.uk"})
        again = client.post(register_url(w), {"full_name": "New", "email": "NEW@tr-health.nhs.uk"})

    def page(response) -> str:
        html = response.content.decode()
        html = html[html.index("<main") : html.index("</main>")]
        return html.replace("colleague@tr-health.nhs.uk", "X").replace("new@tr-health.nhs.uk", "X")

    assert existing.status_code == first.status_code == again.status_code == 200
    assert page(existing) == page(first) == page(again)
    assert list(Invitation.objects.values_list("email", flat=True)) == ["new@tr-health.nhs.uk"]
    assert len(mailoutbox) == 1


def test_an_unknown_partnership_is_not_found(db, client):
    assert client.get(reverse("training:self_register", args=["no-such-place"])).status_code == 404


def test_the_coordinator_adds_and_removes_domains(w, client):
    client.force_login(w.business_team)
    page = client.get(domains_url(w))
    assert page.status_code == 200 and "tr-health.nhs.uk" in page.content.decode()
    response = client.post(domains_url(w), {"agency": w.other_agency.pk, "domain": " @Met.Police.UK "})
    assert response.status_code == 302
    added = RegistrationDomain.objects.get(domain="met.police.uk")
    assert added.agency == w.other_agency
    response = client.post(
        reverse("training:registration_domain_remove", args=[w.partnership.slug, added.uuid]), follow=True
    )
    assert "can no longer register" in response.content.decode()
    assert not RegistrationDomain.objects.filter(pk=added.pk).exists()


@pytest.mark.parametrize(
    ("domain", "message"),
    [
        ("not a domain", services.DOMAIN_FORMAT),
        ("localhost", services.DOMAIN_FORMAT),
        ("-bad.org", services.DOMAIN_FORMAT),
        ("name@nhs.net", services.DOMAIN_FORMAT),
        ("TR-Health.nhs.uk", "This domain is already allowed for tr Health Trust"),
        ("", "Enter the email domain"),
    ],
)
def test_a_bad_or_repeated_domain_is_refused(w, client, domain, message):
    client.force_login(w.business_team)
    response = client.post(domains_url(w), {"agency": w.agency.pk, "domain": domain})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert RegistrationDomain.objects.filter(partnership=w.partnership).count() == 1


def test_a_domain_for_another_partnerships_agency_is_refused(w, other):
    with pytest.raises(ValidationError) as error:
        services.registration_domain_add(
            actor=w.business_team, partnership=w.partnership, agency=other.agency, domain="x.org"
        )
    assert error.value.message_dict == {"agency": [services.AGENCY_FOREIGN]}


def test_only_the_coordinator_manages_domains(w, client):
    client.force_login(w.agency_lead)
    assert client.get(domains_url(w)).status_code == 403
