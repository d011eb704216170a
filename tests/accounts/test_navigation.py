"""The menu as data (masa/accounts/navigation.py): what each role sees, and that every entry's
permission is registered by its app."""

import pytest
import rules
from django.urls import reverse

from masa.accounts.models import Role
from masa.accounts.navigation import MENU, menu_for
from masa.core.access import SIGNED_IN
from tests.factories import PartnershipFactory, UserFactory, member

EVERYONE = ["Home", "Structure"]
READERS = ["Actions", "Performance", "Learning", "Inspections", "Assurance requests"]
AFTER = ["My actions", "Your account"]

# The menu each role sees inside its partnership, in order.
EXPECTED = {
    Role.BUSINESS_TEAM: [
        *EVERYONE,
        "Meetings",
        *READERS,
        "Data calls",
        "Statutory returns",
        "Users",
        "Audit log",
    ],
    Role.LSP: [*EVERYONE, "Meetings", *READERS],
    Role.DSP: [*EVERYONE, "Meetings", *READERS],
    Role.CHAIR: [*EVERYONE, "Meetings", *READERS],
    Role.MEMBER: [*EVERYONE, "Meetings", *READERS],
    Role.SCRUTINEER: [*EVERYONE, "Meetings", *READERS],
    Role.AGENCY_LEAD: [*EVERYONE, *READERS, "Data calls"],
    Role.PRACTITIONER: [*EVERYONE, "Learning"],
}


def test_every_menu_permission_is_registered():
    for entry in MENU:
        assert entry.permission == SIGNED_IN or rules.perm_exists(entry.permission), entry


@pytest.mark.parametrize("role", sorted(Role.values))
def test_menu_per_role(db, role):
    partnership = PartnershipFactory()
    user = member(partnership, role)
    labels = [link.label for link in menu_for(user, partnership)]
    assert labels == EXPECTED[role] + AFTER
    assert [link.label for link in menu_for(user, None)] == AFTER


def test_administrator_sees_bank_holidays(db):
    admin = UserFactory(is_superuser=True)
    assert [link.label for link in menu_for(admin, None)] == ["Bank holidays", *AFTER]


@pytest.mark.parametrize("role", [Role.BUSINESS_TEAM, Role.PRACTITIONER])
def test_the_page_renders_the_menu(client, db, role):
    partnership = PartnershipFactory()
    client.force_login(member(partnership, role))
    html = client.get(reverse("dashboards:home", args=[partnership.slug])).content.decode()
    for label in EXPECTED[role] + AFTER:
        assert f">{label}</a>" in html
    assert ("Audit log</a>" in html) == (role == Role.BUSINESS_TEAM)
