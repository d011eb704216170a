"""The page of one statutory return import: where a dashboard figure computed from a return came
from. Everyone who reads the dashboards may open it; only the business team sees the problems."""

from __future__ import annotations

import pytest

from masa.accounts.models import Role
from masa.returns.models import ReturnImport
from tests.factories import PartnershipFactory, member

from .test_pages import LA, cin_file, upload, url


@pytest.fixture
def imported(client, db):
    partnership = PartnershipFactory(slug="borough", la_code=LA)
    client.force_login(member(partnership, Role.BUSINESS_TEAM))
    upload(client, partnership, [cin_file()])
    item = ReturnImport.objects.get(partnership=partnership)
    return partnership, item


def test_business_team_sees_the_import_its_problems_and_indicators(client, imported):
    partnership, item = imported
    html = client.get(url("import_detail", partnership, item.uuid)).content.decode()
    assert "CIN census 2023-24 for LA 313" in html
    assert "cin.xml" in html
    assert "Indicators for 2023-24" in html
    assert "Referrals" in html
    assert (
        url("import_detail", partnership, item.uuid)
        in client.get(url("return_list", partnership)).content.decode()
    )


def test_a_board_member_sees_the_figures_but_not_the_problems(client, imported):
    partnership, item = imported
    client.force_login(member(partnership, Role.MEMBER, mfa=False))
    response = client.get(url("import_detail", partnership, item.uuid))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Indicators for 2023-24" in html
    assert "Element or column" not in html  # the problems table
    assert "Back to statutory returns" not in html


def test_practitioners_and_other_partnerships_cannot_open_it(client, imported):
    partnership, item = imported
    client.force_login(member(partnership, Role.PRACTITIONER, mfa=False))
    assert client.get(url("import_detail", partnership, item.uuid)).status_code == 403
    other = PartnershipFactory(slug="elsewhere")
    client.force_login(member(other, Role.BUSINESS_TEAM))
    assert client.get(url("import_detail", other, item.uuid)).status_code == 404


def test_a_replaced_import_says_so_and_shows_no_current_figures(client, imported):
    partnership, item = imported
    ReturnImport.objects.filter(pk=item.pk).update(status="replaced")
    html = client.get(url("import_detail", partnership, item.uuid)).content.decode()
    assert "Replaced" in html
    assert "now come from the later import" in html
    assert "Indicators for 2023-24" not in html
