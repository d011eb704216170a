"""Officers and guests "in attendance": recorded apart from the members, never in the quorum."""

import io

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from masa.accounts.models import Role
from masa.governance import selectors, services
from masa.governance.models import Meeting, MeetingGuest
from tests.factories import PersonFactory, member
from tests.governance.conftest import make_world


def url(name, world, *args):
    return reverse(f"governance:{name}", args=[world.partnership.slug, *args])


def record(world, meeting, statuses):
    services.attendance_record(
        actor=world.manager,
        meeting=meeting,
        records=[(p, s, None) for p, s in zip(world.people, statuses, strict=True)],
    )


def test_guests_never_count_towards_the_quorum_or_attendance_rates(world, meeting):
    officer = PersonFactory(partnership=world.partnership, agency=world.agencies[0], name="Pat Officer")
    services.meeting_guest_add(
        actor=world.manager, meeting=meeting, name="", role="Partnership Business Manager", person=officer
    )
    services.meeting_guest_add(
        actor=world.manager, meeting=meeting, name="Dr Lee Guest", role="Riverside NHS Trust"
    )
    record(world, meeting, ["present", "present", "apologies", "apologies", "absent"])
    quorum = selectors.quorum_for(Meeting.objects.get(pk=meeting.pk))
    assert (quorum.voting_present, quorum.voting_members, quorum.is_quorate) == (2, 5, False)
    guests = list(MeetingGuest.objects.filter(meeting=meeting))
    assert [(g.name, g.role, g.person) for g in guests] == [
        ("Dr Lee Guest", "Riverside NHS Trust", None),
        ("Pat Officer", "Partnership Business Manager", officer),
    ]
    day = meeting.starts_at.date()
    rows = selectors.attendance_rates(world.partnership, year_start=day.replace(month=4, day=1))
    rows += selectors.attendance_rates(
        world.partnership, year_start=day.replace(year=day.year - 1, month=4, day=1)
    )
    assert sum(r.expected for r in rows) == 5
    entry = LogEntry.objects.get_for_model(MeetingGuest).filter(object_repr__contains="Dr Lee Guest").get()
    assert entry.actor == world.manager


def test_guests_only_once_the_meeting_has_started(world, coming_meeting):
    with pytest.raises(ValidationError) as error:
        services.meeting_guest_add(actor=world.manager, meeting=coming_meeting, name="A Guest", role="School")
    assert "once the meeting has started" in error.value.messages[0]
    assert not MeetingGuest.objects.exists()


def test_bad_guests_are_refused(world, meeting):
    cases = [
        ({"name": " ", "role": "School"}, "name", services.GUEST_NAME_NEEDED),
        ({"name": "A Guest", "role": " "}, "role", services.GUEST_ROLE_NEEDED),
        (
            {"name": "", "role": "Board", "person": world.people[2]},
            "person",
            "is a member of Partnership Board",
        ),
        ({"name": "", "role": "Board", "person": make_world("beta").people[0]}, "person", "this partnership"),
    ]
    for kwargs, field, message in cases:
        with pytest.raises(ValidationError) as error:
            services.meeting_guest_add(actor=world.manager, meeting=meeting, **kwargs)
        assert message in error.value.message_dict[field][0]
    assert not MeetingGuest.objects.exists()


def test_the_business_team_adds_and_removes_a_guest_on_the_pages(client, world, meeting):
    client.force_login(world.manager)
    add = url("guest_add", world, meeting.uuid)
    response = client.post(add, {"name": "", "role": "", "person": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and "Enter their role or organisation" in page
    assert "Enter the name of the person in attendance, or choose them from the list" in page
    response = client.post(add, {"name": "Dr Lee Guest", "role": "Riverside NHS Trust", "person": ""})
    assert response.status_code == 302
    detail = client.get(url("meeting_detail", world, meeting.uuid)).content.decode()
    assert "In attendance" in detail and "Dr Lee Guest" in detail and "Riverside NHS Trust" in detail
    minutes = Document(io.BytesIO(client.get(url("minutes_docx", world, meeting.uuid)).content))
    assert "In attendance" in [p.text for p in minutes.paragraphs]
    assert ["Dr Lee Guest", "Riverside NHS Trust"] in [
        [c.text for c in row.cells] for table in minutes.tables for row in table.rows
    ]
    guest = MeetingGuest.objects.get()
    response = client.post(url("guest_remove", world, meeting.uuid, guest.uuid))
    assert response.status_code == 302 and not MeetingGuest.objects.exists()


def test_only_the_business_team_records_guests(client, world, meeting):
    guest = services.meeting_guest_add(actor=world.manager, meeting=meeting, name="A Guest", role="School")
    for role in (Role.MEMBER, Role.CHAIR, Role.LSP):
        user = member(world.partnership, role)
        world.people[1].user = user
        world.people[1].save()
        client.force_login(user)
        assert client.get(url("guest_add", world, meeting.uuid)).status_code == 403, role
        assert client.post(url("guest_remove", world, meeting.uuid, guest.uuid)).status_code == 403, role
        assert "A Guest" in client.get(url("meeting_detail", world, meeting.uuid)).content.decode()
    assert MeetingGuest.objects.count() == 1
