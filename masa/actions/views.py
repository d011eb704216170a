"""Pages of the actions app (thin: parse, call a service or selector, render).

Who may see an action is decided by the selectors (need-to-know scope: anything else is 404);
who may change one by masa.actions.permissions (anyone else gets 403).
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from masa.accounts.permissions import (
    PartnershipRequest,
    SignedInRequest,
    partnership_view,
    signed_in_view,
    url_in,
)
from masa.actions import selectors, services
from masa.actions.forms import (
    ActionFilterForm,
    BulkChangeForm,
    ChangeForm,
    CloseForm,
    EvidenceForm,
    ImportForm,
    ReopenForm,
    SettingsForm,
    UpdateForm,
    WithdrawForm,
)
from masa.actions.models import Action, ActionStatus
from masa.actions.rules import (
    BULK_CHANGE_ACTIONS,
    CHANGE_ACTION,
    IMPORT_ACTIONS,
    MANAGE_ACTIONS,
    REOPEN_ACTION,
    UPDATE_ACTION,
    VIEW_ACTIONS,
    WITHDRAW_ACTION,
)
from masa.actions.xlsx import (
    ActionLogError,
    LogRow,
    action_log_workbook,
    import_template_workbook,
    read_log_file,
)
from masa.core.dates import long_date
from masa.core.downloads import XLSX_TYPE, file_response
from masa.core.reads import uploaded_file_response
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page

PAGE_SIZE = 50
UPDATE_POSTED = "Update posted"
EVIDENCE_ADDED = "Evidence added"
ACTION_CLOSED = "Action closed"
ACTION_REOPENED = "Action reopened"
ACTION_CHANGED = "Action changed"
ACTION_WITHDRAWN = "Action withdrawn"
SETTINGS_SAVED = "Reminder settings saved"
BULK_CHOOSE = "Select the actions to change, then choose what to change"
BULK_TOO_MANY = "Select {limit} actions or fewer"
MAX_BULK = 200
BULK_TITLES = {
    services.BULK_OWNER: "Reassign actions",
    services.BULK_DUE_DATE: "Move due dates",
    services.BULK_WITHDRAW: "Withdraw actions",
}


_found = found_or_404


_url = url_in("actions")


def _paginate(request: SignedInRequest, qs: QuerySet) -> tuple[Page, str]:
    """A page of 50 rows and the query string without the page number (for the page links)."""
    query = request.GET.copy()
    query.pop("page", None)
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page")), query.urlencode()


def _action(request: PartnershipRequest, uuid: str) -> Action:
    """An action the user may see (another partnership's, or one outside their scope, is 404)."""
    return _found(selectors.action_get(request.user, request.partnership, uuid))


def _changeable(request: PartnershipRequest, uuid: str, permission: str = UPDATE_ACTION) -> Action:
    action = _action(request, uuid)
    if not request.user.has_perm(permission, action):
        raise PermissionDenied
    return action


def _caption(action: Action) -> str:
    return f"{action.reference}: {action.title}"


# Lists ------------------------------------------------------------------------------------


@signed_in_view
def my_actions(request: SignedInRequest) -> HttpResponse:
    show_all = request.GET.get("show") == "all"
    page, query = _paginate(request, selectors.my_actions(request.user, include_closed=show_all))
    return render(
        request,
        "actions/my_actions.html",
        {
            "page": page,
            "query": query,
            "show_all": show_all,
            "today": timezone.localdate(),
            "openable": selectors.partnerships_viewing_actions(request.user),
        },
    )


def _filter_form(request: PartnershipRequest, group=None) -> ActionFilterForm:
    return ActionFilterForm(
        request.GET or None,
        groups=None if group else selectors.action_filter_groups(request.partnership),
        agencies=selectors.action_filter_agencies(request.partnership),
        people=selectors.action_filter_people(request.partnership),
    )


def _list_page(request: PartnershipRequest, group=None, selection_error: str = "") -> HttpResponse:
    form = _filter_form(request, group)
    filters = {**form.filters(), **({"group": group} if group else {})}
    actions = selectors.action_search(request.user, request.partnership, **filters)
    page, query = _paginate(request, actions)
    user = request.user
    can_bulk = user.has_perm(BULK_CHANGE_ACTIONS, request.partnership)
    for action in page:
        # A tick box only where this user may change or withdraw the action (rules.py).
        action.can_bulk = (  # type: ignore[attr-defined]
            can_bulk
            and action.is_open
            and (user.has_perm(CHANGE_ACTION, action) or user.has_perm(WITHDRAW_ACTION, action))
        )
    context: dict[str, object] = {
        "form": form,
        "page": page,
        "query": query,
        "group": group,
        "today": timezone.localdate(),
        "can_manage": user.has_perm(MANAGE_ACTIONS, request.partnership),
        "can_import": user.has_perm(IMPORT_ACTIONS, request.partnership),
        "first_bulk": next((a for a in page if a.can_bulk), None),  # type: ignore[attr-defined]
        "selection_error": selection_error,
    }
    context["can_bulk"] = context["first_bulk"] is not None
    status = 400 if form.errors or selection_error else 200
    return render(request, "actions/action_list.html", context, status=status)


@partnership_view(VIEW_ACTIONS)
def action_list(request: PartnershipRequest) -> HttpResponse:
    return _list_page(request)


@partnership_view(VIEW_ACTIONS)
def group_actions(request: PartnershipRequest, uuid: str) -> HttpResponse:
    return _list_page(request, _found(selectors.action_group_get(request.partnership, uuid)))


@partnership_view(VIEW_ACTIONS)
def overdue(request: PartnershipRequest) -> HttpResponse:
    today = timezone.localdate()
    actions = selectors.overdue_for_board(request.user, request.partnership, today=today)
    page, query = _paginate(request, actions)
    for action in page:
        action.days_overdue = (today - action.due_date).days  # type: ignore[attr-defined]
    threshold = selectors.settings_for(request.partnership).escalate_days_overdue
    return render(request, "actions/overdue.html", {"page": page, "query": query, "threshold": threshold})


@partnership_view(VIEW_ACTIONS)
def action_log_xlsx(request: PartnershipRequest) -> HttpResponse:
    form = _filter_form(request)
    if form.errors:
        return _list_page(request)
    actions = selectors.action_search(request.user, request.partnership, **form.filters())
    workbook = action_log_workbook(actions, today=timezone.localdate())
    return file_response(workbook, f"{request.partnership.slug}-actions.xlsx", XLSX_TYPE)


def _selected_uuids(values: list[str]) -> list[UUID] | None:
    """The ticked actions' ids, once each; None if any is not an id at all."""
    try:
        return list(dict.fromkeys(UUID(value) for value in values))
    except ValueError:
        return None


def _bulk_label(action: Action) -> str:
    return f"{action.reference}: {action.title} ({action.owner.name}, due {long_date(action.due_date)})"


@partnership_view(BULK_CHANGE_ACTIONS)
def action_bulk(request: PartnershipRequest) -> HttpResponse:
    """One change to the actions ticked on the list: the ticks arrive in the address (GET), the
    change is posted. Every action is checked against the user's permission again."""
    change = request.GET.get("change", "")
    uuids = _selected_uuids(request.GET.getlist("actions"))
    if uuids is None:
        raise Http404("No such action")
    if change not in services.BULK_CHANGES or not uuids:
        return _list_page(request, selection_error=BULK_CHOOSE)
    if len(uuids) > MAX_BULK:
        return _list_page(request, selection_error=BULK_TOO_MANY.format(limit=MAX_BULK))
    selected = selectors.actions_for_bulk(request.user, request.partnership, uuids)
    if len(selected) != len(uuids):
        raise Http404("No such action")
    permission = WITHDRAW_ACTION if change == services.BULK_WITHDRAW else CHANGE_ACTION
    if not all(request.user.has_perm(permission, action) for action in selected):
        raise PermissionDenied
    form_kwargs: dict[str, Any] = {
        "change": change,
        "choices": [(str(action.uuid), _bulk_label(action)) for action in selected],
        "people": selectors.bulk_owner_choices(request.partnership),
        "agencies": selectors.bulk_agency_choices(request.partnership),
    }
    if request.method == "POST":
        form = BulkChangeForm(request.POST, **form_kwargs)
        if form.is_valid():
            data = form.cleaned_data
            ticked = set(data["actions"])
            try:
                count = services.action_bulk_change(
                    actor=request.user,
                    actions=[action for action in selected if str(action.uuid) in ticked],
                    change=change,
                    reason=data["reason"],
                    owner=data.get("owner"),
                    owner_agency=data.get("owner_agency"),
                    due_date=data.get("due_date"),
                )
            except ValidationError as error:
                form.apply_errors(error)
            else:
                messages.success(request, f"{count} action{'s' if count != 1 else ''} updated")
                return redirect(_url("action_list", request))
    else:
        form = BulkChangeForm(initial={"actions": [str(action.uuid) for action in selected]}, **form_kwargs)
    context = {"form": form, "title": BULK_TITLES[change], "back_url": _url("action_list", request)}
    return render(request, "actions/bulk.html", context, status=400 if form.errors else 200)


# One action -------------------------------------------------------------------------------


@partnership_view(VIEW_ACTIONS)
def action_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    action = _action(request, uuid)
    user = request.user
    open_ = action.is_open
    context = {
        "action": action,
        "evidence": [e for e in action.evidence.all() if not e.is_deleted],
        "can_update": user.has_perm(UPDATE_ACTION, action) and open_,
        "can_reopen": user.has_perm(REOPEN_ACTION, action) and action.status == ActionStatus.CLOSED,
        "can_change": user.has_perm(CHANGE_ACTION, action) and open_,
        "can_withdraw": user.has_perm(WITHDRAW_ACTION, action) and open_,
        "today": timezone.localdate(),
    }
    return render(request, "actions/action_detail.html", context)


@partnership_view(VIEW_ACTIONS)
def action_update(request: PartnershipRequest, uuid: str) -> HttpResponse:
    action = _changeable(request, uuid)
    return form_page(
        request,
        form_class=UpdateForm,
        form_kwargs={"action": action},
        title="Post an update",
        caption=_caption(action),
        save=lambda data: services.action_post_update(
            actor=request.user,
            action=action,
            text=data["text"],
            status=ActionStatus.IN_PROGRESS if data.get("in_progress") else "",
        ),
        success_url=_url("action_detail", request, action.uuid),
        success_message=UPDATE_POSTED,
        back_url=_url("action_detail", request, action.uuid),
    )


@partnership_view(VIEW_ACTIONS)
def action_evidence(request: PartnershipRequest, uuid: str) -> HttpResponse:
    action = _changeable(request, uuid)
    form = EvidenceForm(request.POST, request.FILES) if request.method == "POST" else EvidenceForm()
    if form.is_bound and form.is_valid():
        data, upload = form.cleaned_data, form.cleaned_data["file"]
        try:
            services.action_add_evidence(
                actor=request.user,
                action=action,
                kind=data["kind"],
                file=upload,
                original_name=upload.name if upload else "",
                link=data["link"],
                text=data["text"],
            )
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(request, EVIDENCE_ADDED)
            return redirect(_url("action_detail", request, action.uuid))
    context = {"form": form, "action": action, "caption": _caption(action)}
    return render(request, "actions/evidence.html", context, status=400 if form.errors else 200)


@partnership_view(VIEW_ACTIONS)
def action_close(request: PartnershipRequest, uuid: str) -> HttpResponse:
    """The impact question, offered only when the action can close (its evidence is there).

    A refusal for missing evidence is shown against the evidence, with a link to add it.
    """
    action = _changeable(request, uuid)
    form = CloseForm(request.POST) if request.method == "POST" else CloseForm()
    if form.is_bound and form.is_valid():
        try:
            services.action_close(actor=request.user, action=action, impact=form.cleaned_data["impact"])
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(request, ACTION_CLOSED)
            return redirect(_url("action_detail", request, action.uuid))
    context = {
        "form": form,
        "action": action,
        "caption": _caption(action),
        "can_close": action.can_close,
        "evidence_error": _evidence_error(form),
    }
    return render(request, "actions/close.html", context, status=400 if form.errors else 200)


def _evidence_error(form: CloseForm) -> str:
    """The service's "add evidence first" refusal, which belongs to no question on the form."""
    return next((str(e) for e in form.non_field_errors() if str(e) == services.CLOSE_NEEDS_EVIDENCE), "")


@partnership_view(VIEW_ACTIONS)
def action_change(request: PartnershipRequest, uuid: str) -> HttpResponse:
    action = _changeable(request, uuid, CHANGE_ACTION)
    return form_page(
        request,
        form_class=ChangeForm,
        form_kwargs={
            "people": selectors.owner_choices(action),
            "agencies": selectors.owner_agency_choices(action),
        },
        initial={
            "title": action.title,
            "description": action.description,
            "owner": action.owner_id,
            "owner_agency": action.owner_agency_id,
            "due_date": action.due_date,
        },
        title="Change the action",
        caption=_caption(action),
        save=lambda data: services.action_change(actor=request.user, action=action, **data),
        success_url=_url("action_detail", request, action.uuid),
        success_message=ACTION_CHANGED,
        back_url=_url("action_detail", request, action.uuid),
    )


@partnership_view(VIEW_ACTIONS)
def action_withdraw(request: PartnershipRequest, uuid: str) -> HttpResponse:
    action = _changeable(request, uuid, WITHDRAW_ACTION)
    return form_page(
        request,
        form_class=WithdrawForm,
        title="Withdraw the action",
        caption=_caption(action),
        save=lambda data: services.action_withdraw(actor=request.user, action=action, reason=data["reason"]),
        success_url=_url("action_detail", request, action.uuid),
        success_message=ACTION_WITHDRAWN,
        back_url=_url("action_detail", request, action.uuid),
    )


@partnership_view(VIEW_ACTIONS)
def action_reopen(request: PartnershipRequest, uuid: str) -> HttpResponse:
    action = _changeable(request, uuid, REOPEN_ACTION)
    return form_page(
        request,
        form_class=ReopenForm,
        title="Reopen the action",
        caption=_caption(action),
        save=lambda data: services.action_reopen(actor=request.user, action=action, reason=data["reason"]),
        success_url=_url("action_detail", request, action.uuid),
        success_message=ACTION_REOPENED,
        back_url=_url("action_detail", request, action.uuid),
    )


@partnership_view(VIEW_ACTIONS)
def evidence_download(request: PartnershipRequest, uuid: str, evidence_uuid: str) -> HttpResponse:
    evidence = _found(selectors.evidence_file_get(_action(request, uuid), evidence_uuid))
    return uploaded_file_response(
        actor=request.user, instance=evidence, file=evidence.file, name=evidence.original_name
    )


# Importing an earlier action log -------------------------------------------------------------


@partnership_view(IMPORT_ACTIONS)
def action_import(request: PartnershipRequest) -> HttpResponse:
    """Upload a spreadsheet of actions: every row is checked first, then all are added or none."""
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if form.is_bound and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = services.action_import(
                actor=request.user, partnership=request.partnership, rows=_read_log(upload)
            )
        except ValidationError as error:
            form.apply_errors(error)
        else:
            messages.success(request, f"{count} action{'s' if count != 1 else ''} imported")
            return redirect(_url("action_list", request))
    context = {
        "form": form,
        "title": "Import an action log",
        "back_url": _url("action_list", request),
        "multipart": True,
        "template_url": _url("action_import_template", request),
    }
    return render(request, "actions/import.html", context, status=400 if form.errors else 200)


def _read_log(upload: Any) -> list[LogRow]:
    """The rows of an uploaded log, or ValidationError({"file": ...}) naming what is wrong."""
    try:
        return read_log_file(upload.name or "", upload, upload.size)
    except ActionLogError as error:
        raise ValidationError({"file": error.messages}) from error


@partnership_view(IMPORT_ACTIONS)
def action_import_template(request: PartnershipRequest) -> HttpResponse:
    names = selectors.import_template_names(request.partnership)
    workbook = import_template_workbook(**names)
    return file_response(workbook, f"{request.partnership.slug}-action-log-template.xlsx", XLSX_TYPE)


# Settings ---------------------------------------------------------------------------------


@partnership_view(MANAGE_ACTIONS)
def action_settings(request: PartnershipRequest) -> HttpResponse:
    current = selectors.settings_for(request.partnership)
    return form_page(
        request,
        form_class=SettingsForm,
        initial={
            "remind_days_before": current.remind_days_before,
            "escalate_days_overdue": current.escalate_days_overdue,
        },
        title="Action reminders",
        save=lambda data: services.action_settings_update(
            actor=request.user, partnership=request.partnership, **data
        ),
        success_url=_url("action_list", request),
        success_message=SETTINGS_SAVED,
        back_url=_url("action_list", request),
    )
