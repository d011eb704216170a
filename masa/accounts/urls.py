from django.urls import path

from masa.accounts import views

app_name = "accounts"

urlpatterns = [
    path("p/<slug:slug>/sections/<slug:section>/", views.section, name="section"),
    path("p/<slug:slug>/users/", views.user_list, name="user_list"),
    path("p/<slug:slug>/users/invite/", views.invite, name="invite"),
    path("p/<slug:slug>/users/<uuid:uuid>/", views.membership_edit, name="membership_edit"),
    path(
        "p/<slug:slug>/invitations/<uuid:uuid>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("account/", views.profile, name="profile"),
    path("account/tokens/add/", views.api_token_create, name="api_token_create"),
    path("account/tokens/<uuid:uuid>/revoke/", views.api_token_revoke, name="api_token_revoke"),
]
