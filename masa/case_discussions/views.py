"""Pages of local case discussions (thin: parse, call a service or selector, render). A discussion
the user may not see is "not found"; one they see but may not change is "forbidden"
(masa/case_discussions/rules.py)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.case_discussions import selectors, services
from masa.case_discussions.forms import ActionForm, DiscussionForm, discussion_initial
from masa.case_discussions.models import CaseDiscussion
from masa.case_discussions.rules import (
    CHANGE_DISCUSSION,
    EXPORT_DISCUSSIONS,
    RECORD_DISCUSSIONS,
    VIEW_DISCUSSIONS,
)
from masa.case_discussions.xlsx import register_workbook_for
from masa.core.downloads import XLSX_TYPE, file_response
from masa.core.reads import record_read
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page

RECORDED = "Discussion recorded"
SAVED = "Discussion saved"
ACTION_ADDED = "Action {reference} added to the action tracker"

_url = url_in("case_discussions")


def _discussion(request: PartnershipRequest, uuid: str) -> CaseDiscussion:
    return found_or_404(selectors.discussion_get(request.user, request.partnership, uuid))


def _changeable(request: PartnershipRequest, uuid: str) -> CaseDiscussion:
    discussion = _discussion(request, uuid)
    if not request.user.has_perm(CHANGE_DISCUSSION, discussion):
        raise PermissionDenied
    return discussion


def _form_kwargs(request: PartnershipRequest) -> dict:
    groups = selectors.recordable_groups(request.user, request.partnership)
    return {
        "groups": groups,
        "meetings": selectors.meetings_of(groups),
        "agencies": selectors.partnership_agencies(request.partnership),
        "themes": selectors.active_themes(request.partnership),
    }


@partnership_view(VIEW_DISCUSSIONS)
def discussion_list(request: PartnershipRequest) -> HttpResponse:
    user, partnership = request.user, request.partnership
    who = selectors.viewer(user, partnership)
    context = {
        "discussions": selectors.register(user, partnership),
        "sees_all": who.sees_all or who.anonymised,
        "can_record": user.has_perm(RECORD_DISCUSSIONS, partnership),
        "can_export": user.has_perm(EXPORT_DISCUSSIONS, partnership),
    }
    return render(request, "case_discussions/discussion_list.html", context)


@partnership_view(EXPORT_DISCUSSIONS)
def register_export(request: PartnershipRequest) -> HttpResponse:
    user, partnership = request.user, request.partnership
    with_references = selectors.viewer(user, partnership).sees_all
    workbook = register_workbook_for(selectors.register(user, partnership), with_references=with_references)
    if with_references:
        # Every case reference in one file: who downloaded it is kept in the audit log.
        record_read(actor=user, instance=partnership)
    return file_response(workbook, f"{partnership.slug}-local-case-discussions.xlsx", XLSX_TYPE)


@partnership_view(RECORD_DISCUSSIONS)
def discussion_record(request: PartnershipRequest) -> HttpResponse:
    return form_page(
        request,
        form_class=DiscussionForm,
        form_kwargs=_form_kwargs(request),
        title="Record a local case discussion",
        caption="Local case discussions",
        save=lambda data: services.discussion_record(
            actor=request.user, partnership=request.partnership, **data
        ),
        success_url=lambda saved: _url("discussion_detail", request, saved.uuid),  # type: ignore[attr-defined]
        success_message=RECORDED,
        back_url=_url("discussion_list", request),
    )


@partnership_view(VIEW_DISCUSSIONS)
def discussion_detail(request: PartnershipRequest, uuid: str) -> HttpResponse:
    discussion = _discussion(request, uuid)
    context = {
        "discussion": discussion,
        "actions": selectors.discussion_actions(discussion) if discussion.access != "learning" else [],  # type: ignore[attr-defined]
        "can_change": request.user.has_perm(CHANGE_DISCUSSION, discussion),
    }
    return render(request, "case_discussions/discussion_detail.html", context)


@partnership_view(VIEW_DISCUSSIONS)
def discussion_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    discussion = _changeable(request, uuid)
    return form_page(
        request,
        form_class=DiscussionForm,
        form_kwargs=_form_kwargs(request),
        initial=discussion_initial(discussion),
        title="Change the discussion",
        caption=discussion.reference,
        save=lambda data: services.discussion_update(actor=request.user, discussion=discussion, **data),
        success_url=_url("discussion_detail", request, discussion.uuid),
        success_message=SAVED,
        back_url=_url("discussion_detail", request, discussion.uuid),
    )


@partnership_view(VIEW_DISCUSSIONS)
def action_add(request: PartnershipRequest, uuid: str) -> HttpResponse:
    discussion = _changeable(request, uuid)
    return form_page(
        request,
        form_class=ActionForm,
        form_kwargs={
            "people": selectors.partnership_people(request.partnership),
            "groups": selectors.partnership_groups(request.partnership),
        },
        title="Add an action",
        caption=discussion.reference,
        save=lambda data: services.action_add(actor=request.user, discussion=discussion, **data),
        success_url=_url("discussion_detail", request, discussion.uuid) + "#actions",
        success_message=lambda saved: ACTION_ADDED.format(reference=saved.reference),  # type: ignore[attr-defined]
        back_url=_url("discussion_detail", request, discussion.uuid),
    )
