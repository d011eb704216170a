from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from masa.accounts.permissions import PartnershipRequest, partnership_view
from masa.audit.forms import AuditFilterForm
from masa.audit.rules import VIEW_AUDIT_LOG
from masa.audit.selectors import audit_entries, audited_content_types, changes_with_reason, system_actor_name
from masa.core.csv_safe import csv_text
from masa.core.downloads import file_response


def _filtered(request: PartnershipRequest):
    form = AuditFilterForm(request.GET or None, content_types=audited_content_types(request.partnership))
    form.helper.form_action = reverse("audit:log", args=[request.partnership.slug])
    filters: dict = {}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "actor": data["actor"],
            "action": data["action"],
            "content_type": data["record_type"],
            "date_from": data["date_from"],
            "date_to": data["date_to"],
        }
    return form, audit_entries(request.partnership, **filters)


# Each old and new value on the page is cut to this many characters; the CSV has them whole.
PAGE_VALUE_LIMIT = 60


@partnership_view(VIEW_AUDIT_LOG)
def log(request: PartnershipRequest) -> HttpResponse:
    form, entries = _filtered(request)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    for entry in page:
        entry.changes_line = changes_with_reason(entry, value_limit=PAGE_VALUE_LIMIT)
        entry.who = (
            (entry.actor.full_name or entry.actor.email)
            if entry.actor
            else system_actor_name(entry) or "System"
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/log.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=400 if form.errors else 200,
    )


@partnership_view(VIEW_AUDIT_LOG)
def log_csv(request: PartnershipRequest) -> HttpResponse:
    _, entries = _filtered(request)
    rows = (
        (
            e.timestamp.isoformat(),
            e.actor.email if e.actor else system_actor_name(e) or "system",
            e.get_action_display(),
            e.content_type.name,
            e.object_repr,
            changes_with_reason(e),
            e.remote_addr or "",
        )
        for e in entries.iterator(chunk_size=2000)
    )
    body = csv_text(["When", "Who", "Action", "Record type", "Record", "Changes", "IP address"], rows)
    return file_response(body, f"{request.partnership.slug}-audit-log.csv", "text/csv; charset=utf-8")
