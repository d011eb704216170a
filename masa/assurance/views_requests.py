"""Pages of assurance requests (thin: parse, call a service or selector, render).

A request outside the user's scope (another agency's, for an agency lead) is 404, like a
record of another partnership.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.assurance import selectors, services
from masa.assurance.documents import request_summary_docx
from masa.assurance.forms import (
    ReportForm,
    RequestFilterForm,
    RequestForm,
    RequestJudgementForm,
    WithdrawRequestForm,
)
from masa.assurance.models import AssuranceRequest, RequestStatus
from masa.assurance.rules import (
    JUDGE_ASSURANCE_REQUEST,
    MANAGE_ASSURANCE_REQUESTS,
    SEND_ASSURANCE_REPORT,
    VIEW_ASSURANCE_REQUESTS,
)
from masa.assurance.xlsx import request_register_workbook
from masa.core.downloads import DOCX_TYPE, XLSX_TYPE, file_response
from masa.core.reads import uploaded_file_response
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page

PAGE_SIZE = 50
REQUEST_SAVED = "Assurance request {reference} saved"
REPORT_SAVED = "Report received for {reference}"
JUDGEMENT_SAVED = "Judgement recorded for {reference}"
JUDGEMENT_SAVED_WITH_ACTIONS = (
    "Judgement recorded for {reference}, and {count} follow-up action{s} added to the action tracker"
)
WITHDRAWN = "Assurance request {reference} withdrawn"

_url = url_in("assurance")


def _request(request: PartnershipRequest, uuid: str) -> AssuranceRequest:
    return found_or_404(selectors.request_get(request.user, request.partnership, uuid))


def _allowed(request: PartnershipRequest, permission: str, record: AssuranceRequest) -> None:
    if not request.user.has_perm(permission, record):
        raise PermissionDenied


def _filters(request: PartnershipRequest) -> tuple[RequestFilterForm, dict]:
    form = RequestFilterForm(
        request.GET or None,
        agencies=selectors.request_agencies(request.partnership),
        groups=selectors.partnership_groups(request.partnership),
    )
    return form, form.filters()


@partnership_view(VIEW_ASSURANCE_REQUESTS)
def request_list(request: PartnershipRequest) -> HttpResponse:
    form, filters = _filters(request)
    today = timezone.localdate()
    requests = selectors.request_list(request.user, request.partnership, today=today, **filters)
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "today": today,
        "query": query.urlencode(),
        "can_manage": request.user.has_perm(MANAGE_ASSURANCE_REQUESTS, request.partnership),
    }
    return render(
        request, "assurance/requests/request_list.html", context, status=400 if form.errors else 200
    )


@partnership_view(VIEW_ASSURANCE_REQUESTS)
def request_export(request: PartnershipRequest) -> HttpResponse:
    form, filters = _filters(request)
    if form.errors:
        return request_list(request, request.partnership.slug)
    today = timezone.localdate()
    requests = selectors.request_list(request.user, request.partnership, today=today, **filters)
    workbook = request_register_workbook(requests, today=today)
    return file_response(workbook, f"{request.partnership.slug}-assurance-requests.xlsx", XLSX_TYPE)


@partnership_view(VIEW_ASSURANCE_REQUESTS)
def request_summary(request: PartnershipRequest) -> HttpResponse:
    """The requests this user may see (with the list's filters) as a Word summary."""
    form, filters = _filters(request)
    if form.errors:
        return request_list(request, request.partnership.slug)
    today = timezone.localdate()
    requests = selectors.request_list(request.user, request.partnership, today=today, **filters)
    document = request_summary_docx(request.partnership, requests, today=today)
    return file_response(document, f"{request.partnership.slug}-assurance-requests.docx", DOCX_TYPE)


def _timeline(record: AssuranceRequest) -> list[dict[str, Any]]:
    """What happened to the request, oldest first."""
    events: list[dict[str, Any]] = [
        {
            "date": record.requested_on,
            "title": f"Requested by {record.group.name}",
            "text": f"At {record.meeting}" if record.meeting_id else "",
        }
    ]
    if record.received_on:
        events.append(
            {"date": record.received_on, "title": f"Report received from {record.agency.name}", "text": ""}
        )
    if record.judged_on:
        events.append(
            {"date": record.judged_on, "title": f"Judged: {record.get_judgement_display()}", "text": ""}
        )
    if record.withdrawn_on:
        events.append({"date": record.withdrawn_on, "title": "Withdrawn", "text": record.withdrawn_reason})
    return events


@partnership_view(VIEW_ASSURANCE_REQUESTS)
def request_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    record = _request(request, uuid)
    today = timezone.localdate()
    user = request.user
    context = {
        "record": record,
        "today": today,
        "overdue": record.is_overdue_on(today),
        "timeline": _timeline(record),
        "actions": list(record.actions.all()),
        "can_manage": user.has_perm(MANAGE_ASSURANCE_REQUESTS, request.partnership),
        "can_send_report": record.is_open and user.has_perm(SEND_ASSURANCE_REPORT, record),
        "can_judge": record.status == RequestStatus.REPORT_RECEIVED
        and user.has_perm(JUDGE_ASSURANCE_REQUEST, record),
    }
    return render(request, "assurance/requests/request_detail.html", context)


def _request_page(request: PartnershipRequest, record: AssuranceRequest | None) -> HttpResponse:
    initial: dict[str, Any] | None = None
    if record is not None:
        if not record.is_open:
            raise Http404("A judged or withdrawn request cannot be changed")
        initial = {
            "agency": record.agency_id,
            "subject": record.subject,
            "asked": record.asked,
            "group": record.group_id,
            "meeting": record.meeting_id,
            "lead": record.lead_id,
            "due_date": record.due_date,
        }
    elif request.GET.get("group"):
        initial = {"group": request.GET["group"]}
    back = _url("request_detail", request, record.uuid) if record else _url("request_list", request)
    return form_page(
        request,
        form_class=RequestForm,
        form_kwargs={
            "agencies": selectors.request_agencies(request.partnership),
            "groups": selectors.partnership_groups(request.partnership),
            "meetings": selectors.group_meetings(request.partnership),
            "people": selectors.partnership_people(request.partnership),
        },
        initial=initial,
        title="Change the assurance request" if record else "Ask an agency for assurance",
        caption=str(record) if record else "Assurance requests",
        save=lambda data: services.request_save(
            actor=request.user, partnership=request.partnership, request=record, **data
        ),
        success_url=lambda saved: _url("request_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=lambda saved: REQUEST_SAVED.format(reference=saved.reference),  # type: ignore[attr-defined]
        back_url=back,
    )


@partnership_view(MANAGE_ASSURANCE_REQUESTS)
def request_create(request: PartnershipRequest) -> HttpResponse:
    return _request_page(request, None)


@partnership_view(MANAGE_ASSURANCE_REQUESTS)
def request_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    return _request_page(request, _request(request, uuid))


@partnership_view(VIEW_ASSURANCE_REQUESTS)
def report_send(request: PartnershipRequest, uuid: str) -> HttpResponse:
    record = _request(request, uuid)
    _allowed(request, SEND_ASSURANCE_REPORT, record)
    initial = {"link": record.report_link, "text": record.report_text} if record.received_on else None
    return form_page(
        request,
        form_class=ReportForm,
        initial=initial,
        title="Upload the report",
        caption=str(record),
        save=lambda data: services.report_receive(actor=request.user, request=record, **data),
        success_url=_url("request_detail", request, record.uuid),
        success_message=REPORT_SAVED.format(reference=record.reference),
        back_url=_url("request_detail", request, record.uuid),
        multipart=True,
    )


@partnership_view(VIEW_ASSURANCE_REQUESTS)
def report_download(request: PartnershipRequest, uuid: str) -> HttpResponse:
    record = _request(request, uuid)
    if not record.report_file:
        raise Http404("No report file")
    return uploaded_file_response(
        actor=request.user, instance=record, file=record.report_file, name=record.report_name
    )


def _judged(saved: object) -> str:
    assert isinstance(saved, AssuranceRequest)
    count = saved.actions.count()
    if count:
        return JUDGEMENT_SAVED_WITH_ACTIONS.format(
            reference=saved.reference, count=count, s="" if count == 1 else "s"
        )
    return JUDGEMENT_SAVED.format(reference=saved.reference)


@partnership_view(VIEW_ASSURANCE_REQUESTS)
def judgement_record(request: PartnershipRequest, uuid: str) -> HttpResponse:
    record = _request(request, uuid)
    _allowed(request, JUDGE_ASSURANCE_REQUEST, record)
    return form_page(
        request,
        form_class=RequestJudgementForm,
        form_kwargs={"people": selectors.partnership_people(request.partnership)},
        title="Record the judgement",
        caption=str(record),
        save=lambda data: services.judgement_record(actor=request.user, request=record, **data),
        success_url=_url("request_detail", request, record.uuid),
        success_message=_judged,
        back_url=_url("request_detail", request, record.uuid),
    )


@partnership_view(MANAGE_ASSURANCE_REQUESTS)
def request_withdraw(request: PartnershipRequest, uuid: str) -> HttpResponse:
    record = _request(request, uuid)
    return form_page(
        request,
        form_class=WithdrawRequestForm,
        title="Withdraw the request",
        caption=str(record),
        save=lambda data: services.request_withdraw(actor=request.user, request=record, **data),
        success_url=_url("request_detail", request, record.uuid),
        success_message=WITHDRAWN.format(reference=record.reference),
        back_url=_url("request_detail", request, record.uuid),
    )
