"""Pages of the performance dashboards: by priority and by group, an indicator's charts,
commentary, and the dataset as a workbook."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from masa.accounts.permissions import PartnershipRequest, partnership_view
from masa.core.downloads import XLSX_TYPE, file_response
from masa.core.reads import record_read
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.dashboards import selectors as selectors
from masa.dashboards.forms import CommentaryForm
from masa.dashboards.rules import COMMENT_ON_INDICATOR
from masa.indicators.export import dataset_workbook
from masa.indicators.models import Frequency
from masa.indicators.rules import VIEW_INDICATORS
from masa.indicators.services import commentary_save


def _cards(request: PartnershipRequest, indicators) -> list[selectors.Card]:
    return selectors.indicator_cards(
        request.partnership,
        indicators,
        user=request.user,
        can_open=selectors.submission_opener(request.user, request.partnership),
    )


@partnership_view(VIEW_INDICATORS)
def index(request: PartnershipRequest) -> HttpResponse:
    plans = selectors.plans_with_priorities(request.partnership)
    plan = selectors.current_plan(plans, request.GET.get("plan"))
    return render(
        request,
        "dashboards/dashboard_index.html",
        {
            "plans": plans,
            "plan": plan,
            "groups": [
                g
                for g in selectors.groups_with_indicators(request.partnership)
                if g.indicator_count  # type: ignore[attr-defined]
            ],
        },
    )


@partnership_view(VIEW_INDICATORS)
def priority_dashboard(request: PartnershipRequest, priority_uuid) -> HttpResponse:
    priority = found_or_404(selectors.priority_for(request.partnership, priority_uuid), "No such priority")
    cards = _cards(request, selectors.priority_indicators(request.partnership, priority))
    return render(
        request,
        "dashboards/dashboard_page.html",
        {"title": priority.title, "caption": f"Priority, {priority.plan.title}", "cards": cards},
    )


@partnership_view(VIEW_INDICATORS)
def group_dashboard(request: PartnershipRequest, group_uuid) -> HttpResponse:
    group = found_or_404(selectors.group_for(request.partnership, group_uuid), "No such group")
    cards = _cards(request, selectors.group_indicators(request.partnership, group))
    return render(
        request,
        "dashboards/dashboard_page.html",
        {"title": group.name, "caption": "Group dashboard", "cards": cards},
    )


@partnership_view(VIEW_INDICATORS)
def indicator_chart(request: PartnershipRequest, indicator_uuid) -> HttpResponse:
    indicator = found_or_404(
        selectors.indicator_for(request.partnership, indicator_uuid), "No such indicator"
    )
    card = _cards(request, [indicator])[0]
    history = selectors.indicator_history(
        request.partnership, indicator, selectors.submission_opener(request.user, request.partnership)
    )
    return render(
        request,
        "dashboards/dashboard_indicator.html",
        {
            "card": card,
            "indicator": indicator,
            "history": [(label, history[key]) for key, label in Frequency.choices if history.get(key)],
            "comparator_chart": selectors.comparator_chart(
                indicator, card, request.partnership.short_name or request.partnership.name
            ),
        },
    )


@partnership_view(VIEW_INDICATORS)
def commentary_edit(request: PartnershipRequest, indicator_uuid, period_uuid) -> HttpResponse:
    indicator = selectors.indicator_for(request.partnership, indicator_uuid)
    period = selectors.period_for(request.partnership, period_uuid)
    if indicator is None or period is None:
        raise Http404("No such indicator or period")
    if not request.user.has_perm(COMMENT_ON_INDICATOR, indicator):
        raise PermissionDenied
    existing = indicator.commentaries.filter(period=period).first()
    back = reverse("dashboards:indicator_chart", args=[request.partnership.slug, indicator.uuid])
    return form_page(
        request,
        form_class=CommentaryForm,
        title=f"Commentary on {indicator.title}, {period.label}",
        caption="Performance dashboards",
        initial=(
            {"what_it_tells_us": existing.what_it_tells_us, "what_we_are_doing": existing.what_we_are_doing}
            if existing
            else None
        ),
        save=lambda data: commentary_save(
            actor=request.user, partnership=request.partnership, indicator=indicator, period=period, **data
        ),
        success_url=back,
        success_message=f"Commentary on {indicator.title} for {period.label} saved",
        back_url=back,
    )


@partnership_view(VIEW_INDICATORS)
def export(request: PartnershipRequest) -> HttpResponse:
    # A download of the whole dataset is recorded as a read of the partnership's dataset.
    record_read(actor=request.user, instance=request.partnership)
    return file_response(
        dataset_workbook(request.partnership),
        f"{request.partnership.slug}-performance-dataset.xlsx",
        XLSX_TYPE,
    )
