"""The action tracker's pages. The names are fixed: benchmarks and other apps reverse them."""

from django.urls import path

from masa.actions import views

app_name = "actions"

p = "p/<slug:slug>/"
a = p + "actions/<uuid:uuid>/"
urlpatterns = [
    path("actions/mine/", views.my_actions, name="my_actions"),
    path(p + "actions/", views.action_list, name="action_list"),
    path(p + "actions.xlsx", views.action_log_xlsx, name="action_log_xlsx"),
    path(p + "actions/overdue/", views.overdue, name="overdue"),
    path(p + "actions/change/", views.action_bulk, name="action_bulk"),
    path(p + "actions/import/", views.action_import, name="action_import"),
    path(p + "actions/import/template.xlsx", views.action_import_template, name="action_import_template"),
    path(p + "actions/settings/", views.action_settings, name="action_settings"),
    path(p + "groups/<uuid:uuid>/actions/", views.group_actions, name="group_actions"),
    path(a, views.action_detail, name="action_detail"),
    path(a + "update/", views.action_update, name="action_update"),
    path(a + "evidence/", views.action_evidence, name="action_evidence"),
    path(a + "close/", views.action_close, name="action_close"),
    path(a + "reopen/", views.action_reopen, name="action_reopen"),
    path(a + "change/", views.action_change, name="action_change"),
    path(a + "withdraw/", views.action_withdraw, name="action_withdraw"),
    path(a + "download/<uuid:evidence_uuid>/", views.evidence_download, name="evidence_download"),
]
