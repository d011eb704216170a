"""Pages of serious incidents and the clocks dashboard (thin: parse, call a service, render).

Which incidents a user may open is decided by the selectors: anything outside their
need-to-know is 404, so its existence is not revealed. Every read of an incident is audited.
"""

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.bank_holidays.selectors import current_calendar
from masa.core.reads import record_read
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.incidents import selectors, services
from masa.incidents.forms import (
    CaseTeamForm,
    ChildChangeForm,
    ChildForm,
    ChildRemoveForm,
    DecisionForm,
    IncidentForm,
    IncidentSettingsForm,
    InformationReceivedForm,
    InformationRequestForm,
    MeetingForm,
    NotifyForm,
    PanelResponseForm,
    RapidReviewForm,
    ReportForm,
    SignOffForm,
)
from masa.incidents.models import IncidentChild, RapidReview, SeriousIncident
from masa.incidents.rules import MANAGE_INCIDENTS, SIGN_OFF_RAPID_REVIEW, VIEW_INCIDENTS
from masa.reviews.rules import VIEW_REVIEWS

INCIDENT_RECORDED = "Serious incident recorded"
CHILD_ADDED = "Child added"
CHILD_CHANGED = "Child's details changed"
CHILD_REMOVED = "Child removed"
SETTINGS_SAVED = "Incident settings saved"
NOTIFICATION_RECORDED = "Notification to the Panel recorded"
CASE_TEAM_SAVED = "Case team saved"
RAPID_REVIEW_RECORDED = "Rapid review submission recorded"
REQUEST_RECORDED = "Information request recorded"
REQUEST_RECEIVED = "Information received recorded"
MEETING_SAVED = "Rapid review meeting date saved"
REPORT_SAVED = "Draft report saved"
SIGNED_OFF = "Rapid review signed off"
RESPONSE_SAVED = "The Panel's response recorded"
DECISION_SAVED = "The partnership's decision recorded"


_url = url_in("incidents")


def _incident(request: PartnershipRequest, uuid: str) -> SeriousIncident:
    incident = found_or_404(selectors.incident_get(request.user, request.partnership, uuid))
    return incident


def _child(request: PartnershipRequest, uuid: str, child_uuid: str) -> tuple[SeriousIncident, IncidentChild]:
    incident = _incident(request, uuid)
    return incident, found_or_404(selectors.child_get(incident, child_uuid))


def _caption(incident: SeriousIncident) -> str:
    return f"Serious incident {incident.reference}"


@partnership_view(VIEW_INCIDENTS)
def incident_list(request: PartnershipRequest) -> HttpResponse:
    today = timezone.localdate()
    calendar = current_calendar()
    incidents = list(selectors.incident_list(request.user, request.partnership))
    rows = [(incident, selectors.clocks_for(incident, today, calendar)) for incident in incidents]
    context = {
        "rows": rows,
        "can_manage": request.user.has_perm(MANAGE_INCIDENTS, request.partnership),
    }
    return render(request, "incidents/incident_list.html", context)


@partnership_view(VIEW_INCIDENTS)
def clocks_dashboard(request: PartnershipRequest) -> HttpResponse:
    today = timezone.localdate()
    clocks = selectors.open_clocks(request.user, request.partnership, today, current_calendar())
    return render(request, "incidents/clocks.html", {"clocks": clocks, "today": today})


@partnership_view(VIEW_INCIDENTS)
def incident_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    record_read(actor=request.user, instance=incident)
    anonymised = selectors.is_anonymised(request.user, request.partnership)
    context = {
        "incident": incident,
        "anonymised": anonymised,
        "clocks": selectors.clocks_for(incident, timezone.localdate(), current_calendar()),
        "can_manage": request.user.has_perm(MANAGE_INCIDENTS, request.partnership),
    }
    if not anonymised:
        context["children"] = list(incident.children.all())
        context["notifications"] = list(incident.notifications.all())
    template = "incidents/incident_anonymised.html" if anonymised else "incidents/incident_detail.html"
    return render(request, template, context)


@partnership_view(MANAGE_INCIDENTS)
def incident_create(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=IncidentForm,
        form_kwargs={"agencies": selectors.partnership_agencies(request.partnership)},
        title="Record a serious incident",
        save=lambda data: services.incident_create(
            actor=request.user, partnership=request.partnership, **data
        ),
        success_url=lambda incident: _url("incident_detail", request, incident.uuid),  # type: ignore[attr-defined]
        success_message=INCIDENT_RECORDED,
        back_url=_url("incident_list", request),
    )


@partnership_view(MANAGE_INCIDENTS)
def child_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    return form_page(
        request,
        form_class=ChildForm,
        title="Add a child",
        caption=_caption(incident),
        save=lambda data: services.child_add(actor=request.user, incident=incident, **data),
        success_url=_url("incident_detail", request, incident.uuid),
        success_message=CHILD_ADDED,
        back_url=_url("incident_detail", request, incident.uuid),
    )


@partnership_view(MANAGE_INCIDENTS)
def child_change(request: PartnershipRequest, uuid: str, child_uuid: str) -> HttpResponse:
    incident, child = _child(request, uuid, child_uuid)
    return form_page(
        request,
        form_class=ChildChangeForm,
        initial={
            "reference": child.reference,
            "age_band": child.age_band,
            "sex": child.sex,
            "ethnicity": child.ethnicity,
        },
        title=f"Change the details of {child.reference}",
        caption=_caption(incident),
        save=lambda data: services.child_change(actor=request.user, child=child, **data),
        success_url=_url("incident_detail", request, incident.uuid),
        success_message=CHILD_CHANGED,
        back_url=_url("incident_detail", request, incident.uuid),
    )


@partnership_view(MANAGE_INCIDENTS)
def child_remove(request: PartnershipRequest, uuid: str, child_uuid: str) -> HttpResponse:
    incident, child = _child(request, uuid, child_uuid)
    return form_page(
        request,
        form_class=ChildRemoveForm,
        title=f"Remove {child.reference} from the incident",
        caption=_caption(incident),
        save=lambda data: services.child_remove(actor=request.user, child=child, reason=data["reason"]),
        success_url=_url("incident_detail", request, incident.uuid),
        success_message=CHILD_REMOVED,
        back_url=_url("incident_detail", request, incident.uuid),
    )


@partnership_view(MANAGE_INCIDENTS)
def incident_settings(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=IncidentSettingsForm,
        initial={"child_reference_pattern": selectors.child_reference_pattern(request.partnership)},
        title="Incident settings",
        save=lambda data: services.incident_settings_update(
            actor=request.user, partnership=request.partnership, **data
        ),
        success_url=_url("incident_list", request),
        success_message=SETTINGS_SAVED,
        back_url=_url("incident_list", request),
    )


@partnership_view(MANAGE_INCIDENTS)
def notify(request: PartnershipRequest, uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    return form_page(
        request,
        form_class=NotifyForm,
        form_kwargs={"children": selectors.unnotified_children(incident)},
        title="Record the notification to the Panel",
        caption=_caption(incident),
        save=lambda data: services.notification_send(actor=request.user, incident=incident, **data),
        success_url=_url("incident_detail", request, incident.uuid),
        success_message=NOTIFICATION_RECORDED,
        back_url=_url("incident_detail", request, incident.uuid),
    )


@partnership_view(MANAGE_INCIDENTS)
def case_team(request: PartnershipRequest, uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    return form_page(
        request,
        form_class=CaseTeamForm,
        form_kwargs={"users": selectors.case_team_candidates(request.partnership)},
        initial={"users": [user.pk for user in incident.case_team.all()]},
        title="Choose the case team",
        caption=_caption(incident),
        save=lambda data: services.case_team_set(actor=request.user, incident=incident, users=data["users"]),
        success_url=_url("incident_detail", request, incident.uuid),
        success_message=CASE_TEAM_SAVED,
        back_url=_url("incident_detail", request, incident.uuid),
    )


@partnership_view(MANAGE_INCIDENTS)
def rapid_review_submitted(request: PartnershipRequest, uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    return form_page(
        request,
        form_class=RapidReviewForm,
        title="Record the rapid review sent to the Panel",
        caption=_caption(incident),
        save=lambda data: services.rapid_review_submitted(
            actor=request.user, incident=incident, submitted_date=data["submitted_date"]
        ),
        success_url=_url("rapid_review", request, incident.uuid),
        success_message=RAPID_REVIEW_RECORDED,
        back_url=_url("rapid_review", request, incident.uuid),
    )


# Rapid review -----------------------------------------------------------------------------


@partnership_view(VIEW_INCIDENTS)
def rapid_review(request: PartnershipRequest, uuid: str) -> HttpResponse:
    """Every stage of the incident's rapid review; the scrutineer sees stages and dates only."""
    incident = _incident(request, uuid)
    if incident.care_leaver_death:
        raise Http404("A care-leaver death needs no rapid review")
    review = selectors.rapid_review_get(incident)
    record_read(actor=request.user, instance=incident)
    if review is not None:
        record_read(actor=request.user, instance=review)
    today = timezone.localdate()
    calendar = current_calendar()
    requests = selectors.information_requests(incident, today, calendar)
    stages = selectors.rapid_review_stages(
        incident, review, requests, notified=getattr(incident, "first_notified", None) is not None
    )
    anonymised = selectors.is_anonymised(request.user, request.partnership)
    context = {
        "incident": incident,
        "review": review,
        "requests": requests,
        "stages": stages,
        "next_step": selectors.next_step(stages),
        "lcspr_clocks": [
            selectors.lcspr_clock(r, today, calendar) for r in selectors.lcsprs_for_incident(incident)
        ],
        "anonymised": anonymised,
        "can_manage": request.user.has_perm(MANAGE_INCIDENTS, request.partnership),
        "can_sign_off": not anonymised and not (review and review.is_signed_off),
        "can_view_learning": request.user.has_perm(VIEW_REVIEWS, request.partnership),
    }
    template = "incidents/rapid_review_anonymised.html" if anonymised else "incidents/rapid_review.html"
    return render(request, template, context)


def _review_form(
    request: PartnershipRequest,
    incident: SeriousIncident,
    *,
    title: str,
    message: str,
    save: object,
    **kwargs: object,
) -> HttpResponse:
    back = _url("rapid_review", request, incident.uuid)
    return form_page(
        request,
        title=title,
        caption=f"Rapid review of {incident.reference}",
        save=save,  # type: ignore[arg-type]
        success_url=back,
        success_message=message,
        back_url=back,
        **kwargs,  # type: ignore[arg-type]
    )


@partnership_view(MANAGE_INCIDENTS)
def information_request_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    return _review_form(
        request,
        incident,
        form_class=InformationRequestForm,
        form_kwargs={"agencies": selectors.partnership_agencies(request.partnership)},
        title="Ask an agency for information",
        message=REQUEST_RECORDED,
        save=lambda data: services.information_request_add(actor=request.user, incident=incident, **data),
    )


@partnership_view(MANAGE_INCIDENTS)
def information_request_received(request: PartnershipRequest, uuid: str, request_uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    info = found_or_404(
        selectors.information_request_get(incident, request_uuid), "No such information request"
    )
    return _review_form(
        request,
        incident,
        form_class=InformationReceivedForm,
        initial={"received_on": info.received_on},
        title=f"Record the information received from {info.agency.name}",
        message=REQUEST_RECEIVED,
        save=lambda data: services.information_request_received(
            actor=request.user, request=info, received_on=data["received_on"]
        ),
    )


@partnership_view(MANAGE_INCIDENTS)
def rapid_review_meeting(request: PartnershipRequest, uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    review = selectors.rapid_review_get(incident)
    return _review_form(
        request,
        incident,
        form_class=MeetingForm,
        initial={"meeting_date": review.meeting_date if review else None},
        title="Record the rapid review meeting",
        message=MEETING_SAVED,
        save=lambda data: services.rapid_review_meeting_set(
            actor=request.user, incident=incident, meeting_date=data["meeting_date"]
        ),
    )


def _locked(request: PartnershipRequest, incident: SeriousIncident, review: RapidReview | None) -> bool:
    if review is not None and review.is_signed_off:
        messages.info(request, services.REPORT_LOCKED)
        return True
    return False


@partnership_view(MANAGE_INCIDENTS)
def rapid_review_report(request: PartnershipRequest, uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    review = selectors.rapid_review_get(incident)
    if _locked(request, incident, review):
        return redirect(_url("rapid_review", request, incident.uuid))
    if review is not None:
        record_read(actor=request.user, instance=review)
    initial = {name: getattr(review, name) for name in RapidReview.REPORT_FIELDS} if review else None
    return _review_form(
        request,
        incident,
        form_class=ReportForm,
        initial=initial,
        title="Write the rapid review report",
        message=REPORT_SAVED,
        save=lambda data: services.rapid_review_report_save(actor=request.user, incident=incident, **data),
    )


@partnership_view(VIEW_INCIDENTS)
def rapid_review_sign_off(request: PartnershipRequest, uuid: str) -> HttpResponse:
    """A delegated safeguarding partner in the case team reads the report and signs it off."""
    incident = _incident(request, uuid)
    if selectors.is_anonymised(request.user, request.partnership):
        raise PermissionDenied
    review = selectors.rapid_review_get(incident)
    if _locked(request, incident, review):
        return redirect(_url("rapid_review", request, incident.uuid))
    record_read(actor=request.user, instance=review or incident)
    form = SignOffForm(request.POST) if request.method == "POST" else SignOffForm()
    if form.is_bound and form.is_valid():
        try:
            services.rapid_review_sign_off(actor=request.user, incident=incident)
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(request, SIGNED_OFF)
            return redirect(_url("rapid_review", request, incident.uuid))
    context = {
        "incident": incident,
        "review": review,
        "form": form,
        "can_sign_off": rules.has_perm(SIGN_OFF_RAPID_REVIEW, request.user, incident),
    }
    return render(
        request, "incidents/rapid_review_sign_off.html", context, status=400 if form.errors else 200
    )


@partnership_view(MANAGE_INCIDENTS)
def panel_response(request: PartnershipRequest, uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    return _review_form(
        request,
        incident,
        form_class=PanelResponseForm,
        title="Record the Panel's response",
        message=RESPONSE_SAVED,
        save=lambda data: services.panel_response_record(
            actor=request.user,
            incident=incident,
            response_date=data["response_date"],
            agreed=data["agreed"] == "yes",
            comments=data["comments"],
        ),
    )


@partnership_view(MANAGE_INCIDENTS)
def decision(request: PartnershipRequest, uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    return _review_form(
        request,
        incident,
        form_class=DecisionForm,
        title="Record the partnership's decision on a local review",
        message=DECISION_SAVED,
        save=lambda data: services.decision_record(actor=request.user, incident=incident, **data),
    )
