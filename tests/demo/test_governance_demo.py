"""The Hounslow governance demo: a realistic 2023-24 year of meetings and a full action tracker."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Count, Q
from django.utils import timezone

from masa.actions.models import Action, ActionEvidence, ActionSettings, ActionStatus, ActionUpdate
from masa.demo.loader import load_demo
from masa.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    MinutesRevision,
    MinutesStatus,
    WorkplanItem,
)
from masa.partnership.models import Group, GroupMember, MemberType, Partnership

LONDON = ZoneInfo("Europe/London")
YEAR = (datetime(2023, 4, 1, tzinfo=LONDON), datetime(2024, 4, 1, tzinfo=LONDON))
COUNTED = [
    Meeting,
    MeetingSeries,
    AgendaItem,
    Decision,
    Attendance,
    MinutesRevision,
    WorkplanItem,
    Action,
    ActionUpdate,
    ActionEvidence,
    ActionSettings,
]

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def _held(partnership: Partnership):
    return Meeting.objects.filter(
        partnership=partnership, status=MeetingStatus.HELD, starts_at__gte=YEAR[0], starts_at__lt=YEAR[1]
    )


def test_hounslow_has_a_full_action_tracker(demo):
    actions = Action.objects.filter(partnership__slug="hounslow")
    assert actions.count() >= 150
    # Every status a meeting's action reaches; none of the 2023-24 actions was withdrawn.
    statuses = {ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.CLOSED}
    assert set(actions.values_list("status", flat=True)) == statuses
    today = timezone.localdate()
    assert actions.exclude(status=ActionStatus.CLOSED).filter(due_date__lt=today).exists()
    assert actions.exclude(status=ActionStatus.CLOSED).filter(due_date__gte=today).exists()
    closed = actions.filter(status=ActionStatus.CLOSED)
    assert closed.exists()
    assert not closed.filter(Q(impact="") | Q(closed_at__isnull=True)).exists()
    assert not actions.exclude(status=ActionStatus.CLOSED).filter(closed_at__isnull=False).exists()
    numbers = sorted(actions.values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))


def test_actions_come_from_agenda_items_of_their_group(demo):
    # Review, inspection, Section 11, audit finding, effectiveness review, escalation, scrutiny and
    # case discussion actions come from their own demos; every other one from a meeting.
    actions = (
        Action.objects.filter(partnership__slug="hounslow")
        .exclude(
            source__in=[
                "review_recommendation",
                "inspection_recommendation",
                "section11_improvement",
                "effectiveness_finding",
                "audit_finding",
                "escalation",
                "scrutiny_finding",
                "case_discussion",
            ]
        )
        .select_related("meeting_item__meeting", "owner")
    )
    assert actions.exists()
    for action in actions:
        assert action.source == "meeting_item"
        assert action.meeting_item.meeting.group_id == action.group_id
        assert action.owner_agency_id == action.owner.agency_id
        assert action.created_at.date() == action.meeting_item.meeting.starts_at.date()
    per_action = actions.annotate(n=Count("updates")).values_list("n", flat=True)
    assert max(per_action) <= 4
    assert ActionUpdate.objects.filter(status_to=ActionStatus.CLOSED, action__in=actions).count() == (
        actions.filter(status=ActionStatus.CLOSED).count()
    )
    assert ActionEvidence.objects.filter(action__partnership__slug="hounslow").exists()


def test_every_board_meeting_of_2023_24_was_held_with_minutes(demo):
    hounslow = Partnership.objects.get(slug="hounslow")
    board = Group.objects.get(partnership=hounslow, kind="board")
    meetings = list(_held(hounslow).filter(group=board))
    assert len(meetings) == 4
    assert {m.starts_at.astimezone(LONDON).month for m in meetings} == {6, 9, 12, 3}
    assert MeetingSeries.objects.get(group=board).frequency == "quarterly"
    for meeting in meetings[:-1]:
        assert meeting.minutes_status == MinutesStatus.APPROVED
        assert meeting.minutes_revisions.get(version=1).approved
    assert meetings[-1].minutes_status == MinutesStatus.DRAFT
    # Forward plan: four future Board meetings, each with planned items.
    future = Meeting.objects.filter(group=board, status=MeetingStatus.SCHEDULED)
    assert future.count() == 4
    assert all(m.starts_at.date() > date(2026, 11, 24) for m in future)
    assert all(m.forward_plan.exists() for m in future)


def test_each_group_meets_at_its_cadence_with_4_to_7_items(demo):
    hounslow = Partnership.objects.get(slug="hounslow")
    for group in Group.objects.filter(partnership=hounslow):
        meetings = _held(hounslow).filter(group=group).annotate(n=Count("items"))
        assert meetings.count() == group.min_meetings_per_year, group
        assert all(4 <= m.n <= 7 for m in meetings), group
        presenters = set(AgendaItem.objects.filter(meeting__in=meetings).values_list("presenter", flat=True))
        members = set(GroupMember.objects.filter(group=group).values_list("person", flat=True))
        assert presenters <= members, group
        if group.kind == "subgroup":
            assert 3 <= WorkplanItem.objects.filter(group=group).count() <= 6, group


def test_at_least_one_subgroup_meeting_was_not_quorate(demo):
    hounslow = Partnership.objects.get(slug="hounslow")
    not_quorate = []
    for meeting in _held(hounslow).select_related("group"):
        voting = GroupMember.objects.filter(group=meeting.group, member_type=MemberType.VOTING).values(
            "person"
        )
        attended = meeting.attendance.filter(
            person__in=voting, status__in=[AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY]
        ).count()
        if attended < meeting.group.quorum:
            not_quorate.append(meeting)
    assert not_quorate
    assert all(m.group.kind == "subgroup" for m in not_quorate)
    deputies = Attendance.objects.filter(status=AttendanceStatus.DEPUTY).select_related("person", "deputy")
    assert deputies.exists()
    assert all(a.deputy.agency_id == a.person.agency_id for a in deputies)
    assert not Attendance.objects.filter(status=AttendanceStatus.DEPUTY, deputy__isnull=True).exists()


def test_every_demo_partnership_has_action_settings(demo):
    assert ActionSettings.objects.count() == Partnership.objects.count() == 3


def test_loading_twice_changes_nothing(demo):
    before = _counts()
    load_demo()
    assert _counts() == before
