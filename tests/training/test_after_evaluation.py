"""The evaluation form (docs/domain.md, "21.5 Certificates, evaluation and impact"): once, only by
the attendee, only after attending; scores 1 to 5; bad input keeps the answers and changes
nothing. And the email after the register with the certificate and evaluation links."""

import pytest
from django.core.exceptions import ValidationError

from masa.training.models import Attendance, Evaluation
from masa.training.services.after import (
    ALREADY_EVALUATED,
    NOT_ATTENDED,
    evaluation_save,
    send_after_session_emails,
)
from tests.factories import SETUP
from tests.training.after_helpers import attended_booking, text_of, url

ANSWERS = {
    "confidence_before": "2",
    "confidence_after": "4",
    "usefulness": "5",
    "best_thing": "The neglect toolkit walk-through",
    "improvements": "More time for case studies",
}


def test_the_attendee_sends_an_evaluation_once(client, w):
    booking = attended_booking(w, w.practitioner)
    client.force_login(w.practitioner)
    page = url("evaluation", w, booking.uuid)
    form = client.get(page)
    assert form.status_code == 200
    text = text_of(form)
    assert "5 – Very confident" in text and "1 – Not useful" in text
    response = client.post(page, ANSWERS)
    assert response.status_code == 302
    assert response["Location"] == url("certificate_list", w)
    evaluation = Evaluation.objects.get(booking=booking)
    assert (evaluation.confidence_before, evaluation.confidence_after, evaluation.usefulness) == (2, 4, 5)
    assert evaluation.best_thing == "The neglect toolkit walk-through"
    assert "Thank you: your evaluation" in text_of(client.get(url("certificate_list", w)))
    # Twice: the page says so, and a second post changes nothing.
    assert ALREADY_EVALUATED in text_of(client.get(page))
    again = client.post(page, {**ANSWERS, "usefulness": "1"})
    assert ALREADY_EVALUATED in text_of(again)
    assert Evaluation.objects.filter(booking=booking).count() == 1
    assert Evaluation.objects.get(booking=booking).usefulness == 5


def test_the_late_attendee_may_evaluate_too(client, w):
    booking = attended_booking(w, w.practitioner, attendance=Attendance.LATE)
    client.force_login(w.practitioner)
    assert client.post(url("evaluation", w, booking.uuid), ANSWERS).status_code == 302


@pytest.mark.parametrize("value", ["0", "6", "three", ""])
def test_a_score_out_of_range_is_refused_and_the_answers_kept(client, w, value):
    booking = attended_booking(w, w.practitioner)
    client.force_login(w.practitioner)
    response = client.post(url("evaluation", w, booking.uuid), {**ANSWERS, "usefulness": value})
    assert response.status_code == 400
    text = text_of(response)
    assert "There is a problem" in text
    assert "Select a number from 1 to 5 for how useful the session was" in text
    assert "The neglect toolkit walk-through" in response.content.decode()
    assert not Evaluation.objects.filter(booking=booking).exists()


def test_the_service_refuses_scores_out_of_range_and_twice(w):
    booking = attended_booking(w, w.practitioner)
    with pytest.raises(ValidationError) as error:
        evaluation_save(
            actor=w.practitioner, booking=booking, confidence_before=0, confidence_after=6, usefulness=3
        )
    assert set(error.value.message_dict) == {"confidence_before", "confidence_after"}
    assert not Evaluation.objects.exists()
    evaluation_save(
        actor=w.practitioner, booking=booking, confidence_before=1, confidence_after=3, usefulness=3
    )
    with pytest.raises(ValidationError, match=ALREADY_EVALUATED):
        evaluation_save(
            actor=w.practitioner, booking=booking, confidence_before=1, confidence_after=3, usefulness=3
        )


def test_no_evaluation_for_a_no_show_or_a_session_still_to_come(client, w):
    no_show = attended_booking(w, w.practitioner, attendance=Attendance.NO_SHOW)
    future = attended_booking(w, w.practitioner, w.coming)
    client.force_login(w.practitioner)
    for booking in (no_show, future):
        page = url("evaluation", w, booking.uuid)
        response = client.get(page)
        assert response.status_code == 404
        assert NOT_ATTENDED in text_of(response)
        assert client.post(page, ANSWERS).status_code == 404
        with pytest.raises(ValidationError, match=NOT_ATTENDED):
            evaluation_save(
                actor=w.practitioner, booking=booking, confidence_before=1, confidence_after=3, usefulness=3
            )
    assert not Evaluation.objects.exists()


def test_someone_elses_evaluation_is_not_found(client, w, other):
    booking = attended_booking(w, w.practitioner)
    for user in (w.colleague, w.business_team, w.agency_lead):
        client.force_login(user)
        assert client.get(url("evaluation", w, booking.uuid)).status_code == 404
        assert client.post(url("evaluation", w, booking.uuid), ANSWERS).status_code == 404
    client.force_login(other.business_team)
    assert client.get(url("evaluation", w, booking.uuid)).status_code == 404
    assert not Evaluation.objects.exists()


def test_the_email_after_the_register_links_the_certificate_and_the_evaluation(
    w, mailoutbox, django_capture_on_commit_callbacks
):
    attended = attended_booking(w, w.practitioner)
    late = attended_booking(w, w.colleague, attendance=Attendance.LATE)
    no_show = attended_booking(w, w.other_practitioner, attendance=Attendance.NO_SHOW, agency=w.other_agency)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_after_session_emails(actor=SETUP, bookings=[attended, late, no_show]) == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([w.practitioner.email, w.colleague.email])
    body = next(m.body for m in mailoutbox if m.to == [w.practitioner.email])
    assert url("certificate_download", w, attended.uuid) in body
    assert url("evaluation", w, attended.uuid) in body
    assert "3.0 CPD hours" in body or "3 CPD hours" in body
    for booking in (attended, late):
        booking.refresh_from_db()
        assert booking.evaluation_invited_at is not None
    no_show.refresh_from_db()
    assert no_show.evaluation_invited_at is None
    # Not twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert send_after_session_emails(actor=SETUP, bookings=[attended, late]) == 0
    assert len(mailoutbox) == 2
