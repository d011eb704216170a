"""The pages of booking: the session page, My training, booking staff and the staff's bookings
(docs/domain.md, "21.3 Booking, the waiting list and registering")."""

from django.urls import reverse

from masa.training.models import Booking, BookingStatus
from masa.training.services import booking as services


def url(w, name, *args):
    return reverse(f"training:{name}", args=[w.partnership.slug, *args])


def test_a_practitioner_books_from_the_session_page(
    w, client, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(w.practitioner)
    page = client.get(url(w, "session", w.coming.uuid))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Recognising and responding to neglect" in html and "10 of 10" in html
    assert "Book a place" in html and "Book places for your staff" not in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(w, "session_book", w.coming.uuid), {"manager_email": "boss@example.org"}, follow=True
        )
    html = response.content.decode()
    assert "Your place is booked" in html and "You have a place on this session" in html
    assert "9 of 10" in html and "Cancel my place" in html
    booking = Booking.objects.get(session=w.coming, person=w.practitioner)
    assert booking.manager_email == "boss@example.org"
    assert len(mailoutbox) == 1


def test_a_bad_managers_email_is_shown_with_the_answer_kept(w, client):
    client.force_login(w.practitioner)
    response = client.post(url(w, "session_book", w.coming.uuid), {"manager_email": "not an email"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and "Enter an email address in the correct format" in html
    assert 'value="not an email"' in html
    assert not Booking.objects.exists()


def test_booking_twice_shows_the_refusal(w, client):
    services.book_place(actor=w.practitioner, session=w.coming, person=w.practitioner)
    client.force_login(w.practitioner)
    response = client.post(url(w, "session_book", w.coming.uuid), {})
    assert response.status_code == 400
    assert services.ALREADY_BOOKED in response.content.decode()
    assert Booking.objects.filter(session=w.coming).count() == 1


def test_a_past_session_cannot_be_booked_from_its_page(w, client):
    client.force_login(w.practitioner)
    page = client.get(url(w, "session", w.past.uuid))
    assert "This session can no longer be booked" in page.content.decode()
    response = client.post(url(w, "session_book", w.past.uuid), {})
    assert response.status_code == 400
    assert services.SESSION_PAST in response.content.decode()


def test_a_full_session_offers_the_waiting_list(w, client):
    services.book_staff(actor=w.agency_lead, session=w.small, people=[w.practitioner, w.colleague])
    client.force_login(w.other_practitioner)
    page = client.get(url(w, "session", w.small.uuid)).content.decode()
    assert "Join the waiting list" in page and "None: the session is full" in page
    response = client.post(url(w, "session_book", w.small.uuid), {}, follow=True)
    html = response.content.decode()
    assert "you are on the waiting list. You are number 1" in html
    assert "Leave the waiting list" in html


def test_an_unpublished_courses_session_or_another_partnerships_is_not_found(w, other, client):
    from datetime import timedelta

    from django.utils import timezone

    from masa.training.models import TrainingSession

    starts = timezone.now() + timedelta(days=3)
    draft = TrainingSession.objects.create(
        partnership=w.partnership,
        course=w.draft_course,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        capacity=3,
    )
    client.force_login(w.practitioner)
    assert client.get(url(w, "session", draft.uuid)).status_code == 404
    assert client.get(url(w, "session", other.coming.uuid)).status_code == 404
    assert client.post(url(w, "session_book", other.coming.uuid), {}).status_code == 404
    client.force_login(w.business_team)
    assert client.get(url(w, "session", draft.uuid)).status_code == 200


def test_someone_elses_booking_cannot_be_cancelled(w, client):
    booking = services.book_place(actor=w.colleague, session=w.coming, person=w.colleague)
    client.force_login(w.practitioner)
    assert client.post(url(w, "booking_cancel", booking.uuid)).status_code == 404
    client.force_login(w.other_agency_lead)
    assert client.post(url(w, "booking_cancel", booking.uuid)).status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED


def test_my_training_lists_and_cancels_ones_own_bookings(w, client):
    mine = services.book_place(actor=w.practitioner, session=w.coming, person=w.practitioner)
    services.book_place(actor=w.colleague, session=w.small, person=w.colleague)
    client.force_login(w.practitioner)
    page = client.get(url(w, "my_bookings"))
    html = page.content.decode()
    assert page.status_code == 200 and "Coming up" in html
    assert html.count("Recognising and responding to neglect") == 2  # the link and the hidden cancel label
    response = client.post(url(w, "booking_cancel", mine.uuid), {"back": "mine"}, follow=True)
    assert response.redirect_chain[-1][0] == url(w, "my_bookings")
    html = response.content.decode()
    assert "Booking cancelled" in html and "You have no places booked" in html
    again = client.post(url(w, "booking_cancel", mine.uuid), {"back": "mine"})
    assert again.status_code == 400 and services.ALREADY_CANCELLED in again.content.decode()


def test_an_agency_lead_books_staff_of_their_agency_only(
    w, client, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(w.agency_lead)
    session_page = client.get(url(w, "session", w.coming.uuid)).content.decode()
    assert "Book places for your staff" in session_page
    page = client.get(url(w, "staff_book", w.coming.uuid))
    html = page.content.decode()
    assert page.status_code == 200
    assert w.practitioner.email in html and w.colleague.email in html
    assert w.other_practitioner.email not in html
    refused = client.post(url(w, "staff_book", w.coming.uuid), {"people": [w.other_practitioner.pk]})
    assert refused.status_code == 400 and "Select staff from the list" in refused.content.decode()
    empty = client.post(url(w, "staff_book", w.coming.uuid), {})
    assert empty.status_code == 400 and "Select at least one member of staff" in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(w, "staff_book", w.coming.uuid), {"people": [w.practitioner.pk, w.colleague.pk]}, follow=True
        )
    html = response.content.decode()
    assert "Our staff&#x27;s bookings" in html or "Our staff's bookings" in html
    assert "Booked: " in html
    assert Booking.objects.filter(session=w.coming, booked_by=w.agency_lead).count() == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([w.practitioner.email, w.colleague.email])


def test_a_practitioner_cannot_book_staff(w, client):
    client.force_login(w.practitioner)
    assert client.get(url(w, "staff_book", w.coming.uuid)).status_code == 403
    assert client.get(url(w, "staff_bookings")).status_code == 403


def test_staff_bookings_show_the_leads_agency_and_the_coordinator_filters(w, client):
    ours = services.book_place(actor=w.practitioner, session=w.coming, person=w.practitioner)
    theirs = services.book_place(actor=w.other_practitioner, session=w.coming, person=w.other_practitioner)
    client.force_login(w.agency_lead)
    html = client.get(url(w, "staff_bookings")).content.decode()
    assert w.practitioner.full_name in html and w.other_practitioner.full_name not in html
    # The lead cancels a member of staff's place; another agency's is not found.
    assert client.post(url(w, "booking_cancel", theirs.uuid), {"back": "staff"}).status_code == 404
    response = client.post(url(w, "booking_cancel", ours.uuid), {"back": "staff"})
    assert response.status_code == 302 and response["Location"] == url(w, "staff_bookings")
    client.force_login(w.business_team)
    html = client.get(url(w, "staff_bookings")).content.decode()
    assert w.practitioner.full_name in html and w.other_practitioner.full_name in html
    filtered = client.get(url(w, "staff_bookings"), {"agency": w.other_agency.pk}).content.decode()
    assert w.other_practitioner.full_name in filtered and w.practitioner.full_name not in filtered
    bad = client.get(url(w, "staff_bookings"), {"agency": "nonsense"})
    assert bad.status_code == 400 and "Select a agency from the list" in bad.content.decode()


def test_reading_staff_bookings_is_recorded(w, client):
    from auditlog.models import LogEntry

    booking = services.book_place(actor=w.practitioner, session=w.coming, person=w.practitioner)
    client.force_login(w.agency_lead)
    client.get(url(w, "staff_bookings"))
    assert LogEntry.objects.filter(
        object_pk=str(booking.pk), action=LogEntry.Action.ACCESS, actor=w.agency_lead
    ).exists()
