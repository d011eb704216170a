"""Permission matrix of the dashboards: role x page -> 200 or 403, in two partnerships; another
partnership's records are 404; signed-out users go to sign in."""

import pytest
from django.urls import reverse

from masa.accounts.models import Role
from tests.factories import PartnershipFactory, member
from tests.indicators.test_dashboard_views import build_dataset

ALL = set(Role.values)
VIEWERS = ALL - {Role.PRACTITIONER}
BT = {Role.BUSINESS_TEAM}

MATRIX = {
    "dashboards:index": VIEWERS,
    "dashboards:priority": VIEWERS,
    "dashboards:group": VIEWERS,
    "dashboards:indicator_chart": VIEWERS,
    "dashboards:export": VIEWERS,
    "dashboards:commentary_edit": BT,  # and agency leads for their own agency's indicators
}


def _url(name: str, slug: str, data: dict) -> str:
    args: list = [slug]
    if name == "dashboards:priority":
        args.append(data["priority"].uuid)
    elif name == "dashboards:group":
        args.append(data["group"].uuid)
    elif name == "dashboards:indicator_chart":
        args.append(data["indicators"][0].uuid)
    elif name == "dashboards:commentary_edit":
        args += [data["indicators"][0].uuid, data["periods"][-1].uuid]
    return reverse(name, args=args)


@pytest.fixture
def worlds(db):
    found = {}
    for offset, slug in enumerate(("alpha", "beta")):
        partnership = PartnershipFactory(slug=slug)
        found[slug] = {
            "partnership": partnership,
            **build_dataset(partnership, indicators=1, periods=2, offset=offset),
        }
    return found


@pytest.mark.parametrize("slug", ["alpha", "beta"])
@pytest.mark.parametrize("role", sorted(ALL))
def test_permission_matrix(client, worlds, slug, role):
    data = worlds[slug]
    client.force_login(member(data["partnership"], role))
    outcomes = {name: client.get(_url(name, slug, data)).status_code for name in MATRIX}
    expected = {name: 200 if role in allowed else 403 for name, allowed in MATRIX.items()}
    assert outcomes == expected


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_another_partnerships_records_are_404(client, worlds, name):
    client.force_login(member(worlds["alpha"]["partnership"], Role.BUSINESS_TEAM))
    # beta's records under alpha's address, and beta's address itself
    if name not in ("dashboards:index", "dashboards:export"):
        assert client.get(_url(name, "alpha", worlds["beta"])).status_code == 404
    assert client.get(_url(name, "beta", worlds["beta"])).status_code == 404


def test_signed_out_users_are_sent_to_sign_in(client, worlds):
    for name in MATRIX:
        response = client.get(_url(name, "alpha", worlds["alpha"]))
        assert response.status_code == 302 and "login" in response["Location"]
