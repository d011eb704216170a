"""Drop the cached working calendar whenever a one-off bank holiday is saved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from masa.calendar_admin.models import ExtraBankHoliday
from masa.calendar_admin.selectors import invalidate_calendar


@receiver(post_save, sender=ExtraBankHoliday, dispatch_uid="calendar_admin_saved")
@receiver(post_delete, sender=ExtraBankHoliday, dispatch_uid="calendar_admin_deleted")
def holiday_changed(**kwargs: object) -> None:
    invalidate_calendar()
