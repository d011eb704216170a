"""Pages for a partnership's structure. Thin: parse, call a service or selector, render."""

from typing import cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.actions.rules import VIEW_ACTIONS
from masa.assurance.rules import VIEW_ASSURANCE_REQUESTS
from masa.assurance.selectors import request_list
from masa.core.access import public_view
from masa.core.downloads import file_response
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.governance.rules import VIEW_MEETINGS
from masa.governance.selectors import visible_group_get
from masa.partnership import selectors, services
from masa.partnership.models import Principle, Value
from masa.structure.diagram import structure_svg
from masa.structure.documents import arrangements_docx
from masa.structure.forms import (
    AgencyEditForm,
    AgencyForm,
    GroupEditForm,
    GroupForm,
    GroupMemberForm,
    ObjectiveForm,
    PersonEditForm,
    PersonForm,
    PlanForm,
    PriorityForm,
    StatementForm,
    VisionForm,
)
from masa.structure.rules import MANAGE_STRUCTURE, VIEW_STRUCTURE

_found = found_or_404


_url = url_in("structure")


@partnership_view(VIEW_STRUCTURE)
def structure(request: PartnershipRequest) -> HttpResponse:
    arrangements = selectors.arrangements_for(request.partnership)
    return render(
        request,
        "structure/structure.html",
        {"a": arrangements, "can_manage": request.user.has_perm(MANAGE_STRUCTURE, request.partnership)},
    )


# Agencies ---------------------------------------------------------------------------------


@partnership_view(VIEW_STRUCTURE)
def agency_list(request: PartnershipRequest) -> HttpResponse:
    return render(
        request,
        "structure/agency_list.html",
        {
            "agencies": selectors.agency_list(request.partnership),
            "can_manage": request.user.has_perm(MANAGE_STRUCTURE, request.partnership),
        },
    )


@partnership_view(MANAGE_STRUCTURE)
def agency_add(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=AgencyForm,
        title="Add an agency",
        save=lambda data: services.agency_add(actor=request.user, partnership=request.partnership, **data),
        success_url=_url("agency_list", request),
        success_message="Agency added",
        back_url=_url("agency_list", request),
    )


@partnership_view(MANAGE_STRUCTURE)
def agency_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    link = _found(selectors.agency_get(request.partnership, uuid))
    return form_page(
        request,
        form_class=AgencyEditForm,
        title=f"Change {link.agency.name}",
        initial={
            "name": link.agency.name,
            "agency_type": link.agency.agency_type,
            "status": link.status,
            "description": link.description,
            "is_active": link.is_active,
        },
        save=lambda data: services.agency_update(actor=request.user, link=link, **data),
        success_url=_url("agency_list", request),
        success_message="Agency updated",
        back_url=_url("agency_list", request),
    )


# People -----------------------------------------------------------------------------------


@partnership_view(VIEW_STRUCTURE)
def person_list(request: PartnershipRequest) -> HttpResponse:
    return render(
        request,
        "structure/person_list.html",
        {
            "people": selectors.person_list(request.partnership),
            "can_manage": request.user.has_perm(MANAGE_STRUCTURE, request.partnership),
        },
    )


@partnership_view(MANAGE_STRUCTURE)
def person_add(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=PersonForm,
        form_kwargs={"agencies": selectors.agency_choices(request.partnership)},
        title="Add a person",
        save=lambda data: services.person_create(actor=request.user, partnership=request.partnership, **data),
        success_url=_url("person_list", request),
        success_message="Person added",
        back_url=_url("person_list", request),
    )


@partnership_view(MANAGE_STRUCTURE)
def person_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    person = _found(selectors.person_get(request.partnership, uuid))
    return form_page(
        request,
        form_class=PersonEditForm,
        form_kwargs={"agencies": selectors.agency_choices(request.partnership)},
        title=f"Change {person.name}",
        initial={
            "name": person.name,
            "job_title": person.job_title,
            "agency": person.agency,
            "email": person.email,
            "is_active": person.is_active,
        },
        save=lambda data: services.person_update(actor=request.user, person=person, **data),
        success_url=_url("person_list", request),
        success_message="Person updated",
        back_url=_url("person_list", request),
    )


# Groups -----------------------------------------------------------------------------------


@partnership_view(VIEW_STRUCTURE)
def group_list(request: PartnershipRequest) -> HttpResponse:
    return render(
        request,
        "structure/group_list.html",
        {
            "groups": selectors.group_list(request.partnership),
            "can_manage": request.user.has_perm(MANAGE_STRUCTURE, request.partnership),
        },
    )


@partnership_view(VIEW_STRUCTURE)
def group_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    group = _found(selectors.group_get(request.partnership, uuid))
    # The workplan page shows only groups the user may see (governance need-to-know).
    can_view_workplan = visible_group_get(request.user, request.partnership, str(group.uuid)) is not None
    can_view_requests = request.user.has_perm(VIEW_ASSURANCE_REQUESTS, request.partnership)
    # The group's requests past due with no report, among those this user may see.
    overdue_requests = (
        list(request_list(request.user, request.partnership, group=group, overdue=True)[:10])
        if can_view_requests
        else []
    )
    return render(
        request,
        "structure/group_detail.html",
        {
            "group": group,
            "can_manage": request.user.has_perm(MANAGE_STRUCTURE, request.partnership),
            "can_view_workplan": can_view_workplan,
            "can_view_meetings": request.user.has_perm(VIEW_MEETINGS, request.partnership),
            "can_view_actions": request.user.has_perm(VIEW_ACTIONS, request.partnership),
            "can_view_requests": can_view_requests,
            "overdue_requests": overdue_requests,
        },
    )


def _group_form_kwargs(request: PartnershipRequest, exclude_pk: int | None = None) -> dict:
    groups = selectors.group_list(request.partnership).filter(is_active=True)
    if exclude_pk:
        groups = groups.exclude(pk=exclude_pk)
    return {
        "people": selectors.person_list(request.partnership, active_only=True),
        "groups": groups,
    }


@partnership_view(MANAGE_STRUCTURE)
def group_add(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=GroupForm,
        form_kwargs=_group_form_kwargs(request),
        initial={"quorum": 3, "min_meetings_per_year": 4},
        title="Add a group",
        save=lambda data: services.group_save(actor=request.user, partnership=request.partnership, **data),
        success_url=lambda group: _url("group_detail", request, group.uuid),  # type: ignore[attr-defined]
        success_message="Group added",
        back_url=_url("group_list", request),
    )


@partnership_view(MANAGE_STRUCTURE)
def group_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    group = _found(selectors.group_get(request.partnership, uuid))
    fields = ["name", "short_name", "kind", "purpose", "people", "process", "chair", "quorum"]
    initial = {f: getattr(group, f) for f in fields}
    initial.update(
        min_meetings_per_year=group.min_meetings_per_year,
        reports_to=group.reports_to,
        is_active=group.is_active,
    )
    return form_page(
        request,
        form_class=GroupEditForm,
        form_kwargs=_group_form_kwargs(request, exclude_pk=group.pk),
        initial=initial,
        title="Change terms of reference",
        caption=group.name,
        save=lambda data: services.group_save(
            actor=request.user, partnership=request.partnership, group=group, **data
        ),
        success_url=_url("group_detail", request, group.uuid),
        success_message="Terms of reference updated",
        back_url=_url("group_detail", request, group.uuid),
    )


@partnership_view(MANAGE_STRUCTURE)
def group_member_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    group = _found(selectors.group_get(request.partnership, uuid))
    current = [m.person_id for m in group.members.all()]
    return form_page(
        request,
        form_class=GroupMemberForm,
        form_kwargs={
            "people": selectors.person_list(request.partnership, active_only=True).exclude(pk__in=current)
        },
        initial={"member_type": "voting"},
        title="Add a member",
        caption=group.name,
        save=lambda data: services.group_member_add(actor=request.user, group=group, **data),
        success_url=_url("group_detail", request, group.uuid),
        success_message="Member added",
        back_url=_url("group_detail", request, group.uuid),
    )


@partnership_view(MANAGE_STRUCTURE)
def group_member_remove(request: PartnershipRequest, uuid: str, member_uuid: str) -> HttpResponse:
    group = _found(selectors.group_get(request.partnership, uuid))
    member = _found(next((m for m in group.members.all() if str(m.uuid) == str(member_uuid)), None))
    if request.method == "POST":
        services.group_member_remove(actor=request.user, member=member)
        from django.contrib import messages

        messages.success(request, f"{member.person.name} removed from {group.name}")
        return redirect(_url("group_detail", request, group.uuid))
    return render(request, "structure/group_member_remove.html", {"group": group, "member": member})


# Vision, values and principles ------------------------------------------------------------


@partnership_view(MANAGE_STRUCTURE)
def vision_edit(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=VisionForm,
        initial={"vision": request.partnership.vision},
        title="Change the vision",
        save=lambda data: services.partnership_update_vision(
            actor=request.user, partnership=request.partnership, **data
        ),
        success_url=_url("structure", request),
        success_message="Vision updated",
        back_url=_url("structure", request),
    )


STATEMENT_MODELS: dict[str, type[Value] | type[Principle]] = {"values": Value, "principles": Principle}


def _statement_page(request: PartnershipRequest, kind: str, uuid: str | None) -> HttpResponse:
    model = STATEMENT_MODELS[kind]
    noun = str(model._meta.verbose_name)
    statement: Value | Principle | None = None
    if uuid is not None:
        # cast: mypy infers found_or_404's type from the union as the common base, Statement.
        statement = cast(
            Value | Principle,
            _found(model.objects.filter(partnership=request.partnership, uuid=uuid).first()),
        )
    initial = (
        {"title": statement.title, "description": statement.description, "order": statement.order}
        if statement
        else {"order": model.objects.filter(partnership=request.partnership).count() + 1}
    )
    return form_page(
        request,
        form_class=StatementForm,
        initial=initial,
        title=f"Change {noun}" if statement else f"Add a {noun}",
        save=lambda data: services.statement_save(
            actor=request.user,
            partnership=request.partnership,
            model=model,
            statement=statement,
            **data,
        ),
        success_url=_url("structure", request),
        success_message=f"{noun.capitalize()} saved",
        back_url=_url("structure", request),
    )


@partnership_view(MANAGE_STRUCTURE)
def statement_add(request: PartnershipRequest, kind: str) -> HttpResponse:
    return _statement_page(request, kind, None)


@partnership_view(MANAGE_STRUCTURE)
def statement_edit(request: PartnershipRequest, kind: str, uuid: str) -> HttpResponse:
    return _statement_page(request, kind, uuid)


# Strategic plans, priorities and objectives -----------------------------------------------


@partnership_view(VIEW_STRUCTURE)
def plan_list(request: PartnershipRequest) -> HttpResponse:
    return render(
        request,
        "structure/plan_list.html",
        {
            "plans": selectors.plan_list(request.partnership),
            "can_manage": request.user.has_perm(MANAGE_STRUCTURE, request.partnership),
        },
    )


@partnership_view(MANAGE_STRUCTURE)
def plan_add(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=PlanForm,
        title="Add a strategic plan",
        save=lambda data: services.plan_save(actor=request.user, partnership=request.partnership, **data),
        success_url=_url("plan_list", request),
        success_message="Strategic plan added",
        back_url=_url("plan_list", request),
    )


@partnership_view(MANAGE_STRUCTURE)
def plan_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    plan = _found(selectors.plan_get(request.partnership, uuid))
    return form_page(
        request,
        form_class=PlanForm,
        initial={"title": plan.title, "start_year": plan.start_year, "end_year": plan.end_year},
        title="Change strategic plan",
        save=lambda data: services.plan_save(
            actor=request.user, partnership=request.partnership, plan=plan, **data
        ),
        success_url=_url("plan_list", request),
        success_message="Strategic plan updated",
        back_url=_url("plan_list", request),
    )


@partnership_view(MANAGE_STRUCTURE)
def priority_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    plan = _found(selectors.plan_get(request.partnership, uuid))
    return form_page(
        request,
        form_class=PriorityForm,
        initial={"order": len(plan.priorities.all()) + 1},
        title="Add a priority",
        caption=plan.title,
        save=lambda data: services.priority_save(actor=request.user, plan=plan, **data),
        success_url=_url("plan_list", request),
        success_message="Priority added",
        back_url=_url("plan_list", request),
    )


@partnership_view(MANAGE_STRUCTURE)
def priority_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    priority = _found(selectors.priority_get(request.partnership, uuid))
    return form_page(
        request,
        form_class=PriorityForm,
        initial={"title": priority.title, "description": priority.description, "order": priority.order},
        title="Change priority",
        caption=priority.plan.title,
        save=lambda data: services.priority_save(
            actor=request.user, plan=priority.plan, priority=priority, **data
        ),
        success_url=_url("plan_list", request),
        success_message="Priority updated",
        back_url=_url("plan_list", request),
    )


@partnership_view(MANAGE_STRUCTURE)
def objective_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    priority = _found(selectors.priority_get(request.partnership, uuid))
    return form_page(
        request,
        form_class=ObjectiveForm,
        initial={"order": len(priority.objectives.all()) + 1},
        title="Add an objective",
        caption=priority.title,
        save=lambda data: services.objective_save(actor=request.user, priority=priority, **data),
        success_url=_url("plan_list", request),
        success_message="Objective added",
        back_url=_url("plan_list", request),
    )


@partnership_view(MANAGE_STRUCTURE)
def objective_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    objective = _found(selectors.objective_get(request.partnership, uuid))
    return form_page(
        request,
        form_class=ObjectiveForm,
        initial={"text": objective.text, "order": objective.order},
        title="Change objective",
        caption=objective.priority.title,
        save=lambda data: services.objective_save(
            actor=request.user, priority=objective.priority, objective=objective, **data
        ),
        success_url=_url("plan_list", request),
        success_message="Objective updated",
        back_url=_url("plan_list", request),
    )


# Public arrangements ----------------------------------------------------------------------


def _public_arrangements(slug: str) -> selectors.Arrangements:
    partnership = _found(selectors.partnership_public_get(slug))
    return selectors.arrangements_for(partnership)


@public_view
def arrangements(request: HttpRequest, slug: str) -> HttpResponse:
    a = _public_arrangements(slug)
    request.partnership = a.partnership  # type: ignore[attr-defined]
    return render(request, "structure/arrangements.html", {"a": a, "diagram": structure_svg(a.tree)})


@public_view
def arrangements_download(request: HttpRequest, slug: str) -> HttpResponse:
    a = _public_arrangements(slug)
    return file_response(
        arrangements_docx(a),
        f"{slug}-safeguarding-arrangements.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
