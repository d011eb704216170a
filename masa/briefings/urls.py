"""Pages of 7-minute briefings: writing, publishing, dissemination, the public learning page, and
the published learning every member reads inside masa, with who has read it."""

from django.urls import path

from masa.briefings import views as views

app_name = "briefings"

p = "p/<slug:slug>/briefings/"
b = p + "<uuid:uuid>/"
public = "partnerships/<slug:slug>/learning/"
learning = "p/<slug:slug>/learning/"
lb = learning + "briefings/<uuid:uuid>/"
lr = learning + "reviews/<uuid:uuid>/"
urlpatterns = [
    path(p, views.briefing_list, name="briefing_list"),
    path(p + "new/", views.briefing_create, name="briefing_create"),
    path(b, views.briefing_detail, name="briefing_detail"),
    path(b + "edit/", views.briefing_edit, name="briefing_edit"),
    path(b + "preview/", views.briefing_preview, name="briefing_preview"),
    path(b + "publish/", views.briefing_publish, name="briefing_publish"),
    path(b + "withdraw/", views.briefing_withdraw, name="briefing_withdraw"),
    path(b + "briefing.docx", views.briefing_docx_download, name="briefing_docx"),
    path(b + "briefing.pdf", views.briefing_pdf_download, name="briefing_pdf"),
    path(b + "dissemination/", views.dissemination, name="dissemination"),
    path(b + "dissemination/confirm/", views.dissemination_confirm, name="dissemination_confirm"),
    path(learning, views.learning, name="learning"),
    path(lb, views.learning_briefing, name="learning_briefing"),
    path(lb + "read/", views.learning_briefing_read, name="learning_briefing_read"),
    path(lr, views.learning_review, name="learning_review"),
    path(lr + "read/", views.learning_review_read, name="learning_review_read"),
    path(learning + "readers/", views.read_counts, name="read_counts"),
    path(public, views.public_learning, name="public_learning"),
    path(public + "briefings/<slug:briefing_slug>/", views.public_briefing, name="public_briefing"),
    path(
        public + "briefings/<slug:briefing_slug>.docx",
        views.public_briefing_docx,
        name="public_briefing_docx",
    ),
    path(
        public + "briefings/<slug:briefing_slug>.pdf", views.public_briefing_pdf, name="public_briefing_pdf"
    ),
    path(public + "reviews/<uuid:uuid>/report/", views.public_review_report, name="public_review_report"),
]
