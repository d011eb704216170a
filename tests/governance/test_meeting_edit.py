from django.core import mail
from django.urls import reverse

from masa.governance.forms import END_BEFORE_START
from masa.governance.models import MeetingStatus
from masa.governance.views import MEETING_CHANGED


def _form(meeting, **changes):
    data = {
        "date_0": "1",
        "date_1": "6",
        "date_2": "2027",
        "start_time": "10:00",
        "end_time": "12:00",
        "location": "Civic Centre, Room 1",
        "status": MeetingStatus.SCHEDULED,
    }
    data.update(changes)
    return data


def test_moving_a_meeting_sends_an_updated_invitation(
    manager_client, meeting, django_capture_on_commit_callbacks
):
    url = reverse("governance:meeting_edit", args=["alpha", meeting.uuid])
    assert manager_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(url, _form(meeting, location="Town Hall"), follow=True)
    assert MEETING_CHANGED in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.location, meeting.starts_at.year, meeting.starts_at.month) == ("Town Hall", 2027, 6)
    invitation = mail.outbox[-1]
    ics = invitation.attachments[0][1]
    assert str(meeting.uuid) in ics and "Town Hall" in ics


def test_cancelling_a_meeting_marks_the_calendar_event_cancelled(
    manager_client, meeting, django_capture_on_commit_callbacks
):
    url = reverse("governance:meeting_edit", args=["alpha", meeting.uuid])
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(url, _form(meeting, status=MeetingStatus.CANCELLED))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert "STATUS:CANCELLED" in mail.outbox[-1].attachments[0][1]


def test_meeting_must_end_after_it_starts_and_answers_are_kept(manager_client, meeting):
    url = reverse("governance:meeting_edit", args=["alpha", meeting.uuid])
    response = manager_client.post(
        url, _form(meeting, start_time="14:00", end_time="13:00", location="Kept here")
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert END_BEFORE_START in html
    assert "Kept here" in html
    meeting.refresh_from_db()
    assert meeting.location == "Civic Centre, Room 1"


def test_only_the_business_team_can_change_a_meeting(client, world, meeting):
    from tests.factories import member

    client.force_login(member(world.partnership, "chair"))
    assert client.get(reverse("governance:meeting_edit", args=["alpha", meeting.uuid])).status_code == 403
