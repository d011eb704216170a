from datetime import date
from decimal import Decimal

from django.utils import timezone

from masa.training.charging import is_late_cancellation, quarter_of
from masa.training.models import Booking, BookingStatus, ChargePolicy, ChargeReason
from masa.training.services.charges import charge_booking
from tests.factories import SETUP


def test_a_cancellation_is_late_inside_the_cut_off():
    friday = date(2024, 3, 15)
    assert not is_late_cancellation(session_day=friday, cancelled_on=date(2024, 3, 10), cutoff_days=5)
    assert is_late_cancellation(session_day=friday, cancelled_on=date(2024, 3, 11), cutoff_days=5)
    assert is_late_cancellation(session_day=friday, cancelled_on=friday, cutoff_days=1)
    assert not is_late_cancellation(session_day=friday, cancelled_on=friday, cutoff_days=0)


def test_charges_fall_in_the_partnership_years_quarters():
    assert quarter_of(date(2024, 3, 31)) == "2023-24 Q4"
    assert quarter_of(date(2024, 4, 1)) == "2024-25 Q1"
    assert quarter_of(date(2023, 12, 1)) == "2023-24 Q3"
    assert quarter_of(date(2023, 9, 30)) == "2023-24 Q2"


def _booking(w) -> Booking:
    return Booking.objects.create(
        partnership=w.partnership,
        session=w.past,
        person=w.practitioner,
        agency=w.agency,
        booked_by=w.practitioner,
        status=BookingStatus.BOOKED,
        requested_at=timezone.now(),
    )


def test_a_no_show_is_charged_once_at_the_policys_amount(w):
    booking = _booking(w)
    w.policy.no_show_charge = Decimal("75.00")
    w.policy.save()
    charge = charge_booking(actor=SETUP, booking=booking, reason=ChargeReason.NO_SHOW, on=date(2024, 3, 1))
    assert charge is not None and (charge.amount, charge.agency) == (Decimal("75.00"), w.agency)
    again = charge_booking(actor=SETUP, booking=booking, reason=ChargeReason.NO_SHOW, on=date(2024, 3, 2))
    assert again is None
    assert booking.charge == charge


def test_a_free_course_is_never_charged(w):
    w.course.charge_policy = ChargePolicy.FREE
    w.course.save()
    booking = _booking(w)
    assert (
        charge_booking(actor=SETUP, booking=booking, reason=ChargeReason.NO_SHOW, on=date(2024, 3, 1)) is None
    )
