"""Who did it: every audit log entry written by a service names a person or a system actor."""

from datetime import date, timedelta
from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from masa.accounts import services as account_services
from masa.actions import services as action_services
from masa.actions.models import Action, ActionUpdate
from masa.bank_holidays.models import ExtraBankHoliday
from masa.core.actors import SYSTEM_ACTOR_KEY, SystemActor, acting_as, current_actor, user_or_none
from masa.incidents import services as incident_services
from tests.actions.conftest import build_world, make_action
from tests.factories import SETUP, member
from tests.incidents.conftest import make_world

BASE = "/api/v1/partnerships"
DAY = date(2025, 6, 2)


def test_a_write_through_the_api_with_a_personal_token_names_the_tokens_owner(client, db):
    world = build_world("alpha")
    action = make_action(world, "Audit the front door")
    _, secret = account_services.api_token_create(actor=world.owner_user, name="script")
    response = client.post(
        f"{BASE}/alpha/actions/{action.uuid}/updates",
        {"text": "Half done", "status": "in_progress"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 201, response.content
    update = ActionUpdate.objects.get(action=action)
    created = LogEntry.objects.get_for_object(update).get(action=LogEntry.Action.CREATE)
    assert created.actor == world.owner_user
    assert created.actor_email == world.owner_user.email
    assert SYSTEM_ACTOR_KEY not in (created.additional_data or {})
    changed = LogEntry.objects.get_for_object(Action.objects.get(pk=action.pk)).filter(
        action=LogEntry.Action.UPDATE
    )
    assert [e.actor for e in changed] == [world.owner_user]


def test_a_management_command_is_recorded_as_its_named_system_actor(db):
    out = StringIO()
    call_command("add_bank_holiday", "2030-05-08", "Test holiday", stdout=out)
    holiday = ExtraBankHoliday.objects.get(date=date(2030, 5, 8))
    assert holiday.added_by is None
    entry = LogEntry.objects.get_for_object(holiday).get(action=LogEntry.Action.CREATE)
    assert entry.actor is None
    assert entry.actor_email is None
    assert entry.additional_data[SYSTEM_ACTOR_KEY] == "masa: command add_bank_holiday"


def test_nightly_reminders_show_on_the_audit_page_under_their_name(
    client, db, django_capture_on_commit_callbacks
):
    world = build_world("alpha")
    for action in Action.objects.filter(partnership=world.partnership):
        action.due_date = DAY + timedelta(days=365)
        action.save()
    action = make_action(world, "Write the neglect strategy", due_date=DAY + timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--date", DAY.isoformat(), stdout=StringIO())
    entry = LogEntry.objects.get_for_object(action).filter(changes__has_key="last_reminded_on").get()
    assert entry.actor is None
    assert entry.additional_data == {
        "partnership": world.partnership.pk,
        SYSTEM_ACTOR_KEY: "masa: nightly reminders",
    }

    client.force_login(member(world.partnership, "business_team"))
    page = client.get(reverse("audit:log", args=["alpha"]), {"actor": "nightly"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "masa: nightly reminders" in html
    assert "Write the neglect strategy" in html
    csv = client.get(reverse("audit:log_csv", args=["alpha"]), {"actor": "nightly"}).content.decode()
    assert "masa: nightly reminders" in csv


def test_a_service_refuses_to_write_without_an_actor(db):
    world = build_world("alpha")
    action = make_action(world)
    with pytest.raises(TypeError, match="action_post_update needs actor="):
        action_services.action_post_update(actor=None, action=action, text="Anonymous")  # type: ignore[arg-type]
    assert not ActionUpdate.objects.filter(action=action).exists()


def test_a_system_actor_is_never_a_member_and_stores_no_user(db):
    world = make_world("alpha")
    robot = SystemActor("masa: test robot")
    assert user_or_none(robot) is None
    assert user_or_none(world.business_team) == world.business_team
    with pytest.raises(PermissionDenied):
        account_services.api_token_create(actor=robot, name="script")
    with pytest.raises(ValidationError, match="delegated safeguarding partner"):
        incident_services.rapid_review_sign_off(actor=robot, incident=world.incident)


def test_the_actor_nests_and_is_restored():
    outer, inner = SystemActor("masa: outer"), SystemActor("masa: inner")
    assert current_actor() is None
    with acting_as(outer):
        with acting_as(inner):
            assert current_actor() == inner
        assert current_actor() == outer
    assert current_actor() is None
    assert str(SETUP) == "masa: test setup"
    with pytest.raises(ValueError):
        SystemActor(" ")
