"""Pages of the inspections register (thin: parse, call a service or selector, render).

Records of another partnership are 404. Who may open each action linked from an inspection is
still decided by the action tracker's need-to-know scope.
"""

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.assurance import selectors, services
from masa.assurance.documents import inspections_summary_docx
from masa.assurance.forms import (
    FindingForm,
    InspectionFilterForm,
    InspectionForm,
    JudgementForm,
    judgement_initial,
)
from masa.assurance.models import Inspection, InspectionFinding
from masa.assurance.rules import MANAGE_INSPECTIONS, VIEW_INSPECTION_SUMMARIES, VIEW_INSPECTIONS
from masa.assurance.xlsx import inspection_register_workbook
from masa.core.downloads import DOCX_TYPE, XLSX_TYPE, file_response
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page

PAGE_SIZE = 50
INSPECTION_SAVED = "Inspection saved"
JUDGEMENT_SAVED = "Judgement saved"
FINDING_SAVED = "{label} saved"
FINDING_SAVED_WITH_ACTION = "{label} saved, and action {reference} added to the action tracker"

_url = url_in("assurance")


def _inspection(request: PartnershipRequest, uuid: str) -> Inspection:
    return found_or_404(selectors.inspection_get(request.partnership, uuid))


def _filters(request: PartnershipRequest) -> tuple[InspectionFilterForm, dict]:
    form = InspectionFilterForm(request.GET or None, years=selectors.inspection_years(request.partnership))
    return form, form.filters()


@partnership_view(VIEW_INSPECTION_SUMMARIES)
def inspection_list(request: PartnershipRequest) -> HttpResponse:
    form, filters = _filters(request)
    inspections = selectors.inspection_list(request.partnership, **filters)
    page = Paginator(inspections, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    # Practitioners read the published summary: the inspections, not the actions answering them.
    sees_actions = request.user.has_perm(VIEW_INSPECTIONS, request.partnership)
    rows = [
        (inspection, selectors.inspection_progress(inspection, today) if sees_actions else None)
        for inspection in page
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
        "sees_actions": sees_actions,
        "can_manage": request.user.has_perm(MANAGE_INSPECTIONS, request.partnership),
    }
    return render(request, "assurance/inspection_list.html", context, status=400 if form.errors else 200)


@partnership_view(VIEW_INSPECTIONS)
def inspection_export(request: PartnershipRequest) -> HttpResponse:
    form, filters = _filters(request)
    if form.errors:
        return inspection_list(request, request.partnership.slug)
    inspections = selectors.inspection_list(request.partnership, **filters)
    workbook = inspection_register_workbook(inspections, today=timezone.localdate())
    return file_response(workbook, f"{request.partnership.slug}-inspections.xlsx", XLSX_TYPE)


@partnership_view(VIEW_INSPECTIONS)
def inspection_summary(request: PartnershipRequest) -> HttpResponse:
    """The register (with the list's filters) as a Word summary for a Board paper."""
    form, filters = _filters(request)
    if form.errors:
        return inspection_list(request, request.partnership.slug)
    inspections = selectors.inspection_list(request.partnership, **filters)
    document = inspections_summary_docx(request.partnership, inspections, today=timezone.localdate())
    return file_response(document, f"{request.partnership.slug}-inspections.docx", DOCX_TYPE)


@partnership_view(VIEW_INSPECTION_SUMMARIES)
def inspection_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    inspection = _inspection(request, uuid)
    today = timezone.localdate()
    sees_actions = request.user.has_perm(VIEW_INSPECTIONS, request.partnership)
    if sees_actions:
        findings = selectors.inspection_findings(request.user, inspection)
        progress = selectors.findings_progress(findings, today)
    else:
        findings, progress = list(inspection.findings.select_related("agency")), None
    context = {
        "inspection": inspection,
        "judgements": list(inspection.judgements.all()),
        "findings": findings,
        "progress": progress,
        "sees_actions": sees_actions,
        "can_manage": request.user.has_perm(MANAGE_INSPECTIONS, request.partnership),
    }
    return render(request, "assurance/inspection_detail.html", context)


def _inspection_page(request: PartnershipRequest, inspection: Inspection | None) -> HttpResponse:
    initial: dict[str, Any] | None = None
    if inspection is not None:
        initial = {
            "kind": inspection.kind,
            "title": inspection.title,
            "inspected_body": inspection.inspected_body_id,
            "start_date": inspection.start_date,
            "end_date": inspection.end_date,
            "published_date": inspection.published_date,
            "report_url": inspection.report_url,
            "summary": inspection.summary,
            **judgement_initial(inspection.overall_judgement),
        }
    back = (
        _url("inspection_detail", request, inspection.uuid)
        if inspection
        else _url("inspection_list", request)
    )
    return form_page(
        request,
        form_class=InspectionForm,
        form_kwargs={"agencies": selectors.partnership_agencies(request.partnership)},
        initial=initial,
        title="Change the inspection" if inspection else "Record an inspection",
        caption=inspection.title if inspection else "Inspections",
        save=lambda data: services.inspection_save(
            actor=request.user, partnership=request.partnership, inspection=inspection, **data
        ),
        success_url=lambda saved: _url("inspection_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=INSPECTION_SAVED,
        back_url=back,
    )


@partnership_view(MANAGE_INSPECTIONS)
def inspection_create(request: PartnershipRequest) -> HttpResponse:
    return _inspection_page(request, None)


@partnership_view(MANAGE_INSPECTIONS)
def inspection_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    return _inspection_page(request, _inspection(request, uuid))


@partnership_view(MANAGE_INSPECTIONS)
def judgement_save(request: PartnershipRequest, uuid: str, item: str | None = None) -> HttpResponse:
    inspection = _inspection(request, uuid)
    existing = found_or_404(selectors.judgement_get(inspection, item)) if item else None
    initial = {"area": existing.area, **judgement_initial(existing.judgement)} if existing else None
    return form_page(
        request,
        form_class=JudgementForm,
        initial=initial,
        title="Change the judgement" if existing else "Add a judgement",
        caption=inspection.title,
        save=lambda data: services.judgement_save(
            actor=request.user, inspection=inspection, existing=existing, **data
        ),
        success_url=_url("inspection_detail", request, inspection.uuid) + "#judgements",
        success_message=JUDGEMENT_SAVED,
        back_url=_url("inspection_detail", request, inspection.uuid),
    )


def _finding_saved(finding: object, *, had_action: bool) -> str:
    assert isinstance(finding, InspectionFinding)
    label = finding.get_kind_display()
    action = None if had_action else finding.actions.order_by("-pk").first()
    if action is not None:
        return FINDING_SAVED_WITH_ACTION.format(label=label, reference=action.reference)
    return FINDING_SAVED.format(label=label)


@partnership_view(MANAGE_INSPECTIONS)
def finding_save(request: PartnershipRequest, uuid: str, item: str | None = None) -> HttpResponse:
    inspection = _inspection(request, uuid)
    finding = found_or_404(selectors.finding_get(inspection, item)) if item else None
    has_action = finding is not None and finding.actions.exists()
    initial: dict[str, Any] | None = None
    if finding is not None:
        initial = {"kind": finding.kind, "text": finding.text, "agency": finding.agency_id}
    elif request.GET.get("kind"):
        initial = {"kind": request.GET["kind"]}
    return form_page(
        request,
        form_class=FindingForm,
        form_kwargs={
            "agencies": selectors.partnership_agencies(request.partnership),
            "people": selectors.partnership_people(request.partnership),
            "groups": selectors.partnership_groups(request.partnership),
            "has_action": has_action,
        },
        initial=initial,
        title=str(finding) if finding else "Add a finding",
        caption=inspection.title,
        save=lambda data: services.finding_save(
            actor=request.user, inspection=inspection, finding=finding, **data
        ),
        success_url=_url("inspection_detail", request, inspection.uuid) + "#findings",
        success_message=lambda saved: _finding_saved(saved, had_action=has_action),
        back_url=_url("inspection_detail", request, inspection.uuid),
    )
