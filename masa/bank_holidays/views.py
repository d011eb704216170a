"""Administrators (superusers) list, add and remove one-off bank holidays; everyone else gets 403."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from masa.accounts.permissions import SignedInRequest, site_view
from masa.bank_holidays import selectors, services
from masa.bank_holidays.forms import BankHolidayForm
from masa.bank_holidays.rules import ADMINISTER_BANK_HOLIDAYS
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page

HOLIDAY_ADDED = "Bank holiday added: every clock now counts it"
HOLIDAY_REMOVED = "Bank holiday removed"


@site_view(ADMINISTER_BANK_HOLIDAYS)
def holiday_list(request: SignedInRequest) -> HttpResponse:
    holidays = list(selectors.bank_holiday_list())
    return render(request, "bank_holidays/holiday_list.html", {"holidays": holidays})


@site_view(ADMINISTER_BANK_HOLIDAYS)
def holiday_add(request: SignedInRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=BankHolidayForm,
        title="Add a one-off bank holiday",
        save=lambda data: services.bank_holiday_add(actor=request.user, day=data["day"], name=data["name"]),
        success_url=reverse("bank_holidays:holiday_list"),
        success_message=HOLIDAY_ADDED,
        back_url=reverse("bank_holidays:holiday_list"),
    )


@site_view(ADMINISTER_BANK_HOLIDAYS)
def holiday_remove(request: SignedInRequest, uuid: str) -> HttpResponse:
    holiday = found_or_404(selectors.bank_holiday_get(uuid), "No such bank holiday")
    if request.method == "POST":
        services.bank_holiday_remove(actor=request.user, holiday=holiday)
        messages.success(request, HOLIDAY_REMOVED)
        return redirect("bank_holidays:holiday_list")
    return render(request, "bank_holidays/holiday_remove.html", {"holiday": holiday})
