"""Pages of the indicator catalogue, data calls and dashboards."""

app_name = "indicators"

urlpatterns: list = []
