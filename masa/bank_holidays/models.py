"""One-off bank holidays in England and Wales that an administrator adds without a release.

A later one-off holiday (like 19 September 2022) must be addable by an administrator
(docs/domain.md, "2. Working days and how counting works").
Every clock in masa counts them (masa.bank_holidays.selectors.current_calendar).
"""

from django.conf import settings
from django.db import models

from masa.core.dates import long_date
from masa.core.models import TimestampedModel


class ExtraBankHoliday(TimestampedModel):
    date = models.DateField(unique=True)
    name = models.CharField(max_length=100, help_text="For example, the coronation of King Charles III")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["date"]
        verbose_name = "extra bank holiday"

    def __str__(self) -> str:
        return f"{self.name} ({long_date(self.date)})"
