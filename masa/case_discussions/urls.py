"""Pages of local case discussions, under the partnership's learning (/learning/case-discussions/)."""

from django.urls import path

from masa.case_discussions import views

app_name = "case_discussions"

p = "p/<slug:slug>/learning/case-discussions/"
d = p + "<uuid:uuid>/"
urlpatterns = [
    path(p, views.discussion_list, name="discussion_list"),
    path(p + "register.xlsx", views.register_export, name="register_export"),
    path(p + "new/", views.discussion_record, name="discussion_record"),
    path(d, views.discussion_detail, name="discussion_detail"),
    path(d + "edit/", views.discussion_edit, name="discussion_edit"),
    path(d + "actions/add/", views.action_add, name="action_add"),
]
