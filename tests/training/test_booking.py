"""Booking a place, the waiting list, cancelling and booking staff
(docs/domain.md, "21.3 Booking, the waiting list and registering")."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from masa.accounts.models import Membership, Role
from masa.training.models import Booking, BookingStatus, Charge, ChargeReason, TrainingSession
from masa.training.services import booking as services
from tests.factories import member


def book(w, person, session=None, **kwargs) -> Booking:
    return services.book_place(actor=person, session=session or w.coming, person=person, **kwargs)


def refusal(error: pytest.ExceptionInfo) -> str:
    return " ".join(error.value.messages)


def test_a_practitioner_books_a_place_and_is_emailed_the_session(
    w, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(w, w.practitioner, manager_email=" Boss@Example.org ")
    assert (booking.status, booking.agency, booking.booked_by) == (
        BookingStatus.BOOKED,
        w.agency,
        w.practitioner,
    )
    assert booking.manager_email == "Boss@Example.org"
    w.coming.refresh_from_db()
    assert (w.coming.booked_count, w.coming.places_left) == (1, 9)
    (message,) = mailoutbox
    assert message.to == [w.practitioner.email]
    assert message.subject.startswith("Your place is booked: Recognising and responding to neglect")
    assert f"/p/{w.partnership.slug}/training/sessions/{w.coming.uuid}/" in message.body
    assert "cancel at least 5 days before" in message.body
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("training-session.ics", "text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Recognising and responding to neglect"
    assert event.decoded("dtstart") == w.coming.starts_at
    assert str(event["location"]) == "Civic Centre, Lampton Road"


def test_a_full_session_takes_people_onto_the_waiting_list_in_order(
    w, mailoutbox, django_capture_on_commit_callbacks
):
    first = book(w, w.practitioner, w.small)
    second = book(w, w.colleague, w.small)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = book(w, w.other_practitioner, w.small)
    assert [first.status, second.status, waiting.status] == ["booked", "booked", "waitlisted"]
    w.small.refresh_from_db()
    assert w.small.booked_count == 2
    (message,) = mailoutbox
    assert message.subject.startswith("You are on the waiting list")
    assert "You are number 1" in message.body
    assert message.attachments == []
    assert services.waiting_list_position(waiting) == 1


@pytest.mark.parametrize(
    ("session_name", "message"),
    [
        ("past", services.SESSION_PAST),
        ("cancelled", services.SESSION_CANCELLED),
    ],
)
def test_a_session_that_cannot_be_booked_is_refused_without_change(w, session_name, message):
    session = getattr(w, session_name)
    with pytest.raises(ValidationError) as error:
        book(w, w.practitioner, session)
    assert refusal(error) == message
    assert not Booking.objects.filter(session=session).exists()


def test_an_unpublished_course_cannot_be_booked(w):
    starts = timezone.now() + timedelta(days=10)
    session = TrainingSession.objects.create(
        partnership=w.partnership,
        course=w.draft_course,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        capacity=5,
    )
    with pytest.raises(ValidationError) as error:
        book(w, w.practitioner, session)
    assert refusal(error) == services.COURSE_UNPUBLISHED


def test_booking_twice_is_refused(w):
    book(w, w.practitioner)
    with pytest.raises(ValidationError) as error:
        book(w, w.practitioner)
    assert refusal(error) == services.ALREADY_BOOKED
    w.coming.refresh_from_db()
    assert w.coming.booked_count == 1


def test_someone_on_the_waiting_list_cannot_book_again(w):
    book(w, w.practitioner, w.small)
    book(w, w.colleague, w.small)
    book(w, w.other_practitioner, w.small)
    with pytest.raises(ValidationError) as error:
        book(w, w.other_practitioner, w.small)
    assert refusal(error) == services.ALREADY_BOOKED


def test_another_partnerships_session_is_refused(w, other):
    with pytest.raises(ValidationError) as error:
        book(w, w.practitioner, other.coming)
    assert "is not a member of the partnership" in refusal(error)
    assert not Booking.objects.filter(session=other.coming).exists()


def test_someone_without_an_agency_cannot_book(w):
    Membership.objects.filter(user=w.lsp, partnership=w.partnership).update(agency=None)
    with pytest.raises(ValidationError) as error:
        book(w, w.lsp)
    assert "not linked to an agency" in refusal(error)


def test_a_cancellation_outside_the_cut_off_is_free_and_promotes_the_first_waiting(
    w, mailoutbox, django_capture_on_commit_callbacks
):
    booked = book(w, w.practitioner, w.small)
    book(w, w.colleague, w.small)
    first_waiting = book(w, w.other_practitioner, w.small)
    later = member(w.partnership, Role.PRACTITIONER, mfa=False)
    Membership.objects.filter(user=later).update(agency=w.agency)
    second_waiting = book(w, later, w.small)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(actor=w.practitioner, booking=booked)
    booked.refresh_from_db()
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    assert booked.status == BookingStatus.CANCELLED and booked.cancelled_at is not None
    assert first_waiting.status == BookingStatus.BOOKED
    assert second_waiting.status == BookingStatus.WAITLISTED
    assert services.waiting_list_position(second_waiting) == 1
    w.small.refresh_from_db()
    assert w.small.booked_count == 2
    assert not Charge.objects.filter(booking=booked).exists()  # 20 days ahead, cut-off 5
    subjects = sorted((m.to[0], m.subject.split(":")[0]) for m in mailoutbox)
    assert subjects == sorted(
        [(w.practitioner.email, "Booking cancelled"), (w.other_practitioner.email, "A place is yours")]
    )
    promoted = next(m for m in mailoutbox if m.subject.startswith("A place is yours"))
    assert promoted.attachments[0][0] == "training-session.ics"


def test_a_cancellation_inside_the_cut_off_is_charged_to_the_agency(w):
    booking = book(w, w.practitioner, w.small)
    w.policy.late_cancellation_charge = Decimal("30.00")
    w.policy.save()
    session_day = timezone.localtime(w.small.starts_at).date()
    services.cancel_booking(actor=w.practitioner, booking=booking, today=session_day - timedelta(days=2))
    charge = Charge.objects.get(booking=booking)
    assert (charge.agency, charge.amount, charge.reason) == (
        w.agency,
        Decimal("30.00"),
        ChargeReason.LATE_CANCELLATION,
    )


def test_leaving_the_waiting_list_is_never_charged_and_frees_no_place(w):
    book(w, w.practitioner, w.small)
    book(w, w.colleague, w.small)
    waiting = book(w, w.other_practitioner, w.small)
    session_day = timezone.localtime(w.small.starts_at).date()
    services.cancel_booking(actor=w.other_practitioner, booking=waiting, today=session_day)
    assert not Charge.objects.exists()
    w.small.refresh_from_db()
    assert w.small.booked_count == 2


def test_cancelling_twice_or_after_the_session_is_refused(w):
    booking = book(w, w.practitioner)
    services.cancel_booking(actor=w.practitioner, booking=booking)
    with pytest.raises(ValidationError) as error:
        services.cancel_booking(actor=w.practitioner, booking=booking)
    assert refusal(error) == services.ALREADY_CANCELLED
    past = Booking.objects.create(
        partnership=w.partnership,
        session=w.past,
        person=w.practitioner,
        agency=w.agency,
        status=BookingStatus.BOOKED,
        requested_at=timezone.now() - timedelta(days=9),
    )
    with pytest.raises(ValidationError) as error:
        services.cancel_booking(actor=w.practitioner, booking=past)
    assert refusal(error) == services.CANCEL_PAST
    past.refresh_from_db()
    assert past.status == BookingStatus.BOOKED


def test_raising_capacity_fills_places_from_the_waiting_list(w):
    book(w, w.practitioner, w.small)
    book(w, w.colleague, w.small)
    waiting = book(w, w.other_practitioner, w.small)
    TrainingSession.objects.filter(pk=w.small.pk).update(capacity=5)
    promoted = services.fill_from_waiting_list(actor=w.business_team, session=w.small)
    assert promoted == [waiting]
    w.small.refresh_from_db()
    assert w.small.booked_count == 3
    assert services.fill_from_waiting_list(actor=w.business_team, session=w.small) == []


def test_an_agency_lead_books_named_staff_of_their_agency(w, mailoutbox, django_capture_on_commit_callbacks):
    book(w, w.colleague)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.book_staff(
            actor=w.agency_lead, session=w.coming, people=[w.practitioner, w.colleague]
        )
    assert (result.booked, result.waitlisted, result.already) == ([w.practitioner], [], [w.colleague])
    booking = Booking.objects.get(session=w.coming, person=w.practitioner)
    assert (booking.booked_by, booking.agency) == (w.agency_lead, w.agency)
    (message,) = mailoutbox
    assert message.to == [w.practitioner.email]
    assert f"booked for you by {w.agency_lead}" in message.body


def test_an_agency_lead_cannot_book_another_agencys_staff(w):
    with pytest.raises(ValidationError) as error:
        services.book_staff(
            actor=w.agency_lead, session=w.coming, people=[w.practitioner, w.other_practitioner]
        )
    assert refusal(error) == services.NOT_YOUR_STAFF.format(person=w.other_practitioner)
    assert not Booking.objects.filter(session=w.coming).exists()


def test_staff_beyond_the_places_left_join_the_waiting_list(w):
    result = services.book_staff(
        actor=w.business_team, session=w.small, people=[w.practitioner, w.colleague, w.other_practitioner]
    )
    assert (result.booked, result.waitlisted) == ([w.practitioner, w.colleague], [w.other_practitioner])


def test_booking_no_one_or_onto_a_past_session_is_refused(w):
    with pytest.raises(ValidationError) as error:
        services.book_staff(actor=w.agency_lead, session=w.coming, people=[])
    assert refusal(error) == services.NO_ONE_CHOSEN
    with pytest.raises(ValidationError) as error:
        services.book_staff(actor=w.agency_lead, session=w.past, people=[w.practitioner])
    assert refusal(error) == services.SESSION_PAST
