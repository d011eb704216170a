from django.urls import path  # noqa: F401

from masa.governance import views  # noqa: F401

app_name = "governance"

urlpatterns: list = []
