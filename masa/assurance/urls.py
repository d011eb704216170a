"""Pages of the partnership's assurance: the inspections register (Section 11, audits, assurance
requests and the effectiveness review will sit beside it under /assurance/)."""

from django.urls import path

from masa.assurance import views

app_name = "assurance"

p = "p/<slug:slug>/assurance/"
i = p + "inspections/<uuid:uuid>/"
urlpatterns = [
    path(p + "inspections/", views.inspection_list, name="inspection_list"),
    path(p + "inspections/register.xlsx", views.inspection_export, name="inspection_export"),
    path(p + "inspections/new/", views.inspection_create, name="inspection_create"),
    path(i, views.inspection_detail, name="inspection_detail"),
    path(i + "edit/", views.inspection_edit, name="inspection_edit"),
    path(i + "judgements/add/", views.judgement_save, name="judgement_add"),
    path(i + "judgements/<uuid:item>/", views.judgement_save, name="judgement_edit"),
    path(i + "findings/add/", views.finding_save, name="finding_add"),
    path(i + "findings/<uuid:item>/", views.finding_save, name="finding_edit"),
]
