"""The permission matrix of the catalogue and data call pages: role x page, in two partnerships.

"allowed" is 200, "denied" is 403 for a member without the permission; a member of another
partnership gets 404 on every page and record.
"""

import pytest
from django.urls import reverse

from masa.accounts.models import Membership, Role
from tests.indicators.datacall_world import build_world

ALL = set(Role.values)
BT = {Role.BUSINESS_TEAM}
VIEW = {Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.CHAIR, Role.MEMBER, Role.SCRUTINEER, Role.AGENCY_LEAD}
SUBMIT = {Role.BUSINESS_TEAM, Role.AGENCY_LEAD}

# page name -> (which record it needs, roles allowed)
MATRIX = {
    "indicators:indicator_list": (None, VIEW),
    "indicators:indicator_detail": ("indicator", VIEW),
    "indicators:indicator_create": (None, BT),
    "indicators:indicator_edit": ("indicator", BT),
    "indicators:target_add": ("indicator", BT),
    "indicators:comparator_add": ("indicator", BT),
    "indicators:comparators_import": (None, BT),
    "indicators:dfe_add": (None, BT),
    "indicators:data_call_list": (None, SUBMIT),
    "indicators:period_create": (None, BT),
    "indicators:data_call_create": (None, BT),
    "indicators:data_call_detail": ("call", SUBMIT),
    "indicators:data_call_close": ("call", BT),
    "indicators:submission_detail": ("submission", SUBMIT),
    "indicators:submission_template": ("submission", SUBMIT),
    "indicators:submission_upload": ("submission", SUBMIT),
    "indicators:submission_approve": ("submission", BT),
    "indicators:submission_return": ("submission", BT),
    "indicators:submission_reopen": ("submission", BT),
}


def _records(world):
    return {
        "indicator": world.indicators["arrests_pct"],
        "call": world.call,
        "submission": world.submission(world.police),
    }


def _url(name, partnership, records):
    needs, _ = MATRIX[name]
    args = [partnership.slug] + ([records[needs].uuid] if needs else [])
    return reverse(name, args=args)


@pytest.fixture
def worlds(db):
    return {slug: build_world(slug) for slug in ("alpha", "beta")}


def _member(world, role):
    from tests.factories import member

    user = member(world.partnership, role)
    if role == Role.AGENCY_LEAD:  # an agency lead of the agency whose submission the matrix opens
        Membership.objects.filter(user=user).update(agency=world.police)
    return user


@pytest.mark.parametrize("slug", ["alpha", "beta"])
@pytest.mark.parametrize("role", sorted(ALL))
def test_permission_matrix(client, worlds, slug, role):
    world = worlds[slug]
    client.force_login(_member(world, role))
    records = _records(world)
    for name, (_, allowed) in MATRIX.items():
        response = client.get(_url(name, world.partnership, records))
        expected = 200 if role in allowed else 403
        assert response.status_code == expected, f"{role} on {name}: {response.status_code}"


@pytest.mark.parametrize("role", [Role.BUSINESS_TEAM, Role.AGENCY_LEAD, Role.PRACTITIONER])
def test_cross_partnership_records_are_404(client, worlds, role):
    alpha, beta = worlds["alpha"], worlds["beta"]
    client.force_login(_member(alpha, role))
    beta_records = _records(beta)
    for name in MATRIX:
        assert client.get(_url(name, beta.partnership, beta_records)).status_code == 404, name
    # beta's record ids under alpha's address
    for name, (needs, allowed) in MATRIX.items():
        if needs is None:
            continue
        response = client.get(_url(name, alpha.partnership, beta_records))
        assert response.status_code == (404 if role in allowed else 403), name


def test_agency_lead_of_another_agency_gets_404_on_the_submission(client, worlds):
    world = worlds["alpha"]
    client.force_login(world.health_lead)
    for name in (
        "indicators:submission_detail",
        "indicators:submission_template",
        "indicators:submission_upload",
    ):
        assert client.get(_url(name, world.partnership, _records(world))).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, worlds):
    records = _records(worlds["alpha"])
    for name in MATRIX:
        response = client.get(_url(name, worlds["alpha"].partnership, records))
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
