"""The register (docs/domain.md, "21.4 The register and charges"): the services that mark
attendance and correct it, and the register page, including every refusal."""

import re
from datetime import timedelta
from decimal import Decimal
from html import unescape

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from masa.training.models import (
    Attendance,
    Booking,
    BookingStatus,
    Charge,
    ChargePolicy,
    Course,
    TrainingPolicy,
    TrainingSession,
)
from masa.training.services.register import correct_attendance, mark_field, record_attendance


def book(w, session, person, agency=None, status=BookingStatus.BOOKED) -> Booking:
    booking = Booking.objects.create(
        partnership=w.partnership,
        session=session,
        person=person,
        agency=agency or w.agency,
        booked_by=person,
        status=status,
        requested_at=timezone.now(),
    )
    if status == BookingStatus.BOOKED:
        TrainingSession.objects.filter(pk=session.pk).update(booked_count=F("booked_count") + 1)
    return booking


def url(name: str, w, *args) -> str:
    return reverse(f"training:{name}", args=[w.partnership.slug, *args])


def text_of(response) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def messages_of(error: ValidationError) -> list[str]:
    return [m for messages in error.message_dict.values() for m in messages]


@pytest.fixture
def booked(w):
    """Three people booked on last week's session: two of `agency`, one of `other_agency`."""
    return [
        book(w, w.past, w.practitioner),
        book(w, w.past, w.colleague),
        book(w, w.past, w.other_practitioner, w.other_agency),
    ]


# The services ------------------------------------------------------------------------------


def test_the_register_marks_each_person_and_charges_a_no_show(w, booked):
    first, second, third = booked
    came = record_attendance(
        actor=w.business_team,
        session=w.past,
        marks={first.pk: Attendance.ATTENDED, second.pk: Attendance.LATE, third.pk: Attendance.NO_SHOW},
    )
    assert came == [first, second]
    for booking in booked:
        booking.refresh_from_db()
        assert booking.attendance_by == w.business_team and booking.attendance_at is not None
    charge = Charge.objects.get()
    assert (charge.booking, charge.agency, charge.amount) == (third, w.other_agency, w.policy.no_show_charge)
    assert charge.charged_on == timezone.localdate()


def test_a_register_marked_twice_is_refused_naming_the_person_and_nothing_changes(w, booked):
    first, second, _ = booked
    record_attendance(actor=w.business_team, session=w.past, marks={first.pk: Attendance.ATTENDED})
    with pytest.raises(ValidationError) as refused:
        record_attendance(
            actor=w.business_team,
            session=w.past,
            marks={first.pk: Attendance.NO_SHOW, second.pk: Attendance.ATTENDED},
        )
    assert refused.value.message_dict[mark_field(first)] == [
        f"{w.practitioner}'s attendance is already recorded as attended: "
        "correct it instead of marking it again"
    ]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.attendance, second.attendance) == (Attendance.ATTENDED, "")
    assert not Charge.objects.exists()


def test_the_register_is_refused_before_the_day_and_for_a_cancelled_session(w):
    coming = book(w, w.coming, w.practitioner)
    day = timezone.localtime(w.coming.starts_at)
    with pytest.raises(ValidationError) as refused:
        record_attendance(actor=w.business_team, session=w.coming, marks={coming.pk: Attendance.ATTENDED})
    assert messages_of(refused.value) == [
        f"You can take the register from {day.day} {day:%B %Y}, the day of the session"
    ]
    cancelled = book(w, w.cancelled, w.colleague)
    with pytest.raises(ValidationError) as refused:
        record_attendance(
            actor=w.business_team, session=w.cancelled, marks={cancelled.pk: Attendance.NO_SHOW}
        )
    assert messages_of(refused.value) == ["The session was cancelled: there is no register to take"]
    assert not Booking.objects.exclude(attendance="").exists()


def test_the_register_opens_on_the_sessions_day(w):
    today = TrainingSession.objects.get(pk=w.coming.pk)  # a copy: the world's rows stay as built
    today.starts_at = timezone.localtime().replace(hour=23, minute=0)
    today.ends_at = today.starts_at + timedelta(minutes=30)
    today.save()
    booking = book(w, today, w.practitioner)
    assert record_attendance(actor=w.business_team, session=today, marks={booking.pk: Attendance.ATTENDED})


def test_unknown_attendance_another_sessions_booking_and_waiting_list_are_refused(w, booked):
    first = booked[0]
    with pytest.raises(ValidationError) as refused:
        record_attendance(actor=w.business_team, session=w.past, marks={first.pk: "present"})
    assert messages_of(refused.value) == [
        f"Select whether {w.practitioner} attended, attended late or did not attend"
    ]
    elsewhere = book(w, w.coming, w.colleague)
    waiting = book(w, w.past, w.other_agency_lead, status=BookingStatus.WAITLISTED)
    for stray in (elsewhere, waiting):
        with pytest.raises(ValidationError) as refused:
            record_attendance(
                actor=w.business_team,
                session=w.past,
                marks={first.pk: Attendance.ATTENDED, stray.pk: Attendance.ATTENDED},
            )
        assert messages_of(refused.value) == ["The register lists only the people booked on this session"]
    with pytest.raises(ValidationError):
        record_attendance(actor=w.business_team, session=w.past, marks={})
    assert not Booking.objects.exclude(attendance="").exists()


def test_a_free_course_or_a_nil_policy_charges_nothing(w, booked):
    Course.objects.filter(pk=w.course.pk).update(charge_policy=ChargePolicy.FREE)
    record_attendance(actor=w.business_team, session=w.past, marks={booked[0].pk: Attendance.NO_SHOW})
    Course.objects.filter(pk=w.course.pk).update(charge_policy=ChargePolicy.STANDARD)
    TrainingPolicy.objects.filter(pk=w.policy.pk).update(no_show_charge=Decimal("0.00"))
    record_attendance(actor=w.business_team, session=w.past, marks={booked[1].pk: Attendance.NO_SHOW})
    assert not Charge.objects.exists()


def test_a_correction_needs_a_reason_and_a_no_show_corrected_to_attended_is_waived(w, booked):
    first = booked[0]
    record_attendance(actor=w.business_team, session=w.past, marks={first.pk: Attendance.NO_SHOW})
    with pytest.raises(ValidationError) as refused:
        correct_attendance(actor=w.business_team, booking=first, attendance=Attendance.ATTENDED, reason="  ")
    assert refused.value.message_dict == {"reason": ["Enter why the attendance is corrected"]}
    with pytest.raises(ValidationError) as refused:
        correct_attendance(actor=w.business_team, booking=first, attendance="maybe", reason="Signed in late")
    assert "attendance" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        correct_attendance(actor=w.business_team, booking=first, attendance=Attendance.NO_SHOW, reason="x")
    assert refused.value.message_dict["attendance"] == [
        f"{w.practitioner}'s attendance is already recorded as did not attend"
    ]
    assert Charge.objects.get().waived_at is None

    correct_attendance(
        actor=w.business_team,
        booking=first,
        attendance=Attendance.LATE,
        reason="Signed the paper register late",
    )
    first.refresh_from_db()
    charge = Charge.objects.get()
    assert first.attendance == Attendance.LATE
    assert charge.waived_at is not None and charge.waived_by == w.business_team
    assert charge.waiver_reason == "Signed the paper register late"
    entry = LogEntry.objects.get_for_object(first).order_by("-timestamp").first()
    assert entry.additional_data["reason"] == "Signed the paper register late"


def test_an_attendee_corrected_to_a_no_show_is_charged_and_unmarked_cannot_be_corrected(w, booked):
    first, second, _ = booked
    with pytest.raises(ValidationError) as refused:
        correct_attendance(actor=w.business_team, booking=first, attendance=Attendance.NO_SHOW, reason="x")
    assert refused.value.message_dict["attendance"] == [
        f"{w.practitioner}'s attendance is not recorded yet: take the register instead"
    ]
    record_attendance(actor=w.business_team, session=w.past, marks={second.pk: Attendance.ATTENDED})
    correct_attendance(
        actor=w.business_team, booking=second, attendance=Attendance.NO_SHOW, reason="Left after ten minutes"
    )
    assert Charge.objects.get().booking == second


# The pages ---------------------------------------------------------------------------------


def test_only_the_coordinator_takes_the_register(client, w, other, booked):
    page = url("register", w, w.past.uuid)
    for user in (w.agency_lead, w.practitioner, w.lsp, w.chair):
        client.force_login(user)
        assert client.get(page).status_code == 403
    client.force_login(other.business_team)
    assert client.get(page).status_code == 404
    client.force_login(w.business_team)
    assert client.get(url("register", w, other.past.uuid)).status_code == 404


def test_the_coordinator_takes_the_register_with_a_no_show(client, w, booked):
    first, second, third = booked
    client.force_login(w.business_team)
    page = client.get(url("register", w, w.past.uuid))
    assert page.status_code == 200
    text = text_of(page)
    assert (
        f"{w.practitioner} ({w.agency.name})" in text
        and f"{w.other_practitioner} ({w.other_agency.name})" in text
    )
    assert "records the register for the trainer" in text
    response = client.post(
        url("register", w, w.past.uuid),
        {mark_field(first): "attended", mark_field(second): "late", mark_field(third): "no_show"},
    )
    assert response.status_code == 302
    after = text_of(client.get(response.url))
    assert "The register is saved: 2 attended, 1 did not attend" in after
    assert "Did not attend £50.00" in after and "Attended, late None" in after
    assert Charge.objects.get().booking == third


def test_the_register_form_keeps_answers_and_names_who_is_missing(client, w, booked):
    first, second, third = booked
    client.force_login(w.business_team)
    response = client.post(
        url("register", w, w.past.uuid), {mark_field(first): "attended", mark_field(second): "present"}
    )
    assert response.status_code == 400
    text = text_of(response)
    assert f"Select whether {w.colleague} attended, attended late or did not attend" in text
    assert f"Select whether {w.other_practitioner} attended, attended late or did not attend" in text
    assert re.search(r'value="attended"[^>]*checked', response.content.decode())
    assert not Booking.objects.exclude(attendance="").exists()


def test_the_register_page_says_when_it_opens_and_refuses_a_cancelled_session(client, w):
    book(w, w.coming, w.practitioner)
    cancelled = book(w, w.cancelled, w.colleague)
    client.force_login(w.business_team)
    day = timezone.localtime(w.coming.starts_at)
    text = text_of(client.get(url("register", w, w.coming.uuid)))
    assert f"You can take the register from {day.day} {day:%B %Y}, the day of the session" in text
    assert "Save the register" not in text
    response = client.post(url("register", w, w.cancelled.uuid), {mark_field(cancelled): "no_show"})
    assert response.status_code == 400
    assert "The session was cancelled: there is no register to take" in text_of(response)


def test_a_register_posted_twice_is_refused_on_the_page(client, w, booked):
    first = booked[0]
    client.force_login(w.business_team)
    client.post(url("register", w, w.past.uuid), {mark_field(b): "attended" for b in booked})
    # A second post (a second tab, a double submit) is refused by name and marks nobody again.
    response = client.post(url("register", w, w.past.uuid), {mark_field(first): "no_show"})
    assert response.status_code == 400
    assert f"{w.practitioner}'s attendance is already recorded as attended" in text_of(response)
    first.refresh_from_db()
    assert first.attendance == Attendance.ATTENDED and not Charge.objects.exists()


def test_the_coordinator_corrects_a_no_show_with_a_reason(client, w, booked):
    first = booked[0]
    record_attendance(actor=w.business_team, session=w.past, marks={first.pk: Attendance.NO_SHOW})
    client.force_login(w.business_team)
    page = url("attendance_correct", w, w.past.uuid, first.uuid)
    assert client.get(page).status_code == 200
    response = client.post(page, {"attendance": "attended", "reason": ""})
    assert response.status_code == 400
    assert "Enter why the attendance is corrected" in text_of(response)
    response = client.post(page, {"attendance": "attended", "reason": "On the paper sign-in sheet"})
    assert response.status_code == 302
    assert f"{w.practitioner}'s attendance is corrected to attended" in text_of(client.get(response.url))
    assert Charge.objects.get().waiver_reason == "On the paper sign-in sheet"
    elsewhere = book(w, w.coming, w.colleague)
    assert client.get(url("attendance_correct", w, w.past.uuid, elsewhere.uuid)).status_code == 404


def test_the_registers_to_take_list_sessions_held_with_people_not_yet_marked(client, w, booked):
    book(w, w.coming, w.practitioner)
    book(w, w.cancelled, w.colleague)
    client.force_login(w.business_team)
    text = text_of(client.get(url("register_list", w)))
    day = timezone.localtime(w.past.starts_at)
    assert "1 register to take" in text and f"{day.day} {day:%B %Y} 3" in text
    record_attendance(
        actor=w.business_team, session=w.past, marks={b.pk: Attendance.ATTENDED for b in booked}
    )
    assert "Every register is taken." in text_of(client.get(url("register_list", w)))
    client.force_login(w.agency_lead)
    assert client.get(url("register_list", w)).status_code == 403
