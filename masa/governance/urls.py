from django.urls import path

from masa.governance import views

app_name = "governance"

p = "p/<slug:slug>/"
m = p + "meetings/<uuid:uuid>/"
item = m + "items/<uuid:item_uuid>/"
urlpatterns = [
    path(p + "meetings/", views.meeting_list, name="meeting_list"),
    path(p + "meetings/schedule/", views.meeting_schedule, name="meeting_schedule"),
    path(p + "meetings/compliance/", views.compliance, name="compliance"),
    path(m, views.meeting_detail, name="meeting_detail"),
    path(m + "edit/", views.meeting_edit, name="meeting_edit"),
    path(m + "invite.ics", views.meeting_invite, name="meeting_invite"),
    path(m + "minutes.docx", views.minutes_download, name="minutes_docx"),
    path(m + "pack.pdf", views.agenda_pack, name="agenda_pack"),
    path(m + "attendance/", views.attendance, name="attendance"),
    path(m + "apologies/", views.apologies_send, name="apologies_send"),
    path(m + "apologies/withdraw/", views.apologies_withdraw, name="apologies_withdraw"),
    path(m + "in-attendance/add/", views.guest_add, name="guest_add"),
    path(m + "in-attendance/<uuid:guest_uuid>/remove/", views.guest_remove, name="guest_remove"),
    path(m + "minutes/", views.minutes_edit, name="minutes_edit"),
    path(m + "minutes/<uuid:earlier_uuid>/approve/", views.minutes_approve, name="minutes_approve"),
    path(m + "items/add/", views.item_add, name="item_add"),
    path(item + "edit/", views.item_edit, name="item_edit"),
    path(item + "move/", views.item_move, name="item_move"),
    path(item + "remove/", views.item_remove, name="item_remove"),
    path(item + "papers/add/", views.paper_add, name="paper_add"),
    path(item + "decisions/add/", views.decision_add, name="decision_add"),
    path(item + "actions/add/", views.action_add, name="action_add"),
    path(m + "papers/<uuid:paper_uuid>/download/", views.paper_download, name="paper_download"),
    path(p + "groups/<uuid:uuid>/workplan/", views.workplan, name="workplan"),
    path(p + "groups/<uuid:uuid>/workplan/add/", views.workplan_add, name="workplan_add"),
    path(p + "groups/<uuid:uuid>/workplan/<uuid:item_uuid>/edit/", views.workplan_edit, name="workplan_edit"),
    path(p + "forward-plan/", views.forward_plan, name="forward_plan"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("account/calendar/", views.calendar_settings, name="calendar_settings"),
]
