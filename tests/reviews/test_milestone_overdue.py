"""When a review's milestone is overdue."""

from datetime import date, timedelta

from django.utils import timezone

from masa.reviews.models import Milestone

DUE = date(2026, 12, 3)


def test_a_milestone_not_completed_is_overdue_after_its_due_date():
    milestone = Milestone(title="Draft report", due_date=DUE)
    assert not milestone.is_overdue_on(DUE)
    assert milestone.is_overdue_on(DUE + timedelta(days=1))


def test_a_completed_milestone_is_never_overdue_even_if_completed_late():
    milestone = Milestone(title="Draft report", due_date=DUE, completed_date=DUE + timedelta(days=10))
    assert not milestone.is_overdue_on(DUE + timedelta(days=30))


def test_is_overdue_counts_from_today():
    assert Milestone(title="Panel copy", due_date=timezone.localdate() - timedelta(days=1)).is_overdue
    assert not Milestone(title="Panel copy", due_date=timezone.localdate()).is_overdue
