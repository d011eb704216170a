"""Self-assessment reminders from `manage.py send_reminders`: the leads of agencies whose return is
not submitted, before, on and after the deadline, then weekly; the business team once when long
late (the partnership's action settings, as for data calls)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from masa.actions.models import ActionSettings
from masa.assurance import services_section11 as services
from tests.assurance.section11_world import full_answers, make_s11_world


@pytest.fixture
def w(db):
    world = make_s11_world("s11r")
    mail.outbox.clear()
    return world


def run(callbacks, day) -> str:
    out = StringIO()
    with callbacks(execute=True):
        call_command("send_reminders", "--date", day.isoformat(), stdout=out)
    return out.getvalue()


def test_leads_of_returns_not_submitted_are_reminded_before_on_and_after(
    w, django_capture_on_commit_callbacks
):
    services.return_save(
        actor=w.other_lead, section11_return=w.other_ret, answers=full_answers(w), submit=True
    )
    deadline = w.cycle.deadline
    due = f"{deadline.day} {deadline:%B %Y}"
    for day, subject in (
        (deadline - timedelta(days=7), f"your Section 11 audit return is due on {due}"),
        (deadline, "your Section 11 audit return is due today"),
        (deadline + timedelta(days=1), "your Section 11 audit return is overdue"),
        (deadline + timedelta(days=8), "your Section 11 audit return is overdue"),
    ):
        output = run(django_capture_on_commit_callbacks, day)
        assert "Self-assessment reminders: 1" in output
        assert [(m.to, m.subject.split(": ", 1)[1]) for m in mail.outbox] == [([w.lead.email], subject)]
        assert f"/assurance/section-11/returns/{w.ret.uuid}/" in mail.outbox[0].body
        mail.outbox.clear()
    # Not twice in a day, nothing between, and nothing for a submitted return.
    assert "Self-assessment reminders: 0" in run(
        django_capture_on_commit_callbacks, deadline + timedelta(days=8)
    )
    assert "Self-assessment reminders: 0" in run(
        django_capture_on_commit_callbacks, deadline - timedelta(days=3)
    )
    assert mail.outbox == []


def test_a_long_late_return_is_escalated_to_the_business_team_once(w, django_capture_on_commit_callbacks):
    ActionSettings.objects.create(partnership=w.partnership, remind_days_before=3, escalate_days_overdue=10)
    output = run(django_capture_on_commit_callbacks, w.cycle.deadline + timedelta(days=11))
    assert "Self-assessment returns escalated to the business team: 3" in output
    to_business = [m for m in mail.outbox if m.to == [w.business_team.email]]
    assert sorted(m.subject.split(": ", 1)[1] for m in to_business) == sorted(
        f"{a.name} is 11 days late with its Section 11 audit return" for a in w.agencies
    )
    mail.outbox.clear()
    output = run(django_capture_on_commit_callbacks, w.cycle.deadline + timedelta(days=12))
    assert "Self-assessment returns escalated to the business team: 0" in output


def test_a_cycle_not_yet_open_sends_nothing(w, django_capture_on_commit_callbacks):
    output = run(django_capture_on_commit_callbacks, w.cycle.opens_on - timedelta(days=1))
    assert "Self-assessment reminders: 0" in output
