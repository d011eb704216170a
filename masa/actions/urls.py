from django.urls import path  # noqa: F401

from masa.actions import views  # noqa: F401

app_name = "actions"

urlpatterns: list = []
