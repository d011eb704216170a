"""Meeting services: scheduling and invitations, papers, attendance and quorum, minutes."""

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from masa.accounts.models import hash_secret
from masa.actions.models import Action
from masa.governance import selectors, services
from masa.governance.models import Attendance, Meeting, MinutesRevision, MinutesStatus, Paper
from tests.factories import GroupFactory, PersonFactory
from tests.governance.conftest import agenda_item, annual_report_item, at, make_world, schedule
from tests.governance.files import BAD_FILES, pdf, upload


def local(moment: datetime) -> datetime:
    return timezone.localtime(moment)


# Scheduling and invitations -------------------------------------------------------------------


def test_quarterly_series_of_four_is_three_months_apart(world):
    meetings = schedule(world, 10, frequency="quarterly", occurrences=4)
    assert len(meetings) == 4
    assert len({m.series_id for m in meetings}) == 1 and meetings[0].series is not None
    first = local(meetings[0].starts_at)
    for n, meeting in enumerate(meetings):
        start = local(meeting.starts_at)
        months = (start.year * 12 + start.month) - (first.year * 12 + first.month)
        assert months == 3 * n
        assert start.day == first.day or start.day in (28, 29, 30)
        assert (start.hour, start.minute) == (10, 0)  # the same local time, whatever the clocks do
        assert local(meeting.ends_at).hour == 12
        assert meeting.papers_deadline == start.date() - timedelta(days=7)


def test_series_from_30_november_clamps_to_the_end_of_february(world):
    start = datetime(2025, 11, 30, 10, tzinfo=timezone.get_current_timezone())
    meetings = services.meeting_schedule(
        actor=world.manager,
        partnership=world.partnership,
        group=world.board,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        frequency="quarterly",
        occurrences=3,
    )
    assert [local(m.starts_at).date() for m in meetings] == [
        date(2025, 11, 30),
        date(2026, 2, 28),
        date(2026, 5, 30),
    ]


def test_one_meeting_without_a_frequency(world):
    meetings = schedule(world, 10, frequency="", occurrences=3)
    assert len(meetings) == 1 and meetings[0].series is None


@pytest.mark.parametrize("occurrences", [0, 13])
def test_number_of_meetings_must_be_1_to_12(world, occurrences):
    with pytest.raises(ValidationError) as error:
        schedule(world, 10, frequency="monthly", occurrences=occurrences)
    assert services.OCCURRENCES_RANGE in error.value.messages
    assert not Meeting.objects.exists()


def test_group_of_another_partnership_is_refused(world):
    other = GroupFactory()
    with pytest.raises(ValidationError) as error:
        schedule(world, 10, group=other)
    assert services.GROUP_FOREIGN in error.value.messages


def test_meeting_must_end_after_it_starts(world):
    with pytest.raises(ValidationError):
        services.meeting_schedule(
            actor=world.manager,
            partnership=world.partnership,
            group=world.board,
            starts_at=at(5, 12),
            ends_at=at(5, 10),
        )


def test_invitations_are_emailed_with_an_ics_after_commit(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        meetings = schedule(world, 10, frequency="quarterly", occurrences=2)
    assert mail.outbox == []  # nothing is sent before the meetings are saved for good
    assert len(callbacks) == 1

    with django_capture_on_commit_callbacks(execute=True):
        meetings = schedule(world, 10, frequency="quarterly", occurrences=2)
    assert len(mail.outbox) == 2  # one invitation per meeting
    email = mail.outbox[0]
    assert sorted(email.to) == sorted(p.email for p in world.people)  # members, chair included
    start = local(meetings[0].starts_at)
    assert email.subject == f"Invitation: Partnership Board, {start.day} {start:%B %Y} 10:00"
    assert f"/p/alpha/meetings/{meetings[0].uuid}/" in email.body
    [(name, content, mimetype)] = email.attachments
    assert (name, mimetype) == ("meeting.ics", "text/calendar")
    assert "BEGIN:VCALENDAR" in content and f"UID:{meetings[0].uuid}@masa" in content
    assert "LOCATION:Civic Centre\\, Room 1" in content


def test_chair_who_is_not_a_member_is_invited_too(world, django_capture_on_commit_callbacks):
    chair = PersonFactory(partnership=world.partnership, agency=world.agencies[0], email="chair@example.org")
    world.subgroup.chair = chair
    world.subgroup.save()
    with django_capture_on_commit_callbacks(execute=True):
        schedule(world, 10, group=world.subgroup)
    assert sorted(mail.outbox[0].to) == sorted(["chair@example.org", world.outsider.email])


# Papers ----------------------------------------------------------------------------------------


@pytest.fixture
def item(world, meeting):
    return annual_report_item(world, meeting)


def test_paper_is_saved_with_its_type_from_its_content(world, item, settings):
    paper = services.paper_add(actor=world.manager, item=item, title="", upload=pdf("Board report.pdf"))
    assert (paper.title, paper.file_type, paper.original_name) == (
        "Board report.pdf",
        "pdf",
        "Board report.pdf",
    )
    assert Path(paper.file.path).is_relative_to(settings.MEDIA_ROOT)
    assert paper.file.read().startswith(b"%PDF-")


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_papers_are_refused_and_nothing_is_saved(world, item, settings, case):
    name, content, message = BAD_FILES[case]
    with pytest.raises(ValidationError) as error:
        services.paper_add(actor=world.manager, item=item, title="", upload=upload(name, content))
    [text] = error.value.message_dict["upload"]
    assert text.startswith(f"The selected file {name} ") and message in text
    assert not Paper.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_restricted_paper_is_visible_to_named_members_and_the_business_team(world, item):
    from tests.factories import member

    named = member(world.partnership, "member")
    other = member(world.partnership, "member")
    world.people[1].user = named
    world.people[1].save()
    paper = services.paper_add(
        actor=world.manager,
        item=item,
        title="Case review",
        upload=pdf(),
        restricted=True,
        restricted_to=[world.people[1]],
    )
    assert selectors.paper_visible(named, paper)
    assert not selectors.paper_visible(other, paper)
    assert selectors.paper_visible(world.manager, paper)


# Attendance and quorum ------------------------------------------------------------------------


def record(world, meeting, statuses, deputy=None):
    services.attendance_record(
        actor=world.manager,
        meeting=meeting,
        records=[
            (person, status, deputy if status == "deputy" else None)
            for person, status in zip(world.people, statuses, strict=False)
        ],
    )
    return selectors.quorum_for(Meeting.objects.get(pk=meeting.pk))


def test_quorum_counts_voting_members_present_and_deputies(world, meeting):
    deputy = PersonFactory(partnership=world.partnership, agency=world.agencies[0])
    quorum = record(world, meeting, ["present", "deputy", "apologies", "apologies", "absent"], deputy)
    assert (quorum.voting_present, quorum.voting_members, quorum.quorum) == (2, 5, 3)
    assert not quorum.is_quorate
    quorum = record(world, meeting, ["present", "deputy", "present", "apologies", "absent"], deputy)
    assert (quorum.voting_present, quorum.is_quorate) == (3, True)


def test_advisory_members_and_non_member_chairs_do_not_count(world, meeting):
    world.board.members.filter(person=world.people[4]).update(member_type="advisory")
    chair = PersonFactory(partnership=world.partnership, agency=world.agencies[0])
    world.board.chair = chair
    world.board.save()
    record(world, meeting, ["present", "present", "apologies", "apologies", "present"])
    services.attendance_record(actor=world.manager, meeting=meeting, records=[(chair, "present", None)])
    quorum = selectors.quorum_for(Meeting.objects.get(pk=meeting.pk))
    assert (quorum.voting_present, quorum.voting_members, quorum.is_quorate) == (2, 4, False)


def test_recording_again_updates_and_a_past_meeting_becomes_held(world):
    [past] = schedule(world, -3)
    record(world, past, ["present"] * 5)
    record(world, past, ["absent"] * 5)
    assert Attendance.objects.filter(meeting=past).count() == 5
    assert set(Attendance.objects.values_list("status", flat=True)) == {"absent"}
    past.refresh_from_db()
    assert past.status == "held"


def test_attendance_before_the_meeting_starts_is_refused(world, coming_meeting):
    with pytest.raises(ValidationError) as error:
        record(world, coming_meeting, ["present"] * 5)
    start = timezone.localtime(coming_meeting.starts_at)
    assert error.value.messages == [
        services.ATTENDANCE_BEFORE_START.format(time="10:00", day=f"{start.day} {start:%B %Y}")
    ]
    coming_meeting.refresh_from_db()
    assert not Attendance.objects.exists() and coming_meeting.status == "scheduled"


def test_minutes_of_a_meeting_not_yet_held_are_not_awaiting_approval(world, coming_meeting):
    [later] = schedule(world, 120)
    assert list(selectors.minutes_awaiting_approval(later)) == []
    with pytest.raises(ValidationError) as error:
        services.minutes_approve(actor=world.manager, meeting=coming_meeting, at_meeting=later)
    assert error.value.messages == [services.MINUTES_BEFORE_MEETING]
    coming_meeting.refresh_from_db()
    assert not coming_meeting.minutes_locked
    [held] = schedule(world, -30)
    assert list(selectors.minutes_awaiting_approval(later)) == [held]


def test_attendance_of_someone_from_another_partnership_is_refused(world, meeting):
    stranger = make_world("beta").people[0]
    with pytest.raises(ValidationError):
        services.attendance_record(
            actor=world.manager, meeting=meeting, records=[(stranger, "present", None)]
        )


# Minutes ----------------------------------------------------------------------------------------


def test_second_save_from_the_same_version_is_a_conflict(world, meeting, item):
    services.minutes_save(
        actor=world.manager,
        meeting=meeting,
        expected_version=0,
        summary="First",
        discussions={item.pk: "One"},
    )
    stale = Meeting.objects.get(pk=meeting.pk)
    stale.minutes_version = 0  # what the second person's form was loaded with
    with pytest.raises(ValidationError) as error:
        services.minutes_save(
            actor=world.manager,
            meeting=stale,
            expected_version=0,
            summary="Second",
            discussions={item.pk: "Two"},
        )
    assert error.value.messages == [services.MINUTES_CONFLICT]
    meeting.refresh_from_db()
    item.refresh_from_db()
    assert (meeting.minutes_summary, item.discussion, meeting.minutes_version) == ("First", "One", 1)
    [revision] = MinutesRevision.objects.filter(meeting=meeting)
    assert revision.content["summary"] == "First" and revision.content["items"][0]["discussion"] == "One"


def test_approval_locks_the_minutes_and_keeps_an_approved_revision(world, item):
    first = item.meeting
    [second] = schedule(world, 120)
    services.decision_add(actor=world.manager, item=item, text="Publish the report.")
    services.minutes_save(
        actor=world.manager,
        meeting=first,
        expected_version=0,
        summary="Agreed",
        discussions={item.pk: "Talked"},
    )
    services.minutes_approve(actor=world.manager, meeting=first, at_meeting=second)
    first.refresh_from_db()
    assert first.minutes_locked and first.minutes_status == MinutesStatus.APPROVED
    assert first.minutes_approved_at_meeting == second and first.minutes_approved_at is not None
    approved = MinutesRevision.objects.get(meeting=first, approved=True)
    assert approved.version == first.minutes_version == 2
    assert approved.content["items"][0]["decisions"] == ["Publish the report."]
    for write in (
        lambda: services.minutes_save(
            actor=world.manager, meeting=first, expected_version=2, summary="x", discussions={}
        ),
        lambda: services.decision_add(actor=world.manager, item=item, text="Another"),
        lambda: services.minutes_approve(actor=world.manager, meeting=first, at_meeting=second),
    ):
        with pytest.raises(ValidationError) as error:
            write()
        assert error.value.messages == [services.MINUTES_LOCKED]
    assert selectors.minutes_awaiting_approval(second).count() == 0


def test_approval_at_an_earlier_meeting_or_another_group_is_refused(world, meeting):
    [later] = schedule(world, 120)
    [subgroup_meeting] = schedule(world, 200, group=world.subgroup)
    for earlier, at_meeting in ((later, meeting), (meeting, meeting), (meeting, subgroup_meeting)):
        with pytest.raises(ValidationError) as error:
            services.minutes_approve(actor=world.manager, meeting=earlier, at_meeting=at_meeting)
        assert error.value.messages == [services.APPROVE_AT_LATER_MEETING]
    assert not Meeting.objects.filter(minutes_status=MinutesStatus.APPROVED).exists()


def test_action_from_a_meeting_is_a_matter_arising_at_the_next(world, item):
    [later] = schedule(world, 120)
    action = services.item_action_add(
        actor=world.manager,
        item=item,
        title="Draft the plan",
        owner=world.people[2],
        due_date=date(2030, 1, 31),
    )
    assert (action.group, action.meeting_item, action.source) == (world.board, item, "meeting_item")
    assert list(selectors.matters_arising(later)) == [action]
    assert list(selectors.matters_arising(item.meeting)) == []  # not a matter arising where it was agreed
    action.status = "closed"
    action.save()
    assert list(selectors.matters_arising(later)) == []
    assert Action.objects.count() == 1


# Calendar feeds ---------------------------------------------------------------------------------


def test_resetting_the_calendar_feed_retires_the_old_address(world, meeting):
    first = services.calendar_feed_reset(actor=world.manager)
    user, meetings = selectors.meetings_for_feed(hash_secret(first))
    assert user == world.manager and meetings == [meeting]
    second = services.calendar_feed_reset(actor=world.manager)
    assert selectors.meetings_for_feed(hash_secret(first)) == (None, [])
    assert selectors.meetings_for_feed(hash_secret(second))[0] == world.manager


def test_feed_of_a_member_has_only_their_groups(world, meeting):
    from tests.factories import member

    user = member(world.partnership, "member")
    world.outsider.user = user
    world.outsider.save()
    [subgroup_meeting] = schedule(world, 30, group=world.subgroup)
    _, meetings = selectors.meetings_for_feed(hash_secret(services.calendar_feed_reset(actor=user)))
    assert meetings == [subgroup_meeting]


# Arranging the agenda ---------------------------------------------------------------------------


def agenda(world, meeting, titles):
    return [agenda_item(world.manager, meeting, title) for title in titles]


def titles(meeting):
    return [i.title for i in meeting.items.order_by("order", "pk")]


def test_items_move_up_and_down_and_the_ends_stay_put(world, meeting):
    first, second, third = agenda(world, meeting, ["Apologies", "Minutes", "Annual report"])
    services.agenda_item_move(actor=world.manager, item=third, direction="up")
    assert titles(meeting) == ["Apologies", "Annual report", "Minutes"]
    services.agenda_item_move(actor=world.manager, item=first, direction="down")
    assert titles(meeting) == ["Annual report", "Apologies", "Minutes"]
    services.agenda_item_move(actor=world.manager, item=third, direction="up")
    services.agenda_item_move(actor=world.manager, item=second, direction="down")
    assert titles(meeting) == ["Annual report", "Apologies", "Minutes"]
    assert list(meeting.items.values_list("order", flat=True).order_by("order")) == [1, 2, 3]
    with pytest.raises(ValidationError) as error:
        services.agenda_item_move(actor=world.manager, item=second, direction="sideways")
    assert error.value.message_dict == {"direction": [services.ITEM_DIRECTION]}


def test_removing_an_item_takes_its_papers_and_closes_the_gap(world, meeting):
    first, second, third = agenda(world, meeting, ["Apologies", "Minutes", "Annual report"])
    services.paper_add(actor=world.manager, item=second, title="Draft minutes", upload=pdf())
    services.agenda_item_remove(actor=world.manager, item=second)
    assert titles(meeting) == ["Apologies", "Annual report"]
    assert list(meeting.items.values_list("order", flat=True)) == [1, 2]
    assert not Paper.objects.exists()


def test_an_item_with_a_decision_or_an_action_is_not_removed(world, meeting):
    decided, acted = agenda(world, meeting, ["Decided", "Acted"])
    services.decision_add(actor=world.manager, item=decided, text="Agreed.")
    services.item_action_add(
        actor=world.manager, item=acted, title="Do it", owner=world.people[1], due_date=date(2030, 1, 1)
    )
    for item in (decided, acted):
        with pytest.raises(ValidationError) as error:
            services.agenda_item_remove(actor=world.manager, item=item)
        assert error.value.message_dict == {"item": [services.ITEM_HAS_OUTCOMES]}
    assert titles(meeting) == ["Decided", "Acted"]
