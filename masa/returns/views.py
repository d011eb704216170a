"""Pages for statutory returns: upload (a background import with progress), history, population."""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.returns import selectors, services
from masa.returns.forms import ConfirmReplaceForm, LeaveOutChildrenForm, PopulationForm, ReturnUploadForm
from masa.returns.models import JobStatus, ReturnImport, ReturnImportJob, ReturnKind
from masa.returns.readers.indicators import INDICATORS
from masa.returns.readers.leaving_out import children_text, these_children
from masa.returns.rules import MANAGE_RETURNS, VIEW_RETURN_FIGURES

_POSITION = re.compile(r"^(Child \d+|Row \d+)")
#: Problems shown on a job page; the rest are counted.
PROBLEMS_SHOWN = 500


_url = url_in("returns")


def _job(request: PartnershipRequest, job_uuid: Any) -> ReturnImportJob:
    job = found_or_404(selectors.job_get(request.partnership, job_uuid), "No such upload")
    return job


def problem_rows(problems: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Stored problems as table rows: file, child or row (by position), element or column, problem."""
    rows = []
    for problem in problems[:PROBLEMS_SHOWN]:
        message = problem.get("message", "")
        where = problem.get("child") or ""
        if not where:
            found = _POSITION.match(message)
            where = found.group(1) if found else ""
        rows.append(
            {
                "file": problem.get("file") or "",
                "where": where,
                "element": problem.get("element") or "",
                "message": message,
                "severity": problem.get("severity", "error"),
            }
        )
    return rows


def replace_question(job: ReturnImportJob) -> str:
    return f"Replace the {job.year} {job.get_kind_display()} for {job.la_code}?"


@partnership_view(MANAGE_RETURNS)
def return_list(request: PartnershipRequest) -> HttpResponse:
    imports = selectors.import_history(request.partnership)
    return render(
        request,
        "returns/return_list.html",
        {
            "imports": imports,
            "jobs": [
                j for j in selectors.recent_jobs(request.partnership) if j.status != JobStatus.SUCCEEDED
            ],
        },
    )


@partnership_view(MANAGE_RETURNS)
def return_upload(request: PartnershipRequest) -> HttpResponse:
    max_bytes = services.return_upload_max_bytes()
    if request.method == "POST":
        form = ReturnUploadForm(request.POST, request.FILES, max_bytes=max_bytes)
        if form.is_valid():
            data = form.cleaned_data
            try:
                job = services.return_upload_create(
                    actor=request.user,
                    partnership=request.partnership,
                    kind=data["kind"],
                    la_code=data["la_code"],
                    year=data["year"],
                    files=data["return_files"],
                )
            except ValidationError as error:
                form.apply_errors(
                    ValidationError(
                        {"return_files" if k == "files" else k: v for k, v in error.message_dict.items()}
                    )
                )
            else:
                if job.status == JobStatus.CONFIRM:
                    return redirect(_url("job_confirm", request, job.uuid))
                services.return_job_enqueue(job)
                return redirect(_url("job_detail", request, job.uuid))
    else:
        form = ReturnUploadForm(
            initial={"la_code": request.partnership.la_code, "kind": ReturnKind.CIN}, max_bytes=max_bytes
        )
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": "Upload a statutory return",
            "caption": "Statutory returns",
            "back_url": _url("return_list", request),
            "multipart": True,
        },
        status=400 if form.errors else 200,
    )


@partnership_view(MANAGE_RETURNS)
def job_confirm(request: PartnershipRequest, job_uuid: str) -> HttpResponse:
    job = _job(request, job_uuid)
    if job.status != JobStatus.CONFIRM:
        return redirect(_url("job_detail", request, job.uuid))

    def save(data: dict[str, Any]) -> ReturnImportJob:
        return services.return_job_confirm(actor=request.user, job=job, replace=data["replace"] == "yes")

    def done(saved: object) -> str:
        assert isinstance(saved, ReturnImportJob)
        if saved.status == JobStatus.CANCELLED:
            return _url("return_list", request)
        return _url("job_detail", request, saved.uuid)

    return form_page(
        request,
        form_class=ConfirmReplaceForm,
        form_kwargs={"question": replace_question(job)},
        title=replace_question(job),
        caption=f"Upload of {', '.join(job.file_names)}",
        save=save,
        success_url=done,
        success_message=lambda saved: (
            "The upload was cancelled and its files deleted; the current import was kept"
            if getattr(saved, "status", "") == JobStatus.CANCELLED
            else "The import has started"
        ),
        back_url=_url("return_list", request),
    )


@partnership_view(MANAGE_RETURNS)
def job_detail(request: PartnershipRequest, job_uuid: str) -> HttpResponse:
    """The upload's progress and outcome. A return refused only because of particular children
    offers to import it without them (docs/decisions/0004-refusing-impossible-dates.md)."""
    job = _job(request, job_uuid)
    if job.status == JobStatus.CONFIRM:
        return redirect(_url("job_confirm", request, job.uuid))
    children = children_text(job.children_to_leave_out)
    these = these_children(job.children_to_leave_out)
    form = None
    if job.status == JobStatus.REFUSED and job.children_to_leave_out:
        form = LeaveOutChildrenForm(request.POST if request.method == "POST" else None, these=these)
        if request.method == "POST" and "discard" in request.POST:
            services.return_job_discard(actor=request.user, job=job)
            messages.success(request, "The uploaded files were deleted")
            return redirect(_url("job_detail", request, job.uuid))
        if request.method == "POST" and form.is_valid():
            try:
                services.return_job_leave_out_children(actor=request.user, job=job)
            except ValidationError as error:
                form.apply_errors(error)
            else:
                services.return_job_enqueue(job)
                messages.success(request, f"The import has started without {children}")
                return redirect(_url("job_detail", request, job.uuid))
    context: dict[str, Any] = {
        "job": job,
        "leave_out_form": form,
        "these_children": these,
        "problems": problem_rows(job.problems),
        "more_problems": max(0, job.problem_count - min(len(job.problems), PROBLEMS_SHOWN)),
        "status_url": _url("job_status", request, job.uuid),
    }
    if job.status == JobStatus.SUCCEEDED:
        context["indicators"] = indicator_rows(request.partnership, job.year)
    return render(request, "returns/job_detail.html", context, status=400 if form and form.errors else 200)


def left_out_rows(return_import: ReturnImport) -> list[dict[str, str]]:
    """The children left out of an import as table rows, one for each problem that left a child out."""
    return [
        {**row, "child": entry["child_key"][:8]}
        for entry in return_import.children_left_out
        for row in problem_rows(entry.get("problems", []))
    ]


def indicator_rows(partnership: Any, year: str) -> list[dict[str, Any]]:
    results = selectors.indicators_for(partnership, year)
    return [
        {"id": ind_id, "title": INDICATORS[ind_id].title, **result}
        for ind_id, result in results.items()
        if ind_id in INDICATORS
    ]


@partnership_view(VIEW_RETURN_FIGURES)
def import_detail(request: PartnershipRequest, import_uuid: str) -> HttpResponse:
    """Where a dashboard figure computed from a return came from. Problems name pseudonymous
    children only, and are shown to the business team, who import returns."""
    item = found_or_404(selectors.import_get(request.partnership, import_uuid), "No such import")
    can_manage = request.user.has_perm(MANAGE_RETURNS, request.partnership)
    context = {
        "item": item,
        "can_manage": can_manage,
        "problems": problem_rows(item.problems) if can_manage else [],
        "more_problems": max(0, len(item.problems) - PROBLEMS_SHOWN),
        "left_out": left_out_rows(item) if can_manage else [],
        "indicators": indicator_rows(request.partnership, item.year) if item.status == "active" else [],
    }
    return render(request, "returns/import_detail.html", context)


def job_status_data(job: ReturnImportJob) -> dict[str, Any]:
    return {
        "id": job.pk,
        "status": job.status,
        "status_label": job.get_status_display(),
        "progress": job.progress,
        "message": job.message,
        "finished": job.finished,
        "import_id": job.return_import_id,
        "problem_count": job.problem_count,
        "children_to_leave_out": job.children_to_leave_out,
    }


@partnership_view(MANAGE_RETURNS)
@require_GET
def job_status(request: PartnershipRequest, job_uuid: str) -> HttpResponse:
    response = JsonResponse(job_status_data(_job(request, job_uuid)))
    response["Cache-Control"] = "no-store"
    return response


@partnership_view(VIEW_RETURN_FIGURES)
def population_list(request: PartnershipRequest) -> HttpResponse:
    return render(
        request,
        "returns/population_list.html",
        {
            "rows": selectors.population_list(request.partnership),
            "can_manage": request.user.has_perm(MANAGE_RETURNS, request.partnership),
        },
    )


def _population_save(request: PartnershipRequest) -> Any:
    def save(data: dict[str, Any]) -> object:
        return services.population_set(
            actor=request.user,
            partnership=request.partnership,
            la_code=data["la_code"],
            year=data["year"],
            children_0_17=data["children_0_17"],
        )

    return save


def _population_message(saved: object) -> str:
    return f"The 0-17 population of LA {saved.la_code} for {saved.year} is saved"  # type: ignore[attr-defined]


@partnership_view(MANAGE_RETURNS)
def population_add(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=PopulationForm,
        title="Add a 0-17 population figure",
        caption="Population",
        initial={"la_code": request.partnership.la_code},
        save=_population_save(request),
        success_url=_url("population_list", request),
        success_message=_population_message,
        back_url=_url("population_list", request),
    )


@partnership_view(MANAGE_RETURNS)
def population_change(request: PartnershipRequest, population_uuid: str) -> HttpResponse:
    found = found_or_404(
        selectors.population_get(request.partnership, population_uuid), "No such population figure"
    )
    return form_page(
        request,
        form_class=PopulationForm,
        title=f"Change the 0-17 population of LA {found.la_code} for {found.year}",
        caption="Population",
        initial={"la_code": found.la_code, "year": found.year, "children_0_17": found.children_0_17},
        save=_population_save(request),
        success_url=_url("population_list", request),
        success_message=_population_message,
        back_url=_url("population_list", request),
    )
