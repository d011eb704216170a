"""Pages of 7-minute briefings: writing, publishing, dissemination and the public learning page."""

app_name = "briefings"

urlpatterns: list = []
