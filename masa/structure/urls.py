from django.urls import path, re_path

from masa.structure import views

app_name = "structure"

p = "p/<slug:slug>/"
urlpatterns = [
    path(p + "structure/", views.structure, name="structure"),
    path(p + "agencies/", views.agency_list, name="agency_list"),
    path(p + "agencies/add/", views.agency_add, name="agency_add"),
    path(p + "agencies/<uuid:uuid>/edit/", views.agency_edit, name="agency_edit"),
    path(p + "people/", views.person_list, name="person_list"),
    path(p + "people/add/", views.person_add, name="person_add"),
    path(p + "people/<uuid:uuid>/edit/", views.person_edit, name="person_edit"),
    path(p + "groups/", views.group_list, name="group_list"),
    path(p + "groups/add/", views.group_add, name="group_add"),
    path(p + "groups/<uuid:uuid>/", views.group_detail, name="group_detail"),
    path(p + "groups/<uuid:uuid>/edit/", views.group_edit, name="group_edit"),
    path(p + "groups/<uuid:uuid>/members/add/", views.group_member_add, name="group_member_add"),
    path(
        p + "groups/<uuid:uuid>/members/<uuid:member_uuid>/remove/",
        views.group_member_remove,
        name="group_member_remove",
    ),
    path(p + "vision/", views.vision_edit, name="vision_edit"),
    re_path(
        r"^p/(?P<slug>[-\w]+)/(?P<kind>values|principles)/add/$",
        views.statement_add,
        name="statement_add",
    ),
    re_path(
        r"^p/(?P<slug>[-\w]+)/(?P<kind>values|principles)/(?P<uuid>[0-9a-f-]{36})/edit/$",
        views.statement_edit,
        name="statement_edit",
    ),
    path(p + "plans/", views.plan_list, name="plan_list"),
    path(p + "plans/add/", views.plan_add, name="plan_add"),
    path(p + "plans/<uuid:uuid>/edit/", views.plan_edit, name="plan_edit"),
    path(p + "plans/<uuid:uuid>/priorities/add/", views.priority_add, name="priority_add"),
    path(p + "priorities/<uuid:uuid>/edit/", views.priority_edit, name="priority_edit"),
    path(p + "priorities/<uuid:uuid>/objectives/add/", views.objective_add, name="objective_add"),
    path(p + "objectives/<uuid:uuid>/edit/", views.objective_edit, name="objective_edit"),
    path("partnerships/<slug:slug>/arrangements/", views.arrangements, name="arrangements"),
    path(
        "partnerships/<slug:slug>/arrangements.docx",
        views.arrangements_download,
        name="arrangements_docx",
    ),
]
