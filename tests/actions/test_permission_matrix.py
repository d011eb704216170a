"""Who may see and change which actions beyond the role x page table (which is in
tests/security/test_permission_matrix.py): owners, chairs, agency and group scopes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masa.accounts.models import Role
from masa.actions import services
from masa.actions.models import ActionStatus
from tests.actions.conftest import PDF, build_world, make_action
from tests.factories import SETUP, member

ALL = set(Role.values)
VIEWERS = ALL - {Role.PRACTITIONER}
BT = {Role.BUSINESS_TEAM}

# page name -> (which record the URL names, roles allowed)
MATRIX = {
    "actions:action_list": ("partnership", VIEWERS),
    "actions:overdue": ("partnership", VIEWERS),
    "actions:action_log_xlsx": ("partnership", VIEWERS),
    "actions:action_settings": ("partnership", BT),
    "actions:group_actions": ("group", VIEWERS),
    "actions:action_detail": ("open", VIEWERS),
    "actions:evidence_download": ("evidence", VIEWERS),
    "actions:action_update": ("open", BT),
    "actions:action_evidence": ("open", BT),
    "actions:action_close": ("open", BT),
    "actions:action_reopen": ("closed", BT),
    "actions:action_change": ("open", BT),
    "actions:action_withdraw": ("open", BT),
}


def _url(name: str, objects: dict) -> str:
    kind, _ = MATRIX[name]
    args: list = [objects["world"].partnership.slug]
    if kind == "group":
        args.append(objects["world"].other_group.uuid)
    elif kind in ("open", "closed"):
        args.append(objects[kind].uuid)
    elif kind == "evidence":
        args += [objects["open"].uuid, objects["evidence"].uuid]
    return reverse(name, args=args)


@pytest.fixture
def worlds(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    found = {}
    for slug in ("alpha", "beta"):
        world = build_world(slug)
        closed = make_action(world, "Closed action", owner=world.colleague, group=world.other_group)
        services.action_close(actor=SETUP, action=closed, impact="Done")
        evidence = services.action_add_evidence(
            actor=world.owner_user,
            action=world.actions["colleague"],
            kind="file",
            file=SimpleUploadedFile("e.pdf", PDF),
        )
        found[slug] = {
            "world": world,
            "open": world.actions["colleague"],
            "closed": closed,
            "evidence": evidence,
        }
    return found


def test_owner_may_change_their_own_action_but_not_reopen_it(client, worlds):
    world = worlds["alpha"]["world"]
    mine = world.actions["mine"]
    client.force_login(world.owner_user)
    for name in ("action_detail", "action_update", "action_evidence", "action_close"):
        assert client.get(reverse(f"actions:{name}", args=["alpha", mine.uuid])).status_code == 200, name
    # Changing the details (a deadline, say) or withdrawing is for the business team.
    for name in ("action_change", "action_withdraw"):
        assert client.get(reverse(f"actions:{name}", args=["alpha", mine.uuid])).status_code == 403, name
    data = {"reason": "Not needed"}
    assert client.post(reverse("actions:action_withdraw", args=["alpha", mine.uuid]), data).status_code == 403
    mine.refresh_from_db()
    assert mine.status == ActionStatus.OPEN
    services.action_close(actor=world.owner_user, action=mine, impact="Done")
    assert client.get(reverse("actions:action_reopen", args=["alpha", mine.uuid])).status_code == 403


def test_chair_may_reopen_their_groups_actions_only(client, worlds):
    world = worlds["alpha"]["world"]
    mine = world.actions["mine"]  # in the chair's group
    services.action_close(actor=world.owner_user, action=mine, impact="Done")
    client.force_login(world.chair_user)
    assert client.get(reverse("actions:action_reopen", args=["alpha", mine.uuid])).status_code == 200
    assert client.get(reverse("actions:action_update", args=["alpha", mine.uuid])).status_code == 403
    # A closed action of another group: a chair who is not a member of it does not even see it.
    other = worlds["alpha"]["closed"]
    assert client.get(reverse("actions:action_reopen", args=["alpha", other.uuid])).status_code == 404


def test_agency_lead_sees_their_agencys_actions_only(client, worlds):
    world = worlds["alpha"]["world"]
    lead = member(world.partnership, Role.AGENCY_LEAD, mfa=False)
    lead.memberships.update(agency=world.agency)
    client.force_login(lead)
    html = client.get(reverse("actions:action_list", args=["alpha"])).content.decode()
    assert world.actions["mine"].title in html
    assert world.actions["colleague"].title in html
    assert world.actions["outsider"].title not in html
    outsider = reverse("actions:action_detail", args=["alpha", world.actions["outsider"].uuid])
    assert client.get(outsider).status_code == 404
    # Another agency's lead sees the other action and not these.
    other_lead = member(world.partnership, Role.AGENCY_LEAD, mfa=False)
    other_lead.memberships.update(agency=world.other_agency)
    client.force_login(other_lead)
    html = client.get(reverse("actions:action_list", args=["alpha"])).content.decode()
    assert world.actions["outsider"].title in html
    assert world.actions["mine"].title not in html


def test_group_member_sees_their_groups_and_own_actions_only(client, worlds):
    world = worlds["alpha"]["world"]
    client.force_login(world.owner_user)  # a member of world.group only
    html = client.get(reverse("actions:action_list", args=["alpha"])).content.decode()
    assert world.actions["mine"].title in html
    assert world.actions["colleague"].title not in html
    assert world.actions["outsider"].title not in html
    other_group = reverse("actions:group_actions", args=["alpha", world.other_group.uuid])
    assert world.actions["colleague"].title not in client.get(other_group).content.decode()


def test_member_who_owns_an_action_outside_their_groups_sees_it(client, worlds):
    world = worlds["alpha"]["world"]
    action = make_action(world, "Owned elsewhere", group=world.other_group)
    client.force_login(world.owner_user)
    assert client.get(reverse("actions:action_detail", args=["alpha", action.uuid])).status_code == 200
    assert action.status == ActionStatus.OPEN


def test_inactive_membership_has_no_access(client, worlds):
    world = worlds["alpha"]["world"]
    world.owner_user.memberships.update(is_active=False)
    client.force_login(world.owner_user)
    assert client.get(reverse("actions:action_list", args=["alpha"])).status_code == 404
    assert world.actions["mine"].title not in client.get(reverse("actions:my_actions")).content.decode()
