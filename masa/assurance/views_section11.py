"""Pages of the Section 11 and Section 175 self-assessments (thin: parse, call a service or
selector, render). A return an agency lead does not answer for is "not found"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.assurance import selectors_section11 as selectors
from masa.assurance import services_section11 as services
from masa.assurance.documents import section11_summary_docx
from masa.assurance.forms_section11 import (
    ChallengeForm,
    CycleForm,
    DefaultSetForm,
    EvidenceFileForm,
    ImprovementForm,
    ReopenForm,
    ReturnForm,
    StandardForm,
    challenge_initial,
    return_initial,
)
from masa.assurance.models import Rating, Section11Return, StandardsSet
from masa.assurance.rules import (
    ANSWER_SECTION11,
    MANAGE_SECTION11,
    VIEW_SECTION11,
    VIEW_SECTION11_RESULTS,
)
from masa.assurance.xlsx_section11 import results_workbook
from masa.core.downloads import DOCX_TYPE, XLSX_TYPE, file_response
from masa.core.reads import uploaded_file_response
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page

SET_CREATED = "Standards set created"
STANDARD_SAVED = "Standard saved"
STANDARD_MOVED = "Standard moved"
CYCLE_OPENED = "Cycle opened: {count} returns asked for"
DRAFT_SAVED = "Your answers are saved as a draft"
SUBMITTED = "Return submitted"
SUBMITTED_LATE = "Return submitted after the deadline, so it is marked late"
IMPROVEMENT_ADDED = "Improvement action added: it goes to the action tracker when you submit the return"
IMPROVEMENT_REMOVED = "Improvement action removed"
REOPENED = "Return reopened for the agency to change"
EVIDENCE_ADDED = "Evidence uploaded"
EVIDENCE_REMOVED = "Evidence removed"
CHALLENGE_SAVED = "Challenge session saved: the results show the agreed ratings"

_url = url_in("assurance")


def _set(request: PartnershipRequest, uuid: str) -> StandardsSet:
    return found_or_404(selectors.standards_set_get(request.partnership, uuid))


def _return(request: PartnershipRequest, uuid: str) -> Section11Return:
    return found_or_404(selectors.return_get(request.user, request.partnership, uuid))


def _can_answer(request: PartnershipRequest, ret: Section11Return) -> bool:
    return not ret.is_submitted and ret.agency_id in selectors.lead_agency_ids(
        request.user, request.partnership
    )


@partnership_view(VIEW_SECTION11)
def section11_home(request: PartnershipRequest) -> HttpResponse:
    user, partnership = request.user, request.partnership
    can_results = user.has_perm(VIEW_SECTION11_RESULTS, partnership)
    can_manage = user.has_perm(MANAGE_SECTION11, partnership)
    today = timezone.localdate()
    context = {
        "cycles": list(selectors.cycle_list(partnership)) if can_results else [],
        "my_returns": [(r, selectors.due_state(r, today)) for r in selectors.my_returns(user, partnership)],
        "sets": list(selectors.standards_sets(partnership)) if can_manage else [],
        "can_results": can_results,
        "can_manage": can_manage,
    }
    return render(request, "assurance/section11/home.html", context)


@partnership_view(MANAGE_SECTION11)
def set_from_default(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=DefaultSetForm,
        title="Create a standards set from masa's default",
        caption="Section 11 and Section 175",
        save=lambda data: services.standards_set_from_default(
            actor=request.user, partnership=request.partnership, **data
        ),
        success_url=lambda saved: _url("set_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=SET_CREATED,
        back_url=_url("section11_home", request),
    )


@partnership_view(MANAGE_SECTION11)
def set_detail(request: PartnershipRequest, standards_set: str) -> HttpResponse:
    found = _set(request, standards_set)
    context = {
        "standards_set": found,
        "standards": list(found.standards.order_by("number", "pk")),
        "in_use": selectors.set_in_use(found),
    }
    return render(request, "assurance/section11/set_detail.html", context)


@partnership_view(MANAGE_SECTION11)
def standard_save(
    request: PartnershipRequest, standards_set: str, standard: str | None = None
) -> HttpResponse:
    found = _set(request, standards_set)
    existing = found_or_404(selectors.standard_get(found, standard)) if standard else None
    initial = None
    if existing is not None:
        initial = {name: getattr(existing, name) for name in StandardForm.base_fields}
    return form_page(
        request,
        form_class=StandardForm,
        initial=initial,
        title="Change the standard" if existing else "Add a standard",
        caption=found.name,
        save=lambda data: services.standard_save(
            actor=request.user, standards_set=found, standard=existing, **data
        ),
        success_url=_url("set_detail", request, found.uuid),
        success_message=STANDARD_SAVED,
        back_url=_url("set_detail", request, found.uuid),
    )


@require_POST
@partnership_view(MANAGE_SECTION11)
def standard_move(request: PartnershipRequest, standards_set: str, standard: str) -> HttpResponse:
    found = _set(request, standards_set)
    item = found_or_404(selectors.standard_get(found, standard))
    try:
        services.standard_move(actor=request.user, standard=item, up=request.POST.get("direction") == "up")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, STANDARD_MOVED)
    return redirect(_url("set_detail", request, found.uuid))


@partnership_view(MANAGE_SECTION11)
def cycle_open(request: PartnershipRequest) -> HttpResponse:
    partnership = request.partnership
    return form_page(
        request,
        form_class=CycleForm,
        form_kwargs={
            "sets": StandardsSet.objects.filter(partnership=partnership, is_active=True),
            "agencies": selectors.partnership_agencies(partnership),
        },
        title="Open a self-assessment cycle",
        caption="Section 11 and Section 175",
        save=lambda data: services.cycle_open(
            actor=request.user, partnership=partnership, **{**data, "agencies": list(data["agencies"])}
        ),
        success_url=lambda saved: _url("cycle_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=lambda saved: CYCLE_OPENED.format(count=saved.returns.count()),  # type: ignore[attr-defined]
        back_url=_url("section11_home", request),
    )


@partnership_view(VIEW_SECTION11_RESULTS)
def cycle_detail(request: PartnershipRequest, cycle: str) -> HttpResponse:
    found = found_or_404(selectors.cycle_get(request.partnership, cycle))
    results = selectors.cycle_results(found)
    context = {
        "cycle": found,
        "results": results,
        "today": timezone.localdate(),
        "can_manage": request.user.has_perm(MANAGE_SECTION11, request.partnership),
        "ratings": Rating.choices,
    }
    return render(request, "assurance/section11/cycle_detail.html", context)


@partnership_view(VIEW_SECTION11_RESULTS)
def cycle_export(request: PartnershipRequest, cycle: str) -> HttpResponse:
    found = found_or_404(selectors.cycle_get(request.partnership, cycle))
    workbook = results_workbook(selectors.cycle_results(found))
    return file_response(workbook, f"{request.partnership.slug}-self-assessment-results.xlsx", XLSX_TYPE)


@partnership_view(VIEW_SECTION11_RESULTS)
def cycle_summary(request: PartnershipRequest, cycle: str) -> HttpResponse:
    found = found_or_404(selectors.cycle_get(request.partnership, cycle))
    document = section11_summary_docx(selectors.cycle_results(found), today=timezone.localdate())
    return file_response(document, f"{request.partnership.slug}-self-assessment-summary.docx", DOCX_TYPE)


@partnership_view(ANSWER_SECTION11)
def return_detail(request: PartnershipRequest, ret: str) -> HttpResponse:
    found = _return(request, ret)
    can_answer = _can_answer(request, found)
    form = None
    if can_answer:
        if request.method == "POST":
            form = ReturnForm(request.POST, section11_return=found)
            submit = "submit_return" in request.POST
            if form.is_valid():
                try:
                    saved = services.return_save(
                        actor=request.user, section11_return=found, answers=form.answers(), submit=submit
                    )
                except ValidationError as error:
                    form.apply_errors(error)
                else:
                    message = (SUBMITTED_LATE if saved.is_late else SUBMITTED) if submit else DRAFT_SAVED
                    messages.success(request, message)
                    return redirect(_url("return_detail", request, found.uuid))
        else:
            form = ReturnForm(initial=return_initial(found), section11_return=found)
    elif request.method == "POST":
        raise PermissionDenied
    context = {
        "ret": found,
        "form": form,
        "ratings": {r.standard_id: r for r in found.ratings.all()},
        "standards": list(found.cycle.standards_set.standards.order_by("number", "pk")),
        "improvements": list(found.improvements.all()),
        "state": selectors.due_state(found, timezone.localdate()),
        "can_answer": can_answer,
        "can_manage": request.user.has_perm(MANAGE_SECTION11, request.partnership),
    }
    return render(
        request,
        "assurance/section11/return_detail.html",
        context,
        status=400 if form and form.errors else 200,
    )


@partnership_view(ANSWER_SECTION11)
def improvement_add(request: PartnershipRequest, ret: str) -> HttpResponse:
    found = _return(request, ret)
    if not _can_answer(request, found):
        raise PermissionDenied
    return form_page(
        request,
        form_class=ImprovementForm,
        form_kwargs={"people": selectors.agency_people(request.partnership, found.agency)},
        title="Add an improvement action",
        caption=f"{found.agency.name}: {found.cycle.title}",
        save=lambda data: services.improvement_add(actor=request.user, section11_return=found, **data),
        success_url=_url("return_detail", request, found.uuid) + "#improvements",
        success_message=IMPROVEMENT_ADDED,
        back_url=_url("return_detail", request, found.uuid),
    )


@require_POST
@partnership_view(ANSWER_SECTION11)
def improvement_remove(request: PartnershipRequest, ret: str, item: str) -> HttpResponse:
    found = _return(request, ret)
    if not _can_answer(request, found):
        raise PermissionDenied
    improvement = found.improvements.filter(uuid=item).first()
    if improvement is None:
        raise Http404("No such improvement action")
    try:
        services.improvement_remove(actor=request.user, improvement=improvement)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, IMPROVEMENT_REMOVED)
    return redirect(_url("return_detail", request, found.uuid) + "#improvements")


@partnership_view(MANAGE_SECTION11)
def return_reopen(request: PartnershipRequest, ret: str) -> HttpResponse:
    found = _return(request, ret)
    return form_page(
        request,
        form_class=ReopenForm,
        title="Reopen the return",
        caption=f"{found.agency.name}: {found.cycle.title}",
        save=lambda data: services.return_reopen(actor=request.user, section11_return=found, **data),
        success_url=_url("return_detail", request, found.uuid),
        success_message=REOPENED,
        back_url=_url("return_detail", request, found.uuid),
    )


@partnership_view(ANSWER_SECTION11)
def evidence_add(request: PartnershipRequest, ret: str) -> HttpResponse:
    found = _return(request, ret)
    if not _can_answer(request, found):
        raise PermissionDenied
    return form_page(
        request,
        form_class=EvidenceFileForm,
        form_kwargs={"standards": found.cycle.standards_set.standards.order_by("number", "pk")},
        title="Upload evidence",
        caption=f"{found.agency.name}: {found.cycle.title}",
        save=lambda data: services.evidence_add(actor=request.user, section11_return=found, **data),
        success_url=_url("return_detail", request, found.uuid) + "#evidence",
        success_message=EVIDENCE_ADDED,
        back_url=_url("return_detail", request, found.uuid),
        multipart=True,
    )


@partnership_view(ANSWER_SECTION11)
def evidence_download(request: PartnershipRequest, ret: str, item: str) -> HttpResponse:
    found = _return(request, ret)
    evidence = found_or_404(selectors.evidence_get(found, item))
    return uploaded_file_response(
        actor=request.user, instance=evidence, file=evidence.file, name=evidence.original_name
    )


@require_POST
@partnership_view(ANSWER_SECTION11)
def evidence_remove(request: PartnershipRequest, ret: str, item: str) -> HttpResponse:
    found = _return(request, ret)
    if not _can_answer(request, found):
        raise PermissionDenied
    evidence = found_or_404(selectors.evidence_get(found, item))
    try:
        services.evidence_remove(actor=request.user, evidence=evidence)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, EVIDENCE_REMOVED)
    return redirect(_url("return_detail", request, found.uuid) + "#evidence")


@partnership_view(MANAGE_SECTION11)
def return_challenge(request: PartnershipRequest, ret: str) -> HttpResponse:
    found = _return(request, ret)
    if not found.is_submitted:
        messages.error(request, services.CHALLENGE_NOT_SUBMITTED)
        return redirect(_url("return_detail", request, found.uuid))
    if request.method == "POST":
        form = ChallengeForm(request.POST, section11_return=found)
        if form.is_valid():
            try:
                services.return_challenge(
                    actor=request.user,
                    section11_return=found,
                    challenged_on=form.cleaned_data["challenged_on"],
                    challenged_by=form.cleaned_data["challenged_by"],
                    summary=form.cleaned_data["summary"],
                    moderated=form.moderated(),
                )
            except ValidationError as error:
                form.apply_errors(error)
            else:
                messages.success(request, CHALLENGE_SAVED)
                return redirect(_url("return_detail", request, found.uuid) + "#challenge")
    else:
        form = ChallengeForm(initial=challenge_initial(found), section11_return=found)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": "Record the challenge session",
            "caption": f"{found.agency.name}: {found.cycle.title}",
            "back_url": _url("return_detail", request, found.uuid),
        },
        status=400 if form.errors else 200,
    )
