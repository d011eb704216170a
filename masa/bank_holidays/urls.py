"""Pages for administrators to manage one-off bank holidays."""

from django.urls import path

from masa.bank_holidays import views

app_name = "bank_holidays"

urlpatterns = [
    path("bank-holidays/", views.holiday_list, name="holiday_list"),
    path("bank-holidays/add/", views.holiday_add, name="holiday_add"),
    path("bank-holidays/<uuid:uuid>/remove/", views.holiday_remove, name="holiday_remove"),
]
