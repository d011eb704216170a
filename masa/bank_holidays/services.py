"""Adding and removing one-off bank holidays (administrators only; the caller checks)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from masa.bank_holidays.models import ExtraBankHoliday
from masa.clocks.calendar import england_and_wales_holidays
from masa.core.actors import Actor, attributed, user_or_none
from masa.core.dates import long_date

NAME_NEEDED = "Enter the name of the bank holiday"
ALREADY_ADDED = "{day} is already recorded as a bank holiday"
ALREADY_A_HOLIDAY = "{day} is already a bank holiday: {name}"
WEEKEND = "A bank holiday must fall on a weekday: {day} is a {weekday}"


@attributed
@transaction.atomic
def bank_holiday_add(*, actor: Actor, day: date, name: str) -> ExtraBankHoliday:
    """Record a one-off England-and-Wales bank holiday; every clock counts it from now on."""
    name = name.strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = NAME_NEEDED
    if ExtraBankHoliday.objects.filter(date=day).exists():
        errors["day"] = ALREADY_ADDED.format(day=long_date(day))
    elif day.weekday() >= 5:
        errors["day"] = WEEKEND.format(day=long_date(day), weekday=f"{day:%A}")
    else:
        known = england_and_wales_holidays([day.year]).get(day)
        if known:
            errors["day"] = ALREADY_A_HOLIDAY.format(day=long_date(day), name=known)
    if errors:
        raise ValidationError(errors)
    return ExtraBankHoliday.objects.create(date=day, name=name, added_by=user_or_none(actor))


@attributed
@transaction.atomic
def bank_holiday_remove(*, actor: Actor, holiday: ExtraBankHoliday) -> None:
    holiday.delete()
