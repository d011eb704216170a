"""Pages of learning reviews, themes and 7-minute briefings."""

app_name = "reviews"

urlpatterns: list = []
