"""Pages of independent scrutiny and the statement of assurance, under the partnership's assurance."""

from django.urls import path

from masa.scrutiny import views

app_name = "scrutiny"

p = "p/<slug:slug>/assurance/scrutiny/"
plan = p + "plans/<uuid:uuid>/"
s = "p/<slug:slug>/assurance/statements/"
urlpatterns = [
    path(p, views.overview, name="overview"),
    path(p + "plans/new/", views.plan_create, name="plan_create"),
    path(plan, views.plan_detail, name="plan_detail"),
    path(plan + "edit/", views.plan_edit, name="plan_edit"),
    path(plan + "plan.xlsx", views.plan_export, name="plan_export"),
    path(plan + "activities/add/", views.activity_save, name="activity_add"),
    path(plan + "activities/<uuid:item>/", views.activity_save, name="activity_edit"),
    path(plan + "activities/<uuid:item>/findings/add/", views.finding_add, name="finding_add"),
    path(p + "findings/<uuid:uuid>/", views.finding_edit, name="finding_edit"),
    path(p + "findings/<uuid:uuid>/response/", views.response_save, name="response_save"),
    path(p + "comments/new/", views.comment_save, name="comment_add"),
    path(p + "comments/<uuid:uuid>/", views.comment_save, name="comment_edit"),
    path(s, views.statement_list, name="statement_list"),
    path(s + "new/", views.statement_save, name="statement_create"),
    path(s + "<uuid:uuid>/", views.statement_detail, name="statement_detail"),
    path(s + "<uuid:uuid>/edit/", views.statement_save, name="statement_edit"),
    path(s + "<uuid:uuid>/sign-off/", views.statement_sign_off, name="statement_sign_off"),
    path(s + "<uuid:uuid>/statement.docx", views.statement_export, name="statement_export"),
]
