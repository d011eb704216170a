"""Data call reminders from `manage.py send_reminders` (docs/domain.md, "3.5 Reminders"): agency
leads before, on and after the due date, then weekly; the business team once when long late."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from masa.actions.models import ActionSettings
from masa.core.reminders import reminder_kind
from masa.indicators import services
from masa.indicators.models import Submission, SubmissionStatus
from tests.indicators.datacall_world import build_world

DUE = date(2023, 7, 31)  # the world's data call is due on this day


@pytest.fixture
def world(db):
    mail.outbox.clear()  # the call's opening emails
    return build_world()


def run(callbacks, day: date) -> str:
    out = StringIO()
    with callbacks(execute=True):
        call_command("send_reminders", "--date", day.isoformat(), stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("days_left", "expected"),
    [(7, "due_soon"), (6, ""), (1, ""), (0, "due_today"), (-1, "overdue"), (-2, ""), (-8, "overdue"),
     (-15, "overdue"), (-14, "")],
)  # fmt: skip
def test_when_a_reminder_is_due(days_left, expected):
    assert reminder_kind(days_left, 7) == expected


def test_actions_are_not_reminded_on_the_day():
    assert reminder_kind(0, 7, on_the_day=False) == ""


def test_leads_of_agencies_still_to_submit_are_reminded_before_on_and_after(
    world, django_capture_on_commit_callbacks
):
    health = Submission.objects.filter(data_call=world.call, agency=world.health)
    health.update(status=SubmissionStatus.SUBMITTED)
    for day, subject in (
        (DUE - timedelta(days=7), "figures for 2023-24 Q1 are due on 31 July 2023"),
        (DUE, "figures for 2023-24 Q1 are due today"),
        (DUE + timedelta(days=1), "figures for 2023-24 Q1 are overdue"),
    ):
        output = run(django_capture_on_commit_callbacks, day)
        assert "Data call reminders: 1" in output
        assert [(m.to, m.subject.split(": ", 1)[1]) for m in mail.outbox] == [
            ([world.police_lead.email], subject)
        ]
        assert f"/data-calls/{world.call.uuid}/" in mail.outbox[0].body
        mail.outbox.clear()
    # Not twice in a day, and nothing on a day between.
    assert "Data call reminders: 0" in run(django_capture_on_commit_callbacks, DUE + timedelta(days=1))
    assert "Data call reminders: 0" in run(django_capture_on_commit_callbacks, DUE + timedelta(days=2))
    assert mail.outbox == []


def test_a_long_late_agency_is_escalated_to_the_business_team_once(world, django_capture_on_commit_callbacks):
    ActionSettings.objects.create(
        partnership=world.partnership, remind_days_before=3, escalate_days_overdue=10
    )
    output = run(django_capture_on_commit_callbacks, DUE + timedelta(days=11))
    assert "Data calls escalated to the business team: 2" in output
    assert sorted(m.subject.split(": ", 1)[1] for m in mail.outbox) == [
        "alpha health is 11 days late with 2023-24 Q1",
        "alpha police is 11 days late with 2023-24 Q1",
    ]
    assert {tuple(m.to) for m in mail.outbox} == {(world.business.email,)}
    mail.outbox.clear()
    output = run(django_capture_on_commit_callbacks, DUE + timedelta(days=12))
    assert "Data calls escalated to the business team: 0" in output and mail.outbox == []


def test_closed_calls_and_submitted_figures_get_no_reminder(world, django_capture_on_commit_callbacks):
    Submission.objects.filter(data_call=world.call, agency=world.police).update(
        status=SubmissionStatus.APPROVED
    )
    services.data_call_close(actor=world.business, data_call=world.call)
    assert "Data call reminders: 0" in run(django_capture_on_commit_callbacks, DUE)
    assert mail.outbox == []
