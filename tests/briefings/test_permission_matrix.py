"""Briefing pages beyond the role x page table (tests/security/test_permission_matrix.py):
public pages for anonymous visitors; drafts and withdrawn briefings 404 publicly."""

from django.urls import reverse

from masa.accounts.models import Role

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
