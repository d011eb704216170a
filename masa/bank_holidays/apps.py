from django.apps import AppConfig


class BankHolidaysConfig(AppConfig):
    name = "masa.bank_holidays"
    label = "bank_holidays"
    verbose_name = "One-off bank holidays"

    def ready(self) -> None:
        from masa.bank_holidays import signals  # noqa: F401 (connects the cache invalidation)
