"""Pages of the voice of children and families (thin: parse, call a service or selector, render).

An activity or entry outside the user's scope is 404 (masa/voice/selectors.py). The public page
needs no sign-in and shows published entries only, with nothing internal (no actions, no people).
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.access import public_view
from masa.core.downloads import XLSX_TYPE, file_response
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.partnership.models import Partnership
from masa.voice import selectors, services
from masa.voice.forms import ActivityForm, EntryForm, PublishForm, WithdrawForm
from masa.voice.models import AGE_BANDS, COUNT_FIELDS, GROUPS, EngagementActivity
from masa.voice.rules import MANAGE_VOICE, VIEW_UNPUBLISHED, VIEW_VOICE
from masa.voice.xlsx import voice_workbook

ACTIVITY_SAVED = "Activity saved"
ENTRY_SAVED = "Entry saved"
ENTRY_PUBLISHED = "Entry published on the public “You said, we did” page"
ENTRY_WITHDRAWN = "Entry taken off the public page"

_url = url_in("voice")


def _activity(request: PartnershipRequest, uuid: str) -> EngagementActivity:
    return found_or_404(selectors.activity_get(request.user, request.partnership, uuid))


@partnership_view(VIEW_VOICE)
def activity_list(request: PartnershipRequest) -> HttpResponse:
    user, partnership = request.user, request.partnership
    context = {
        "activities": list(selectors.activity_list(user, partnership)),
        "can_manage": user.has_perm(MANAGE_VOICE, partnership),
        "sees_unpublished": user.has_perm(VIEW_UNPUBLISHED, partnership),
    }
    return render(request, "voice/activity_list.html", context)


@partnership_view(VIEW_VOICE)
def activity_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    activity = _activity(request, uuid)
    user, partnership = request.user, request.partnership
    context = {
        "activity": activity,
        "entries": list(activity.entries.all()),
        "can_manage": user.has_perm(MANAGE_VOICE, partnership),
        "sees_unpublished": user.has_perm(VIEW_UNPUBLISHED, partnership),
    }
    return render(request, "voice/activity_detail.html", context)


@partnership_view(VIEW_UNPUBLISHED)
def voice_export(request: PartnershipRequest) -> HttpResponse:
    workbook = voice_workbook(
        selectors.activity_list(request.user, request.partnership), today=timezone.localdate()
    )
    return file_response(workbook, f"{request.partnership.slug}-you-said-we-did.xlsx", XLSX_TYPE)


def _activity_page(request: PartnershipRequest, activity: EngagementActivity | None) -> HttpResponse:
    initial: dict[str, Any] | None = None
    if activity is not None:
        fields = ("title", "held_on", "kind", "forum", "what_they_said", *COUNT_FIELDS)
        initial = {name: getattr(activity, name) for name in fields}

    def save(data: dict[str, Any]) -> EngagementActivity:
        counts = {field: data.pop(field) for field, _ in AGE_BANDS + GROUPS}
        return services.activity_save(
            actor=request.user, partnership=request.partnership, activity=activity, counts=counts, **data
        )

    return form_page(
        request,
        form_class=ActivityForm,
        initial=initial,
        title="Change the activity" if activity else "Record an engagement activity",
        caption=activity.title if activity else "Voice of children and families",
        save=save,
        success_url=lambda saved: _url("activity_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=ACTIVITY_SAVED,
        back_url=_url("activity_detail", request, activity.uuid)
        if activity
        else _url("activity_list", request),
    )


@partnership_view(MANAGE_VOICE)
def activity_create(request: PartnershipRequest) -> HttpResponse:
    return _activity_page(request, None)


@partnership_view(MANAGE_VOICE)
def activity_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    return _activity_page(request, _activity(request, uuid))


@partnership_view(MANAGE_VOICE)
def entry_save(request: PartnershipRequest, uuid: str, item: str | None = None) -> HttpResponse:
    activity = _activity(request, uuid)
    entry = found_or_404(selectors.entry_get(activity, item)) if item else None
    initial: dict[str, Any] | None = None
    if entry is not None:
        initial = {
            "you_said": entry.you_said,
            "we_did": entry.we_did,
            "status": entry.status,
            "actions": [a.pk for a in entry.actions.all()],
        }
    back = _url("activity_detail", request, activity.uuid)
    return form_page(
        request,
        form_class=EntryForm,
        form_kwargs={"actions": selectors.linkable_actions(request.partnership)},
        initial=initial,
        title="Change the entry" if entry else "Add a “you said, we did” entry",
        caption=activity.title,
        save=lambda data: services.entry_save(actor=request.user, activity=activity, entry=entry, **data),
        success_url=back + "#entries",
        success_message=ENTRY_SAVED,
        back_url=back,
    )


@partnership_view(MANAGE_VOICE)
def entry_publish(request: PartnershipRequest, uuid: str, item: str) -> HttpResponse:
    activity = _activity(request, uuid)
    entry = found_or_404(selectors.entry_get(activity, item))
    back = _url("activity_detail", request, activity.uuid)
    form = PublishForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.entry_publish(actor=request.user, entry=entry)
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(request, ENTRY_PUBLISHED)
            return redirect(back + "#entries")
    context = {"activity": activity, "entry": entry, "form": form, "back_url": back}
    return render(request, "voice/entry_publish.html", context, status=400 if form.errors else 200)


@partnership_view(MANAGE_VOICE)
def entry_withdraw(request: PartnershipRequest, uuid: str, item: str) -> HttpResponse:
    activity = _activity(request, uuid)
    entry = found_or_404(selectors.entry_get(activity, item))
    back = _url("activity_detail", request, activity.uuid)
    return form_page(
        request,
        form_class=WithdrawForm,
        title="Take the entry off the public page",
        caption=activity.title,
        save=lambda data: services.entry_withdraw(actor=request.user, entry=entry, **data),
        success_url=back + "#entries",
        success_message=ENTRY_WITHDRAWN,
        back_url=back,
    )


@public_view
def public_page(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = found_or_404(Partnership.objects.filter(slug=slug).first(), "No such partnership")
    # Shows the partnership's name in the header, as the public learning page does.
    request.partnership = partnership  # type: ignore[attr-defined]
    context = {"partnership": partnership, "activities": selectors.public_entries(partnership)}
    return render(request, "voice/public_page.html", context)
