"""Pages of restraint and use of force (thin: parse, call a service or selector, render).

An establishment outside the user's scope is 404 (selectors.establishment_scope); recording is
for the business team and the chair of the establishment's overseeing group (rules.py).
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.actions.models import Action
from masa.core.downloads import DOCX_TYPE, XLSX_TYPE, file_response
from masa.core.reads import record_read
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.restraint import selectors, services
from masa.restraint.documents import review_docx
from masa.restraint.forms import ReviewForm, TypeForm, quarter_figures, quarter_form
from masa.restraint.models import AGE_BANDS, ETHNICITIES, Establishment, RestraintQuarter
from masa.restraint.rules import MANAGE_TYPES, RECORD_FIGURES, RECORD_FOR_ESTABLISHMENT, VIEW_FIGURES
from masa.restraint.xlsx import figures_workbook

FIGURES_SAVED = "Figures for {label} saved"
REVIEW_SAVED = "Review of restraint for {label} saved"
TYPE_SAVED = "Type of restraint added"

_url = url_in("restraint")


def _establishment(request: PartnershipRequest, uuid: Any) -> Establishment:
    return found_or_404(selectors.establishment_get(request.user, request.partnership, uuid))


def _recordable(request: PartnershipRequest, uuid: Any) -> Establishment:
    establishment = _establishment(request, uuid)
    if not request.user.has_perm(RECORD_FOR_ESTABLISHMENT, establishment):
        raise PermissionDenied
    return establishment


@partnership_view(VIEW_FIGURES)
def restraint_home(request: PartnershipRequest) -> HttpResponse:
    context = {
        "establishments": selectors.establishment_list(request.user, request.partnership),
        "can_manage_types": request.user.has_perm(MANAGE_TYPES, request.partnership),
    }
    return render(request, "restraint/home.html", context)


@partnership_view(VIEW_FIGURES)
def establishment_detail(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    establishment = _establishment(request, uuid)
    rows = selectors.quarters(establishment)
    context = {
        "establishment": establishment,
        "rows": rows,
        "charts": selectors.trend_charts(establishment, rows),
        "reviews": selectors.reviews(establishment),
        "can_record": request.user.has_perm(RECORD_FOR_ESTABLISHMENT, establishment),
    }
    return render(request, "restraint/establishment_detail.html", context)


@partnership_view(VIEW_FIGURES)
def figures_export(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    establishment = _establishment(request, uuid)
    record_read(actor=request.user, instance=establishment)
    workbook = figures_workbook(
        selectors.quarters(establishment),
        selectors.restraint_types(request.partnership, active_only=False),
        today=timezone.localdate(),
    )
    return file_response(workbook, f"{request.partnership.slug}-restraint-figures.xlsx", XLSX_TYPE)


@partnership_view(VIEW_FIGURES)
def quarter_detail(request: PartnershipRequest, uuid: Any, item: Any) -> HttpResponse:
    establishment = _establishment(request, uuid)
    quarter = found_or_404(selectors.quarter_get(establishment, item))
    context = {
        "establishment": establishment,
        "quarter": quarter,
        "by_type": selectors.type_breakdown(quarter),
        "by_age": selectors.age_breakdown(quarter),
        "by_ethnicity": selectors.ethnicity_breakdown(quarter),
        "can_record": request.user.has_perm(RECORD_FOR_ESTABLISHMENT, establishment),
    }
    return render(request, "restraint/quarter_detail.html", context)


def _quarter_initial(quarter: RestraintQuarter) -> dict[str, Any]:
    initial: dict[str, Any] = {
        name: getattr(quarter, name)
        for name in ("year", "quarter", "incidents", "injuries", "children", "themes", "concerns")
    }
    for count in quarter.type_counts.all():
        initial[services.type_field(count.restraint_type)] = count.count
    initial.update({services.age_field(k): quarter.by_age.get(k, 0) for k, _ in AGE_BANDS})
    initial.update({services.ethnicity_field(k): quarter.by_ethnicity.get(k, 0) for k, _ in ETHNICITIES})
    return initial


@partnership_view(RECORD_FIGURES)
def quarter_save(request: PartnershipRequest, uuid: Any, item: Any = None) -> HttpResponse:
    establishment = _recordable(request, uuid)
    quarter = found_or_404(selectors.quarter_get(establishment, item)) if item else None
    back = _url("establishment_detail", request, establishment.uuid)

    restraint_types = selectors.restraint_types(request.partnership)
    form_class = quarter_form(restraint_types)

    def save(data: dict[str, Any]) -> RestraintQuarter:
        return services.quarter_save(
            actor=request.user,
            establishment=establishment,
            quarter_return=quarter,
            **quarter_figures(data, restraint_types),
        )

    return form_page(
        request,
        form_class=form_class,
        initial=_quarter_initial(quarter) if quarter else None,
        title=f"Change the figures for {quarter.label}" if quarter else "Record a quarter's figures",
        caption=establishment.name,
        save=save,
        success_url=lambda saved: _url("quarter_detail", request, establishment.uuid, saved.uuid),  # type: ignore[attr-defined]
        success_message=lambda saved: FIGURES_SAVED.format(label=saved),
        back_url=back,
    )


@partnership_view(VIEW_FIGURES)
def review_detail(request: PartnershipRequest, uuid: Any, item: Any) -> HttpResponse:
    establishment = _establishment(request, uuid)
    review = found_or_404(selectors.review_get(establishment, item))
    context = {
        "establishment": establishment,
        "review": review,
        "rows": selectors.year_quarters(establishment, review.year),
        "actions": list(review.actions.all()),
        "can_record": request.user.has_perm(RECORD_FOR_ESTABLISHMENT, establishment),
    }
    return render(request, "restraint/review_detail.html", context)


@partnership_view(VIEW_FIGURES)
def review_export(request: PartnershipRequest, uuid: Any, item: Any) -> HttpResponse:
    establishment = _establishment(request, uuid)
    review = found_or_404(selectors.review_get(establishment, item))
    record_read(actor=request.user, instance=review)
    document = review_docx(establishment, review, selectors.year_quarters(establishment, review.year))
    return file_response(
        document, f"{request.partnership.slug}-restraint-review-{review.year}.docx", DOCX_TYPE
    )


@partnership_view(RECORD_FIGURES)
def review_save(request: PartnershipRequest, uuid: Any, item: Any = None) -> HttpResponse:
    establishment = _recordable(request, uuid)
    review = found_or_404(selectors.review_get(establishment, item)) if item else None
    initial: dict[str, Any] | None = None
    if review is not None:
        initial = {
            name: getattr(review, name)
            for name in ("year", "summary", "themes", "concerns", "recommendations", "presented_on")
        }
        initial["actions"] = [a.pk for a in review.actions.all()]
    return form_page(
        request,
        form_class=ReviewForm,
        form_kwargs={"actions": Action.objects.filter(partnership=request.partnership).order_by("-number")},
        initial=initial,
        title=f"Change the review of restraint for {review.year_label}"
        if review
        else "Record the yearly review",
        caption=establishment.name,
        save=lambda data: services.review_save(
            actor=request.user, establishment=establishment, review=review, **data
        ),
        success_url=lambda saved: _url("review_detail", request, establishment.uuid, saved.uuid),  # type: ignore[attr-defined]
        success_message=lambda saved: REVIEW_SAVED.format(label=saved.year_label),  # type: ignore[attr-defined]
        back_url=_url("review_detail", request, establishment.uuid, review.uuid)
        if review
        else _url("establishment_detail", request, establishment.uuid),
    )


@partnership_view(MANAGE_TYPES)
def type_list(request: PartnershipRequest) -> HttpResponse:
    """The partnership's list of types of restraint, with a form to add one."""
    return form_page(
        request,
        form_class=TypeForm,
        title="Add a type of restraint or use of force",
        caption="Already counted: "
        + (", ".join(t.name for t in selectors.restraint_types(request.partnership)) or "none yet"),
        save=lambda data: services.type_save(
            actor=request.user,
            partnership=request.partnership,
            name=data["name"],
            order=data.get("order") or 0,
        ),
        success_url=_url("type_list", request),
        success_message=TYPE_SAVED,
        back_url=_url("home", request),
    )
