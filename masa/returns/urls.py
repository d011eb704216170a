"""Pages for statutory returns under /p/<slug>/returns/."""

from django.urls import path

from masa.returns import views

app_name = "returns"

r = "p/<slug:slug>/returns/"
urlpatterns = [
    path(r, views.return_list, name="return_list"),
    path(r + "upload/", views.return_upload, name="return_upload"),
    path(r + "imports/<uuid:import_uuid>/", views.import_detail, name="import_detail"),
    path(r + "jobs/<uuid:job_uuid>/", views.job_detail, name="job_detail"),
    path(r + "jobs/<uuid:job_uuid>/confirm/", views.job_confirm, name="job_confirm"),
    path(r + "jobs/<uuid:job_uuid>/status.json", views.job_status, name="job_status"),
    path(r + "population/", views.population_list, name="population_list"),
    path(r + "population/add/", views.population_add, name="population_add"),
    path(r + "population/<uuid:population_uuid>/", views.population_change, name="population_change"),
]
