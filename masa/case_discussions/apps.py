from django.apps import AppConfig


class CaseDiscussionsConfig(AppConfig):
    name = "masa.case_discussions"
    label = "case_discussions"
    verbose_name = "Local case discussions"

    def ready(self) -> None:
        # The theme pages list the discussions with their theme (docs/domain.md, "Local case
        # discussions"); reviews sits below this app, so the section is registered from here.
        from masa.case_discussions import theme_section  # noqa: F401
