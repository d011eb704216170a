from django.urls import path

from masa.audit import views

app_name = "audit"

urlpatterns = [
    path("p/<slug:slug>/audit/", views.log, name="log"),
    path("p/<slug:slug>/audit.csv", views.log_csv, name="log_csv"),
]
