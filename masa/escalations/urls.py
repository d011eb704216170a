"""Pages of professional escalations, under the partnership's assurance (/assurance/escalations/)."""

from django.urls import path

from masa.escalations import views

app_name = "escalations"

p = "p/<slug:slug>/assurance/escalations/"
e = p + "<uuid:uuid>/"
urlpatterns = [
    path(p, views.escalation_list, name="escalation_list"),
    path(p + "new/", views.escalation_raise, name="escalation_raise"),
    path(p + "register.xlsx", views.register_export, name="register_export"),
    path(p + "figures/", views.escalation_figures, name="escalation_figures"),
    path(p + "figures.xlsx", views.figures_export, name="figures_export"),
    path(e, views.escalation_detail, name="escalation_detail"),
    path(e + "stage/", views.escalation_advance, name="escalation_advance"),
    path(e + "resolve/", views.escalation_resolve, name="escalation_resolve"),
    path(e + "follow-up/", views.follow_up_add, name="follow_up_add"),
]
