"""Impact follow-ups (docs/domain.md, "21.5 Certificates, evaluation and impact"): the daily job
starts them once the policy's weeks are up, for the attendee and (when given) the manager, once
per booking; the one-use link answers once; a tampered or reused link changes nothing."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from masa.accounts.models import hash_secret
from masa.core.models import SentEmail
from masa.training.models import Attendance, FollowUpRespondent, ImpactFollowUp
from masa.training.services.after import (
    ALREADY_ANSWERED,
    LINK_NOT_VALID,
    send_training_follow_ups,
)
from tests.factories import SETUP
from tests.training.after_helpers import attended_booking, session_weeks_ago, text_of

LINK = re.compile(r"https?://\S+/partnerships/([\w-]+)/training/follow-up/([^/\s]+)/")
ANSWER = {
    "practice_changed": "I use the neglect toolkit at every home visit",
    "outcome_for_children": "Two families got help months sooner",
    "may_quote": "yes",
}


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run_job(today=None):
        with django_capture_on_commit_callbacks(execute=True):
            return send_training_follow_ups(actor=SETUP, today=today or timezone.localdate())

    return run_job


def link_in(message) -> str:
    return LINK.search(message.body).group(0)


def test_no_follow_up_before_the_weeks_are_up(w, run, mailoutbox):
    attended_booking(w, w.practitioner, session_weeks_ago(w, 5, days=6), manager_email="boss@example.org")
    assert run() == {"invited": 1, "attendees": 0, "managers": 0}  # only the certificate email
    assert not ImpactFollowUp.objects.exists()
    assert [m.subject for m in mailoutbox] == [f"Your certificate for {w.course.title}"]


def test_follow_ups_for_the_attendee_and_the_manager_once_the_weeks_are_up(w, run, mailoutbox):
    session = session_weeks_ago(w, 6)
    with_manager = attended_booking(w, w.practitioner, session, manager_email="boss@example.org")
    attended_booking(w, w.colleague, session, attendance=Attendance.LATE)
    attended_booking(w, w.other_practitioner, session, attendance=Attendance.NO_SHOW, agency=w.other_agency)
    assert run() == {"invited": 2, "attendees": 2, "managers": 1}
    follow_ups = ImpactFollowUp.objects.filter(booking__session=session)
    assert sorted((f.respondent, f.email) for f in follow_ups) == sorted(
        [
            (FollowUpRespondent.ATTENDEE, w.practitioner.email),
            (FollowUpRespondent.MANAGER, "boss@example.org"),
            (FollowUpRespondent.ATTENDEE, w.colleague.email),
        ]
    )
    assert all(f.sent_at is not None for f in follow_ups)
    asks = [m for m in mailoutbox if m.subject.startswith("What has changed")]
    assert sorted(m.to[0] for m in asks) == sorted(
        [w.practitioner.email, "boss@example.org", w.colleague.email]
    )
    manager = next(m for m in asks if m.to == ["boss@example.org"])
    assert "A member of your team attended" in manager.body
    assert w.practitioner.full_name not in manager.body
    # The link's secret is stored only as its hash.
    token = LINK.search(manager.body).group(2)
    assert follow_ups.get(respondent=FollowUpRespondent.MANAGER).token_hash == hash_secret(token)
    assert token not in str(list(ImpactFollowUp.objects.values()))
    # Every message is recorded, without its body (so without the link).
    recorded = SentEmail.objects.filter(category="training_follow_up")
    assert sorted(recorded.values_list("reference", flat=True)) == sorted(str(f.uuid) for f in follow_ups)
    assert token not in str(list(SentEmail.objects.values()))
    # Not twice: the next day's run starts nothing new.
    assert run() == {"invited": 0, "attendees": 0, "managers": 0}
    assert ImpactFollowUp.objects.filter(booking=with_manager).count() == 2


def test_the_policy_decides_the_weeks(w, run):
    w.policy.follow_up_weeks = 8
    w.policy.save()
    attended_booking(w, w.practitioner, session_weeks_ago(w, 7))
    assert run()["attendees"] == 0
    attended_booking(w, w.colleague, session_weeks_ago(w, 8))
    assert run()["attendees"] == 1


def test_the_answer_is_saved_once_and_a_reused_link_changes_nothing(client, w, run, mailoutbox):
    booking = attended_booking(w, w.practitioner, session_weeks_ago(w, 6), manager_email="boss@example.org")
    run()
    link = link_in(next(m for m in mailoutbox if m.to == ["boss@example.org"]))
    page = client.get(link)
    assert page.status_code == 200
    text = text_of(page)
    assert w.course.title in text
    # Nothing about the attendee beyond the course and the date.
    for detail in (w.practitioner.full_name, w.practitioner.email, w.agency.name, "boss@example.org"):
        assert detail not in text
    answered = client.post(link, ANSWER)
    assert answered.status_code == 200
    assert "Thank you for your answer" in text_of(answered)
    follow_up = ImpactFollowUp.objects.get(booking=booking, respondent=FollowUpRespondent.MANAGER)
    assert follow_up.answered_at is not None and follow_up.may_quote
    assert follow_up.practice_changed == ANSWER["practice_changed"]
    # Reused: says so, and nothing changes.
    again = client.post(link, {**ANSWER, "practice_changed": "Something else", "may_quote": "no"})
    assert ALREADY_ANSWERED in text_of(again)
    assert ALREADY_ANSWERED in text_of(client.get(link))
    follow_up.refresh_from_db()
    assert (follow_up.practice_changed, follow_up.may_quote) == (ANSWER["practice_changed"], True)


def test_a_tampered_link_is_not_valid_and_changes_nothing(client, w, other, run, mailoutbox):
    attended_booking(w, w.practitioner, session_weeks_ago(w, 6))
    run()
    link = link_in(mailoutbox[-1])
    slug, token = LINK.search(link).groups()
    for bad in (
        link.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB")),
        link.replace(token, "no-such-token"),
        link.replace(f"/partnerships/{slug}/", f"/partnerships/{other.partnership.slug}/"),
    ):
        response = client.get(bad)
        assert response.status_code == 404
        assert LINK_NOT_VALID in text_of(response)
        response = client.post(bad, ANSWER)
        assert response.status_code == 404
        assert LINK_NOT_VALID in text_of(response)
    assert not ImpactFollowUp.objects.filter(answered_at__isnull=False).exists()


def test_an_empty_answer_is_refused_and_the_link_still_works(client, w, run, mailoutbox):
    attended_booking(w, w.practitioner, session_weeks_ago(w, 6))
    run()
    link = link_in(mailoutbox[-1])
    response = client.post(link, {"practice_changed": " ", "outcome_for_children": "", "may_quote": ""})
    assert response.status_code == 400
    text = text_of(response)
    assert "Enter what has changed in your practice" in text
    assert "Select yes if the partnership may quote your answer anonymously" in text
    assert not ImpactFollowUp.objects.filter(answered_at__isnull=False).exists()
    assert client.post(link, {**ANSWER, "may_quote": "no"}).status_code == 200
    assert not ImpactFollowUp.objects.get().may_quote


def test_the_daily_command_runs_the_follow_ups(w, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    attended_booking(w, w.practitioner, session_weeks_ago(w, 6))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", verbosity=0)
    assert ImpactFollowUp.objects.filter(respondent=FollowUpRespondent.ATTENDEE).count() == 1
    assert any(m.subject.startswith("What has changed") for m in mail.outbox)
