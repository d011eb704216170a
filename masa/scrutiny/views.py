"""Pages of independent scrutiny and the statement of assurance (thin: parse, call a service or
selector, render). A record outside the user's scope is 404; who may open each action linked from
a finding is still the action tracker's need-to-know scope."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.downloads import DOCX_TYPE, XLSX_TYPE, file_response
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.scrutiny import selectors, services
from masa.scrutiny.documents import statement_docx
from masa.scrutiny.forms import (
    ActivityForm,
    CommentForm,
    FindingForm,
    PlanForm,
    ResponseForm,
    SignOffForm,
    StatementForm,
)
from masa.scrutiny.models import ScrutineerComment, ScrutinyActivity, ScrutinyFinding, ScrutinyPlan
from masa.scrutiny.rules import (
    MANAGE_STATEMENTS,
    RECORD_SCRUTINY,
    RESPOND_TO_FINDINGS,
    SIGN_OFF_STATEMENTS,
    VIEW_COMMENTS,
    VIEW_SCRUTINY,
    VIEW_STATEMENTS,
)
from masa.scrutiny.xlsx import plan_workbook

RESPONSE_SAVED = "Response saved"
RESPONSE_SAVED_WITH_ACTION = "Response saved, and action {reference} added to the action tracker"

_url = url_in("scrutiny")


def _plan(request: PartnershipRequest, uuid: str) -> ScrutinyPlan:
    return found_or_404(selectors.plan_get(request.user, request.partnership, uuid))


@partnership_view(VIEW_COMMENTS)
def overview(request: PartnershipRequest) -> HttpResponse:
    user, partnership = request.user, request.partnership
    context = {
        "plans": list(selectors.plan_list(user, partnership)),
        "comments": list(selectors.comment_list(user, partnership)),
        "sees_plans": user.has_perm(VIEW_SCRUTINY, partnership),
        "can_record": user.has_perm(RECORD_SCRUTINY, partnership),
    }
    return render(request, "scrutiny/overview.html", context)


@partnership_view(VIEW_SCRUTINY)
def plan_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    plan = _plan(request, uuid)
    user, partnership = request.user, request.partnership
    context = {
        "plan": plan,
        "activities": list(plan.activities.all()),
        "can_record": user.has_perm(RECORD_SCRUTINY, partnership),
        "can_respond": user.has_perm(RESPOND_TO_FINDINGS, partnership),
    }
    return render(request, "scrutiny/plan_detail.html", context)


@partnership_view(VIEW_SCRUTINY)
def plan_export(request: PartnershipRequest, uuid: str) -> HttpResponse:
    plan = _plan(request, uuid)
    workbook = plan_workbook(plan, today=timezone.localdate())
    return file_response(
        workbook, f"{request.partnership.slug}-scrutiny-plan-{plan.year_label}.xlsx", XLSX_TYPE
    )


def _plan_page(request: PartnershipRequest, plan: ScrutinyPlan | None) -> HttpResponse:
    return form_page(
        request,
        form_class=PlanForm,
        initial={"year": plan.year, "summary": plan.summary} if plan else None,
        title="Change the plan" if plan else "Plan a year of independent scrutiny",
        caption="Independent scrutiny",
        save=lambda data: services.plan_save(
            actor=request.user, partnership=request.partnership, plan=plan, **data
        ),
        success_url=lambda saved: _url("plan_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message="Plan saved",
        back_url=_url("plan_detail", request, plan.uuid) if plan else _url("overview", request),
    )


@partnership_view(RECORD_SCRUTINY)
def plan_create(request: PartnershipRequest) -> HttpResponse:
    return _plan_page(request, None)


@partnership_view(RECORD_SCRUTINY)
def plan_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    return _plan_page(request, _plan(request, uuid))


@partnership_view(RECORD_SCRUTINY)
def activity_save(request: PartnershipRequest, uuid: str, item: str | None = None) -> HttpResponse:
    plan = _plan(request, uuid)
    activity: ScrutinyActivity | None = found_or_404(selectors.activity_get(plan, item)) if item else None
    initial: dict[str, Any] | None = None
    if activity is not None:
        initial = {
            name: getattr(activity, name) for name in ("kind", "title", "planned_on", "status", "done_on")
        }
    return form_page(
        request,
        form_class=ActivityForm,
        initial=initial,
        title="Change the activity" if activity else "Add an activity",
        caption=str(plan),
        save=lambda data: services.activity_save(actor=request.user, plan=plan, activity=activity, **data),
        success_url=_url("plan_detail", request, plan.uuid) + "#activities",
        success_message="Activity saved",
        back_url=_url("plan_detail", request, plan.uuid),
    )


@partnership_view(RECORD_SCRUTINY)
def finding_add(request: PartnershipRequest, uuid: str, item: str) -> HttpResponse:
    plan = _plan(request, uuid)
    activity = found_or_404(selectors.activity_get(plan, item))
    return form_page(
        request,
        form_class=FindingForm,
        title="Add a finding",
        caption=activity.title,
        save=lambda data: services.finding_save(actor=request.user, activity=activity, **data),
        success_url=lambda saved: _url("plan_detail", request, plan.uuid) + f"#finding-{saved.number}",  # type: ignore[attr-defined]
        success_message="Finding saved",
        back_url=_url("plan_detail", request, plan.uuid),
    )


@partnership_view(RECORD_SCRUTINY)
def finding_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    finding = found_or_404(selectors.finding_get(request.user, request.partnership, uuid))
    plan = finding.activity.plan
    return form_page(
        request,
        form_class=FindingForm,
        initial={"text": finding.text},
        title=f"Change finding {finding.number}",
        caption=finding.activity.title,
        save=lambda data: services.finding_save(
            actor=request.user, activity=finding.activity, finding=finding, **data
        ),
        success_url=_url("plan_detail", request, plan.uuid) + f"#finding-{finding.number}",
        success_message="Finding saved",
        back_url=_url("plan_detail", request, plan.uuid),
    )


def _response_saved(saved: object, *, had_action: bool) -> str:
    assert isinstance(saved, ScrutinyFinding)
    if saved.action is not None and not had_action:
        return RESPONSE_SAVED_WITH_ACTION.format(reference=saved.action.reference)
    return RESPONSE_SAVED


@partnership_view(RESPOND_TO_FINDINGS)
def response_save(request: PartnershipRequest, uuid: str) -> HttpResponse:
    finding = found_or_404(selectors.finding_get(request.user, request.partnership, uuid))
    plan = finding.activity.plan
    had_action = finding.action_id is not None
    initial = (
        {"response": finding.response, "response_text": finding.response_text} if finding.response else None
    )
    return form_page(
        request,
        form_class=ResponseForm,
        form_kwargs={
            "people": selectors.partnership_people(request.partnership),
            "groups": selectors.partnership_groups(request.partnership),
            "needs_action_fields": not had_action,
        },
        initial=initial,
        title=f"The partnership's response to finding {finding.number}",
        caption=finding.text[:120],
        save=lambda data: services.response_save(actor=request.user, finding=finding, **data),
        success_url=_url("plan_detail", request, plan.uuid) + f"#finding-{finding.number}",
        success_message=lambda saved: _response_saved(saved, had_action=had_action),
        back_url=_url("plan_detail", request, plan.uuid),
    )


@partnership_view(RECORD_SCRUTINY)
def comment_save(request: PartnershipRequest, uuid: str | None = None) -> HttpResponse:
    comment: ScrutineerComment | None = (
        found_or_404(selectors.comment_get(request.user, request.partnership, uuid)) if uuid else None
    )
    initial = (
        {"year": comment.year, "text": comment.text, "publish": comment.is_published} if comment else None
    )
    return form_page(
        request,
        form_class=CommentForm,
        initial=initial,
        title=f"Change the comment on {comment.year_label}" if comment else "Write the comment on a year",
        caption="Independent scrutiny",
        save=lambda data: services.comment_save(
            actor=request.user, partnership=request.partnership, comment=comment, **data
        ),
        success_url=_url("overview", request) + "#comments",
        success_message="Comment saved",
        back_url=_url("overview", request),
    )


# The statement of assurance --------------------------------------------------------------------


@partnership_view(VIEW_STATEMENTS)
def statement_list(request: PartnershipRequest) -> HttpResponse:
    statements = list(selectors.statement_list(request.user, request.partnership))
    context = {
        "rows": [(s, selectors.sign_off_summary(s)) for s in statements],
        "can_manage": request.user.has_perm(MANAGE_STATEMENTS, request.partnership),
    }
    return render(request, "scrutiny/statement_list.html", context)


@partnership_view(VIEW_STATEMENTS)
def statement_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    statement = found_or_404(selectors.statement_get(request.user, request.partnership, uuid))
    user, partnership = request.user, request.partnership
    signed_off = [s.user_id for s in statement.sign_offs.all()]
    context = {
        "statement": statement,
        "summary": selectors.sign_off_summary(statement),
        "can_manage": user.has_perm(MANAGE_STATEMENTS, partnership),
        "can_sign": user.has_perm(SIGN_OFF_STATEMENTS, partnership) and user.pk not in signed_off,
    }
    return render(request, "scrutiny/statement_detail.html", context)


@partnership_view(VIEW_STATEMENTS)
def statement_export(request: PartnershipRequest, uuid: str) -> HttpResponse:
    statement = found_or_404(selectors.statement_get(request.user, request.partnership, uuid))
    document = statement_docx(statement, summary=selectors.sign_off_summary(statement))
    return file_response(
        document, f"{request.partnership.slug}-statement-of-assurance-{statement.year_label}.docx", DOCX_TYPE
    )


@partnership_view(MANAGE_STATEMENTS)
def statement_save(request: PartnershipRequest, uuid: str | None = None) -> HttpResponse:
    statement = (
        found_or_404(selectors.statement_get(request.user, request.partnership, uuid)) if uuid else None
    )
    signed = statement is not None and statement.sign_offs.exists()
    return form_page(
        request,
        form_class=StatementForm,
        form_kwargs={"signed": signed},
        initial={"year": statement.year, "text": statement.text} if statement else None,
        title="Change the statement of assurance" if statement else "Draft a statement of assurance",
        caption=f"Statement of assurance {statement.year_label}" if statement else "Statement of assurance",
        save=lambda data: services.statement_save(
            actor=request.user, partnership=request.partnership, statement=statement, **data
        ),
        success_url=lambda saved: _url("statement_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message="Statement saved",
        back_url=_url("statement_detail", request, statement.uuid)
        if statement
        else _url("statement_list", request),
    )


@partnership_view(SIGN_OFF_STATEMENTS)
def statement_sign_off(request: PartnershipRequest, uuid: str) -> HttpResponse:
    statement = found_or_404(selectors.statement_get(request.user, request.partnership, uuid))
    return form_page(
        request,
        form_class=SignOffForm,
        initial={"signed_on": timezone.localdate()},
        title=f"Sign off the statement of assurance {statement.year_label}",
        caption=request.partnership.name,
        save=lambda data: services.statement_sign_off(actor=request.user, statement=statement, **data),
        success_url=_url("statement_detail", request, statement.uuid),
        success_message="Statement signed off",
        back_url=_url("statement_detail", request, statement.uuid),
    )
