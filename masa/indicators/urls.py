"""Pages of the indicator catalogue and data calls."""

from django.urls import path

from masa.indicators import views

app_name = "indicators"

p = "p/<slug:slug>/"
i = p + "indicators/<uuid:uuid>/"
c = p + "data-calls/"
s = c + "submissions/<uuid:uuid>/"
urlpatterns = [
    path(p + "indicators/", views.indicator_list, name="indicator_list"),
    path(p + "indicators/new/", views.indicator_create, name="indicator_create"),
    path(p + "indicators/add-dfe/", views.dfe_add, name="dfe_add"),
    path(p + "indicators/comparators/import/", views.comparators_import, name="comparators_import"),
    path(i, views.indicator_detail, name="indicator_detail"),
    path(i + "edit/", views.indicator_edit, name="indicator_edit"),
    path(i + "targets/add/", views.target_add, name="target_add"),
    path(i + "comparators/add/", views.comparator_add, name="comparator_add"),
    path(c, views.data_call_list, name="data_call_list"),
    path(c + "periods/new/", views.period_create, name="period_create"),
    path(c + "new/", views.data_call_create, name="data_call_create"),
    path(c + "<uuid:uuid>/", views.data_call_detail, name="data_call_detail"),
    path(c + "<uuid:uuid>/close/", views.data_call_close, name="data_call_close"),
    path(s, views.submission_detail, name="submission_detail"),
    path(s + "template.xlsx", views.submission_template, name="submission_template"),
    path(s + "upload/", views.submission_upload, name="submission_upload"),
    path(s + "approve/", views.submission_approve, name="submission_approve"),
    path(s + "return/", views.submission_return, name="submission_return"),
    path(s + "reopen/", views.submission_reopen, name="submission_reopen"),
]
