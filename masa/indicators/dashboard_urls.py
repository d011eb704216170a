"""Pages of the performance dashboards: per priority and per group, charts, commentary, export."""

app_name = "dashboards"

urlpatterns: list = []
