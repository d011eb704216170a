"""Pages of multi-agency audits (thin: parse, call a service or selector, render). An audit or a
part the user may not see is "not found" (masa/case_audits/selectors.py)."""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.case_audits import selectors, services
from masa.case_audits.documents import audit_summary_docx
from masa.case_audits.forms import (
    AuditForm,
    CaseForm,
    CompleteForm,
    FindingForm,
    GradeForm,
    ModerationForm,
    PartForm,
    QuestionForm,
    ReopenForm,
    ToolForm,
    moderation_initial,
    part_initial,
)
from masa.case_audits.models import AgencyReturn, Audit, AuditStatus, AuditTool, FindingKind
from masa.case_audits.rules import ANSWER_AUDIT, MANAGE_AUDITS, VIEW_AUDIT_RESULTS, VIEW_AUDITS
from masa.case_audits.xlsx import audit_workbook, audits_register_workbook
from masa.core.downloads import DOCX_TYPE, XLSX_TYPE, file_response
from masa.core.reads import record_read
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page

TOOL_CREATED = "Audit tool created"
QUESTION_SAVED = "Question saved"
GRADE_SAVED = "Grade saved"
AUDIT_OPENED = "Audit opened: add the cases in its sample, then start it"
CASE_ADDED = "Case added to the sample"
CASE_REMOVED = "Case removed from the sample"
STARTED = "Audit started: each agency has a part to complete for each case"
TO_MODERATION = "The audit is in moderation"
DRAFT_SAVED = "Your answers are saved as a draft"
SUBMITTED = "Part submitted"
SUBMITTED_LATE = "Part submitted after the deadline, so it is marked late"
REOPENED = "Part reopened for the agency to change"
MODERATION_SAVED = "Agreed grades saved for {reference}"
FINDING_ADDED = "Finding added"
FINDING_ADDED_ACTION = "Finding added: its action {reference} is in the action tracker"
FINDING_REMOVED = "Finding removed"
COMPLETED = "Audit complete and published"

_url = url_in("case_audits")


def _audit(request: PartnershipRequest, uuid: str) -> Audit:
    return found_or_404(selectors.audit_get(request.user, request.partnership, uuid))


def _tool(request: PartnershipRequest, uuid: str) -> AuditTool:
    return found_or_404(selectors.tool_get(request.partnership, uuid))


def _part(request: PartnershipRequest, uuid: str) -> AgencyReturn:
    return found_or_404(selectors.return_get(request.user, request.partnership, uuid))


def _can_answer(request: PartnershipRequest, part: AgencyReturn) -> bool:
    return (
        not part.is_submitted
        and part.case.audit.status in (AuditStatus.AGENCIES_COMPLETING, AuditStatus.MODERATION)
        and part.agency_id in selectors.lead_agency_ids(request.user, request.partnership)
    )


def _post_service(
    request: PartnershipRequest, call: Callable[[], object], success: str, back: str
) -> HttpResponse:
    try:
        call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(back)


# The register, tools ---------------------------------------------------------------------------


@partnership_view(VIEW_AUDITS)
def audit_list(request: PartnershipRequest) -> HttpResponse:
    user, partnership = request.user, request.partnership
    can_results = user.has_perm(VIEW_AUDIT_RESULTS, partnership)
    scores = selectors.scores_over_time(partnership) if can_results else []
    context = {
        "register": selectors.register(user, partnership),
        "my_parts": selectors.my_returns(user, partnership),
        "tools": list(selectors.tools(partnership)) if user.has_perm(MANAGE_AUDITS, partnership) else [],
        "scores": scores,
        "chart": selectors.scores_chart(partnership, scores),
        "can_results": can_results,
        "can_manage": user.has_perm(MANAGE_AUDITS, partnership),
        "today": timezone.localdate(),
    }
    return render(request, "case_audits/audit_list.html", context)


@partnership_view(VIEW_AUDIT_RESULTS)
def register_export(request: PartnershipRequest) -> HttpResponse:
    workbook = audits_register_workbook(selectors.register(request.user, request.partnership))
    return file_response(workbook, f"{request.partnership.slug}-multi-agency-audits.xlsx", XLSX_TYPE)


@partnership_view(MANAGE_AUDITS)
def tool_create(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=ToolForm,
        title="Design an audit tool",
        caption="Multi-agency audits",
        save=lambda data: services.tool_create(actor=request.user, partnership=request.partnership, **data),
        success_url=lambda saved: _url("tool_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=TOOL_CREATED,
        back_url=_url("audit_list", request),
    )


@partnership_view(MANAGE_AUDITS)
def tool_detail(request: PartnershipRequest, tool: str) -> HttpResponse:
    found = _tool(request, tool)
    context = {
        "tool": found,
        "questions": list(found.questions.all()),
        "grades": list(found.grades.all()),
        "in_use": selectors.tool_in_use(found),
    }
    return render(request, "case_audits/tool_detail.html", context)


@partnership_view(MANAGE_AUDITS)
def question_save(request: PartnershipRequest, tool: str, question: str | None = None) -> HttpResponse:
    found = _tool(request, tool)
    existing = found_or_404(found.questions.filter(uuid=question).first()) if question else None
    return form_page(
        request,
        form_class=QuestionForm,
        initial={"text": existing.text, "guidance": existing.guidance} if existing else None,
        title="Change the question" if existing else "Add a question",
        caption=found.name,
        save=lambda data: services.question_save(actor=request.user, tool=found, question=existing, **data),
        success_url=_url("tool_detail", request, found.uuid),
        success_message=QUESTION_SAVED,
        back_url=_url("tool_detail", request, found.uuid),
    )


@partnership_view(MANAGE_AUDITS)
def grade_edit(request: PartnershipRequest, tool: str, grade: str) -> HttpResponse:
    found = _tool(request, tool)
    existing = found_or_404(found.grades.filter(uuid=grade).first())
    return form_page(
        request,
        form_class=GradeForm,
        initial={"label": existing.label, "descriptor": existing.descriptor},
        title=f"Change grade {existing.value}",
        caption=found.name,
        save=lambda data: services.grade_save(actor=request.user, grade=existing, **data),
        success_url=_url("tool_detail", request, found.uuid),
        success_message=GRADE_SAVED,
        back_url=_url("tool_detail", request, found.uuid),
    )


# Audits ----------------------------------------------------------------------------------------


@partnership_view(MANAGE_AUDITS)
def audit_open(request: PartnershipRequest) -> HttpResponse:
    partnership = request.partnership
    return form_page(
        request,
        form_class=AuditForm,
        form_kwargs={
            "tools": selectors.active_tools(partnership),
            "groups": selectors.partnership_groups(partnership),
            "agencies": selectors.partnership_agencies(partnership),
        },
        title="Open a multi-agency audit",
        caption="Multi-agency audits",
        save=lambda data: services.audit_open(
            actor=request.user, partnership=partnership, **{**data, "agencies": list(data["agencies"])}
        ),
        success_url=lambda saved: _url("audit_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=AUDIT_OPENED,
        back_url=_url("audit_list", request),
    )


@partnership_view(VIEW_AUDITS)
def audit_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    """The whole audit for those who read results; an agency lead's own parts; the published
    summary (findings and learning, no case references or grades) for everyone else."""
    audit = _audit(request, uuid)
    user, partnership = request.user, request.partnership
    can_results = user.has_perm(VIEW_AUDIT_RESULTS, partnership)
    can_manage = user.has_perm(MANAGE_AUDITS, partnership)
    findings = selectors.findings(audit) if audit.is_complete or can_results else []
    context = {
        "audit": audit,
        "finding_groups": [
            (label, [f for f in findings if f.kind == kind]) for kind, label in FindingKind.choices
        ],
        "can_manage_findings": can_manage and audit.status == AuditStatus.MODERATION,
        "can_results": can_results,
        "can_manage": can_manage,
        "results": selectors.audit_results(audit) if can_results else None,
        "findings": findings,
        "my_parts": [] if can_results else selectors.my_returns(user, partnership, audit),
        "statuses": AuditStatus,
    }
    return render(request, "case_audits/audit_detail.html", context)


@partnership_view(VIEW_AUDIT_RESULTS)
def audit_export(request: PartnershipRequest, uuid: str) -> HttpResponse:
    audit = _audit(request, uuid)
    workbook = audit_workbook(selectors.audit_results(audit))
    # Every case's grades in one file: who downloaded it is kept in the audit log.
    record_read(actor=request.user, instance=audit)
    return file_response(workbook, f"{request.partnership.slug}-audit-results.xlsx", XLSX_TYPE)


@partnership_view(VIEW_AUDITS)
def audit_summary(request: PartnershipRequest, uuid: str) -> HttpResponse:
    """The Board paper: for the readers of results at any stage; for others once published."""
    audit = _audit(request, uuid)
    can_results = request.user.has_perm(VIEW_AUDIT_RESULTS, request.partnership)
    if not (audit.is_complete or can_results):
        raise PermissionDenied
    document = audit_summary_docx(
        selectors.audit_results(audit), today=timezone.localdate(), with_grades=can_results
    )
    return file_response(document, f"{request.partnership.slug}-audit-summary.docx", DOCX_TYPE)


@partnership_view(MANAGE_AUDITS)
def case_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    audit = _audit(request, uuid)
    return form_page(
        request,
        form_class=CaseForm,
        title="Add a case to the sample",
        caption=audit.topic,
        save=lambda data: services.case_add(actor=request.user, audit=audit, **data),
        success_url=_url("audit_detail", request, audit.uuid) + "#sample",
        success_message=CASE_ADDED,
        back_url=_url("audit_detail", request, audit.uuid),
    )


@require_POST
@partnership_view(MANAGE_AUDITS)
def case_remove(request: PartnershipRequest, uuid: str, case: str) -> HttpResponse:
    audit = _audit(request, uuid)
    found = found_or_404(selectors.case_get(audit, case))
    return _post_service(
        request,
        lambda: services.case_remove(actor=request.user, case=found),
        CASE_REMOVED,
        _url("audit_detail", request, audit.uuid) + "#sample",
    )


@require_POST
@partnership_view(MANAGE_AUDITS)
def audit_advance(request: PartnershipRequest, uuid: str) -> HttpResponse:
    """Start the audit (planning to agencies completing) or move it to moderation."""
    audit = _audit(request, uuid)
    if audit.status == AuditStatus.PLANNING:
        call: Callable[[], object] = lambda: services.audit_start(actor=request.user, audit=audit)  # noqa: E731
        message = STARTED
    else:
        call = lambda: services.audit_to_moderation(actor=request.user, audit=audit)  # noqa: E731
        message = TO_MODERATION
    return _post_service(request, call, message, _url("audit_detail", request, audit.uuid))


def _label(labels: dict[int, str], answer: Any) -> str | None:
    grade = getattr(answer, "grade", None)
    return labels.get(grade) if grade is not None else None


# Agencies' parts -------------------------------------------------------------------------------


@partnership_view(ANSWER_AUDIT)
def part_detail(request: PartnershipRequest, part: str) -> HttpResponse:
    found = _part(request, part)
    audit = found.case.audit
    questions, grades = selectors.questions(audit), selectors.grades(audit)
    can_answer = _can_answer(request, found)
    form = None
    refused = ""
    if can_answer:
        if request.method == "POST":
            form = PartForm(request.POST, questions=questions, grades=grades)
            submit = "submit_part" in request.POST
            if form.is_valid():
                try:
                    saved = services.return_save(
                        actor=request.user, agency_return=found, answers=form.answers(), submit=submit
                    )
                except ValidationError as error:
                    form.apply_errors(error)
                else:
                    message = (SUBMITTED_LATE if saved.is_late else SUBMITTED) if submit else DRAFT_SAVED
                    messages.success(request, message)
                    return redirect(_url("part_detail", request, found.uuid))
        else:
            form = PartForm(initial=part_initial(found), questions=questions, grades=grades)
    elif request.method == "POST":
        if found.agency_id not in selectors.lead_agency_ids(request.user, request.partnership):
            raise PermissionDenied
        # The agency's own lead, from a page opened before the part was submitted or the audit
        # moved on: the page says why nothing was saved.
        refused = services.RETURN_SUBMITTED if found.is_submitted else services.NOT_COMPLETING
    answers = selectors.agency_return_answers(found)
    labels = {g.value: f"{g.value} {g.label}" for g in grades}
    context = {
        "part": found,
        "audit": audit,
        "form": form,
        "rows": [(q, answers.get(q.pk), _label(labels, answers.get(q.pk))) for q in questions],
        "can_answer": can_answer,
        "can_manage": request.user.has_perm(MANAGE_AUDITS, request.partnership),
        "refused": refused,
    }
    status = 400 if refused or (form and form.errors) else 200
    return render(request, "case_audits/part_detail.html", context, status=status)


@partnership_view(MANAGE_AUDITS)
def part_reopen(request: PartnershipRequest, part: str) -> HttpResponse:
    found = _part(request, part)
    return form_page(
        request,
        form_class=ReopenForm,
        title="Reopen the part",
        caption=f"{found.agency.name}: {found.case.reference}",
        save=lambda data: services.return_reopen(actor=request.user, agency_return=found, **data),
        success_url=_url("part_detail", request, found.uuid),
        success_message=REOPENED,
        back_url=_url("part_detail", request, found.uuid),
    )


# Moderation, findings, completion -------------------------------------------------------------


@partnership_view(MANAGE_AUDITS)
def case_moderate(request: PartnershipRequest, uuid: str, case: str) -> HttpResponse:
    audit = _audit(request, uuid)
    found = found_or_404(selectors.case_get(audit, case))
    if audit.status != AuditStatus.MODERATION:
        messages.error(request, services.NOT_MODERATION)
        return redirect(_url("audit_detail", request, audit.uuid))
    questions, grades = selectors.questions(audit), selectors.grades(audit)
    given: dict[int, list[str]] = defaultdict(list)
    for part in found.returns.filter(status="submitted").select_related("agency").prefetch_related("answers"):
        for answer in part.answers.all():
            if answer.grade is not None:
                given[answer.question_id].append(f"{part.agency.name} {answer.grade}")
    kwargs: dict[str, Any] = {
        "questions": questions,
        "grades": grades,
        "agency_grades": {k: ", ".join(v) for k, v in given.items()},
    }
    back = _url("audit_detail", request, audit.uuid) + "#moderation"
    if request.method == "POST":
        form = ModerationForm(request.POST, **kwargs)
        if form.is_valid():
            try:
                services.moderation_record(
                    actor=request.user,
                    case=found,
                    moderation_on=form.cleaned_data["moderation_on"],
                    grades=form.grades(),
                )
            except ValidationError as error:
                form.apply_errors(error)
            else:
                messages.success(request, MODERATION_SAVED.format(reference=found.reference))
                return redirect(back)
    else:
        form = ModerationForm(initial=moderation_initial(found), **kwargs)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": f"Agree the grades for {found.reference}",
            "caption": audit.topic,
            "back_url": back,
        },
        status=400 if form.errors else 200,
    )


@partnership_view(MANAGE_AUDITS)
def finding_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    audit = _audit(request, uuid)

    def message(saved: object) -> str:
        action = saved.action  # type: ignore[attr-defined]
        return FINDING_ADDED_ACTION.format(reference=action.reference) if action else FINDING_ADDED

    return form_page(
        request,
        form_class=FindingForm,
        form_kwargs={"people": selectors.partnership_people(request.partnership)},
        title="Add a finding",
        caption=audit.topic,
        save=lambda data: services.finding_add(actor=request.user, audit=audit, **data),
        success_url=_url("audit_detail", request, audit.uuid) + "#findings",
        success_message=message,
        back_url=_url("audit_detail", request, audit.uuid),
    )


@require_POST
@partnership_view(MANAGE_AUDITS)
def finding_remove(request: PartnershipRequest, uuid: str, finding: str) -> HttpResponse:
    audit = _audit(request, uuid)
    found = found_or_404(selectors.finding_get(audit, finding))
    return _post_service(
        request,
        lambda: services.finding_remove(actor=request.user, finding=found),
        FINDING_REMOVED,
        _url("audit_detail", request, audit.uuid) + "#findings",
    )


@partnership_view(MANAGE_AUDITS)
def audit_complete(request: PartnershipRequest, uuid: str) -> HttpResponse:
    audit = _audit(request, uuid)
    return form_page(
        request,
        form_class=CompleteForm,
        initial={"summary": audit.summary},
        title="Complete and publish the audit",
        caption=audit.topic,
        save=lambda data: services.audit_complete(actor=request.user, audit=audit, **data),
        success_url=_url("audit_detail", request, audit.uuid),
        success_message=COMPLETED,
        back_url=_url("audit_detail", request, audit.uuid),
    )
