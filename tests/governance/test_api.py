"""The meetings API: the same scoping as the pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masa.accounts import services as account_services
from masa.governance import services
from tests.factories import member
from tests.governance.conftest import annual_report_item, make_world, schedule


def bearer(user) -> dict:
    _, secret = account_services.api_token_create(actor=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def data(world, coming_meeting):
    meeting = coming_meeting
    item = annual_report_item(world, meeting)
    services.decision_add(actor=world.manager, item=item, text="Approve it.")
    later = schedule(world, 60)[0]
    subgroup_meeting = schedule(world, 30, group=world.subgroup)[0]
    return meeting, later, subgroup_meeting


def test_list_meetings_with_their_agenda(client, world, data):
    meeting, later, subgroup_meeting = data
    response = client.get("/api/v1/partnerships/alpha/meetings", **bearer(world.manager))
    assert response.status_code == 200
    body = response.json()
    assert [m["id"] for m in body] == [str(later.uuid), str(subgroup_meeting.uuid), str(meeting.uuid)]
    first = body[-1]
    assert first["group"] == {"id": str(world.board.uuid), "name": "Partnership Board"}
    assert first["location"] == "Civic Centre, Room 1" and first["status"] == "scheduled"
    assert first["items"] == [
        {
            "id": str(meeting.items.get().uuid),
            "order": 1,
            "title": "Annual report",
            "purpose": "decision",
            "presenter": world.people[1].name,
            "minutes_allotted": 20,
            "discussion": "",
        }
    ]


def test_filters_by_group_and_dates(client, world, data):
    meeting, later, subgroup_meeting = data
    auth = bearer(world.manager)
    base = "/api/v1/partnerships/alpha/meetings"
    by_group = client.get(f"{base}?group={world.subgroup.uuid}", **auth).json()
    assert [m["id"] for m in by_group] == [str(subgroup_meeting.uuid)]
    start = timezone.localtime(meeting.starts_at).date()
    # The Board meets in 14 and 60 days, the subgroup in 30 (a list is newest first).
    window = client.get(f"{base}?from={start}&to={start + timedelta(days=16)}", **auth).json()
    assert [m["id"] for m in window] == [str(subgroup_meeting.uuid), str(meeting.uuid)]
    after = client.get(f"{base}?from={start + timedelta(days=1)}", **auth).json()
    assert [m["id"] for m in after] == [str(later.uuid), str(subgroup_meeting.uuid)]
    on_the_day = client.get(f"{base}?from={start}&to={start}", **auth).json()
    assert [m["id"] for m in on_the_day] == [str(meeting.uuid)]
    assert client.get(f"{base}?from=not-a-date", **auth).status_code == 422


def test_one_meeting_with_decisions(client, world, data):
    meeting, *_ = data
    response = client.get(f"/api/v1/partnerships/alpha/meetings/{meeting.uuid}", **bearer(world.manager))
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["decisions"] == ["Approve it."] and item["papers"] == []


def test_members_see_only_their_groups_meetings(client, world, data):
    meeting, later, subgroup_meeting = data
    user = member(world.partnership, "member", mfa=False)
    world.people[3].user = user
    world.people[3].save()
    auth = bearer(user)
    body = client.get("/api/v1/partnerships/alpha/meetings", **auth).json()
    assert {m["id"] for m in body} == {str(meeting.uuid), str(later.uuid)}
    assert (
        client.get(f"/api/v1/partnerships/alpha/meetings/{subgroup_meeting.uuid}", **auth).status_code == 404
    )


def test_practitioners_are_refused_and_other_partnerships_are_404(client, world, data):
    meeting, *_ = data
    practitioner = bearer(member(world.partnership, "practitioner", mfa=False))
    assert client.get("/api/v1/partnerships/alpha/meetings", **practitioner).status_code == 403
    assert (
        client.get(f"/api/v1/partnerships/alpha/meetings/{meeting.uuid}", **practitioner).status_code == 403
    )
    beta = make_world("beta")
    outsider = bearer(beta.manager)
    assert client.get("/api/v1/partnerships/alpha/meetings", **outsider).status_code == 404
    assert client.get(f"/api/v1/partnerships/beta/meetings/{meeting.uuid}", **outsider).status_code == 404
    assert client.get("/api/v1/partnerships/alpha/meetings").status_code == 401


def test_openapi_declares_the_errors(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/partnerships/{slug}/meetings", "/api/v1/partnerships/{slug}/meetings/{uuid}"):
        assert paths[path]["get"]["responses"].keys() >= {"200", "403", "404"}
    names = {p["name"] for p in paths["/api/v1/partnerships/{slug}/meetings"]["get"]["parameters"]}
    assert names >= {"group", "from", "to"}
