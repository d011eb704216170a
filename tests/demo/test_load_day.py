"""The demo's live dates move with the day it is loaded; its 2023-24 history never moves."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from masa.actions.models import Action, ActionStatus
from masa.demo.load_day import MOVES_FROM, WRITTEN_AROUND, move_live_dates, weeks_to_move
from masa.governance.models import Meeting, MeetingStatus
from tests.factories import GroupFactory, PartnershipFactory, PersonFactory

LONDON = ZoneInfo("Europe/London")


def test_the_move_is_whole_weeks_and_none_on_the_day_written():
    assert weeks_to_move(WRITTEN_AROUND) == timedelta(0)
    assert weeks_to_move(WRITTEN_AROUND + timedelta(days=6)) == timedelta(0)
    assert weeks_to_move(WRITTEN_AROUND + timedelta(days=9)) == timedelta(weeks=1)
    assert weeks_to_move(date(2027, 11, 24)) == timedelta(weeks=52)


@pytest.mark.django_db
def test_live_dates_move_and_history_and_times_stamped_while_loading_do_not():
    partnership = PartnershipFactory()
    group = GroupFactory(partnership=partnership)
    owner = PersonFactory(partnership=partnership)
    loaded_at = datetime(2026, 12, 9, 9, 0, tzinfo=LONDON)

    def at(day: date, hour: int = 10) -> datetime:
        return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)

    def action(number: int, due: date, **fields) -> Action:
        return Action.objects.create(
            partnership=partnership,
            number=number,
            title=f"Action {number}",
            owner=owner,
            owner_agency_id=owner.agency_id,
            group=group,
            due_date=due,
            **fields,
        )

    history = action(1, date(2023, 9, 29), status=ActionStatus.CLOSED, closed_at=at(date(2023, 9, 1)))
    due_soon = action(2, date(2026, 12, 4), escalated_at=at(date(2026, 11, 20)))
    just_made = action(3, date(2027, 1, 29))
    Action.objects.filter(pk=just_made.pk).update(created_at=loaded_at + timedelta(seconds=5))
    forward = Meeting.objects.create(
        partnership=partnership,
        group=group,
        starts_at=at(date(2027, 1, 21)),
        ends_at=at(date(2027, 1, 21), 12),
        papers_deadline=date(2027, 1, 14),
        status=MeetingStatus.SCHEDULED,
    )

    shift = move_live_dates(partnership, load_day=date(2026, 12, 9), loaded_at=loaded_at)

    assert shift == timedelta(weeks=2)
    for row in (history, due_soon, just_made, forward):
        row.refresh_from_db()
    assert history.due_date == date(2023, 9, 29) and history.closed_at == at(date(2023, 9, 1))
    assert due_soon.due_date == date(2026, 12, 18)
    assert due_soon.escalated_at == at(date(2026, 12, 4))
    assert just_made.due_date == date(2027, 2, 12)
    assert just_made.created_at == loaded_at + timedelta(seconds=5)  # stamped while loading: real
    assert forward.starts_at.astimezone(LONDON).date() == date(2027, 2, 4)
    assert forward.starts_at.astimezone(LONDON).weekday() == 3  # still a Thursday
    assert forward.papers_deadline == date(2027, 1, 28)
    assert date(2024, 3, 31) < MOVES_FROM


@pytest.mark.django_db
def test_loaded_demo_has_actions_due_soon_and_board_meetings_to_come(demo):
    today = timezone.localdate()
    open_actions = Action.objects.filter(partnership__slug="hounslow").exclude(status=ActionStatus.CLOSED)
    assert open_actions.filter(due_date__gte=today, due_date__lte=today + timedelta(days=28)).exists()
    assert open_actions.filter(due_date__lt=today, due_date__gte=today - timedelta(days=20)).exists()
    upcoming = Meeting.objects.filter(partnership__slug="hounslow", status=MeetingStatus.SCHEDULED)
    assert upcoming.exists() and all(m.starts_at.date() > today for m in upcoming)
