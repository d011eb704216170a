"""When an action is overdue: one rule, on the model, for the pages, the spreadsheet and the API."""

from datetime import date, timedelta

from django.utils import timezone

from masa.actions.models import Action, ActionStatus

TODAY = date(2026, 12, 3)


def test_an_open_action_is_overdue_the_day_after_its_due_date():
    action = Action(status=ActionStatus.OPEN, due_date=TODAY)
    assert not action.is_overdue_on(TODAY)
    assert action.is_overdue_on(TODAY + timedelta(days=1))


def test_an_action_in_progress_can_be_overdue_but_a_closed_one_cannot():
    assert Action(status=ActionStatus.IN_PROGRESS, due_date=date(2026, 1, 1)).is_overdue_on(TODAY)
    assert not Action(status=ActionStatus.CLOSED, due_date=date(2026, 1, 1)).is_overdue_on(TODAY)


def test_is_overdue_counts_from_today_in_england():
    yesterday = timezone.localdate() - timedelta(days=1)
    assert Action(status=ActionStatus.OPEN, due_date=yesterday).is_overdue
    assert not Action(status=ActionStatus.OPEN, due_date=timezone.localdate()).is_overdue
