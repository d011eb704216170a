from masa.core.models import SentEmail
from masa.core.tasks import send_email
from masa.training.models import SessionStatus


def test_the_world_has_sessions_on_both_sides_of_today(w):
    assert w.coming.places_left == 10
    assert w.past.starts_at < w.coming.starts_at
    assert w.cancelled.status == SessionStatus.CANCELLED
    assert w.other_practitioner.memberships.get().agency == w.other_agency


def test_every_email_sent_is_recorded_without_its_body(db, mailoutbox):
    send_email.enqueue(
        to=["a@example.org"],
        subject="Your place is booked",
        body="secret link https://example.org/t/abc",
        attachments=[["session.ics", "BEGIN:VCALENDAR", "text/calendar"]],
        category="training_booking",
        reference="b-1",
    )
    assert len(mailoutbox) == 1
    sent = SentEmail.objects.get()
    assert (sent.to, sent.subject, sent.category, sent.attachments) == (
        "a@example.org",
        "Your place is booked",
        "training_booking",
        "session.ics",
    )
    assert "secret" not in str(sent.__dict__)
