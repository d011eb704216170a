"""Pages of multi-agency audits, under the partnership's assurance (/assurance/audits/)."""

from django.urls import path

from masa.case_audits import views

app_name = "case_audits"

p = "p/<slug:slug>/assurance/audits/"
a = p + "<uuid:uuid>/"
t = p + "tools/<uuid:tool>/"
urlpatterns = [
    path(p, views.audit_list, name="audit_list"),
    path(p + "register.xlsx", views.register_export, name="register_export"),
    path(p + "new/", views.audit_open, name="audit_open"),
    path(p + "tools/new/", views.tool_create, name="tool_create"),
    path(t, views.tool_detail, name="tool_detail"),
    path(t + "questions/add/", views.question_save, name="question_add"),
    path(t + "questions/<uuid:question>/", views.question_save, name="question_edit"),
    path(t + "grades/<uuid:grade>/", views.grade_edit, name="grade_edit"),
    path(p + "parts/<uuid:part>/", views.part_detail, name="part_detail"),
    path(p + "parts/<uuid:part>/reopen/", views.part_reopen, name="part_reopen"),
    path(a, views.audit_detail, name="audit_detail"),
    path(a + "results.xlsx", views.audit_export, name="audit_export"),
    path(a + "summary.docx", views.audit_summary, name="audit_summary"),
    path(a + "cases/add/", views.case_add, name="case_add"),
    path(a + "cases/<uuid:case>/remove/", views.case_remove, name="case_remove"),
    path(a + "cases/<uuid:case>/moderate/", views.case_moderate, name="case_moderate"),
    path(a + "advance/", views.audit_advance, name="audit_advance"),
    path(a + "findings/add/", views.finding_add, name="finding_add"),
    path(a + "findings/<uuid:finding>/remove/", views.finding_remove, name="finding_remove"),
    path(a + "complete/", views.audit_complete, name="audit_complete"),
]
