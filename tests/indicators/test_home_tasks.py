"""The home page lists an agency lead's data call submissions still to send."""

import pytest
from django.urls import reverse

from masa.indicators.models import SubmissionStatus
from tests.indicators.datacall_world import build_world

pytestmark = pytest.mark.django_db


def home(client, user, world):
    client.force_login(user)
    return client.get(reverse("dashboards:home", args=[world.partnership.slug])).content.decode()


def test_agency_lead_sees_only_their_agencys_waiting_submission(client):
    world = build_world()
    html = home(client, world.police_lead, world)
    assert "Data calls to answer" in html
    police = world.submission(world.police)
    health = world.submission(world.health)
    assert reverse("indicators:submission_detail", args=[world.partnership.slug, police.uuid]) in html
    assert reverse("indicators:submission_detail", args=[world.partnership.slug, health.uuid]) not in html


def test_submitted_work_leaves_the_list(client):
    world = build_world()
    world.submission(world.police).__class__.objects.filter(agency=world.police).update(
        status=SubmissionStatus.SUBMITTED
    )
    assert "Data calls to answer" not in home(client, world.police_lead, world)


def test_business_team_sees_waiting_submissions_and_a_member_does_not(client):
    from masa.accounts.models import Role
    from tests.factories import member

    world = build_world()
    assert "Data calls to answer" in home(client, world.business, world)
    board_member = member(world.partnership, Role.MEMBER, mfa=False)
    assert "Data calls to answer" not in home(client, board_member, world)
