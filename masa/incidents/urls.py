"""Pages of learning from reviews: serious incidents, notifications to the Panel, clocks."""

from django.urls import path

from masa.incidents import views

app_name = "incidents"

p = "p/<slug:slug>/"
i = p + "incidents/<uuid:uuid>/"
urlpatterns = [
    path(p + "incidents/", views.incident_list, name="incident_list"),
    path(p + "incidents/new/", views.incident_create, name="incident_create"),
    path(p + "incidents/settings/", views.incident_settings, name="incident_settings"),
    path(p + "clocks/", views.clocks_dashboard, name="clocks"),
    path(i, views.incident_detail, name="incident_detail"),
    path(i + "children/add/", views.child_add, name="child_add"),
    path(i + "children/<uuid:child_uuid>/change/", views.child_change, name="child_change"),
    path(i + "children/<uuid:child_uuid>/remove/", views.child_remove, name="child_remove"),
    path(i + "notify/", views.notify, name="notify"),
    path(i + "case-team/", views.case_team, name="case_team"),
    path(i + "rapid-review/", views.rapid_review, name="rapid_review"),
    path(i + "rapid-review/requests/add/", views.information_request_add, name="information_request_add"),
    path(
        i + "rapid-review/requests/<uuid:request_uuid>/received/",
        views.information_request_received,
        name="information_request_received",
    ),
    path(i + "rapid-review/meeting/", views.rapid_review_meeting, name="rapid_review_meeting"),
    path(i + "rapid-review/report/", views.rapid_review_report, name="rapid_review_report"),
    path(i + "rapid-review/sign-off/", views.rapid_review_sign_off, name="rapid_review_sign_off"),
    path(i + "rapid-review/submitted/", views.rapid_review_submitted, name="rapid_review_submitted"),
    path(i + "rapid-review/panel-response/", views.panel_response, name="panel_response"),
    path(i + "rapid-review/decision/", views.decision, name="decision"),
]
