"""The start page, each partnership's home page, and the performance dashboards: per priority and
per group, charts, commentary, export."""

from django.urls import path

from masa.dashboards import home_views, views

app_name = "dashboards"

urlpatterns = [
    path("", home_views.start, name="start"),
    path("p/<slug:slug>/", home_views.home, name="home"),
    path("p/<slug:slug>/dashboards/", views.index, name="index"),
    path("p/<slug:slug>/dashboards/export.xlsx", views.export, name="export"),
    path(
        "p/<slug:slug>/dashboards/priorities/<uuid:priority_uuid>/",
        views.priority_dashboard,
        name="priority",
    ),
    path("p/<slug:slug>/dashboards/groups/<uuid:group_uuid>/", views.group_dashboard, name="group"),
    path(
        "p/<slug:slug>/dashboards/indicators/<uuid:indicator_uuid>/",
        views.indicator_chart,
        name="indicator_chart",
    ),
    path(
        "p/<slug:slug>/dashboards/indicators/<uuid:indicator_uuid>/periods/<uuid:period_uuid>/commentary/",
        views.commentary_edit,
        name="commentary_edit",
    ),
]
