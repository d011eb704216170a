"""Data call pages beyond the role x page table (tests/security/test_permission_matrix.py):
an agency lead of another agency gets 404 on a submission."""

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


def test_agency_lead_of_another_agency_gets_404_on_the_submission(client, worlds):
    world = worlds["alpha"]
    client.force_login(world.health_lead)
    for name in (
        "indicators:submission_detail",
        "indicators:submission_template",
        "indicators:submission_upload",
    ):
        assert client.get(_url(name, world.partnership, _records(world))).status_code == 404
