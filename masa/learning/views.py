"""Pages of serious incidents and the clocks dashboard (thin: parse, call a service, render).

Which incidents a user may open is decided by the selectors: anything outside their
need-to-know is 404, so its existence is not revealed. Every read of an incident is audited.
"""

from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from masa.accounts.rules import MANAGE_INCIDENTS, VIEW_INCIDENTS
from masa.audit.services import record_read
from masa.core.permissions import PartnershipRequest, partnership_view
from masa.core.views import form_page
from masa.learning import selectors, services
from masa.learning.forms import CaseTeamForm, ChildForm, IncidentForm, NotifyForm, RapidReviewForm
from masa.learning.models import SeriousIncident

INCIDENT_RECORDED = "Serious incident recorded"
CHILD_ADDED = "Child added"
NOTIFICATION_RECORDED = "Notification to the Panel recorded"
CASE_TEAM_SAVED = "Case team saved"
RAPID_REVIEW_RECORDED = "Rapid review submission recorded"


def _url(name: str, request: PartnershipRequest, *args: object) -> str:
    return reverse(f"learning:{name}", args=[request.partnership.slug, *args])


def _incident(request: PartnershipRequest, uuid: str) -> SeriousIncident:
    incident = selectors.incident_get(request.user, request.partnership, uuid)
    if incident is None:
        raise Http404("Not found in this partnership")
    return incident


def _caption(incident: SeriousIncident) -> str:
    return f"Serious incident {incident.reference}"


@partnership_view(VIEW_INCIDENTS)
def incident_list(request: PartnershipRequest) -> HttpResponse:
    today = date.today()
    incidents = list(selectors.incident_list(request.user, request.partnership))
    rows = [(incident, selectors.clocks_for(incident, today)) for incident in incidents]
    context = {
        "rows": rows,
        "can_manage": request.user.has_perm(MANAGE_INCIDENTS, request.partnership),
    }
    return render(request, "learning/incident_list.html", context)


@partnership_view(VIEW_INCIDENTS)
def clocks_dashboard(request: PartnershipRequest) -> HttpResponse:
    today = date.today()
    clocks = selectors.open_clocks(request.user, request.partnership, today)
    return render(request, "learning/clocks.html", {"clocks": clocks, "today": today})


@partnership_view(VIEW_INCIDENTS)
def incident_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    incident = _incident(request, uuid)
    record_read(actor=request.user, instance=incident)
    anonymised = selectors.is_anonymised(request.user, request.partnership)
    context = {
        "incident": incident,
        "anonymised": anonymised,
        "clocks": selectors.clocks_for(incident, date.today()),
        "can_manage": request.user.has_perm(MANAGE_INCIDENTS, request.partnership),
    }
    if not anonymised:
        context["children"] = list(incident.children.all())
        context["notifications"] = list(incident.notifications.all())
    template = "learning/incident_anonymised.html" if anonymised else "learning/incident_detail.html"
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
        success_url=_url("incident_detail", request, incident.uuid),
        success_message=RAPID_REVIEW_RECORDED,
        back_url=_url("incident_detail", request, incident.uuid),
    )
