"""Charging an agency for a place not used (docs/domain.md, "21.4 The register and charges").

Booking (a late cancellation) and the register (a no-show) both charge through `charge_booking`,
so the amount always comes from the partnership's policy at the time and a booking is charged
at most once.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import long_date
from masa.training.models import Booking, Charge, ChargePolicy, ChargeReason, TrainingPolicy


def policy_for(partnership_id: int) -> TrainingPolicy:
    """The partnership's policy, created with masa's defaults the first time it is asked for."""
    policy, _created = TrainingPolicy.objects.get_or_create(partnership_id=partnership_id)
    return policy


def charge_amount(policy: TrainingPolicy, reason: str) -> Decimal:
    return policy.no_show_charge if reason == ChargeReason.NO_SHOW else policy.late_cancellation_charge


@attributed
@transaction.atomic
def charge_booking(*, actor: Actor, booking: Booking, reason: str, on: date) -> Charge | None:
    """Charge the booking's agency for it, by the policy; None when the course is never charged,
    the policy's amount is nothing, or the booking is already charged."""
    if booking.session.course.charge_policy == ChargePolicy.FREE:
        return None
    if Charge.objects.filter(booking=booking).exists():
        return None
    amount = charge_amount(policy_for(booking.partnership_id), reason)
    if amount <= 0:
        return None
    return Charge.objects.create(
        partnership_id=booking.partnership_id,
        booking=booking,
        agency_id=booking.agency_id,
        reason=reason,
        amount=amount,
        charged_on=on,
    )


# The charging policy and waivers -----------------------------------------------------------

MAX_CHARGE = Decimal("1000.00")
MAX_CUTOFF_DAYS = 90
FIRST_FOLLOW_UP_WEEK, LAST_FOLLOW_UP_WEEK = 1, 26
INVOICE_CONTACT_LENGTH = 200

CUTOFF_OUT_OF_RANGE = f"The cancellation cut-off must be a whole number of days from 0 to {MAX_CUTOFF_DAYS}"
CHARGE_OUT_OF_RANGE = "The {label} must be between £0 and £1,000"
CHARGE_PENNIES = "The {label} must be in pounds and pence, like 50 or 42.50"
FOLLOW_UP_OUT_OF_RANGE = (
    f"The weeks after the session to ask about impact must be from {FIRST_FOLLOW_UP_WEEK} to "
    f"{LAST_FOLLOW_UP_WEEK}"
)
CONTACT_TOO_LONG = f"Who agencies ask about charges must be {INVOICE_CONTACT_LENGTH} characters or fewer"
WAIVER_REASON_NEEDED = "Enter why the charge is waived"
ALREADY_WAIVED = "This charge was already waived on {day}: it cannot be waived again"


def amount_error(value: Decimal, label: str) -> str | None:
    """Why an amount of money is refused: out of £0 to £1,000, or finer than a penny."""
    if not MAX_CHARGE >= value >= 0:
        return CHARGE_OUT_OF_RANGE.format(label=label)
    if value != value.quantize(Decimal("0.01")):
        return CHARGE_PENNIES.format(label=label)
    return None


@attributed
@transaction.atomic
def policy_save(
    *,
    actor: Actor,
    partnership_id: int,
    cancellation_cutoff_days: int,
    no_show_charge: Decimal,
    late_cancellation_charge: Decimal,
    follow_up_weeks: int,
    invoice_contact: str = "",
) -> TrainingPolicy:
    """Change the partnership's charging policy. Charges already made keep their amounts: each
    charge holds its own (docs/domain.md, "21.4 The register and charges")."""
    errors: dict[str, str] = {}
    if not 0 <= cancellation_cutoff_days <= MAX_CUTOFF_DAYS:
        errors["cancellation_cutoff_days"] = CUTOFF_OUT_OF_RANGE
    for field, value, label in (
        ("no_show_charge", no_show_charge, "charge for a no-show"),
        ("late_cancellation_charge", late_cancellation_charge, "charge for a late cancellation"),
    ):
        problem = amount_error(value, label)
        if problem:
            errors[field] = problem
    if not FIRST_FOLLOW_UP_WEEK <= follow_up_weeks <= LAST_FOLLOW_UP_WEEK:
        errors["follow_up_weeks"] = FOLLOW_UP_OUT_OF_RANGE
    invoice_contact = invoice_contact.strip()
    if len(invoice_contact) > INVOICE_CONTACT_LENGTH:
        errors["invoice_contact"] = CONTACT_TOO_LONG
    if errors:
        raise ValidationError(errors)
    policy = policy_for(partnership_id)
    policy.cancellation_cutoff_days = cancellation_cutoff_days
    policy.no_show_charge = no_show_charge
    policy.late_cancellation_charge = late_cancellation_charge
    policy.follow_up_weeks = follow_up_weeks
    policy.invoice_contact = invoice_contact
    policy.save()
    return policy


def _waive(charge: Charge, *, actor: Actor, reason: str) -> Charge:
    charge.waived_at = timezone.now()
    charge.waived_by = user_or_none(actor)
    charge.waiver_reason = reason
    charge.change_reason = reason
    charge.save()
    return charge


@attributed
@transaction.atomic
def waive_charge(*, actor: Actor, charge: Charge, reason: str) -> Charge:
    """Waive a charge with the reason; the charge is kept, shown as waived at £0.00."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": WAIVER_REASON_NEEDED})
    charge = Charge.objects.select_for_update().get(pk=charge.pk)
    if charge.waived_at is not None:
        day = long_date(timezone.localtime(charge.waived_at))
        raise ValidationError({"reason": ALREADY_WAIVED.format(day=day)})
    return _waive(charge, actor=actor, reason=reason)


def waive_for_correction(*, actor: Actor, booking: Booking, reason: str) -> Charge | None:
    """The no-show charge of a booking whose register was corrected to attended, waived with the
    correction's reason (the caller holds the transaction); None when there was none to waive."""
    charge = Charge.objects.select_for_update().filter(booking=booking, waived_at__isnull=True).first()
    return _waive(charge, actor=actor, reason=reason) if charge else None
