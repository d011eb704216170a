"""Pages of the governance app (thin: parse, call a service or selector, render)."""

import uuid as uuid_lib
from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from masa.accounts.models import hash_secret
from masa.accounts.permissions import (
    PartnershipRequest,
    SignedInRequest,
    partnership_view,
    signed_in_view,
    url_in,
)
from masa.core.access import public_view
from masa.core.dates import long_date
from masa.core.downloads import file_response
from masa.core.reads import record_read
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.governance import selectors, services
from masa.governance.documents import agenda_pack_pdf, meeting_title, minutes_docx
from masa.governance.forms import (
    NO_REPEAT,
    ActionForm,
    AgendaItemForm,
    ApologiesForm,
    AttendanceForm,
    DecisionForm,
    GuestForm,
    MeetingEditForm,
    MinutesForm,
    PaperForm,
    ScheduleForm,
    WorkplanItemForm,
)
from masa.governance.ics import meeting_ics
from masa.governance.models import Meeting
from masa.governance.rules import (
    MANAGE_MEETINGS,
    SEE_QUORUM_FORECAST,
    SEND_APOLOGIES,
    VIEW_COMPLIANCE,
    VIEW_MEETINGS,
)
from masa.partnership.selectors import person_list

QUORUM_WARNING = (
    "This meeting is not quorate: {present} of {members} voting members present; the quorum is {quorum}"
)
FORECAST_WARNING = (
    "The meeting will not be quorate: {apologies} of {members} voting members have sent apologies; "
    "the quorum is {quorum}"
)
APOLOGIES_SENT = "Your apologies have been sent"
APOLOGIES_WITHDRAWN = "Your apologies have been withdrawn"
MEETINGS_SCHEDULED = "{count} meetings scheduled"
MEETING_SCHEDULED = "Meeting scheduled"
MEETING_CHANGED = "Meeting changed. Members have been sent an updated invitation"
ITEM_ADDED = "Agenda item added"
ITEM_UPDATED = "Agenda item updated"
ITEM_MOVED = "{title} moved"
ITEM_REMOVED = "{title} removed from the agenda"
PAPER_ADDED = "Paper added"
ATTENDANCE_SAVED = "Attendance saved"
GUEST_ADDED = "{name} added as in attendance"
GUEST_REMOVED = "{name} removed from those in attendance"
MINUTES_SAVED = "Minutes saved"
MINUTES_APPROVED = "Minutes of {date} approved"
DECISION_ADDED = "Decision added"
ACTION_ADDED = "Action {reference} added"
WORKPLAN_SAVED = "Workplan item saved"

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


_found = found_or_404


_url = url_in("governance")


def _uuid(value: str | None) -> str | None:
    try:
        return str(uuid_lib.UUID(value or ""))
    except ValueError:
        return None


def _aware(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def _meeting(request: PartnershipRequest, uuid: object) -> Meeting:
    return _found(selectors.meeting_get(request.user, request.partnership, str(uuid)))


def _can_manage(request: PartnershipRequest) -> bool:
    return request.user.has_perm(MANAGE_MEETINGS, request.partnership)


def _file_stem(meeting: Meeting) -> str:
    return f"{slugify(meeting.group.name)}-{timezone.localtime(meeting.starts_at):%Y-%m-%d}"


# Meetings -----------------------------------------------------------------------------------


@partnership_view(VIEW_MEETINGS)
def meeting_list(request: PartnershipRequest) -> HttpResponse:
    groups = selectors.visible_groups(request.user, request.partnership)
    chosen = _uuid(request.GET.get("group"))
    group = groups.filter(uuid=chosen).first() if chosen else None
    meetings = selectors.meeting_list(request.user, request.partnership, group=group, upcoming=False)
    context = {
        "groups": groups,
        "group": group,
        "upcoming": selectors.meeting_list(request.user, request.partnership, group=group, upcoming=True),
        "past": Paginator(meetings, 25).get_page(request.GET.get("page")),
        "can_manage": _can_manage(request),
    }
    return render(request, "governance/meeting_list.html", context)


@partnership_view(MANAGE_MEETINGS)
def meeting_schedule(request: PartnershipRequest) -> HttpResponse:
    def save(data: dict[str, Any]) -> list[Meeting]:
        return services.meeting_schedule(
            actor=request.user,
            partnership=request.partnership,
            group=data["group"],
            starts_at=_aware(data["date"], data["start_time"]),
            ends_at=_aware(data["date"], data["end_time"]),
            location=data["location"],
            papers_deadline_days=data["papers_deadline_days"],
            frequency="" if data["frequency"] == NO_REPEAT else data["frequency"],
            occurrences=data["occurrences"],
        )

    return form_page(
        request,
        form_class=ScheduleForm,
        form_kwargs={
            "groups": selectors.visible_groups(request.user, request.partnership).filter(is_active=True)
        },
        initial={"papers_deadline_days": 7, "frequency": NO_REPEAT, "occurrences": 1},
        title="Schedule a meeting",
        save=save,
        success_url=lambda meetings: _url("meeting_detail", request, meetings[0].uuid),  # type: ignore[index]
        success_message=lambda meetings: (
            MEETINGS_SCHEDULED.format(count=len(meetings)) if len(meetings) > 1 else MEETING_SCHEDULED  # type: ignore[arg-type]
        ),
        back_url=_url("meeting_list", request),
    )


@partnership_view(MANAGE_MEETINGS)
def meeting_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    meeting = _meeting(request, uuid)
    starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    return form_page(
        request,
        form_class=MeetingEditForm,
        initial={
            "date": starts.date(),
            "start_time": starts.strftime("%H:%M"),
            "end_time": ends.strftime("%H:%M"),
            "location": meeting.location,
            "papers_deadline": meeting.papers_deadline,
            "status": meeting.status,
        },
        title="Change the meeting",
        caption=meeting_title(meeting),
        save=lambda data: services.meeting_update(
            actor=request.user,
            meeting=meeting,
            starts_at=_aware(data["date"], data["start_time"]),
            ends_at=_aware(data["date"], data["end_time"]),
            location=data["location"],
            papers_deadline=data["papers_deadline"],
            status=data["status"],
        ),
        success_url=_url("meeting_detail", request, meeting.uuid),
        success_message=MEETING_CHANGED,
        back_url=_url("meeting_detail", request, meeting.uuid),
    )


def _render_meeting(
    request: PartnershipRequest,
    page: selectors.MeetingPage,
    error: str = "",
    error_anchor: str = "minutes-awaiting-approval",
) -> HttpResponse:
    quorum = page.quorum
    warning = ""
    if quorum is not None and not quorum.is_quorate:
        warning = QUORUM_WARNING.format(
            present=quorum.voting_present, members=quorum.voting_members, quorum=quorum.quorum
        )
    forecast = page.forecast
    if (
        forecast is not None
        and not forecast.can_be_quorate
        and request.user.has_perm(SEE_QUORUM_FORECAST, page.meeting)
    ):
        warning = FORECAST_WARNING.format(
            apologies=forecast.apologies, members=forecast.voting_members, quorum=forecast.quorum
        )
    person = selectors.member_person(request.user, page.meeting)
    context = {
        "can_see_notes": request.user.has_perm(SEE_QUORUM_FORECAST, page.meeting),
        "page": page,
        "meeting": page.meeting,
        "own_apologies": selectors.own_apologies(page.meeting, person),
        "can_send_apologies": (
            page.forecast is not None and request.user.has_perm(SEND_APOLOGIES, page.meeting)
        ),
        "title": meeting_title(page.meeting),
        "quorum_warning": warning,
        "can_manage": _can_manage(request),
        "error": error,
        "error_anchor": error_anchor,
    }
    return render(request, "governance/meeting_detail.html", context, status=400 if error else 200)


@partnership_view(VIEW_MEETINGS)
def meeting_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    return _render_meeting(
        request, _found(selectors.meeting_page(request.user, request.partnership, str(uuid)))
    )


@require_POST
@partnership_view(MANAGE_MEETINGS)
def minutes_approve(request: PartnershipRequest, uuid: str, earlier_uuid: str) -> HttpResponse:
    page = _found(selectors.meeting_page(request.user, request.partnership, str(uuid)))
    earlier = _meeting(request, earlier_uuid)
    try:
        services.minutes_approve(actor=request.user, meeting=earlier, at_meeting=page.meeting)
    except ValidationError as error:
        return _render_meeting(request, page, error=" ".join(error.messages))
    messages.success(request, MINUTES_APPROVED.format(date=long_date(timezone.localtime(earlier.starts_at))))
    return redirect(_url("meeting_detail", request, page.meeting.uuid))


@partnership_view(VIEW_MEETINGS)
def meeting_invite(request: PartnershipRequest, uuid: str) -> HttpResponse:
    meeting = _meeting(request, uuid)
    return file_response(
        meeting_ics([meeting]).encode(), f"{_file_stem(meeting)}.ics", "text/calendar; charset=utf-8"
    )


@partnership_view(VIEW_MEETINGS)
def minutes_download(request: PartnershipRequest, uuid: str) -> HttpResponse:
    meeting = _meeting(request, uuid)
    rows = selectors.agenda_rows(request.user, meeting)
    return file_response(
        minutes_docx(meeting, rows), f"minutes-{_file_stem(meeting)}.docx", CONTENT_TYPES["docx"]
    )


@partnership_view(VIEW_MEETINGS)
def agenda_pack(request: PartnershipRequest, uuid: str) -> HttpResponse:
    meeting = _meeting(request, uuid)
    pdf, papers = agenda_pack_pdf(meeting, selectors.agenda_rows(request.user, meeting))
    for paper in papers:
        record_read(actor=request.user, instance=paper)
    return file_response(pdf, f"agenda-pack-{_file_stem(meeting)}.pdf", CONTENT_TYPES["pdf"])


# Agenda items, papers, decisions and actions ------------------------------------------------


def _item_page(request: PartnershipRequest, uuid: str, item_uuid: str | None) -> HttpResponse:
    meeting = _meeting(request, uuid)
    item = _found(selectors.meeting_item_get(meeting, item_uuid)) if item_uuid else None
    fields = ("title", "purpose", "presenter", "minutes_allotted", "priority")
    return form_page(
        request,
        form_class=AgendaItemForm,
        form_kwargs={
            "people": person_list(request.partnership, active_only=True),
            "priorities": selectors.priority_choices(request.partnership),
        },
        initial={f: getattr(item, f) for f in fields} if item else {"minutes_allotted": 15},
        title="Change agenda item" if item else "Add an agenda item",
        caption=meeting_title(meeting),
        save=lambda data: services.agenda_item_save(actor=request.user, meeting=meeting, item=item, **data),
        success_url=_url("meeting_detail", request, meeting.uuid),
        success_message=ITEM_UPDATED if item else ITEM_ADDED,
        back_url=_url("meeting_detail", request, meeting.uuid),
    )


@partnership_view(MANAGE_MEETINGS)
def item_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    return _item_page(request, uuid, None)


@partnership_view(MANAGE_MEETINGS)
def item_edit(request: PartnershipRequest, uuid: str, item_uuid: str) -> HttpResponse:
    return _item_page(request, uuid, str(item_uuid))


@require_POST
@partnership_view(MANAGE_MEETINGS)
def item_move(request: PartnershipRequest, uuid: str, item_uuid: str) -> HttpResponse:
    """The agenda's move up / move down buttons: a plain form post, no JavaScript needed."""
    page = _found(selectors.meeting_page(request.user, request.partnership, str(uuid)))
    item = _found(selectors.meeting_item_get(page.meeting, str(item_uuid)))
    try:
        services.agenda_item_move(actor=request.user, item=item, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        return _render_meeting(request, page, error=" ".join(error.messages))
    messages.success(request, ITEM_MOVED.format(title=item.title))
    return redirect(_url("meeting_detail", request, page.meeting.uuid) + "#agenda")


@partnership_view(MANAGE_MEETINGS)
def item_remove(request: PartnershipRequest, uuid: str, item_uuid: str) -> HttpResponse:
    """Ask before taking an item off the agenda; its papers go with it."""
    meeting = _meeting(request, uuid)
    item = _found(selectors.meeting_item_get(meeting, str(item_uuid)))
    error = ""
    if request.method == "POST":
        try:
            services.agenda_item_remove(actor=request.user, item=item)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(request, ITEM_REMOVED.format(title=item.title))
            return redirect(_url("meeting_detail", request, meeting.uuid))
    context = {
        "meeting": meeting,
        "item": item,
        "caption": meeting_title(meeting),
        "papers": selectors.visible_papers(request.user, item),
        "error": error,
        "back_url": _url("meeting_detail", request, meeting.uuid),
    }
    return render(request, "governance/item_remove.html", context, status=400 if error else 200)


@partnership_view(MANAGE_MEETINGS)
def paper_add(request: PartnershipRequest, uuid: str, item_uuid: str) -> HttpResponse:
    meeting = _meeting(request, uuid)
    item = _found(selectors.meeting_item_get(meeting, str(item_uuid)))
    return form_page(
        request,
        form_class=PaperForm,
        form_kwargs={"people": selectors.group_people(meeting.group)},
        title="Add a paper",
        caption=item.title,
        multipart=True,
        save=lambda data: services.paper_add(actor=request.user, item=item, **data),
        success_url=_url("meeting_detail", request, meeting.uuid),
        success_message=PAPER_ADDED,
        back_url=_url("meeting_detail", request, meeting.uuid),
    )


@partnership_view(VIEW_MEETINGS)
def paper_download(request: PartnershipRequest, uuid: str, paper_uuid: str) -> HttpResponse:
    paper = _found(selectors.paper_get(request.user, request.partnership, str(uuid), str(paper_uuid)))
    record_read(actor=request.user, instance=paper)
    return file_response(paper.file.open("rb"), paper.original_name, CONTENT_TYPES[paper.file_type])


@partnership_view(MANAGE_MEETINGS)
def decision_add(request: PartnershipRequest, uuid: str, item_uuid: str) -> HttpResponse:
    meeting = _meeting(request, uuid)
    item = _found(selectors.meeting_item_get(meeting, str(item_uuid)))
    return form_page(
        request,
        form_class=DecisionForm,
        title="Add a decision",
        caption=item.title,
        save=lambda data: services.decision_add(actor=request.user, item=item, **data),
        success_url=_url("meeting_detail", request, meeting.uuid),
        success_message=DECISION_ADDED,
        back_url=_url("meeting_detail", request, meeting.uuid),
    )


@partnership_view(MANAGE_MEETINGS)
def action_add(request: PartnershipRequest, uuid: str, item_uuid: str) -> HttpResponse:
    meeting = _meeting(request, uuid)
    item = _found(selectors.meeting_item_get(meeting, str(item_uuid)))
    return form_page(
        request,
        form_class=ActionForm,
        form_kwargs={"people": person_list(request.partnership, active_only=True)},
        title="Add an action",
        caption=item.title,
        save=lambda data: services.item_action_add(actor=request.user, item=item, **data),
        success_url=_url("meeting_detail", request, meeting.uuid),
        success_message=lambda action: ACTION_ADDED.format(reference=action.reference),  # type: ignore[attr-defined]
        back_url=_url("meeting_detail", request, meeting.uuid),
    )


# Attendance and minutes ---------------------------------------------------------------------


@partnership_view(MANAGE_MEETINGS)
def attendance(request: PartnershipRequest, uuid: str) -> HttpResponse:
    meeting = _meeting(request, uuid)
    return form_page(
        request,
        form_class=AttendanceForm,
        form_kwargs={
            "rows": selectors.attendance_people(meeting),
            "deputies": list(person_list(request.partnership, active_only=True)),
        },
        title="Record attendance",
        caption=meeting_title(meeting),
        save=lambda data: services.attendance_record(
            actor=request.user, meeting=meeting, records=data["records"]
        ),
        success_url=_url("meeting_detail", request, meeting.uuid),
        success_message=ATTENDANCE_SAVED,
        back_url=_url("meeting_detail", request, meeting.uuid),
    )


def _own_person(request: PartnershipRequest, meeting: Meeting):
    """The signed-in member's person on the meeting's group; anyone else may not send apologies."""
    if not request.user.has_perm(SEND_APOLOGIES, meeting):
        raise PermissionDenied
    return _found(selectors.member_person(request.user, meeting))


@partnership_view(VIEW_MEETINGS)
def apologies_send(request: PartnershipRequest, uuid: str) -> HttpResponse:
    """A member sends (or changes) their own apologies before the meeting starts."""
    meeting = _meeting(request, uuid)
    person = _own_person(request, meeting)
    sent = selectors.own_apologies(meeting, person)
    return form_page(
        request,
        form_class=ApologiesForm,
        form_kwargs={"people": person_list(request.partnership, active_only=True).exclude(pk=person.pk)},
        initial={"note": sent.note, "deputy": sent.deputy} if sent else None,
        title="Send your apologies",
        caption=meeting_title(meeting),
        save=lambda data: services.apologies_send(actor=request.user, meeting=meeting, person=person, **data),
        success_url=_url("meeting_detail", request, meeting.uuid) + "#your-apologies",
        success_message=APOLOGIES_SENT,
        back_url=_url("meeting_detail", request, meeting.uuid),
    )


@require_POST
@partnership_view(VIEW_MEETINGS)
def apologies_withdraw(request: PartnershipRequest, uuid: str) -> HttpResponse:
    page = _found(selectors.meeting_page(request.user, request.partnership, str(uuid)))
    person = _own_person(request, page.meeting)
    try:
        services.apologies_withdraw(actor=request.user, meeting=page.meeting, person=person)
    except ValidationError as error:
        return _render_meeting(request, page, error=" ".join(error.messages), error_anchor="your-apologies")
    messages.success(request, APOLOGIES_WITHDRAWN)
    return redirect(_url("meeting_detail", request, page.meeting.uuid) + "#your-apologies")


@partnership_view(MANAGE_MEETINGS)
def guest_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    """Record an officer or guest "in attendance" (not a member; never counted in the quorum)."""
    meeting = _meeting(request, uuid)
    return form_page(
        request,
        form_class=GuestForm,
        form_kwargs={"people": selectors.guest_choices(meeting)},
        title="Add someone in attendance",
        caption=meeting_title(meeting),
        save=lambda data: services.meeting_guest_add(actor=request.user, meeting=meeting, **data),
        success_url=_url("meeting_detail", request, meeting.uuid) + "#in-attendance",
        success_message=lambda guest: GUEST_ADDED.format(name=guest.name),  # type: ignore[attr-defined]
        back_url=_url("meeting_detail", request, meeting.uuid),
    )


@require_POST
@partnership_view(MANAGE_MEETINGS)
def guest_remove(request: PartnershipRequest, uuid: str, guest_uuid: str) -> HttpResponse:
    page = _found(selectors.meeting_page(request.user, request.partnership, str(uuid)))
    guest = _found(selectors.meeting_guest_get(page.meeting, str(guest_uuid)))
    services.meeting_guest_remove(actor=request.user, meeting=page.meeting, guest=guest)
    messages.success(request, GUEST_REMOVED.format(name=guest.name))
    return redirect(_url("meeting_detail", request, page.meeting.uuid) + "#in-attendance")


@partnership_view(MANAGE_MEETINGS)
def minutes_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    """Write the minutes. A save refused because someone else saved first keeps this person's
    text and shows theirs above it, so the two can be merged and saved again."""
    meeting = _meeting(request, uuid)
    if meeting.minutes_locked:
        rows = selectors.agenda_rows(request.user, meeting)
        return render(request, "governance/minutes_locked.html", {"meeting": meeting, "rows": rows})
    items = list(meeting.items.all())
    saved_meanwhile = None
    if request.method == "POST":
        form = MinutesForm(request.POST, items=items)
        if form.is_valid():
            try:
                services.minutes_save(
                    actor=request.user,
                    meeting=meeting,
                    expected_version=form.cleaned_data["minutes_version"],
                    summary=form.cleaned_data["summary"],
                    discussions=form.cleaned_data["discussions"],
                )
            except ValidationError as error:
                form.apply_errors(error)
                saved_meanwhile = selectors.minutes_saved_meanwhile(meeting)
                form.catch_up(saved_meanwhile.version)
            else:
                messages.success(request, MINUTES_SAVED)
                return redirect(_url("meeting_detail", request, meeting.uuid))
    else:
        initial = {"minutes_version": meeting.minutes_version, "summary": meeting.minutes_summary}
        form = MinutesForm(initial=initial, items=items)
    context = {
        "form": form,
        "title": "Write the minutes",
        "caption": meeting_title(meeting),
        "back_url": _url("meeting_detail", request, meeting.uuid),
        "saved_meanwhile": saved_meanwhile,
    }
    return render(request, "governance/minutes_edit.html", context, status=400 if form.errors else 200)


# Workplans, forward plan and compliance -----------------------------------------------------


@partnership_view(VIEW_MEETINGS)
def workplan(request: PartnershipRequest, uuid: str) -> HttpResponse:
    group = _found(selectors.visible_group_get(request.user, request.partnership, str(uuid)))
    context = {"group": group, "items": selectors.workplan_for(group), "can_manage": _can_manage(request)}
    return render(request, "governance/workplan.html", context)


def _workplan_page(request: PartnershipRequest, uuid: str, item_uuid: str | None) -> HttpResponse:
    group = _found(selectors.visible_group_get(request.user, request.partnership, str(uuid)))
    item = _found(selectors.workplan_item_get(group, item_uuid)) if item_uuid else None
    fields = ("title", "priority", "lead", "due_date", "planned_meeting", "is_done")
    return form_page(
        request,
        form_class=WorkplanItemForm,
        form_kwargs={
            "priorities": selectors.priority_choices(request.partnership),
            "people": person_list(request.partnership, active_only=True),
            "meetings": selectors.workplan_meeting_choices(group),
        },
        initial={f: getattr(item, f) for f in fields} if item else None,
        title="Change workplan item" if item else "Add a workplan item",
        caption=group.name,
        save=lambda data: services.workplan_item_save(actor=request.user, group=group, item=item, **data),
        success_url=_url("workplan", request, group.uuid),
        success_message=WORKPLAN_SAVED,
        back_url=_url("workplan", request, group.uuid),
    )


@partnership_view(MANAGE_MEETINGS)
def workplan_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    return _workplan_page(request, uuid, None)


@partnership_view(MANAGE_MEETINGS)
def workplan_edit(request: PartnershipRequest, uuid: str, item_uuid: str) -> HttpResponse:
    return _workplan_page(request, uuid, str(item_uuid))


@partnership_view(VIEW_MEETINGS)
def forward_plan(request: PartnershipRequest) -> HttpResponse:
    meetings = selectors.forward_plan_for(request.user, request.partnership)
    return render(request, "governance/forward_plan.html", {"meetings": meetings})


@partnership_view(VIEW_COMPLIANCE)
def compliance(request: PartnershipRequest) -> HttpResponse:
    default = selectors.last_complete_year_start(timezone.localdate()).year
    years = list(range(default + 1, default - 5, -1))
    chosen = request.GET.get("year", "")
    year = int(chosen) if chosen.isdigit() and int(chosen) in years else default
    context = {
        "warnings": selectors.cadence_warnings(request.partnership),
        "rows": selectors.attendance_rates(request.partnership, year_start=date(year, 4, 1)),
        "years": years,
        "year": year,
    }
    return render(request, "governance/compliance.html", context)


# Calendars ----------------------------------------------------------------------------------


@public_view
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    user, meetings = selectors.meetings_for_feed(hash_secret(token))
    if user is None:
        raise Http404("No such calendar")
    response = file_response(meeting_ics(meetings), None, "text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


@signed_in_view
def calendar_settings(request: SignedInRequest) -> HttpResponse:
    address = ""
    if request.method == "POST":
        token = services.calendar_feed_reset(actor=request.user)
        address = settings.SITE_URL + reverse("governance:calendar_feed", args=[token])
    context = {"address": address, "has_feed": selectors.calendar_feed_exists(request.user)}
    return render(request, "governance/calendar.html", context)
