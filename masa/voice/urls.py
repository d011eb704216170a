"""Pages of the voice of children and families, in the partnership's learning, and the public
"You said, we did" page beside the public learning page."""

from django.urls import path

from masa.voice import views

app_name = "voice"

p = "p/<slug:slug>/learning/voice/"
a = p + "<uuid:uuid>/"
e = a + "entries/<uuid:item>/"
urlpatterns = [
    path(p, views.activity_list, name="activity_list"),
    path(p + "new/", views.activity_create, name="activity_create"),
    path(p + "voice.xlsx", views.voice_export, name="voice_export"),
    path(a, views.activity_detail, name="activity_detail"),
    path(a + "edit/", views.activity_edit, name="activity_edit"),
    path(a + "entries/add/", views.entry_save, name="entry_add"),
    path(e, views.entry_save, name="entry_edit"),
    path(e + "publish/", views.entry_publish, name="entry_publish"),
    path(e + "withdraw/", views.entry_withdraw, name="entry_withdraw"),
    path("partnerships/<slug:slug>/you-said-we-did/", views.public_page, name="public_page"),
]
