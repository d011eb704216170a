from django.apps import AppConfig


class CalendarAdminConfig(AppConfig):
    name = "masa.calendar_admin"
    label = "calendar_admin"
    verbose_name = "One-off bank holidays"

    def ready(self) -> None:
        from masa.calendar_admin import signals  # noqa: F401 (connects the cache invalidation)
