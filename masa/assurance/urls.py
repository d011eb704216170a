"""Pages of the partnership's assurance: the inspections register (Section 11, audits, assurance
requests and the effectiveness review will sit beside it under /assurance/)."""

from django.urls import path

from masa.assurance import views, views_requests, views_section11

app_name = "assurance"

p = "p/<slug:slug>/assurance/"
i = p + "inspections/<uuid:uuid>/"
urlpatterns = [
    path(p + "inspections/", views.inspection_list, name="inspection_list"),
    path(p + "inspections/register.xlsx", views.inspection_export, name="inspection_export"),
    path(p + "inspections/summary.docx", views.inspection_summary, name="inspection_summary"),
    path(p + "inspections/new/", views.inspection_create, name="inspection_create"),
    path(i, views.inspection_detail, name="inspection_detail"),
    path(i + "edit/", views.inspection_edit, name="inspection_edit"),
    path(i + "judgements/add/", views.judgement_save, name="judgement_add"),
    path(i + "judgements/<uuid:item>/", views.judgement_save, name="judgement_edit"),
    path(i + "findings/add/", views.finding_save, name="finding_add"),
    path(i + "findings/<uuid:item>/", views.finding_save, name="finding_edit"),
]

# Section 11 and Section 175 self-assessments (views_section11.py).
s = p + "section-11/"
urlpatterns += [
    path(s, views_section11.section11_home, name="section11_home"),
    path(s + "sets/new/", views_section11.set_from_default, name="set_from_default"),
    path(s + "sets/<uuid:standards_set>/", views_section11.set_detail, name="set_detail"),
    path(s + "sets/<uuid:standards_set>/standards/add/", views_section11.standard_save, name="standard_add"),
    path(
        s + "sets/<uuid:standards_set>/standards/<uuid:standard>/",
        views_section11.standard_save,
        name="standard_edit",
    ),
    path(
        s + "sets/<uuid:standards_set>/standards/<uuid:standard>/move/",
        views_section11.standard_move,
        name="standard_move",
    ),
    path(s + "cycles/new/", views_section11.cycle_open, name="cycle_open"),
    path(s + "cycles/<uuid:cycle>/", views_section11.cycle_detail, name="cycle_detail"),
    path(s + "cycles/<uuid:cycle>/results.xlsx", views_section11.cycle_export, name="cycle_export"),
    path(s + "cycles/<uuid:cycle>/summary.docx", views_section11.cycle_summary, name="cycle_summary"),
    path(s + "returns/<uuid:ret>/", views_section11.return_detail, name="return_detail"),
    path(s + "returns/<uuid:ret>/improvements/add/", views_section11.improvement_add, name="improvement_add"),
    path(
        s + "returns/<uuid:ret>/improvements/<uuid:item>/remove/",
        views_section11.improvement_remove,
        name="improvement_remove",
    ),
    path(s + "returns/<uuid:ret>/reopen/", views_section11.return_reopen, name="return_reopen"),
    path(s + "returns/<uuid:ret>/challenge/", views_section11.return_challenge, name="return_challenge"),
    path(s + "returns/<uuid:ret>/evidence/add/", views_section11.evidence_add, name="evidence_add"),
    path(
        s + "returns/<uuid:ret>/evidence/<uuid:item>/",
        views_section11.evidence_download,
        name="evidence_download",
    ),
    path(
        s + "returns/<uuid:ret>/evidence/<uuid:item>/remove/",
        views_section11.evidence_remove,
        name="evidence_remove",
    ),
]

# Assurance requests (masa/assurance/views_requests.py).
r = p + "requests/<uuid:uuid>/"
urlpatterns += [
    path(p + "requests/", views_requests.request_list, name="request_list"),
    path(p + "requests/register.xlsx", views_requests.request_export, name="request_export"),
    path(p + "requests/summary.docx", views_requests.request_summary, name="request_summary"),
    path(p + "requests/new/", views_requests.request_create, name="request_create"),
    path(r, views_requests.request_detail, name="request_detail"),
    path(r + "edit/", views_requests.request_edit, name="request_edit"),
    path(r + "report/", views_requests.report_send, name="request_report"),
    path(r + "report/download/", views_requests.report_download, name="request_report_download"),
    path(r + "judgement/", views_requests.judgement_record, name="request_judgement"),
    path(r + "withdraw/", views_requests.request_withdraw, name="request_withdraw"),
]
