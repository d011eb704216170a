from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "masa.dashboards"
    label = "dashboards"
    verbose_name = "Home page and performance dashboards"
