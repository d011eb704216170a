"""The briefing permission matrix: role x page -> 200 or 403, asserted in two partnerships;
public pages for anonymous visitors; drafts and withdrawn briefings 404 publicly; another
partnership's briefings 404 everywhere."""

import pytest
from django.urls import reverse

from masa.accounts.models import Role
from tests.factories import member

ALL = set(Role.values)
VIEWERS = ALL - {Role.PRACTITIONER}
BT = {Role.BUSINESS_TEAM}
CONFIRMERS = {Role.BUSINESS_TEAM, Role.AGENCY_LEAD}

# page name -> (which briefing it is opened on, roles allowed)
MATRIX = {
    "briefings:briefing_list": (None, VIEWERS),
    "briefings:briefing_create": (None, BT),
    "briefings:briefing_detail": ("published", VIEWERS),
    "briefings:briefing_edit": ("draft", BT),
    "briefings:briefing_preview": ("draft", BT),
    "briefings:briefing_publish": ("draft", BT),
    "briefings:briefing_withdraw": ("published", BT),
    "briefings:briefing_docx": ("published", VIEWERS),
    "briefings:briefing_pdf": ("published", VIEWERS),
    "briefings:dissemination": ("published", VIEWERS),
    "briefings:dissemination_confirm": ("published", CONFIRMERS),
}
PUBLIC = (
    "briefings:public_briefing",
    "briefings:public_briefing_docx",
    "briefings:public_briefing_pdf",
)


def _url(name, world, briefing=None):
    which, _ = MATRIX[name]
    args = [world.partnership.slug]
    if which:
        args.append((briefing or getattr(world, which)).uuid)
    return reverse(name, args=args)


def _public(name, world, briefing):
    return reverse(name, args=[world.partnership.slug, briefing.slug])


@pytest.mark.parametrize("which", ["alpha", "beta"])
@pytest.mark.parametrize("role", sorted(ALL))
def test_permission_matrix(client, alpha, beta, which, role):
    world = alpha if which == "alpha" else beta
    client.force_login(member(world.partnership, role))
    for name, (_, allowed) in MATRIX.items():
        response = client.get(_url(name, world))
        expected = 200 if role in allowed else 403
        assert response.status_code == expected, f"{role} on {name}: {response.status_code}"


@pytest.mark.parametrize("role", [Role.BUSINESS_TEAM, Role.AGENCY_LEAD])
def test_another_partnerships_briefings_are_404(client, alpha, beta, role):
    client.force_login(member(alpha.partnership, role))
    for name in MATRIX:
        # beta's pages under beta's address: not a member, 404.
        assert client.get(_url(name, beta)).status_code == 404, name
        # beta's briefings under alpha's address: not found in alpha.
        which, allowed = MATRIX[name]
        if which and role in allowed:
            assert client.get(_url(name, alpha, getattr(beta, which))).status_code == 404, name


def test_anonymous_visitor_is_sent_to_sign_in_for_inside_pages(client, alpha):
    for name in MATRIX:
        response = client.get(_url(name, alpha))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_public_pages_for_anonymous_visitors(client, alpha, beta):
    assert client.get(reverse("briefings:public_learning", args=[alpha.partnership.slug])).status_code == 200
    for name in PUBLIC:
        assert client.get(_public(name, alpha, alpha.published)).status_code == 200, name
        # Drafts and withdrawn briefings do not exist publicly.
        assert client.get(_public(name, alpha, alpha.draft)).status_code == 404, name
        assert client.get(_public(name, alpha, alpha.withdrawn)).status_code == 404, name
        # Another partnership's published briefing under this partnership's address.
        assert client.get(_public(name, alpha, beta.published)).status_code == 404, name


def test_public_pages_show_drafts_to_no_one_signed_in(client, alpha):
    """Being signed in, even as the business team, does not make a draft public."""
    client.force_login(alpha.bt)
    for name in PUBLIC:
        assert client.get(_public(name, alpha, alpha.draft)).status_code == 404
    page = client.get(reverse("briefings:public_learning", args=[alpha.partnership.slug])).content.decode()
    assert alpha.draft.title not in page
