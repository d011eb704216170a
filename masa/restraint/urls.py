"""Pages of restraint and use of force, under the partnership's assurance."""

from django.urls import path

from masa.restraint import views

app_name = "restraint"

p = "p/<slug:slug>/assurance/restraint/"
e = p + "<uuid:uuid>/"
urlpatterns = [
    path(p, views.restraint_home, name="home"),
    path(p + "types/", views.type_list, name="type_list"),
    path(e, views.establishment_detail, name="establishment_detail"),
    path(e + "figures.xlsx", views.figures_export, name="figures_export"),
    path(e + "quarters/add/", views.quarter_save, name="quarter_add"),
    path(e + "quarters/<uuid:item>/", views.quarter_detail, name="quarter_detail"),
    path(e + "quarters/<uuid:item>/edit/", views.quarter_save, name="quarter_edit"),
    path(e + "reviews/add/", views.review_save, name="review_add"),
    path(e + "reviews/<uuid:item>/", views.review_detail, name="review_detail"),
    path(e + "reviews/<uuid:item>/edit/", views.review_save, name="review_edit"),
    path(e + "reviews/<uuid:item>/review.docx", views.review_export, name="review_export"),
]
