"""Members send their own apologies before a meeting; the chair and business team are warned
early when the apologies leave too few members for the quorum."""

import re

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from masa.accounts.models import Role
from masa.governance import selectors, services
from masa.governance.forms import AttendanceForm
from masa.governance.models import Attendance, Meeting
from tests.factories import PersonFactory, member
from tests.governance.conftest import schedule


def url(name, world, *args):
    return reverse(f"governance:{name}", args=[world.partnership.slug, *args])


def html(response) -> str:
    return response.content.decode()


def signed_up(world, index: int, role: str = Role.MEMBER):
    """A user whose person is the Board's member number `index` (0 is the chair)."""
    user = member(world.partnership, role)
    person = world.people[index]
    person.user = user
    person.save()
    return user, person


def test_a_member_sends_apologies_which_prefill_the_register(client, world, coming_meeting):
    user, person = signed_up(world, 2)
    client.force_login(user)
    detail = html(client.get(url("meeting_detail", world, coming_meeting.uuid)))
    assert "Your apologies" in detail and url("apologies_send", world, coming_meeting.uuid) in detail
    response = client.post(
        url("apologies_send", world, coming_meeting.uuid), {"note": "  At court all day ", "deputy": ""}
    )
    assert response.status_code == 302
    sent = Attendance.objects.get(meeting=coming_meeting, person=person)
    assert (sent.status, sent.note, sent.deputy) == ("apologies", "At court all day", None)
    assert sent.apologies_sent_at is not None
    entry = LogEntry.objects.get_for_model(Attendance).get(object_id=sent.pk)
    assert entry.actor == user and entry.action == LogEntry.Action.CREATE
    detail = html(client.get(url("meeting_detail", world, coming_meeting.uuid)))
    assert "You sent your apologies" in detail and "Withdraw your apologies" in detail
    assert "Apologies sent so far" in detail
    # The register the business team takes at the meeting starts from the apologies.
    meeting = selectors.meeting_get(world.manager, world.partnership, str(coming_meeting.uuid))
    form = AttendanceForm(rows=selectors.attendance_people(meeting), deputies=[])
    assert form.fields[f"status_{person.pk}"].initial == "apologies"


def test_apologies_naming_a_deputy(world, coming_meeting):
    user, person = signed_up(world, 3)
    deputy = PersonFactory(partnership=world.partnership, agency=world.agencies[0], name="Dee Puty")
    sent = services.apologies_send(actor=user, meeting=coming_meeting, person=person, deputy=deputy)
    assert (sent.status, sent.deputy) == ("deputy", deputy)
    with pytest.raises(ValidationError) as error:
        services.apologies_send(actor=user, meeting=coming_meeting, person=person, deputy=person)
    assert error.value.message_dict["deputy"] == [services.DEPUTY_IS_SELF]


def test_a_member_withdraws_apologies_before_the_start(client, world, coming_meeting):
    user, person = signed_up(world, 2)
    services.apologies_send(actor=user, meeting=coming_meeting, person=person, note="Away")
    client.force_login(user)
    response = client.post(url("apologies_withdraw", world, coming_meeting.uuid))
    assert response.status_code == 302
    assert not Attendance.objects.filter(meeting=coming_meeting).exists()
    assert (
        LogEntry.objects.get_for_model(Attendance).filter(action=LogEntry.Action.DELETE).get().actor == user
    )
    with pytest.raises(ValidationError) as error:
        services.apologies_withdraw(actor=user, meeting=coming_meeting, person=person)
    assert error.value.messages == [services.APOLOGIES_NONE]


def test_apologies_after_the_start_are_refused_and_nothing_is_saved(client, world, meeting):
    user, person = signed_up(world, 2)
    with pytest.raises(ValidationError) as error:
        services.apologies_send(actor=user, meeting=meeting, person=person, note="Sorry")
    assert error.value.messages[0].startswith("Apologies can be sent only before the meeting starts")
    client.force_login(user)
    response = client.post(url("apologies_send", world, meeting.uuid), {"note": "Sorry, running late"})
    assert response.status_code == 400
    page = html(response)
    assert "There is a problem" in page and "Apologies can be sent only before the meeting starts" in page
    assert "Sorry, running late" in page  # the answer is kept
    assert not Attendance.objects.exists()
    assert "Send apologies" not in html(client.get(url("meeting_detail", world, meeting.uuid)))


def test_withdrawing_after_the_start_is_refused(client, world):
    [meeting] = schedule(world, 2)
    user, person = signed_up(world, 2)
    services.apologies_send(actor=user, meeting=meeting, person=person)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=meeting.starts_at.replace(year=meeting.starts_at.year - 1),
        ends_at=meeting.ends_at.replace(year=meeting.ends_at.year - 1),
    )
    client.force_login(user)
    response = client.post(url("apologies_withdraw", world, meeting.uuid))
    assert response.status_code == 400
    assert "Apologies can be withdrawn only before the meeting starts" in html(response)
    assert 'href="#your-apologies"' in html(response)
    assert Attendance.objects.filter(meeting=meeting, person=person).exists()


def test_only_members_of_the_group_send_their_own_apologies(client, world, coming_meeting):
    outsider = member(world.partnership, Role.LSP)
    world.outsider.user = outsider
    world.outsider.save()
    for user in (outsider, world.manager):
        client.force_login(user)
        assert client.get(url("apologies_send", world, coming_meeting.uuid)).status_code == 403
        assert client.post(url("apologies_withdraw", world, coming_meeting.uuid)).status_code == 403
    member_user, person = signed_up(world, 1)
    with pytest.raises(PermissionDenied):
        services.apologies_send(actor=world.manager, meeting=coming_meeting, person=person)
    with pytest.raises(PermissionDenied):
        services.apologies_send(actor=outsider, meeting=coming_meeting, person=world.outsider)
    assert not Attendance.objects.exists()


def warning(response) -> str:
    found = re.search(r'govuk-warning-text__text">.*?</span>(.*?)</strong>', html(response), re.S)
    return found.group(1).strip() if found else ""


def test_the_chair_and_business_team_are_warned_when_the_meeting_cannot_be_quorate(
    client, world, coming_meeting
):
    chair, _ = signed_up(world, 0, Role.CHAIR)
    plain, _ = signed_up(world, 4)
    deputy = PersonFactory(partnership=world.partnership, agency=world.agencies[0])
    for index in (1, 2):
        user, person = signed_up(world, index)
        services.apologies_send(actor=user, meeting=coming_meeting, person=person)
    user, person = signed_up(world, 3)
    # A member who sends a deputy is still represented: no warning with two apologies from five.
    services.apologies_send(actor=user, meeting=coming_meeting, person=person, deputy=deputy)
    detail = url("meeting_detail", world, coming_meeting.uuid)
    client.force_login(world.manager)
    assert warning(client.get(detail)) == ""
    services.apologies_send(actor=user, meeting=coming_meeting, person=person)
    expected = "The meeting will not be quorate: 3 of 5 voting members have sent apologies; the quorum is 3"
    for user, sees in ((world.manager, True), (chair, True), (plain, False)):
        client.force_login(user)
        assert warning(client.get(detail)) == (expected if sees else ""), user
    # Once the meeting has started, only the register decides the quorum.
    Meeting.objects.filter(pk=coming_meeting.pk).update(
        starts_at=coming_meeting.starts_at.replace(year=coming_meeting.starts_at.year - 1),
        ends_at=coming_meeting.ends_at.replace(year=coming_meeting.ends_at.year - 1),
    )
    client.force_login(world.manager)
    assert warning(client.get(detail)) == ""


def test_apologies_for_a_meeting_still_to_come_are_not_in_the_attendance_rates(world, coming_meeting):
    user, person = signed_up(world, 2)
    services.apologies_send(actor=user, meeting=coming_meeting, person=person)
    day = coming_meeting.starts_at.date()
    start = day.replace(year=day.year if day.month >= 4 else day.year - 1, month=4, day=1)
    assert selectors.attendance_rates(world.partnership, year_start=start) == []
