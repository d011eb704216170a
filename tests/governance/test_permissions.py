"""Meeting pages beyond the role x page table (tests/security/test_permission_matrix.py):
record-level scoping, minutes approval and restricted papers."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from masa.accounts.models import Role
from masa.governance import services
from tests.factories import member
from tests.governance.conftest import make_world, schedule
from tests.governance.files import pdf

ALL = set(Role.values)
VIEWERS = {Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.CHAIR, Role.MEMBER, Role.SCRUTINEER}
BT = {Role.BUSINESS_TEAM}
SEE_EVERY_GROUP = {Role.BUSINESS_TEAM, Role.LSP, Role.DSP, Role.SCRUTINEER}

# page name -> (which records it needs, roles allowed)
MATRIX = {
    "meeting_list": ((), VIEWERS),
    "compliance": ((), VIEWERS),
    "forward_plan": ((), VIEWERS),
    "meeting_detail": (("meeting",), VIEWERS),
    "meeting_invite": (("meeting",), VIEWERS),
    "minutes_docx": (("meeting",), VIEWERS),
    "agenda_pack": (("meeting",), VIEWERS),
    "paper_download": (("meeting", "paper"), VIEWERS),
    "workplan": (("group",), VIEWERS),
    "meeting_schedule": ((), BT),
    "item_add": (("meeting",), BT),
    "item_edit": (("meeting", "item"), BT),
    "paper_add": (("meeting", "item"), BT),
    "decision_add": (("meeting", "item"), BT),
    "action_add": (("meeting", "item"), BT),
    "attendance": (("meeting",), BT),
    "minutes_edit": (("meeting",), BT),
    "workplan_add": (("group",), BT),
    "workplan_edit": (("group", "workplan_item"), BT),
}
# Pages about one meeting or group, which members of other groups must not find.
RECORD_PAGES = [name for name, (needs, _) in MATRIX.items() if needs]


def populate(slug: str) -> SimpleNamespace:
    world = make_world(slug)
    world.meeting = schedule(world, 14)[0]
    world.item = services.agenda_item_save(
        actor=world.manager,
        meeting=world.meeting,
        title="Annual report",
        purpose="decision",
        presenter=None,
        minutes_allotted=15,
        priority=None,
    )
    world.paper = services.paper_add(actor=world.manager, item=world.item, title="Report", upload=pdf())
    world.group = world.board
    world.workplan_item = services.workplan_item_save(
        actor=world.manager,
        group=world.board,
        title="Annual report",
        priority=None,
        lead=None,
        due_date=None,
        planned_meeting=world.meeting,
    )
    # The subgroup's records: the same pages, for a group the members are not in.
    other = SimpleNamespace(meeting=schedule(world, 30, group=world.subgroup)[0], group=world.subgroup)
    other.item = services.agenda_item_save(
        actor=world.manager,
        meeting=other.meeting,
        title="Audit",
        purpose="assurance",
        presenter=None,
        minutes_allotted=15,
        priority=None,
    )
    other.paper = services.paper_add(actor=world.manager, item=other.item, title="Audit", upload=pdf())
    other.workplan_item = services.workplan_item_save(
        actor=world.manager,
        group=world.subgroup,
        title="Audit",
        priority=None,
        lead=None,
        due_date=None,
        planned_meeting=None,
    )
    world.other = other
    return world


def page_url(name: str, slug: str, records) -> str:
    needs, _ = MATRIX[name]
    args = [slug]
    for need in needs:
        args.append(getattr(records, need).uuid)
    return reverse(f"governance:{name}", args=args)


@pytest.fixture
def worlds(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return {slug: populate(slug) for slug in ("alpha", "beta")}


def user_with(world, role: str):
    """A user with the role; their person sits on the Board (not on the subgroup)."""
    user = member(world.partnership, role)
    world.people[1].user = user
    world.people[1].save()
    return user


@pytest.mark.parametrize("role", sorted(VIEWERS))
def test_members_see_only_their_own_groups_meetings(client, worlds, role):
    world = worlds["alpha"]
    client.force_login(user_with(world, role))
    for name in RECORD_PAGES:
        if role not in MATRIX[name][1]:
            continue
        status = client.get(page_url(name, "alpha", world.other)).status_code
        expected = 200 if role in SEE_EVERY_GROUP else 404
        assert status == expected, f"{role} on the subgroup's {name}: {status}"
    listing = client.get(reverse("governance:meeting_list", args=["alpha"])).content.decode()
    assert "Partnership Board" in listing
    assert ("Learning Subgroup" in listing) is (role in SEE_EVERY_GROUP)


def test_only_the_business_team_approves_minutes(client, worlds):
    world = worlds["alpha"]
    [held] = schedule(world, -5)
    approve = reverse("governance:minutes_approve", args=["alpha", world.meeting.uuid, held.uuid])
    for role in sorted(ALL - BT):
        client.force_login(user_with(world, role))
        assert client.post(approve).status_code == 403, role
    client.force_login(world.manager)
    assert client.post(approve).status_code == 302
    held.refresh_from_db()
    assert held.minutes_locked


def test_restricted_paper_is_hidden_from_members_not_named(client, worlds):
    world = worlds["alpha"]
    restricted = services.paper_add(
        actor=world.manager,
        item=world.item,
        title="Child A case summary",
        upload=pdf(),
        restricted=True,
        restricted_to=[world.people[2]],
    )
    download = reverse("governance:paper_download", args=["alpha", world.meeting.uuid, restricted.uuid])
    named = member(world.partnership, Role.MEMBER)
    world.people[2].user = named
    world.people[2].save()
    cases = [(user_with(world, Role.MEMBER), False), (named, True), (world.manager, True)]
    for user, visible in cases:
        client.force_login(user)
        page = client.get(reverse("governance:meeting_detail", args=["alpha", world.meeting.uuid]))
        assert ("Child A case summary" in page.content.decode()) is visible
        assert client.get(download).status_code == (200 if visible else 404)
        api = client.get(f"/api/v1/partnerships/alpha/meetings/{world.meeting.uuid}").json()
        titles = [p["title"] for item in api["items"] for p in item["papers"]]
        assert ("Child A case summary" in titles) is visible
