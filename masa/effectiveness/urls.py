"""Pages of the partnership effectiveness review, under the partnership's assurance."""

from django.urls import path

from masa.effectiveness import views

app_name = "effectiveness"

p = "p/<slug:slug>/assurance/effectiveness/"
r = p + "<uuid:uuid>/"
urlpatterns = [
    path(p, views.review_list, name="review_list"),
    path(p + "new/", views.review_create, name="review_create"),
    path(r, views.review_detail, name="review_detail"),
    path(r + "edit/", views.review_edit, name="review_edit"),
    path(r + "review.xlsx", views.review_export, name="review_export"),
    path(r + "summary.docx", views.review_summary, name="review_summary"),
    path(r + "principles/<uuid:principle>/", views.assessment_save, name="assessment_save"),
    path(r + "findings/add/", views.finding_save, name="finding_add"),
    path(r + "findings/<uuid:item>/", views.finding_save, name="finding_edit"),
    path(r + "findings/<uuid:item>/response/", views.response_save, name="response_save"),
    path(r + "publish/", views.review_publish, name="review_publish"),
    path(r + "reopen/", views.review_reopen, name="review_reopen"),
]
