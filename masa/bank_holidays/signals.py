"""Drop the cached working calendar whenever a one-off bank holiday is saved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from masa.bank_holidays.models import ExtraBankHoliday
from masa.bank_holidays.selectors import invalidate_calendar


@receiver(post_save, sender=ExtraBankHoliday, dispatch_uid="bank_holidays_saved")
@receiver(post_delete, sender=ExtraBankHoliday, dispatch_uid="bank_holidays_deleted")
def holiday_changed(**kwargs: object) -> None:
    invalidate_calendar()
