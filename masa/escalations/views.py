"""Pages of professional escalations (thin: parse, call a service or selector, render). A record
the user may not see is "not found" (masa/escalations/selectors.py)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.downloads import XLSX_TYPE, file_response
from masa.core.reads import record_read
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.escalations import selectors, services
from masa.escalations.forms import AdvanceForm, EscalationForm, FollowUpForm, ResolveForm
from masa.escalations.models import Escalation
from masa.escalations.rules import (
    MANAGE_ESCALATIONS,
    RAISE_ESCALATION,
    VIEW_ESCALATION_FIGURES,
    VIEW_ESCALATIONS,
)
from masa.escalations.xlsx import register_workbook_bytes, summary_workbook
from masa.indicators.services import check_year, year_label

RAISED = "Escalation raised: the business team and the leads of the agencies involved can now see it"
ADVANCED = "The escalation moved to stage {stage}"
RESOLVED = "Resolution recorded"
FOLLOW_UP = "Follow-up action {reference} is in the action tracker"

_url = url_in("escalations")


def _escalation(request: PartnershipRequest, uuid: str) -> Escalation:
    return found_or_404(selectors.escalation_get(request.user, request.partnership, uuid))


def _changeable(request: PartnershipRequest, uuid: str) -> Escalation:
    escalation = _escalation(request, uuid)
    if not selectors.can_progress(request.user, request.partnership):
        raise PermissionDenied
    return escalation


def _year(request: PartnershipRequest) -> int | None:
    """The reporting year asked for (?year=2023-24), else the newest with escalations; a badly
    written year is "not found"."""
    asked = request.GET.get("year")
    if asked:
        try:
            return int(check_year(asked)[:4])
        except ValidationError:
            raise Http404 from None
    years = selectors.years_with_escalations(request.partnership)
    return years[0] if years else None


@partnership_view(VIEW_ESCALATIONS)
def escalation_list(request: PartnershipRequest) -> HttpResponse:
    user, partnership = request.user, request.partnership
    context = {
        "escalations": list(selectors.escalation_list(user, partnership)),
        "anonymised": selectors.anonymised_for(user, partnership),
        "can_raise": user.has_perm(RAISE_ESCALATION, partnership),
        "can_figures": user.has_perm(VIEW_ESCALATION_FIGURES, partnership),
        "can_manage": user.has_perm(MANAGE_ESCALATIONS, partnership),
    }
    return render(request, "escalations/escalation_list.html", context)


@partnership_view(RAISE_ESCALATION)
def escalation_raise(request: PartnershipRequest) -> HttpResponse:
    partnership = request.partnership
    return form_page(
        request,
        form_class=EscalationForm,
        form_kwargs={
            "agencies": selectors.partnership_agencies(partnership),
            "themes": selectors.themes(partnership),
        },
        initial={"raised_by_agency": selectors.raising_agency_for(request.user, partnership)},
        title="Raise a professional escalation",
        caption="Professional escalations",
        save=lambda data: services.escalation_raise(
            actor=request.user,
            partnership=partnership,
            **{**data, "agencies": list(data["agencies"]), "themes": list(data["themes"])},
        ),
        success_url=lambda saved: _url("escalation_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=RAISED,
        back_url=_url("escalation_list", request),
    )


@partnership_view(VIEW_ESCALATIONS)
def escalation_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    escalation = _escalation(request, uuid)
    user, partnership = request.user, request.partnership
    anonymised = selectors.anonymised_for(user, partnership)
    if not anonymised:
        record_read(actor=user, instance=escalation)
    context = {
        "escalation": escalation,
        "anonymised": anonymised,
        "raised_by_you": escalation.raised_by_id == user.pk,
        "can_progress": selectors.can_progress(user, partnership) and not escalation.is_resolved,
        "can_follow_up": selectors.can_progress(user, partnership) and escalation.action_id is None,
    }
    return render(request, "escalations/escalation_detail.html", context)


@partnership_view(VIEW_ESCALATIONS)
def escalation_advance(request: PartnershipRequest, uuid: str) -> HttpResponse:
    escalation = _changeable(request, uuid)
    return form_page(
        request,
        form_class=AdvanceForm,
        initial={"stage": min(escalation.stage + 1, 3)},
        title="Move the escalation to its next stage",
        caption=f"Professional escalation at stage {escalation.stage}",
        save=lambda data: services.escalation_advance(actor=request.user, escalation=escalation, **data),
        success_url=_url("escalation_detail", request, escalation.uuid),
        success_message=lambda saved: ADVANCED.format(stage=saved.stage),  # type: ignore[attr-defined]
        back_url=_url("escalation_detail", request, escalation.uuid),
    )


@partnership_view(VIEW_ESCALATIONS)
def escalation_resolve(request: PartnershipRequest, uuid: str) -> HttpResponse:
    escalation = _changeable(request, uuid)
    return form_page(
        request,
        form_class=ResolveForm,
        title="Record how the escalation was resolved",
        caption=f"Professional escalation at stage {escalation.stage}",
        save=lambda data: services.escalation_resolve(actor=request.user, escalation=escalation, **data),
        success_url=_url("escalation_detail", request, escalation.uuid),
        success_message=RESOLVED,
        back_url=_url("escalation_detail", request, escalation.uuid),
    )


@partnership_view(VIEW_ESCALATIONS)
def follow_up_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    escalation = _changeable(request, uuid)
    partnership = request.partnership
    return form_page(
        request,
        form_class=FollowUpForm,
        form_kwargs={
            "people": selectors.partnership_people(partnership),
            "groups": selectors.partnership_groups(partnership),
        },
        title="Add a follow-up action",
        caption="Professional escalation",
        save=lambda data: services.follow_up_add(actor=request.user, escalation=escalation, **data),
        success_url=_url("escalation_detail", request, escalation.uuid),
        success_message=lambda saved: FOLLOW_UP.format(reference=saved.action.reference),  # type: ignore[attr-defined]
        back_url=_url("escalation_detail", request, escalation.uuid),
    )


@partnership_view(MANAGE_ESCALATIONS)
def register_export(request: PartnershipRequest) -> HttpResponse:
    # The register holds children's references: its download is kept in the audit log.
    record_read(actor=request.user, instance=request.partnership)
    workbook = register_workbook_bytes(selectors.escalation_list(request.user, request.partnership))
    return file_response(workbook, f"{request.partnership.slug}-professional-escalations.xlsx", XLSX_TYPE)


@partnership_view(VIEW_ESCALATION_FIGURES)
def escalation_figures(request: PartnershipRequest) -> HttpResponse:
    partnership = request.partnership
    year = _year(request)
    trend = selectors.trend(partnership)
    context = {
        "summary": selectors.summary(partnership, year) if year is not None else None,
        "years": [
            (year_label(y), f"April {y} to March {y + 1}")
            for y in selectors.years_with_escalations(partnership)
        ],
        "trend": trend,
        "chart": selectors.trend_chart(partnership, trend),
    }
    return render(request, "escalations/escalation_figures.html", context)


@partnership_view(VIEW_ESCALATION_FIGURES)
def figures_export(request: PartnershipRequest) -> HttpResponse:
    partnership = request.partnership
    year = _year(request)
    if year is None:
        raise Http404
    summary = selectors.summary(partnership, year)
    workbook = summary_workbook(summary, selectors.trend(partnership))
    return file_response(workbook, f"{partnership.slug}-escalations-{summary.year}.xlsx", XLSX_TYPE)
