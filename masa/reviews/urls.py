"""Pages of learning reviews and themes."""

from django.urls import path

from masa.reviews import views

app_name = "reviews"

p = "p/<slug:slug>/"
r = p + "reviews/<uuid:uuid>/"
t = p + "learning/themes/"
urlpatterns = [
    path(p + "reviews/", views.review_list, name="review_list"),
    path(p + "reviews/new/", views.review_create, name="review_create"),
    path(r, views.review_detail, name="review_detail"),
    path(r + "edit/", views.review_edit, name="review_edit"),
    path(r + "report/", views.review_report, name="review_report"),
    path(r + "milestones/add/", views.milestone_save, name="milestone_add"),
    path(r + "milestones/<uuid:item>/", views.milestone_save, name="milestone_edit"),
    path(r + "questions/add/", views.question_save, name="question_add"),
    path(r + "questions/<uuid:item>/", views.question_save, name="question_edit"),
    path(r + "national/add/", views.national_recommendation_save, name="national_add"),
    path(r + "national/<uuid:item>/", views.national_recommendation_save, name="national_edit"),
    path(r + "findings/add/", views.finding_save, name="finding_add"),
    path(r + "findings/<uuid:item>/", views.finding_save, name="finding_edit"),
    path(r + "recommendations/add/", views.recommendation_save, name="recommendation_add"),
    path(r + "recommendations/<uuid:item>/", views.recommendation_save, name="recommendation_edit"),
    path(r + "recommendations/<uuid:item>/action/", views.recommendation_action_add, name="action_add"),
    path(t, views.theme_list, name="theme_list"),
    path(t + "new/", views.theme_create, name="theme_create"),
    path(t + "defaults/", views.theme_add_defaults, name="theme_add_defaults"),
    path(t + "<slug:theme>/", views.theme_detail, name="theme_detail"),
    path(t + "<slug:theme>/edit/", views.theme_edit, name="theme_edit"),
]
