"""`manage.py send_reminders` for actions: due-soon and overdue emails, escalation to the chair once."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from masa.actions import services
from tests.actions.conftest import make_action
from tests.factories import SETUP

DAY = date(2025, 6, 2)


@pytest.fixture
def quiet(alpha):
    """Move the world's own actions far into the future so they send nothing."""
    for action in alpha.actions.values():
        action.due_date = DAY + timedelta(days=365)
        action.save()
    return alpha


def run(django_capture_on_commit_callbacks, day: date = DAY) -> str:
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--date", day.isoformat(), stdout=out)
    return out.getvalue()


def test_due_soon_email_is_sent_n_days_before(quiet, django_capture_on_commit_callbacks):
    action = make_action(quiet, "Write the neglect strategy", due_date=DAY + timedelta(days=7))
    output = run(django_capture_on_commit_callbacks)
    assert "Due soon reminders: 1" in output
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [quiet.owner.email]
    assert email.subject == f"{action.reference} is due soon"
    assert "Write the neglect strategy" in email.body
    # Once a day only.
    mail.outbox.clear()
    assert "Due soon reminders: 0" in run(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_the_reminder_threshold_is_the_partnerships(quiet, django_capture_on_commit_callbacks):
    services.action_settings_update(
        actor=SETUP, partnership=quiet.partnership, remind_days_before=3, escalate_days_overdue=14
    )
    make_action(quiet, "Seven days", due_date=DAY + timedelta(days=7))
    make_action(quiet, "Three days", due_date=DAY + timedelta(days=3))
    run(django_capture_on_commit_callbacks)
    assert [m.body.splitlines()[0] for m in mail.outbox] == ["Three days"]


def test_overdue_email_the_day_after_the_due_date_then_weekly(quiet, django_capture_on_commit_callbacks):
    action = make_action(quiet, "Late", due_date=DAY - timedelta(days=1))
    output = run(django_capture_on_commit_callbacks)
    assert "Overdue reminders: 1" in output
    assert mail.outbox[0].subject == f"{action.reference} is overdue"
    mail.outbox.clear()
    run(django_capture_on_commit_callbacks, DAY + timedelta(days=1))
    assert mail.outbox == []
    run(django_capture_on_commit_callbacks, DAY + timedelta(days=7))
    assert [m.subject for m in mail.outbox] == [f"{action.reference} is overdue"]


def test_escalation_to_the_chair_past_the_threshold_only_once(quiet, django_capture_on_commit_callbacks):
    action = make_action(quiet, "Very late", due_date=DAY - timedelta(days=15))
    output = run(django_capture_on_commit_callbacks)
    assert "Escalated to chairs: 1" in output
    escalations = [m for m in mail.outbox if m.subject.startswith("Escalation")]
    assert len(escalations) == 1
    assert escalations[0].to == [quiet.chair.email]
    assert escalations[0].subject == f"Escalation: {action.reference} is 15 days overdue"
    action.refresh_from_db()
    assert action.escalated_at is not None
    mail.outbox.clear()
    for later in range(1, 10):
        output = run(django_capture_on_commit_callbacks, DAY + timedelta(days=later))
        assert "Escalated to chairs: 0" in output
    assert not [m for m in mail.outbox if m.subject.startswith("Escalation")]


def test_not_escalated_at_the_threshold(quiet, django_capture_on_commit_callbacks):
    make_action(quiet, "Exactly at the threshold", due_date=DAY - timedelta(days=14))
    assert "Escalated to chairs: 0" in run(django_capture_on_commit_callbacks)


def test_no_email_for_closed_actions(quiet, django_capture_on_commit_callbacks):
    for days in (7, -1, -15):
        action = make_action(quiet, f"Closed {days}", due_date=DAY + timedelta(days=days))
        services.action_close(actor=SETUP, action=action, impact="Done")
    output = run(django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert "Due soon reminders: 0\nOverdue reminders: 0\nEscalated to chairs: 0" in output


def test_no_email_for_deleted_actions(quiet, django_capture_on_commit_callbacks):
    action = make_action(quiet, "Deleted", due_date=DAY + timedelta(days=7))
    services.action_soft_delete(actor=SETUP, action=action)
    run(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_bad_date_is_refused(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--date", "02/06/2025")


def test_without_a_date_it_runs_for_today(quiet, django_capture_on_commit_callbacks):
    make_action(quiet, "Due in a week", due_date=timezone.localdate() + timedelta(days=7))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=out)
    assert "Due soon reminders: 1" in out.getvalue()
