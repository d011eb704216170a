"""Pages of learning from reviews: serious incidents, notifications to the Panel, clocks."""

from django.urls import path

from masa.learning import views

app_name = "learning"

p = "p/<slug:slug>/"
i = p + "incidents/<uuid:uuid>/"
urlpatterns = [
    path(p + "incidents/", views.incident_list, name="incident_list"),
    path(p + "incidents/new/", views.incident_create, name="incident_create"),
    path(p + "clocks/", views.clocks_dashboard, name="clocks"),
    path(i, views.incident_detail, name="incident_detail"),
    path(i + "children/add/", views.child_add, name="child_add"),
    path(i + "notify/", views.notify, name="notify"),
    path(i + "case-team/", views.case_team, name="case_team"),
    path(i + "rapid-review/submitted/", views.rapid_review_submitted, name="rapid_review_submitted"),
]
