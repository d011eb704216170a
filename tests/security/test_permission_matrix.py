"""The permission matrix: role x page -> allowed or denied, asserted in two partnerships.

Later issues add rows. "allowed" means 200, "denied" means 403 for a member without the
permission. Non-members always get 404 (see test_cross_partnership_records_are_404).
"""

import pytest
from django.urls import reverse

from masa.accounts.models import Role
from tests.factories import GroupFactory, PartnershipAgencyFactory, PersonFactory, member

ALL = set(Role.values)
BT = {Role.BUSINESS_TEAM}

# page name -> (url kwargs builder, roles allowed)
MATRIX = {
    "dashboards:home": ALL,
    "structure:structure": ALL,
    "structure:agency_list": ALL,
    "structure:person_list": ALL,
    "structure:group_list": ALL,
    "structure:group_detail": ALL,
    "structure:plan_list": ALL,
    "structure:agency_add": BT,
    "structure:agency_edit": BT,
    "structure:person_add": BT,
    "structure:person_edit": BT,
    "structure:group_add": BT,
    "structure:group_edit": BT,
    "structure:group_member_add": BT,
    "structure:vision_edit": BT,
    "structure:plan_add": BT,
    "accounts:user_list": BT,
    "accounts:invite": BT,
    "audit:log": BT,
    "audit:log_csv": BT,
}


def _url(name, partnership, objects):
    args = [partnership.slug]
    if name.startswith("structure:group_") and name not in (
        "structure:group_list",
        "structure:group_add",
    ):
        args.append(objects["group"].uuid)
    elif name == "structure:agency_edit":
        args.append(objects["agency"].uuid)
    elif name == "structure:person_edit":
        args.append(objects["person"].uuid)
    return reverse(name, args=args)


@pytest.fixture
def world(db):
    from tests.factories import PartnershipFactory

    worlds = {}
    for slug in ("alpha", "beta"):
        p = PartnershipFactory(slug=slug)
        worlds[slug] = {
            "partnership": p,
            "group": GroupFactory(partnership=p),
            "agency": PartnershipAgencyFactory(partnership=p),
            "person": PersonFactory(partnership=p),
        }
    return worlds


@pytest.mark.parametrize("slug", ["alpha", "beta"])
@pytest.mark.parametrize("role", sorted(ALL))
def test_permission_matrix(client, world, slug, role):
    objects = world[slug]
    user = member(objects["partnership"], role)
    client.force_login(user)
    outcomes = {}
    for name, allowed in MATRIX.items():
        response = client.get(_url(name, objects["partnership"], objects))
        outcomes[name] = response.status_code
        expected = 200 if role in allowed else 403
        assert response.status_code == expected, f"{role} on {name}: {response.status_code}"
    assert len(outcomes) == len(MATRIX)


@pytest.mark.parametrize("role", [Role.BUSINESS_TEAM, Role.PRACTITIONER])
def test_cross_partnership_records_are_404(client, world, role):
    """A member of alpha gets 404 on every page and record of beta, and on beta's ids in alpha."""
    user = member(world["alpha"]["partnership"], role)
    client.force_login(user)
    for name in MATRIX:
        assert client.get(_url(name, world["beta"]["partnership"], world["beta"])).status_code == 404
    # beta's record ids under alpha's address
    mixed = dict(world["beta"])
    for name in ("structure:group_detail", "structure:agency_edit", "structure:person_edit"):
        response = client.get(_url(name, world["alpha"]["partnership"], mixed))
        assert response.status_code in (403, 404)
        if role == Role.BUSINESS_TEAM or name == "structure:group_detail":
            assert response.status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, world):
    for name in MATRIX:
        response = client.get(_url(name, world["alpha"]["partnership"], world["alpha"]))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_inactive_membership_has_no_access(client, world):
    user = member(world["alpha"]["partnership"], Role.BUSINESS_TEAM)
    user.memberships.update(is_active=False)
    client.force_login(user)
    assert client.get(reverse("dashboards:home", args=["alpha"])).status_code == 404
